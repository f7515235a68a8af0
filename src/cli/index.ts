// `dossier index <folder>... [--json]`: the corpus as a summary or as the documented JSON shape.

import type { Corpus } from '../core/library/corpus';
import { parseArgs, UsageError } from './args';
import { loadCorpus, whenRead } from './files';

export const INDEX_JSON_VERSION = 1;

export function indexJson(corpus: Corpus) {
  const articles = [...corpus.articles()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    version: INDEX_JSON_VERSION,
    articles: articles.map((a) => corpus.record(a)),
    countries: corpus.countries(),
    persons: corpus.persons().map((p) => ({ id: p.id, name: p.name, variants: p.variants, articles: p.articles })),
    warnings: corpus.warnings(),
  };
}

export function runIndex(argv: string[], out: (text: string) => void): number | Promise<number> {
  const args = parseArgs(argv, { json: 'boolean' });
  if (!args.positionals.length) throw new UsageError('index needs at least one folder');
  const corpus = loadCorpus(args.positionals);
  // PDFs are parsed asynchronously: go on once they are in.
  return whenRead(corpus, () => {
    if (args.flags.json) {
      out(JSON.stringify(indexJson(corpus), null, 2));
      return 0;
    }
    const articles = corpus.articles();
    out(`${articles.length} article${articles.length === 1 ? '' : 's'} indexed`);
    for (const a of articles) {
      out(`  @${a.key}  ${a.label}`);
      out(`      ${[a.date ?? 'undated', a.outlet ?? 'unknown outlet', a.file].join(' · ')}`);
    }
    const countries = corpus.countries();
    if (countries.length) out(`countries: ${countries.slice(0, 12).map((c) => `${c.name} (${c.articles.length})`).join(', ')}`);
    const persons = corpus.persons();
    if (persons.length) out(`persons: ${persons.slice(0, 12).map((p) => `${p.name} (${p.articles.length})`).join(', ')}`);
    for (const w of corpus.warnings()) out(`warning: ${w.file}: ${w.message}`);
    return 0;
  });
}
