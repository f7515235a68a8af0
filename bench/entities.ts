// Entity extraction speed: `npx tsx bench/entities.ts` (or `npm run bench`, which calls
// benchEntities over 10,000 generated articles). Reading (parseArticle) and extraction
// (extractEntities) are timed separately; the target is ≤ 0.3 ms an article for extraction.

import { extractEntities } from '../src/core/entities';
import { parseArticle } from '../src/core/reader';
import { generateArticles } from './generate';

export async function benchEntities(articles: { text: string }[]): Promise<{ msPerArticle: number; articles: number; readMsPerArticle: number; totalMsPerArticle: number }> {
  // Warm-up (JIT, lazily built tables) on a slice, not counted.
  for (const a of articles.slice(0, 200)) {
    const p = parseArticle(a.text);
    extractEntities({ title: p.title, body: p.body, outlet: p.outlet });
  }
  let readMs = 0;
  let extractMs = 0;
  for (const a of articles) {
    const t0 = performance.now();
    const p = parseArticle(a.text);
    const t1 = performance.now();
    extractEntities({ title: p.title, body: p.body, outlet: p.outlet });
    const t2 = performance.now();
    readMs += t1 - t0;
    extractMs += t2 - t1;
  }
  const n = articles.length || 1;
  return { msPerArticle: extractMs / n, articles: articles.length, readMsPerArticle: readMs / n, totalMsPerArticle: (readMs + extractMs) / n };
}

if (require.main === module) {
  const articles = generateArticles(10_000);
  void benchEntities(articles).then((r) => {
    console.log(`read (parseArticle):        ${r.readMsPerArticle.toFixed(3)} ms/article`);
    console.log(`extract (extractEntities):  ${r.msPerArticle.toFixed(3)} ms/article   target ≤ 0.3`);
    console.log(`total over ${r.articles} articles: ${r.totalMsPerArticle.toFixed(3)} ms/article`);
  });
}
