// `dossier bib <articles> [--cited-in <notes>...] [--format csl-json|bibtex]`.

import { toBibtex, toCslJson } from '../core/citations';
import { parseArgs, UsageError } from './args';
import { loadCorpus, whenRead } from './files';
import { readNotes } from './notes';
import { printWarnings } from './index';

export function runBib(argv: string[], out: (text: string) => void, err: (text: string) => void): number | Promise<number> {
  const args = parseArgs(argv, { 'cited-in': 'list', format: 'string' });
  const format = args.values.format ?? 'csl-json';
  if (format !== 'csl-json' && format !== 'bibtex') throw new UsageError(`--format is csl-json or bibtex, not ${format}`);
  if (args.positionals.length !== 1) throw new UsageError('bib needs one articles folder');
  const corpus = loadCorpus(args.positionals);
  // PDFs are parsed asynchronously: go on once they are in.
  return whenRead(corpus, () => {
    printWarnings(corpus, err);
    let articles = [...corpus.articles()].sort((a, b) => (a.key < b.key ? -1 : 1));
    const notes = args.lists['cited-in'];
    if (notes) {
      const read = readNotes(notes, err);
      const cited = new Set(read.flatMap((n) => n.citations.map((c) => c.key)));
      for (const key of cited) if (!corpus.has(key)) err(`warning: unknown citation key @${key}`);
      // `nocite: "@*"` in any note puts every article in its bibliography, so in this one.
      if (!read.some((n) => n.all)) articles = articles.filter((a) => cited.has(a.key));
    }
    const records = articles.map((a) => corpus.record(a));
    // `out` ends the text with a newline of its own.
    out((format === 'bibtex' ? toBibtex(records) : toCslJson(records)).replace(/\n$/, ''));
    return 0;
  });
}
