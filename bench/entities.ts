// Entity extraction speed: `npx tsx bench/entities.ts` (or `npm run bench`, which calls
// benchEntities over 10,000 generated articles). Reading (parseArticle) and extraction
// (extractEntities) are timed separately; the target is ≤ 0.3 ms an article for extraction.
// Extraction runs three passes over the whole set; msPerArticle is the median pass (wall clock),
// cpuMsPerArticle the process CPU time of that pass — on a shared 2-core machine, wall clock
// swings with whatever else runs, CPU time much less.

import { extractEntities, type EntityInput } from '../src/core/entities';
import { parseArticle } from '../src/core/articles/reader';
import { generateArticles } from './generate';

export interface EntityBench {
  articles: number;
  /** Median of three passes, wall clock. */
  msPerArticle: number;
  /** CPU time (user + system) of the median pass. */
  cpuMsPerArticle: number;
  bestMsPerArticle: number;
  readMsPerArticle: number;
  persons: number;
  countries: number;
}

export async function benchEntities(articles: { text: string }[]): Promise<EntityBench> {
  const n = articles.length || 1;
  const readStart = performance.now();
  const inputs: EntityInput[] = articles.map((a) => {
    const p = parseArticle(a.text);
    return { title: p.title, body: p.body, outlet: p.outlet };
  });
  const readMs = performance.now() - readStart;
  // Warm-up (JIT, lazily built tables), not counted.
  for (const input of inputs.slice(0, 300)) extractEntities(input);
  const passes: { wall: number; cpu: number }[] = [];
  let persons = 0;
  let countries = 0;
  for (let pass = 0; pass < 3; pass++) {
    persons = 0;
    countries = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const input of inputs) {
      const e = extractEntities(input);
      persons += e.persons.length;
      countries += e.countries.length;
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    passes.push({ wall, cpu: (cpu.user + cpu.system) / 1000 });
  }
  const sorted = [...passes].sort((a, b) => a.wall - b.wall);
  const median = sorted[1]!;
  return {
    articles: articles.length,
    msPerArticle: median.wall / n,
    cpuMsPerArticle: median.cpu / n,
    bestMsPerArticle: sorted[0]!.wall / n,
    readMsPerArticle: readMs / n,
    persons: persons / n,
    countries: countries / n,
  };
}

if (require.main === module) {
  const articles = generateArticles(10_000);
  void benchEntities(articles).then((r) => {
    console.log(`read (parseArticle):        ${r.readMsPerArticle.toFixed(3)} ms/article`);
    console.log(`extract (extractEntities):  ${r.msPerArticle.toFixed(3)} ms/article (median of 3 passes; best ${r.bestMsPerArticle.toFixed(3)}, CPU ${r.cpuMsPerArticle.toFixed(3)})   target ≤ 0.3`);
    console.log(`over ${r.articles} articles: ${r.persons.toFixed(1)} persons and ${r.countries.toFixed(1)} countries an article`);
  });
}
