// `dossier index <folder>... [--json] [--cache DIR] [--workers N]`: the corpus as a summary or as
// the documented JSON shape; read through a persistent cache and extraction workers (indexFiles.ts).

import type { Corpus } from '../core/library/corpus';
import { parseArgs, UsageError } from './args';
import { indexFolders } from './indexFiles';

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

export async function runIndex(argv: string[], out: (text: string) => void, err: (text: string) => void = console.error): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', cache: 'string', workers: 'string' });
  if (!args.positionals.length) throw new UsageError('index needs at least one folder');
  const workers = args.values.workers === undefined ? undefined : Number(args.values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError('--workers takes a whole number (0: no workers)');
  const started = Date.now();
  const { corpus, stats } = await indexFolders(args.positionals, { cacheDir: args.values.cache, workers, log: (m) => err(`dossier index: ${m}`) });
  if (args.values.cache) {
    err(`dossier index: ${stats.files} files, ${stats.fromCache} unchanged since the cache, ${stats.read} read`
      + `${stats.workers ? ` (extracted by ${stats.workers} workers)` : ''} in ${Date.now() - started} ms`);
  }
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
}
