// `npm run bench`: runs every bench/*.ts that exports `run()`, and the entity benchmark
// (`benchEntities` from bench/entities.ts) when present, over 10k generated articles.

import * as fs from 'fs';
import * as path from 'path';
import { generateArticles } from './generate';

type BenchModule = { run?: () => unknown; benchEntities?: (articles: { file: string; text: string }[]) => unknown };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !['run.ts', 'generate.ts'].includes(f) && !f.endsWith('.d.ts'))
    .filter((f) => !only.length || only.includes(path.basename(f, '.ts')))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    if (typeof mod.run === 'function') {
      console.log(`\n== ${file}`);
      await mod.run();
    } else if (typeof mod.benchEntities === 'function') {
      console.log(`\n== ${file} (benchEntities over 10,000 generated articles)`);
      const articles = generateArticles(10_000);
      const started = performance.now();
      const result = await mod.benchEntities(articles);
      const ms = performance.now() - started;
      if (result !== undefined) console.log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
      // The bench's own figure is extraction alone; the whole call also reads and repeats passes.
      const extraction = typeof result === 'object' && result && 'msPerArticle' in result ? Number(result.msPerArticle) : null;
      if (extraction !== null) console.log(`entities: extraction ${extraction.toFixed(3)} ms/article (target ≤ 0.3)`);
      console.log(`entities: whole bench call ${(ms / 1000).toFixed(1)} s for ${articles.length} articles (reading and repeated passes included)`);
    }
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
