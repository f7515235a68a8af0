// Dossier benchmark: for generated corpora (1k / 10k / 100k articles), the time to build one
// person's dossier (mentions with their sentences, co-mentions, outlets) for a person with about
// 1,000 articles — cold (the first time: every body tokenized and split into sentences) and warm
// (the same articles again: their sentences are cached per article object) — the network
// aggregation (top 150 nodes, edges) with and without filters, and the network layout's tick time
// at 150 nodes (media/dossier/layout.js, the code the webview runs). Target: the dossier of a
// person with 1,000 articles at 100k in ≤ 50 ms. Sizes: BENCH_SIZES=1000,10000.

import { Corpus } from '../src/core/library/corpus';
import { buildDossier, buildNetwork } from '../src/core/dossier';
import { generateArticleStream } from './generate';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulation } = require('../media/dossier/layout.js') as { simulation: (n: unknown[], e: unknown[], s: { width: number; height: number }) => { step(k: number): boolean; positions(): unknown[] } };

function ms(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

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
    // The person whose article count is nearest 1,000 (at small sizes: the most-covered).
    const persons = corpus.persons();
    const target = Math.min(1000, persons[0]?.articles.length ?? 0);
    const person = persons.reduce((best, p) => (Math.abs(p.articles.length - target) < Math.abs(best.articles.length - target) ? p : best), persons[0]!);
    const subject = { kind: 'person' as const, id: person.id };
    let mentions = 0;
    const cold = ms(() => { mentions = buildDossier(corpus, subject)!.entries.reduce((n, e) => n + e.sentences.length, 0); });
    const warm = median([...Array(7)].map(() => ms(() => buildDossier(corpus, subject))));
    const network = median([...Array(3)].map(() => ms(() => buildNetwork(corpus))));
    const country = corpus.countries()[0]!.code;
    const filtered = median([...Array(3)].map(() => ms(() => buildNetwork(corpus, { country, fromYear: 2020, toYear: 2024 }))));
    console.log(`${size} articles (indexed in ${(indexMs / 1000).toFixed(1)} s): dossier of ${person.name} (${person.articles.length} articles, ${mentions} sentences) `
      + `cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms (target ≤ 50); network ${network.toFixed(1)} ms, filtered by ${country} and 2020–2024 ${filtered.toFixed(1)} ms`);
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
