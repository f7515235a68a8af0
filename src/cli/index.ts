// `dossier index <folder>... [--json] [--cache DIR] [--workers N]`: the corpus as a summary or as
// the documented JSON shape; read through a persistent cache and extraction workers (indexFiles.ts).

import type { Corpus } from '../core/library/corpus';
import { parseArgs, UsageError } from './args';
import { terminalText } from '../core/untrusted';
import { indexFolders } from './indexFiles';

export const INDEX_JSON_VERSION = 1;

export function indexJson(corpus: Corpus) {
  const articles = [...corpus.articles()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    version: INDEX_JSON_VERSION,
    articles: articles.map((a) => corpus.record(a)),
    countries: corpus.countries(),
    // A surname-only person ("Putin") the library links to exactly one full person names that person's id.
    persons: corpus.persons().map((p) => {
      const surnameOf = corpus.surnameLink(p.id);
      return { id: p.id, name: p.name, variants: p.variants, articles: p.articles, ...(surnameOf === null ? {} : { surnameOf }) };
    }),
    warnings: corpus.warnings(),
  };
}

/** Warnings go to stderr in both modes (and into `warnings` with --json), so stdout stays the output. */
export function printWarnings(corpus: Corpus, err: (text: string) => void): void {
  for (const w of corpus.warnings()) err(terminalText(`warning: ${w.file}: ${w.message}`));
}

export async function runIndex(argv: string[], out: (text: string) => void, err: (text: string) => void = console.error): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', cache: 'string', workers: 'string' });
  if (!args.positionals.length) throw new UsageError('index needs at least one folder');
  const workers = args.values.workers === undefined ? undefined : Number(args.values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError('--workers takes a whole number (0: no workers)');
  const started = Date.now();
  // (PDFs are parsed asynchronously: indexFolders resolves once they are in.)
  const { corpus, stats } = await indexFolders(args.positionals, { cacheDir: args.values.cache, workers, log: (m) => err(terminalText(`dossier index: ${m}`)) });
  if (args.values.cache) {
    err(`dossier index: ${stats.files} files, ${stats.fromCache} unchanged since the cache, ${stats.read} read`
      + `${stats.workers ? ` (extracted by ${stats.workers} workers)` : ''} in ${Date.now() - started} ms`);
  }
  printWarnings(corpus, err);
  if (args.flags.json) {
    out(JSON.stringify(indexJson(corpus), null, 2));
    return 0;
  }
  // Titles, outlets and names come from files: no terminal escape sequences or bidi controls reach the terminal.
  const t = terminalText;
  const articles = corpus.articles();
  out(`${articles.length} article${articles.length === 1 ? '' : 's'} indexed`);
  for (const a of articles) {
    out(t(`  @${a.key}  ${a.label}`));
    out(t(`      ${[a.date ?? 'undated', a.outlet ?? 'unknown outlet', a.file].join(' · ')}`));
  }
  const countries = corpus.countries();
  if (countries.length) out(t(`countries: ${countries.slice(0, 12).map((c) => `${c.name} (${c.articles.length})`).join(', ')}`));
  const persons = corpus.persons();
  if (persons.length) out(t(`persons: ${persons.slice(0, 12).map((p) => `${p.name} (${p.articles.length})`).join(', ')}`));
  return 0;
}
