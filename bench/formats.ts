// Per-format reading cost (`npm run bench formats`): ms an article for plain text, saved web pages
// (Readability over linkedom, and linkedom alone for comparison) and PDFs (pdf.js via unpdf: the
// one-time load, then each document), and the heap each adds. Prints numbers; never part of npm test.

import * as fs from 'fs';
import * as path from 'path';
import { parseHTML } from 'linkedom';
import { readArticleFile, readArticleFileSync } from '../src/core/articles';
import { blockText } from '../src/core/articles/blockText';
import { pressReleasePdf, twoColumnPdf } from '../test/fixtures/pdf/generate';

const ROOT = path.join(__dirname, '..');
const heapMB = () => process.memoryUsage().heapUsed / (1024 * 1024);

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(2)} ms/article`);
}

async function timeAsync(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(2)} ms/article`);
}

export async function run(): Promise<void> {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).map((f) => ({ f, bytes: fs.readFileSync(path.join(ROOT, 'seeds', f)) }));
  const pages = ['news-jsonld.html', 'meta-only.html', 'amp.html', 'saved-complete/page.html']
    .map((f) => ({ f, bytes: fs.readFileSync(path.join(ROOT, 'test/fixtures/html', f)) }));
  let i = 0;
  time('text (seeds)', 2000, () => readArticleFileSync(seeds[i % seeds.length]!.f, seeds[i++ % seeds.length]!.bytes));
  const before = heapMB();
  time('html: Readability over linkedom + metadata + reader', 400, () => readArticleFileSync(pages[i % pages.length]!.f, pages[i++ % pages.length]!.bytes));
  time('html: linkedom alone, whole <body> as text (no Reader View)', 400, () => {
    const { document } = parseHTML(pages[i++ % pages.length]!.bytes.toString('utf8')) as unknown as { document: { body: never } };
    return blockText(document.body);
  });
  console.log(`html: heap after 800 pages ${(heapMB() - before).toFixed(1)} MB more (before GC)`);

  const press = await pressReleasePdf();
  const report = await twoColumnPdf();
  const heap = heapMB();
  const loadStarted = performance.now();
  await readArticleFile('first.pdf', press);
  console.log(`pdf: first PDF, pdf.js load included: ${(performance.now() - loadStarted).toFixed(0)} ms; heap +${(heapMB() - heap).toFixed(1)} MB`);
  await timeAsync('pdf: one-page press release', 50, () => readArticleFile('p.pdf', press));
  await timeAsync('pdf: two-column page', 50, () => readArticleFile('r.pdf', report));
  console.log(`pdf: heap after 100 PDFs ${(heapMB() - heap).toFixed(1)} MB more (before GC)`);
}
