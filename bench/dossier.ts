// Dossier benchmark: for generated corpora (1k / 10k / 100k articles), the time to open one
// person's dossier for a person with about 1,000 articles — what the panel does on open: the
// dossier (entries, co-mentions, outlets), its summary and the first page of the timeline (200
// rows, their sentences found then) — cold (the first time, in a fresh process: nothing cached,
// the code not yet compiled) and warm (again: sentences are kept per article object); the cold
// cost of every sentence of that dossier (what a text filter or a brief of everything reads),
// measured on another person of the same size; the largest country's dossier (tens of thousands
// of articles at 100k) opened and filtered by text; the network aggregation (top 150 nodes, edges)
// the first time (the corpus is counted once), again, after an article changes (counts follow the
// change), and filtered; and the network layout's tick time at 150 nodes (media/dossier/layout.js,
// the code the webview runs). Target: the dossier of a person with 1,000 articles at 100k in
// ≤ 50 ms. Sizes: BENCH_SIZES=1000,10000. This bench alone: `npx tsx bench/run.ts dossier`.
// Each open is given in wall-clock ms and in CPU ms of this process (user + system, every thread:
// the compiler's and the garbage collector's helper threads too): on a machine shared with other
// jobs the wall clock also counts the time the process waited for a core; and with how many
// article bodies were searched for the subject (the page's rows; counts need no body).

import * as os from 'os';
import { Corpus } from '../src/core/library/corpus';
import { buildDossier, buildNetwork, dossierSummary, filterEntries, groupMode, mentionSearches, NO_FILTERS, pageRows, type DossierSubject } from '../src/core/dossier';
import { generateArticleStream } from './generate';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulation } = require('../media/dossier/layout.js') as { simulation: (n: unknown[], e: unknown[], s: { width: number; height: number }) => { step(k: number): boolean; positions(): unknown[] } };

function ms(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Wall-clock and CPU milliseconds of one call, and the article bodies it searched. */
function timed(fn: () => void): { wall: number; cpu: number; bodies: number } {
  const bodies = mentionSearches();
  const cpu = process.cpuUsage();
  const wall = ms(fn);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, bodies: mentionSearches() - bodies };
}

const show = (t: { wall: number; cpu: number; bodies: number }) => `${t.wall.toFixed(1)} ms (CPU ${t.cpu.toFixed(1)} ms, ${t.bodies} bodies searched)`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function run(): void {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  for (const size of sizes) {
    const corpus = new Corpus();
    const indexMs = ms(() => corpus.batch(() => {
      for (const article of generateArticleStream(size)) corpus.upsert(`/bench/${article.file}`, article.file, article.text);
    }));
    // The persons whose article counts are nearest 1,000 (at small sizes: the most-covered).
    const persons = corpus.persons();
    const target = Math.min(1000, Math.max(...persons.map((p) => p.articles.length)));
    const [person, twin, third] = [...persons].sort((a, b) => Math.abs(a.articles.length - target) - Math.abs(b.articles.length - target) || (a.id < b.id ? -1 : 1));
    const subject: DossierSubject = { kind: 'person', id: person!.id };
    // What the panel does on open: the dossier, its summary, the first page of rows.
    const open = (s: DossierSubject) => {
      const dossier = buildDossier(corpus, s)!;
      const entries = filterEntries(dossier.entries, NO_FILTERS);
      return { summary: dossierSummary(dossier), rows: pageRows(entries, groupMode(entries), 0), dossier };
    };
    // With node --expose-gc: the garbage indexing left is collected first, so a full collection of it
    // is not charged to the open (it is not the dossier's; without the flag it may land in the open).
    const collected = typeof globalThis.gc === 'function';
    if (collected) globalThis.gc!();
    const cold = timed(() => open(subject));
    const warms = [...Array(7)].map(() => timed(() => open(subject)));
    const warm = { wall: median(warms.map((w) => w.wall)), cpu: median(warms.map((w) => w.cpu)), bodies: median(warms.map((w) => w.bodies)) };
    // Another person of the same size, now that the code is compiled: the sentences are found anew.
    const compiled = timed(() => open({ kind: 'person', id: third!.id }));
    let sentences = 0;
    const twinSubject: DossierSubject = { kind: 'person', id: twin!.id };
    const allSentences = ms(() => { sentences = buildDossier(corpus, twinSubject)!.entries.reduce((n, e) => n + e.sentences.length, 0); });
    const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    console.log(`${size} articles (indexed in ${(indexMs / 1000).toFixed(1)} s, heap ${heapMb} MB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}): dossier of ${person!.name} (${person!.articles.length} articles) opened (summary + first 200 rows) `
      + `cold ${show(cold)}${collected ? ' (after a full GC)' : ''}, warm ${show(warm)} (target ≤ 50); ${third!.name} (${third!.articles.length} articles) next, code compiled, sentences not yet found: ${show(compiled)}; `
      + `every sentence of ${twin!.name}'s dossier (${twin!.articles.length} articles, ${sentences} sentences) ${allSentences.toFixed(1)} ms`);
    const country = corpus.countries()[0]!;
    const countrySubject: DossierSubject = { kind: 'country', code: country.code };
    const countryOpen = timed(() => open(countrySubject));
    const countryText = ms(() => filterEntries(buildDossier(corpus, countrySubject)!.entries, { ...NO_FILTERS, text: 'memorandum' }));
    console.log(`  largest country ${country.name} (${country.articles.length} articles): opened (summary + first 200 rows) ${show(countryOpen)}; `
      + `text filter cold (every sentence read) ${countryText.toFixed(1)} ms (the panel runs it in slices of 500 entries, yielding between them)`);
    const first = ms(() => buildNetwork(corpus));
    const again = median([...Array(3)].map(() => ms(() => buildNetwork(corpus))));
    // One article edited: the index takes back its old counts and adds the new ones.
    const edited = corpus.articles()[0]!;
    const changed = ms(() => {
      corpus.upsert(`/bench/${edited.file}`, edited.file, `${edited.body}\n\nSergey Lavrov and Cuba.`);
      buildNetwork(corpus);
    });
    const filteredFirst = ms(() => buildNetwork(corpus, { country: country.code, fromYear: 2020, toYear: 2024 }));
    console.log(`  (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}) network: first ${first.toFixed(1)} ms (the corpus counted once), again ${again.toFixed(1)} ms, after an article changed ${changed.toFixed(1)} ms (re-reading it included); `
      + `filtered by ${country.code} and 2020–2024 ${filteredFirst.toFixed(1)} ms`);
    if (size === sizes[sizes.length - 1]) {
      const graph = buildNetwork(corpus);
      const sim = simulation(graph.nodes, graph.edges, { width: 1200, height: 800 });
      const ticks: number[] = [];
      for (let more = true; more;) {
        const started = performance.now();
        more = sim.step(1);
        sim.positions();
        ticks.push(performance.now() - started);
      }
      console.log(`network layout, ${graph.nodes.length} nodes and ${graph.edges.length} edges: ${ticks.length} ticks, median ${median(ticks).toFixed(2)} ms, `
        + `p95 ${[...ticks].sort((a, b) => a - b)[Math.floor(ticks.length * 0.95)]!.toFixed(2)} ms per tick (the webview runs ticks within 8 ms per frame)`);
    }
  }
}
