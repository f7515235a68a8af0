// Insert Citation's edit: `|` marks the cursor, `«…»` the selection; the result is the text after
// the one edit.
import * as assert from 'assert';
import { citationEdit } from '../../src/core/citations';

function apply(marked: string, keys: string[]): string | null {
  const selection = /«([^»]*)»/.exec(marked);
  const text = marked.replace(/[|«»]/g, '');
  const start = selection ? selection.index : marked.indexOf('|');
  const end = selection ? start + selection[1]!.length : start;
  const edit = citationEdit(text, start, end, keys, (k) => ['a', 'b', 'x', 'y'].includes(k));
  return edit && text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('Insert Citation edit', () => {
  const cases: [string, string, string[], string | null][] = [
    ['at the cursor', 'First.| Second.', ['a'], 'First.[@a] Second.'],
    ['several keys', 'Text |', ['a', 'b'], 'Text [@a; @b]'],
    ['duplicates chosen once', 'Text |', ['a', 'a'], 'Text [@a]'],
    ['into an existing bracket, before its ]', 'See [see @x, p. 2|].', ['a'], 'See [see @x, p. 2; @a].'],
    ['from anywhere in the bracket', 'See [see| @x, p. 2].', ['a', 'b'], 'See [see @x, p. 2; @a; @b].'],
    ['right after the [', 'See [|@x].', ['a'], 'See [@x; @a].'],
    ['a key already in the bracket is not added again', 'See [@x; @a|].', ['a'], null],
    ['only the new keys of several', 'See [@x|].', ['x', 'b'], 'See [@x; @b].'],
    ['a bracket across lines', '[see\n@x|,\np. 3]', ['a'], '[see\n@x,\np. 3; @a]'],
    ['right after a known key in-text: a new citation', 'As @x| says', ['a'], 'As @x[@a] says'],
    ['not into a link', '[text](u)| and', ['a'], '[text](u)[@a] and'],
    ['not into a link text', '[te|xt](u)', ['a'], '[te[@a]xt](u)'],
    ['not into code', '`[@x|]`', ['a'], '`[@x[@a]]`'],
    ['over a selection', 'The «Havana visit» mattered.', ['a'], 'The [@a] mattered.'],
    ['over a key selected in a bracket', 'See [«@x»; @y].', ['a'], 'See [@a; @y].'],
    ['replaces a key being typed in an open bracket, closing it', 'See [@lav|', ['a'], 'See [@a]'],
    ['… in a closed bracket', 'See [@lav|] now', ['a', 'b'], 'See [@a; @b] now'],
    ['… with the rest of the key after the cursor', 'See [@la|vrov-x] now', ['a'], 'See [@a] now'],
    ['… after @ alone', 'See [@|]', ['a'], 'See [@a]'],
    ['… second key of a bracket', '[see @x; @rh|]', ['a'], '[see @x; @a]'],
    ['… in-text: one key stays in-text', 'As @lav| says', ['a'], 'As @a says'],
    ['… in-text: several keys become a bracket', 'As @lav| says', ['a', 'b'], 'As [@a; @b] says'],
    ['nothing chosen', 'Text |', [], null],
  ];
  for (const [name, marked, keys, expected] of cases) {
    it(name, () => assert.strictEqual(apply(marked, keys), expected));
  }
});
