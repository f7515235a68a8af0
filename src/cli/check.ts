// `dossier check <articles> <notes>...`: unknown citation keys as file:line:col, exit 1 if any —
// in the text and in the front matter's `nocite` list alike (Pandoc looks both up).

import { nearestKeys } from '../core/citations';
import { parseArgs, UsageError } from './args';
import { loadCorpus, whenRead } from './files';
import { readNotes } from './notes';
import { printWarnings } from './index';
import { terminalText } from '../core/untrusted';

export function runCheck(argv: string[], out: (text: string) => void, err: (text: string) => void): number | Promise<number> {
  const args = parseArgs(argv, {});
  const [articles, ...notes] = args.positionals;
  if (!articles || !notes.length) throw new UsageError('check needs an articles folder and at least one note or notes folder');
  const corpus = loadCorpus([articles]);
  // PDFs are parsed asynchronously: go on once they are in.
  return whenRead(corpus, () => {
    printWarnings(corpus, err);
    const nearestByKey = new Map<string, string | undefined>();
    let unknown = 0;
    let cited = 0;
    for (const note of readNotes(notes, err)) {
      for (const c of note.citations) {
        cited++;
        if (corpus.has(c.key)) continue;
        unknown++;
        // Once per distinct key: a note may cite one unknown key thousands of times.
        if (!nearestByKey.has(c.key)) nearestByKey.set(c.key, nearestKeys(c.key, corpus.keys(), 1)[0]);
        const near = nearestByKey.get(c.key);
        out(terminalText(`${note.file}:${c.line + 1}:${c.character - (c.start - c.at) + 1}: unknown citation key @${c.key}${near ? ` (did you mean @${near}?)` : ''}`));
      }
    }
    err(`${cited} citation${cited === 1 ? '' : 's'} checked, ${unknown} unknown`);
    return unknown ? 1 : 0;
  });
}
