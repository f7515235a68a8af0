// Search benchmark: for generated corpora of 1k / 10k / 100k articles, the index build time, heap,
// p50 / p95 latency over typo'd queries, and quality against plain fuse.js over all fields.
//
// Queries are made from one generated article each (its person's surname, its rare place name,
// words of its title) and then mutated: a dropped, doubled, swapped or replaced letter, or another
// transliteration of the name. Quality = how often that article is in the top 5 ("hit@5"), for
// Dossier's engine and for fuse.js; "agree@5" = mean overlap of the two top-5 lists.
//
// Each query runs once (no query is measured warm); p95 over 200 queries by default
// (BENCH_QUERIES), since on a shared 2-core machine a few pauses decide the p95 of 60.
// Sizes: BENCH_SIZES=1000,10000 (default 1000,10000,100000). fuse.js runs only up to
// BENCH_FUSE_MAX articles (default 10000): at 10k it already takes ~1-2 s a query.

import * as v8 from 'v8';
import * as vm from 'vm';
import Fuse from 'fuse.js';
import { Corpus } from '../src/core/library/corpus';
import { FacetSuggester, SearchIndex } from '../src/core/search';
import type { Article } from '../src/core/types';
import { citationCandidates } from '../src/core/citations';
import { generateArticle, mulberry32, PERSONS, type GeneratedArticle } from './generate';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** One typo: drop, double, swap or replace a letter (never the first). */
export function typo(word: string, rng: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const kind = Math.floor(rng() * 4);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const vowels = 'aeiou';
  const c = word[i]!.toLowerCase();
  const repl = vowels.includes(c) ? vowels[(vowels.indexOf(c) + 1) % 5]! : c === 'k' ? 'c' : c === 's' ? 'z' : 'e';
  return word.slice(0, i) + repl + word.slice(i + 1);
}

interface BenchQuery {
  query: string;
  /** Index of the article the query was made from. */
  source: number;
}

const TITLE_STOP = new Set(['and', 'the', 'with', 'says', 'will', 'to', 'in', 'on', 'of']);

