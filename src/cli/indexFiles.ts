// `dossier index`'s loading: the same files as `loadCorpus` (files.ts), read with bounded
// concurrency, extracted in worker threads when there are many, and, with `--cache DIR`, taken
// from a persistent cache for every file whose modification time and size did not change — so a
// CI job reindexes only what changed. The result is the same corpus, key for key, as a fresh read.

import * as fs from 'fs';
import * as path from 'path';
import { diffStamps, readCache, restoreSnapshot, takeSnapshot, writeCache, encodeCache, type FileStamp } from '../core/library/cache';
import { Corpus } from '../core/library/corpus';
import { ExtractPool, defaultPoolSize } from '../core/library/workerPool';
import { folderCacheStorage } from './cacheStorage';
import { checkFolder, findFiles } from './files';

export interface IndexOptions {
  /** Folder of the persistent cache (`--cache DIR`). */
  cacheDir?: string;
  /** Extraction workers (`--workers N`); 0 extracts on the main thread. Default: one per core. */
  workers?: number;
  /** Where messages about the cache and workers go (stderr: stdout may be JSON). */
  log: (message: string) => void;
}

export interface IndexStats {
  files: number;
  read: number;
  fromCache: number;
  workers: number;
}

/** Below this many files to read, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 500;
const CHUNK = 500;
const READ_CONCURRENCY = 32;

interface Listed {
  absolute: string;
  shown: string;
  stamp: FileStamp | null;
}

export async function indexFolders(inputs: string[], options: IndexOptions): Promise<{ corpus: Corpus; stats: IndexStats }> {
  const listed = listInputs(inputs);
  const corpus = new Corpus();
  const storage = options.cacheDir ? folderCacheStorage(path.resolve(options.cacheDir)) : null;
  let cached = new Map<string, FileStamp>();
  if (storage) {
    const snapshot = await readCache(storage, options.log);
    if (snapshot && snapshot.maxBytes === corpus.maxBytes) {
      // A file shown under another name (other folders given) is read again rather than renamed.
      const shownBy = new Map(listed.map((f) => [f.absolute, f.shown]));
      snapshot.files = snapshot.files.filter((f) => shownBy.get(f.location) === f.file);
      try {
        cached = restoreSnapshot({ ...snapshot, search: null }, corpus, null);
      } catch (error) {
        options.log(`Cache discarded, indexing from the files: ${(error as Error).message}`);
      }
    }
  }

  const byLocation = new Map(listed.map((f) => [f.absolute, f]));
  const diff = diffStamps(cached, new Map(listed.map((f) => [f.absolute, f.stamp])));
  const toRead = diff.toRead.map((location) => byLocation.get(location)!);
  const workerScript = path.join(__dirname, 'extractWorker.js');
  const size = options.workers ?? defaultPoolSize();
  const pool = toRead.length >= WORKER_THRESHOLD && size > 0 && fs.existsSync(workerScript)
    ? new ExtractPool(workerScript, size, options.log) : null;
  const stamps = new Map<string, FileStamp>();
  for (const [location, stamp] of cached) if (byLocation.has(location)) stamps.set(location, stamp);

  try {
    corpus.batch(() => {
      for (const location of diff.removed) {
        corpus.remove(location);
        corpus.forgetWarning(location);
      }
    });
    // Reading and extraction of the next chunk overlap with indexing this one.
    // Without workers nothing overlaps with reading: plain synchronous reads are the fastest.
    const load = (chunk: Listed[]) => (pool ? readChunk(chunk) : Promise.resolve(chunk.map((f) => readSync(f.absolute)))).then(async (contents) => {
      if (!pool) return { chunk, contents, extracted: null };
      const readable = contents.filter((c): c is Buffer => !(c instanceof Error));
      return { chunk, contents, extracted: await pool.extract(readable, corpus.maxBytes) };
    });
    let next = toRead.length ? load(toRead.slice(0, CHUNK)) : null;
    for (let i = 0; next; i += CHUNK) {
      const { chunk, contents, extracted } = await next;
      next = i + CHUNK < toRead.length ? load(toRead.slice(i + CHUNK, i + 2 * CHUNK)) : null;
      let e = 0;
      corpus.batch(() => chunk.forEach((file, j) => {
        const content = contents[j]!;
        if (content instanceof Error) {
          // Deleted or unreadable between listing and reading: say so and go on.
          corpus.reportUnreadable(file.absolute, file.shown, (content as NodeJS.ErrnoException).code ?? content.message);
          stamps.delete(file.absolute);
          return;
        }
        if (file.stamp) stamps.set(file.absolute, file.stamp);
        if (extracted) corpus.upsertExtracted(file.absolute, file.shown, extracted[e++]!);
        else corpus.upsert(file.absolute, file.shown, content);
      }));
    }
  } finally {
    pool?.dispose();
  }

  // Nothing new, changed or removed: the cache on disk already says all this.
  if (storage && (toRead.length || diff.removed.length || !cached.size)) {
    try {
      await writeCache(storage, encodeCache(takeSnapshot(corpus, null, stamps)));
    } catch (error) {
      options.log(`Could not write the cache: ${(error as Error).message}`);
    }
  }
  return { corpus, stats: { files: listed.length, read: toRead.length, fromCache: diff.unchanged, workers: pool?.size ?? 0 } };
}

/** The files `loadCorpus` would read, with the names it would show and their stamps. */
function listInputs(inputs: string[]): Listed[] {
  const listed: Listed[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const single = fs.existsSync(absolute) && fs.statSync(absolute).isFile();
    const files = single ? [{ absolute, relative: path.basename(absolute) }] : findFiles(checkFolder(input));
    const prefix = !single && inputs.length > 1 ? path.basename(absolute) + '/' : '';
    for (const file of files) listed.push({ absolute: file.absolute, shown: prefix + file.relative, stamp: stampOf(file.absolute) });
  }
  return listed;
}

function stampOf(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file);
    return { mtime: stat.mtimeMs, size: stat.size };
  } catch {
    return null; // gone: reading it reports why
  }
}

function readSync(file: string): Buffer | Error {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    return error as Error;
  }
}

async function readChunk(chunk: Listed[]): Promise<(Buffer | Error)[]> {
  const results = new Array<Buffer | Error>(chunk.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, chunk.length) }, async () => {
    while (next < chunk.length) {
      const i = next++;
      results[i] = await fs.promises.readFile(chunk[i]!.absolute).catch((error: Error) => error);
    }
  }));
  return results;
}
