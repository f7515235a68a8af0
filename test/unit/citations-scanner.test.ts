// The citation scanner's edge cases. Each case lists the citations found, written as Pandoc reads
// them: `key` (in a citation bracket), `key(in)` (in-text), `key(-)` (author suppressed). The cases
// in AGREES_WITH_PANDOC are also run through a real `pandoc -t json` (when installed) and must give
// exactly the same citations; DELIBERATE lists where Dossier reads less than Pandoc on purpose.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { canStartCitation, citationAt, citationContextAt, citedKeys, excludedRanges, readKey, scanCitations } from '../../src/core/citations';
import { requirePandoc } from './pandoc-available';

function modes(text: string): string[] {
  return scanCitations(text).map((c) => c.key + (c.suppressAuthor ? '(-)' : c.bracket ? '' : '(in)'));
}

const AGREES_WITH_PANDOC: [string, string, string[]][] = [
  // Citation forms.
  ['bracketed', '[@a]', ['a']],
  ['locator', '[@a, p. 3]', ['a']],
  ['locator without comma', '[@a p. 3]', ['a']],
  ['prefix and several', '[see @a; @b]', ['a', 'b']],
  ['no space after ;', '[@a;@b]', ['a', 'b']],
  ['prefix, locators, suffix', '[see @a, pp. 33-35 and *passim*; @b, chap. 1]', ['a', 'b']],
  ['suppressed author', '[-@a]', ['a(-)']],
  ['suppressed in a list', '[-@a; -@b] [see -@c]', ['a(-)', 'b(-)', 'c(-)']],
  ['a dash outside brackets is text', 'x -@c', ['c(in)']],
  ['in-text', '@a says', ['a(in)']],
  ['in-text with locator', '@a [p. 33] says', ['a(in)']],
  ['in parentheses and quotes', 'x (@a) "@b" ‘@c’ “@d”', ['a(in)', 'b(in)', 'c(in)', 'd(in)']],
  ['in emphasis', '*@a* **@b** _see @c_', ['a(in)', 'b(in)', 'c_(in)']],
  ['bracket spans lines', '[see\n@a]', ['a']],
  ['nested bracket', '[see [@a]]', ['a']],
  ['bracket with a nested locator bracket', '[see @a, [p. 3]]', ['a']],
  ['bracket not closed', 'foo [@a', ['a(in)']],
  // Key characters.
  ['digits and underscore first', '@1abc @_u', ['1abc(in)', '_u(in)']],
  ['non-ASCII letters', '@é @Ærø-ü @Лавров2025', ['é(in)', 'Ærø-ü(in)', 'Лавров2025(in)']],
  ['internal punctuation', '@a:b.c#d$e%f&g-h+i?j<k>l~m/n', ['a:b.c#d$e%f&g-h+i?j<k>l~m/n(in)']],
  ['trailing . , ; : ? are not part of the key', 'x @a. y @b, z @c; w @d: v @e?', ['a(in)', 'b(in)', 'c(in)', 'd(in)', 'e(in)']],
  ['trailing underscore is', '@a_: @b_', ['a_(in)', 'b_(in)']],
  ['repeated punctuation ends the key', '@a--b @a..b @a::b @a:.b @a/:b', ['a(in)', 'a(in)', 'a(in)', 'a(in)', 'a(in)']],
  [':// and // stay in the key', '@a://b @a//b @a:/b', ['a://b(in)', 'a//b(in)', 'a:/b(in)']],
  ['braced keys', '@{x} @{https://doi.org/10.1/x} @{a{b}c}', ['x(in)', 'https://doi.org/10.1/x(in)', 'a{b}c(in)']],
  ['braced keys hold no spaces', '@{a b} and @{odd key!}', []],
  ['braced key then text', '@{a}b', ['a(in)']],
  // What starts no citation.
  ['e-mail addresses', 'name@example.com first.last@x.org é@i 1@j', []],
  ['after a word and a dot', 'a.@b', []],
  ['after other punctuation it is one', 'a+@b a%@c a-@d a_@e', ['b(in)', 'c(in)', 'd(in)', 'e(in)']],
  ['escaped @', '\\@esc and \\\\@b', ['b(in)']],
  ['bare @', '@ and @. and @-', []],
  // Links, images, spans.
  ['a link text is in-text', '[@a](http://x.org)', ['a(in)']],
  ['a link with a citation list', '[@a; @b](u)', ['a(in)', 'b(in)']],
  ['an image alt', '![@a](x.png)', ['a(in)']],
  ['a span', '[@a]{.x}', ['a(in)']],
  ['reference-style link', '[@a][@b]', ['a(in)', 'b']],
  ['link destination', '[text](../notes/@x.md) [t](<a b/@y>)', []],
  ['reference definition', '[ref]: https://x.org/@u\n\n[x][ref]', []],
  ['autolinks', 'x <https://y.org/@z> <me@x.org> <mailto:a@b> y', []],
  // Code and math.
  ['code spans', '`@a` ``x `@b` y`` ```@c```', []],
  ['unmatched backticks are text', '`` a ` @b', ['b(in)']],
  ['fenced code', '```\n@a\n```\n\n~~~ md\n@b\n~~~\n\n````\n```\n@c\n````\n@d', ['d(in)']],
  ['an unclosed fence is text', 'x @a\n\n```\n@b\n', ['a(in)', 'b(in)']],
  ['a fence closed by a longer run', '~~~\n@a\n~~~~~\n@b', ['b(in)']],
  ['a backtick run does not close a tilde fence', '~~~\n@a\n```\n~~~\n@b', ['b(in)']],
  ['a backtick fence has no backtick in its info string', '```@a``` and @b', ['b(in)']],
  ['fence in a blockquote', '> ```\n> @q\n> ```\n\n> @r', ['r(in)']],
  ['indented code', '    @a\n\ntext @b', ['b(in)']],
  ['indented code after a heading', '# H\n    @a', []],
  ['indented line continuing a paragraph is text', 'para\n    [@c] lazy', ['c']],
  ['indented paragraph in a list item is text', '- item\n\n    para [@b]', ['b']],
  ['tab-indented code', '\t@a\n', []],
  ['inline math', '$@m$ and $$@n$$', []],
  ['dollars that are not math', 'cost $5 and @n and $6', ['n(in)']],
  ['math closed by a dollar after a non-space', '$5 and @n 6$', []],
  // Front matter and comments.
  ['YAML front matter', '---\nauthor: "@me"\n---\n@ok', ['ok(in)']],
  ['front matter closed by ...', '---\nx: "@me"\n...\n\n@ok', ['ok(in)']],
  ['HTML comment', '<!-- @c\n@d -->\n@e', ['e(in)']],
  // Headings, lists, blockquotes are prose.
  ['heading, list, quote', '# About @a\n\n- item [@b]\n1. item [-@c]\n\n> quoted @d', ['a(in)', 'b', 'c(-)', 'd(in)']],
];

