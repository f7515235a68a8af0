// `dossier index`'s loading: the same files as `loadCorpus` (files.ts), with the same warnings and
// bounded reads, extracted in worker threads when there are many, and, with `--cache DIR`, taken
// from a persistent cache for every file whose modification time and size did not change — so a
// CI job reindexes only what changed. The result is the same corpus, key for key, as a fresh read.

import * as fs from 'fs';
import * as path from 'path';
import { articleFormat, withoutSavedPageAssets } from '../core/articles';
import { stampOfStats } from '../node/fileStamp';
import { diffStamps, readCache, restoreSnapshot, sameLimits, takeSnapshot, writeCache, encodeCache, type FileStamp } from '../core/library/cache';
import { Corpus } from '../core/library/corpus';
import type { Extracted } from '../core/library/extract';
import { ExtractPool, extensionPoolSize } from '../node/workerPool';
import { folderCacheStorage } from '../node/cacheStorage';
import { ARTICLE_EXTENSIONS, checkFolder, findFiles, readArticleFile, unlistableName, type FoundFile } from './files';

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

interface Listed {
  absolute: string;
  shown: string;
  found: FoundFile;
  stamp: FileStamp | null;
}

interface WalkWarning {
  location: string;
  shown: string;
  message: string;
}

export async function indexFolders(inputs: string[], options: IndexOptions): Promise<{ corpus: Corpus; stats: IndexStats }> {
  const walkWarnings: WalkWarning[] = [];
  const listed = listInputs(inputs, walkWarnings);
  const corpus = new Corpus();
  const storage = options.cacheDir ? folderCacheStorage(path.resolve(options.cacheDir)) : null;
  let cached = new Map<string, FileStamp>();
  if (storage) {
    const snapshot = await readCache(storage, options.log);
    if (snapshot && sameLimits(snapshot.limits, corpus.limits)) {
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

  // What could not be walked is said again each run (it is not in the cache: it has no stamp).
  corpus.batch(() => {
    for (const w of walkWarnings) corpus.reportUnreadable(w.location, w.shown, w.message);
  });
  const byLocation = new Map(listed.map((f) => [f.absolute, f]));
  const diff = diffStamps(cached, new Map(listed.map((f) => [f.absolute, f.stamp])));
  const toRead = diff.toRead.map((location) => byLocation.get(location)!);
  const workerScript = path.join(__dirname, 'extractWorker.js');
  // One per core, as the extension: the main thread mostly waits for them (10k: 4.3 s with two workers on 2 cores, 5.3-6.2 s with one).
  const size = options.workers ?? extensionPoolSize();
  const pool = toRead.length >= WORKER_THRESHOLD && size > 0 && fs.existsSync(workerScript)
    ? new ExtractPool(workerScript, size, options.log) : null;
  // (Counted now: disposing of the pool empties it.)
  const workers = pool?.size ?? 0;
  const stamps = new Map<string, FileStamp>();
  for (const [location, stamp] of cached) if (byLocation.has(location)) stamps.set(location, stamp);

  try {
    corpus.batch(() => {
      for (const location of diff.removed) {
        corpus.remove(location);
        corpus.forgetWarning(location);
      }
    });
    // Extraction of the next chunk (in the workers) overlaps with indexing this one. Reads are
    // bounded and synchronous (fstat, then at most the format's limit), as in `loadCorpus`.
    const load = async (chunk: Listed[]) => {
      const contents = chunk.map((f) => readArticleFile(f.found.fsPath, corpus.limits[articleFormat(f.absolute)]));
      if (!pool) return { chunk, contents, extracted: null };
      // PDFs stay with the corpus's asynchronous reads (a few at once: pdf.js holds a document in memory).
      const toExtract = chunk.flatMap((f, j) => {
        const read = contents[j]!;
        return 'bytes' in read && articleFormat(f.absolute) !== 'pdf' ? [{ path: f.absolute, bytes: read.bytes }] : [];
      });
      const results = await pool.extract(toExtract, corpus.limits);
      const extracted = new Map<string, Extracted>(toExtract.map((f, j) => [f.path, results[j]!]));
      return { chunk, contents, extracted };
    };
    let next = toRead.length ? load(toRead.slice(0, CHUNK)) : null;
    for (let i = 0; next; i += CHUNK) {
      const { chunk, contents, extracted } = await next;
      next = i + CHUNK < toRead.length ? load(toRead.slice(i + CHUNK, i + 2 * CHUNK)) : null;
      corpus.batch(() => chunk.forEach((file, j) => {
        const read = contents[j]!;
        if ('warning' in read) {
          // Deleted, unreadable or too large between listing and reading: say so and go on.
          corpus.reportUnreadable(file.absolute, file.shown, read.warning);
          stamps.delete(file.absolute);
          return;
        }
        if (file.stamp) stamps.set(file.absolute, file.stamp);
        const fromWorker = extracted?.get(file.absolute);
        const article = fromWorker ? corpus.upsertExtracted(file.absolute, file.shown, fromWorker) : corpus.upsert(file.absolute, file.shown, read.bytes);
        const unlistable = article ? unlistableName(file.found) : null;
        if (unlistable) {
          corpus.addNotice(file.absolute, file.shown, `indexed, but VS Code's search cannot list this file name (${unlistable}), so the extension will not see it: rename it`);
        }
      }));
    }
    // PDFs are parsed asynchronously: the corpus is complete once they are in.
    await corpus.settled();
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
  return { corpus, stats: { files: listed.length, read: toRead.length, fromCache: diff.unchanged, workers } };
}

/** The files `loadCorpus` would read, with the names it would show and their stamps. */
function listInputs(inputs: string[], warnings: WalkWarning[]): Listed[] {
  const listed: Listed[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const single = fs.existsSync(absolute) && !fs.statSync(absolute).isDirectory();
    const prefix = !single && inputs.length > 1 ? path.basename(absolute) + '/' : '';
    let files: FoundFile[];
    if (single) files = [{ absolute, relative: path.basename(absolute), fsPath: absolute }];
    else {
      files = findFiles(checkFolder(input), ARTICLE_EXTENSIONS, (location, shown, message) => warnings.push({ location, shown: prefix + shown, message }));
      // The files of a "Save Page As… complete" folder beside their page are not articles.
      files = withoutSavedPageAssets(files, (f) => f.relative);
    }
    for (const file of files) listed.push({ absolute: file.absolute, shown: prefix + file.relative, found: file, stamp: stampOf(file.fsPath) });
  }
  return listed;
}

function stampOf(file: string | Buffer): FileStamp | null {
  try {
    return stampOfStats(fs.statSync(file));
  } catch {
    return null; // gone: reading it reports why
  }
}
