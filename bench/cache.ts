// The persistent index in plain Node: cold indexing (on one thread, and with extraction workers),
// then writing the cache and reopening from it (read, decode, restore corpus and search index),
// and the heap that holds. `BENCH_SIZES=10000,100000` picks the sizes (default 10k).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Corpus } from '../src/core/library/corpus';
import { decodeCache, encodeCache, restoreSnapshot, takeSnapshot, type FileStamp } from '../src/core/library/cache';
import { ExtractPool, defaultPoolSize } from '../src/node/workerPool';
import { SearchIndex } from '../src/core/search';
import { generateArticle } from './generate';

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const heapMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`;
};

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '10000').split(',').map(Number).filter((n) => n > 0);
  for (const size of sizes) {
    const encoder = new TextEncoder();
    const files: { location: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < size; i++) {
      const a = generateArticle(i, 1);
      files.push({ location: `/bench/${a.file}`, bytes: encoder.encode(a.text) });
    }
    const stamps = new Map<string, FileStamp>(files.map((f) => [f.location, { mtime: 1, size: f.bytes.byteLength }]));
    const mb = files.reduce((n, f) => n + f.bytes.byteLength, 0) / 1e6;
    console.log(`cache ${size}: ${mb.toFixed(0)} MB of articles`);

    let t = performance.now();
    const corpus = new Corpus();
    const search = new SearchIndex(corpus);
    search.build();
    corpus.batch(() => { for (const f of files) corpus.upsert(f.location, f.location, f.bytes); });
    console.log(`  cold index, one thread (read + extract + search index): ${ms(t)}; heap ${heapMB()}`);

    const script = path.join(__dirname, '../src/node/extractWorker.ts');
    const pool = new ExtractPool(script, defaultPoolSize(), (m) => console.log(`  pool: ${m}`), ['--import', 'tsx']);
    t = performance.now();
    const viaWorkers = new Corpus();
    const viaWorkersSearch = new SearchIndex(viaWorkers);
    viaWorkersSearch.build();
    for (let i = 0; i < files.length; i += 500) {
      const chunk = files.slice(i, i + 500);
      const extracted = await pool.extract(chunk.map((f) => ({ path: f.location, bytes: f.bytes })), viaWorkers.limits);
      viaWorkers.batch(() => chunk.forEach((f, j) => viaWorkers.upsertExtracted(f.location, f.location, extracted[j]!)));
    }
    pool.dispose();
    console.log(`  cold index, extraction in ${pool.size || defaultPoolSize()} workers (${os.availableParallelism()} cores): ${ms(t)}`);

    t = performance.now();
    const bytes = encodeCache(takeSnapshot(corpus, search, stamps));
    const encodeTime = ms(t);
    const file = path.join(os.tmpdir(), `dossier-bench-cache-${process.pid}.bin`);
    t = performance.now();
    fs.writeFileSync(file, bytes);
    console.log(`  cache: ${(bytes.byteLength / 1e6).toFixed(0)} MB; snapshot + encode ${encodeTime}, write ${ms(t)}`);

    t = performance.now();
    const read = fs.readFileSync(file);
    const readTime = ms(t);
    t = performance.now();
    const snapshot = decodeCache(read);
    const decodeTime = ms(t);
    t = performance.now();
    const reopened = new Corpus();
    const reopenedSearch = new SearchIndex(reopened);
    reopenedSearch.build();
    restoreSnapshot(snapshot, reopened, reopenedSearch);
    console.log(`  reopen: read ${readTime}, decode ${decodeTime}, restore corpus + search ${ms(t)}; heap ${heapMB()}`);
    fs.rmSync(file, { force: true });
    const same = reopenedSearch.searchKeys('lavrov sanctions').join() === search.searchKeys('lavrov sanctions').join();
    console.log(`  reopened index answers as the original: ${same}`);
  }
}