/** Pandoc reads these as citations too; Dossier does not, because they are URLs or not keys. */
const DELIBERATE: [string, string, string[]][] = [
  ['bare URLs (Pandoc cites @user)', 'https://x.org/@user www.e.com/@w ftp://f.org/@f (see http://x.org/@u) @ok', ['ok(in)']],
  ['the nocite wildcard', '@*', []],
  ['an empty braced key', '@{}', []],
  ['a trailing _ stays in the key (Pandoc drops it in `_@c_` alone, not in `_see @c_`)', '_@c_', ['c_(in)']],
];

describe('citation scanner', () => {
  for (const [name, text, expected] of [...AGREES_WITH_PANDOC, ...DELIBERATE]) {
    it(name, () => assert.deepStrictEqual(modes(text), expected, JSON.stringify(text)));
  }

  it('gives offsets, lines and characters of the key, the @ token and the bracket', () => {
    const text = 'line one\nSee [@tass2025-cuba, p. 3].';
    assert.deepStrictEqual(scanCitations(text), [{
      key: 'tass2025-cuba', start: 15, end: 28, line: 1, character: 6, endCharacter: 19, at: 14, tokenEnd: 28, braced: false,
      bracket: { start: 13, end: 35, line: 1, character: 4, endLine: 1, endCharacter: 26 }, suppressAuthor: false,
    }]);
    assert.strictEqual(text.slice(15, 28), 'tass2025-cuba');
  });

  it('braced keys: the key without braces, the token with them', () => {
    const [c] = scanCitations('x @{a.b.} y');
    assert.deepStrictEqual([c!.key, c!.at, c!.start, c!.end, c!.tokenEnd, c!.braced], ['a.b.', 2, 4, 8, 9, true]);
  });

  it('a bracket across lines has its start and end positions', () => {
    const [, b] = scanCitations('[@a]\n[see\n@b]');
    assert.deepStrictEqual(b!.bracket, { start: 5, end: 13, line: 1, character: 0, endLine: 2, endCharacter: 3 });
    assert.deepStrictEqual([b!.line, b!.character], [2, 1]);
  });

  it('CRLF line ends: same keys, characters counted within the line', () => {
    const text = '---\r\ntitle: "@x"\r\n---\r\n\r\n```\r\n@code\r\n```\r\nSee [@a] and\r\n  @b.\r\n';
    assert.deepStrictEqual(scanCitations(text).map((c) => [c.key, c.line, c.character]), [['a', 7, 6], ['b', 8, 3]]);
  });

  it('a byte-order mark does not hide front matter', () => {
    assert.deepStrictEqual(modes('\uFEFF---\nx: "@me"\n---\n@ok'), ['ok(in)']);
  });

  it('front matter only at the very start', () => {
    assert.deepStrictEqual(modes('text\n\n---\nx: @a\n---\n'), ['a(in)']);
  });

  it('characters outside the BMP: positions in UTF-16 units, letters in keys', () => {
    const [c] = scanCitations('😀 [@𠜎key]');
    assert.deepStrictEqual([c!.key, c!.start, c!.character, c!.endCharacter], ['𠜎key', 5, 5, 10]);
  });

  it('a long document with many citations stays linear', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} cites [@k${i}; @k${i + 1}] and \`code @x\`.`).join('\n\n');
    const found = scanCitations(text);
    assert.strictEqual(found.length, 10000);
    assert.strictEqual(found[9999]!.line, 4999 * 2);
  });

  it('citedKeys: distinct, in order of first citation', () => {
    assert.deepStrictEqual(citedKeys('[@b; @a] @b @c'), ['b', 'a', 'c']);
  });

  it('excludedRanges: merged and sorted', () => {
    assert.deepStrictEqual(excludedRanges('`a` `b`\n\n```\nx\n```\n'), [[0, 3], [4, 7], [9, 19]]);
  });

  it('readKey and canStartCitation, directly', () => {
    assert.deepStrictEqual(readKey('@a.b.', 1), { key: 'a.b', keyStart: 1, keyEnd: 4, tokenEnd: 4, braced: false });
    assert.strictEqual(readKey('@-a', 1), null);
    assert.strictEqual(canStartCitation('x@', 1), false);
    assert.strictEqual(canStartCitation('(@', 1), true);
  });
});