export function makeQueries(count: number, corpusSize: number, seed = 7): BenchQuery[] {
  const rng = mulberry32(seed);
  const queries: BenchQuery[] = [];
  for (let q = 0; q < count; q++) {
    const source = Math.floor(rng() * corpusSize);
    const g: GeneratedArticle = generateArticle(source);
    const personName = g.persons[0] ?? '';
    const pool = PERSONS.find((p) => p.variants.includes(personName));
    const surname = personName.split(' ').pop() ?? '';
    const titleWords = g.title.split(/[^\p{L}]+/u).filter((w) => w.length > 3 && !TITLE_STOP.has(w.toLowerCase()));
    const kind = q % 4;
    let query: string;
    if (kind === 0) query = `${typo(surname, rng)} ${typo(g.rare, rng)}`;
    else if (kind === 1) {
      // Another transliteration of the person (or a typo when there is only one) and the place.
      const other = pool?.variants.find((v) => v !== personName) ?? typo(personName, rng);
      query = `${other} ${g.rare.toLowerCase()}`;
    } else if (kind === 2) query = typo(g.rare, rng).toLowerCase();
    else {
      const picked = titleWords.slice(0, 3);
      query = picked.map((w, i) => (i === 0 ? typo(w, rng) : w)).join(' ').toLowerCase();
    }
    queries.push({ query, source });
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface SizeResult {
  articles: number;
  loadSec: number;
  buildSec: number;
  heapMB: number;
  updateMs: number;
  p50: number;
  p95: number;
  /** Citation completion (`@` + 1 to 5 letters of a query's first word): candidate lookup, ms. */
  completeP50: number;
  completeP95: number;
  hit5: number;
  fuseBuildSec: number | null;
  fuseP50: number | null;
  fuseP95: number | null;
  fuseHit5: number | null;
  agree5: number | null;
  /** How many queries fuse.js ran, and Dossier's hit@5 on those same queries. */
  fuseOn: number;
  oursOnSubset: number | null;
}

function fuseFor(articles: readonly Article[]) {
  const docs = articles.map((a) => ({
    key: a.key,
    title: a.title ?? a.label,
    persons: a.persons.flatMap((p) => [p.name, ...p.variants]).join(' ; '),
    countries: a.countries.map((c) => `${c.code} ${c.name}`).join(' ; '),
    outlet: a.outlet ?? '',
    year: a.date?.slice(0, 4) ?? '',
    body: a.body,
  }));
  return new Fuse(docs, {
    keys: ['title', 'persons', 'countries', 'outlet', 'year', 'body'],
    ignoreLocation: true,
    threshold: 0.4,
    includeScore: true,
  });
}

export async function benchSize(size: number, queryCount: number, fuseMax: number, log: (s: string) => void): Promise<SizeResult> {
  const corpus = new Corpus();
  const keyOf: string[] = new Array(size);
  let t = performance.now();
  corpus.batch(() => {
    for (let i = 0; i < size; i++) {
      const g = generateArticle(i);
      keyOf[i] = corpus.upsert(`/bench/${g.file}`, g.file, g.text)?.key ?? '';
    }
  });
  const loadSec = (performance.now() - t) / 1000;
  log(`  ${size}: corpus loaded in ${loadSec.toFixed(1)} s`);

  const before = heapMB();
  const index = new SearchIndex(corpus);
  t = performance.now();
  index.build();
  const buildSec = (performance.now() - t) / 1000;
  const heap = heapMB() - before;
  log(`  ${size}: index built in ${buildSec.toFixed(1)} s, +${heap.toFixed(0)} MB heap`);

  // One article edited: the incremental path.
  const g0 = generateArticle(0);
  t = performance.now();
  corpus.upsert(`/bench/${g0.file}`, g0.file, g0.text.replace(/\n\n/, '\n\nEdited paragraph about the Zenthorium accord.\n\n'));
  const updateMs = performance.now() - t;

  const queries = makeQueries(queryCount, size);
  // Warm-up on other queries (another seed): compiles the code paths, caches nothing measured.
  for (const q of makeQueries(20, size, 99)) index.search(q.query, { limit: 25 });
  const times: number[] = [];
  const tops: string[][] = [];
  for (const q of queries) {
    const start = performance.now();
    const results = index.search(q.query, { limit: 25 });
    times.push(performance.now() - start);
    tops.push(results.slice(0, 5).map((r) => r.key));
  }
  times.sort((a, b) => a - b);
  const hit5 = queries.filter((q, i) => tops[i]!.includes(keyOf[q.source]!)).length / queries.length;

  let fuseBuildSec: number | null = null, fuseP50: number | null = null, fuseP95: number | null = null;
  let fuseHit5: number | null = null, agree5: number | null = null, fuseOn = 0, oursOnSubset: number | null = null;
  const fuseQueries = Number(process.env.BENCH_FUSE_QUERIES ?? 20);
  if (size <= fuseMax) {
    t = performance.now();
    const fuse = fuseFor(corpus.articles());
    fuseBuildSec = (performance.now() - t) / 1000;
    const fuseTimes: number[] = [];
    let hits = 0, overlap = 0;
    // fuse.js takes seconds a query at 10k: it runs on the first 60 queries at 1k, and on the
    // first BENCH_FUSE_QUERIES above.
    const subset = queries.slice(0, size > 1000 ? fuseQueries : 60);
    fuseOn = subset.length;
    oursOnSubset = subset.filter((q, i) => tops[i]!.includes(keyOf[q.source]!)).length / subset.length;
    subset.forEach((q, i) => {
      const start = performance.now();
      const top = fuse.search(q.query, { limit: 5 }).map((r) => r.item.key!);
      fuseTimes.push(performance.now() - start);
      if (top.includes(keyOf[q.source]!)) hits++;
      overlap += top.filter((k) => tops[i]!.includes(k)).length / 5;
    });
    fuseTimes.sort((a, b) => a - b);
    fuseP50 = percentile(fuseTimes, 50);
    fuseP95 = percentile(fuseTimes, 95);
    fuseHit5 = hits / subset.length;
    agree5 = overlap / subset.length;
  }
  // Citation completion as typed: `@l`, `@la`, `@lav`, … for the first word of each query.
  const completeTimes: number[] = [];
  for (const q of queries.slice(0, 60)) {
    const word = q.query.split(' ')[0]!.toLowerCase();
    for (let n = 1; n <= Math.min(5, word.length); n++) {
      const start = performance.now();
      citationCandidates(word.slice(0, n), corpus, (text) => index.searchKeys(text, { limit: 100 }), 100);
      completeTimes.push(performance.now() - start);
    }
  }
  completeTimes.sort((a, b) => a - b);

  index.dispose();
  return {
    articles: size, loadSec, buildSec, heapMB: heap, updateMs, p50: percentile(times, 50), p95: percentile(times, 95), hit5,
    completeP50: percentile(completeTimes, 50), completeP95: percentile(completeTimes, 95),
    fuseBuildSec, fuseP50, fuseP95, fuseHit5, agree5, fuseOn, oursOnSubset,
  };
}

function fmt(n: number | null, digits = 1, suffix = ''): string {
  return n === null ? '—' : n.toFixed(digits) + suffix;
}

export function table(rows: SizeResult[]): string {
  const header = ['articles', 'load s', 'build s', 'heap MB', 'update ms', 'p50 ms', 'p95 ms', 'hit@5', '@complete p50/p95 ms', 'fuse p50 ms', 'fuse p95 ms', 'fuse hit@5 vs ours (same queries)', 'agree@5'];
  const lines = rows.map((r) => [
    String(r.articles), fmt(r.loadSec), fmt(r.buildSec), fmt(r.heapMB, 0), fmt(r.updateMs, 1), fmt(r.p50, 2), fmt(r.p95, 2),
    fmt(r.hit5 * 100, 0, '%'), `${fmt(r.completeP50, 1)} / ${fmt(r.completeP95, 1)}`, fmt(r.fuseP50, 0), fmt(r.fuseP95, 0),
    r.fuseHit5 === null ? '—' : `${fmt(r.fuseHit5 * 100, 0, '%')} vs ${fmt(r.oursOnSubset! * 100, 0, '%')} (n=${r.fuseOn})`, r.agree5 === null ? '—' : fmt(r.agree5 * 100, 0, '%'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |';
  return [row(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(row)].join('\n');
}

/**
 * Filter suggestions (`person:lavr` in the search box) over a directory of `count` persons: the
 * generated pool's names among made-up ones, queried by typo'd surnames from the pool.
 */
export function benchFacets(count: number, queries = 100): { p50: number; p95: number; found: number } {
  const rng = mulberry32(3);
  const syllables = ['ra', 'mo', 'ko', 'li', 'san', 'dro', 'vich', 'ev', 'ov', 'ez', 'ma', 'ria', 'jo', 'an', 'ta', 'ni', 'sha', 'ber'];
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(rng() * 3); i < n; i++) w += syllables[Math.floor(rng() * syllables.length)];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const persons = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, name: `${word()} ${word()}`, variants: [] as string[], articles: ['k'] }));
  for (const p of PERSONS) persons.push({ id: p.variants[0]!, name: p.variants[0]!, variants: [...p.variants], articles: ['a', 'b'] });
  const facets = new FacetSuggester({ persons: () => persons, countries: () => [], keys: () => [], get: () => undefined, onDidChange: () => ({ dispose() {} }) });
  const times: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const pool = PERSONS[Math.floor(rng() * PERSONS.length)]!;
    const surname = pool.variants[0]!.split(' ').pop()!;
    const start = performance.now();
    const top = facets.suggest('person', typo(surname, rng), 5);
    times.push(performance.now() - start);
    if (top.some((f) => f.label === pool.variants[0])) found++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), found: found / queries };
}

