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
import type { ExtractFile, ExtractFileAt, Extracted, ReadProblem } from '../core/library/extract';
import { ExtractPool, extensionPoolSize } from '../node/workerPool';
import { folderCacheStorage } from '../node/cacheStorage';
import { ARTICLE_EXTENSIONS, checkFolder, findFiles, readArticleFile, reasonOf, unlistableName, type FoundFile } from './files';

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
/** Chunks read or extracted ahead of the one being indexed, with workers. */
const PIPELINE_DEPTH = 3;

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
    // Extraction of the next chunks (in the workers) overlaps with indexing this one. With workers, a
    // file they can open by its path is read there, with the same checks and bound as `readArticleFile`
    // (at 100k, reading on this thread took a third of its time while the workers waited for the next
    // chunk). Elsewhere reads are bounded and synchronous (fstat, then at most the format's limit), as in `loadCorpus`.
    const load = async (chunk: Listed[]) => {
      // PDFs stay with the corpus's asynchronous reads (a few at once: pdf.js holds a document in memory),
      // a name that is bytes (not UTF-8) with this thread.
      const byWorker = (f: Listed) => pool !== null && typeof f.found.fsPath === 'string' && articleFormat(f.absolute) !== 'pdf';
      const contents: (ReturnType<typeof readArticleFile> | null)[] = chunk.map((f) => (byWorker(f) ? null
        : readArticleFile(f.found.fsPath, corpus.limits[articleFormat(f.absolute)])));
      if (!pool) return { chunk, contents, extracted: null };
      const toExtract = chunk.flatMap((f, j): (ExtractFile | ExtractFileAt)[] => {
        const read = contents[j] ?? null;
        if (read === null) return [{ path: f.absolute, fsPath: f.found.fsPath as string }];
        return 'bytes' in read && articleFormat(f.absolute) !== 'pdf' ? [{ path: f.absolute, bytes: read.bytes }] : [];
      });
      const results = await pool.extract(toExtract, corpus.limits);
      const extracted = new Map<string, Extracted>(toExtract.map((f, j) => [f.path, results[j]!]));
      chunk.forEach((f, j) => {
        const problem = contents[j] === null ? extracted.get(f.absolute)?.readProblem : undefined;
        if (problem) contents[j] = { warning: readProblemWarning(problem) };
      });
      return { chunk, contents, extracted };
    };
    const ahead: ReturnType<typeof load>[] = [];
    for (let i = 0, next = 0; i < toRead.length; i += CHUNK) {
      // Chunks ahead keep both workers busy: with one, each waited at the end of every chunk for the other.
      while (next < toRead.length && ahead.length < (pool ? PIPELINE_DEPTH : 1)) {
        ahead.push(load(toRead.slice(next, next + CHUNK)));
        next += CHUNK;
      }
      const { chunk, contents, extracted } = await ahead.shift()!;
      corpus.batch(() => chunk.forEach((file, j) => {
        // (null: read by a worker, which extracted it.)
        const read = contents[j] ?? null;
        if (read && 'warning' in read) {
          // Deleted, unreadable or too large between listing and reading: say so and go on.
          corpus.reportUnreadable(file.absolute, file.shown, read.warning);
          stamps.delete(file.absolute);
          return;
        }
        if (file.stamp) stamps.set(file.absolute, file.stamp);
        const fromWorker = extracted?.get(file.absolute);
        const article = fromWorker ? corpus.upsertExtracted(file.absolute, file.shown, fromWorker) : read ? corpus.upsert(file.absolute, file.shown, read.bytes) : null;
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

/** A worker's read that gave no bytes, as `readArticleFile` says it. */
function readProblemWarning(problem: ReadProblem): string {
  if ('skipped' in problem) return problem.skipped;
  if ('missing' in problem) return `skipped: ${reasonOf({ code: 'ENOENT' })}`;
  return `skipped: ${problem.code ? reasonOf({ code: problem.code }) : problem.error}`;
}