describe('citationAt', () => {
  const text = 'See [@a; @{b}] and @c.';
  const all = scanCitations(text);
  it('finds the citation on its @, key, or closing brace; not beside it', () => {
    const at = (offset: number) => citationAt(all, offset)?.key ?? null;
    assert.deepStrictEqual([at(4), at(5), at(6), at(7), at(9), at(12), at(13), at(19), at(21), at(22)], [null, 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', null]);
  });
});

describe('citation context (completion, Insert Citation)', () => {
  const ctx = (text: string, offset = text.length) => citationContextAt(text, offset);
  it('after [@ with a partial key, open or closed', () => {
    assert.deepStrictEqual(ctx('See [@lav'), { prefix: 'lav', atOffset: 5, keyEnd: 9, inBracket: true, bracketStart: 4, closed: false });
    assert.deepStrictEqual(ctx('See [@lav]', 9), { prefix: 'lav', atOffset: 5, keyEnd: 9, inBracket: true, bracketStart: 4, closed: true });
    assert.deepStrictEqual(ctx('See [@]', 6), { prefix: '', atOffset: 5, keyEnd: 6, inBracket: true, bracketStart: 4, closed: true });
  });
  it('in-text at a word start, with nothing typed yet', () => {
    assert.deepStrictEqual(ctx('As @'), { prefix: '', atOffset: 3, keyEnd: 4, inBracket: false, bracketStart: -1, closed: false });
    assert.deepStrictEqual(ctx('@'), { prefix: '', atOffset: 0, keyEnd: 1, inBracket: false, bracketStart: -1, closed: false });
  });
  it('the key after the cursor is part of what a completion replaces', () => {
    assert.deepStrictEqual(ctx('[@tass-cuba] x', 4), { prefix: 'ta', atOffset: 1, keyEnd: 11, inBracket: true, bracketStart: 0, closed: true });
  });
  it('second key in a bracket; suppressed author; a bracket opened on an earlier line', () => {
    assert.strictEqual(ctx('[see @a, p. 3; @rh')!.prefix, 'rh');
    assert.strictEqual(ctx('[see @a, p. 3; @rh')!.inBracket, true);
    assert.deepStrictEqual(ctx('[-@x')!.inBracket, true);
    assert.deepStrictEqual(ctx('[see\nalso @x')!.bracketStart, 0);
    assert.strictEqual(ctx('[a]\n\n[b] @x')!.inBracket, false);
  });
  it('a bracket closed before the @, or a link, is no citation bracket for it', () => {
    assert.strictEqual(ctx('[a] @x')!.inBracket, false);
    assert.strictEqual(ctx('![alt @x')!.inBracket, false);
  });
  it('a ] after another [ does not close ours', () => {
    assert.strictEqual(ctx('[@x and [y]', 3)!.closed, false);
    assert.strictEqual(ctx('[@x and [y]]', 3)!.closed, true);
  });
  it('none in an e-mail address, code, front matter, a URL, or after an escape', () => {
    assert.strictEqual(ctx('mail a@b'), null);
    assert.strictEqual(ctx('`@a` ', 3), null);
    assert.strictEqual(ctx('```\n@a\n```', 6), null);
    assert.strictEqual(ctx('---\nx: @a\n---\n', 8), null);
    assert.strictEqual(ctx('see https://x.org/@us'), null);
    assert.strictEqual(ctx('\\@a'), null);
    assert.strictEqual(ctx('no at here'), null);
    assert.strictEqual(ctx('@.x'), null);
  });
});

describe('the scanner agrees with a real Pandoc', function () {
  this.timeout(120_000);
  before(function () {
    requirePandoc(this);
  });

  it(`on the ${AGREES_WITH_PANDOC.length} cases above (pandoc -f markdown -t json)`, () => {
    const mismatches: string[] = [];
    for (const [name, text] of AGREES_WITH_PANDOC) {
      const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: text, encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      const theirs = pandocCitations(JSON.parse(run.stdout).blocks);
      const ours = modes(text);
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) mismatches.push(`${name}: ${JSON.stringify(text)}\n  pandoc ${JSON.stringify(theirs)}\n  dossier ${JSON.stringify(ours)}`);
    }
    assert.deepStrictEqual(mismatches, []);
  });
});

const MODES: Record<string, string> = { SuppressAuthor: '(-)', AuthorInText: '(in)' };

/** The citations in Pandoc's JSON AST, in document order, in the notation of the cases. */
function pandocCitations(ast: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { t?: string; c?: unknown };
      if (n.t === 'Cite') {
        const [citations] = n.c as [{ citationId: string; citationMode: { t: string } }[]];
        for (const c of citations) found.push(c.citationId + (MODES[c.citationMode.t] ?? ''));
        return;
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(ast);
  return found;
}