export async function run(log: (s: string) => void = console.log): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const fuseMax = Number(process.env.BENCH_FUSE_MAX ?? 10000);
  const queryCount = Number(process.env.BENCH_QUERIES ?? 200);
  log(`search: ${queryCount} typo'd queries per size, limit 25 results each; fuse.js up to ${fuseMax} articles`
    + ` (the first 60 queries at 1k, the first ${process.env.BENCH_FUSE_QUERIES ?? 20} above)`);
  const rows: SizeResult[] = [];
  for (const size of sizes) rows.push(await benchSize(size, queryCount, fuseMax, log));
  log('');
  log(table(rows));
  log('');
  log('load = reading + entity extraction into the Corpus (not search); build = SearchIndex over the loaded corpus;');
  log('update = one article edited with the index built; hit@5 = the article the query was made from is in the top 5;');
  log('@complete = citation completion candidates for `@` + the first 1 to 5 letters of a query\'s first word;');
  log('agree@5 = mean overlap of Dossier\'s and fuse.js\'s top 5. Targets: p95 ≤ 10 ms at 10k, ≤ 50 ms at 100k.');
  log('');
  for (const count of [1000, 20000]) {
    const f = benchFacets(count);
    log(`filter suggestions (person:…, fuse.js) over ${count} persons: p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms; `
      + `the person meant in the top 5 for ${(f.found * 100).toFixed(0)} % of typo'd surnames`);
  }
}

if (require.main === module) void run();
