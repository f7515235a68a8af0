// `dossier search <folder> "<query>" [--json] [--limit N]` and `--queries FILE` (one query per line,
// one JSON line per query): the same engine as the extension's Search Articles command.

import * as fs from 'fs';
import type { Corpus } from '../core/library/corpus';
import { dateOutlet } from '../core/card';
import { SearchIndex, type SearchResult } from '../core/search';
import { intOption, parseArgs, UsageError } from './args';
import { loadCorpus, whenRead } from './files';
import { printWarnings } from './index';
import { terminalText } from '../core/untrusted';

export interface CliSearchResult {
  key: string;
  score: number;
  label: string;
  date: string | null;
  outlet: string | null;
  file: string;
  matchedField: string;
  passage: string;
}

function toJson(corpus: Corpus, results: SearchResult[]): CliSearchResult[] {
  return results.flatMap((r) => {
    const a = corpus.get(r.key);
    return a ? [{ key: r.key, score: r.score, label: a.label, date: a.date, outlet: a.outlet, file: a.file, matchedField: r.matchedField, passage: r.passage }] : [];
  });
}

export function runSearch(argv: string[], out: (text: string) => void, err: (text: string) => void): number | Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', limit: 'string', queries: 'string' });
  const [folder, ...words] = args.positionals;
  if (!folder) throw new UsageError('search needs a folder and a query (or --queries FILE)');
  const limit = intOption(args, 'limit', 10);
  const queriesFile = args.values.queries;
  if (!queriesFile && !words.length) throw new UsageError('search needs a query (or --queries FILE)');
  if (queriesFile && words.length) throw new UsageError('give either a query or --queries FILE, not both');

  let queries: string[] | null = null;
  if (queriesFile) {
    try {
      queries = fs.readFileSync(queriesFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    } catch (error) {
      throw new UsageError(`cannot read ${queriesFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }

  const corpus = loadCorpus([folder]);
  // PDFs are parsed asynchronously: go on once they are in.
  return whenRead(corpus, () => {
    printWarnings(corpus, err);
    const index = new SearchIndex(corpus);

    if (queries) {
      for (const query of queries) out(JSON.stringify({ query, results: toJson(corpus, index.search(query, { limit })) }));
      return 0;
    }
    const query = words.join(' ');
    const results = index.search(query, { limit });
    if (args.flags.json) {
      out(JSON.stringify({ query, results: toJson(corpus, results) }, null, 2));
      return 0;
    }
    if (!results.length) {
      out(`no articles match "${query}"`);
      return 0;
    }
    results.forEach((r, i) => {
      const a = corpus.get(r.key);
      if (!a) return;
      out(terminalText(`${String(i + 1).padStart(2)}. @${r.key}  ${a.label}`));
      const meta = dateOutlet(a, 'iso');
      out(terminalText(`    ${meta || 'undated'}  [${r.matchedField}]`));
      out(terminalText(`    ${r.passage}`));
    });
    return 0;
  });
}
