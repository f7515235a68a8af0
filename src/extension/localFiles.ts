// Listing the article files of a workspace folder on a local disk (`file:` scheme) in one walk with
// Node's fs (`src/node/walk.ts`), with each file's modification time and size and its real path, in a
// worker thread when one can start. Why not `workspace.findFiles` + `workspace.fs.stat` here: on
// 10,000 files the search service took 4.6–7 s to list (one ripgrep run per glob, every result sent
// over IPC) and the stats another 2.6–3.2 s; the walk does both in a fraction of a second. Why a
// worker: in a window that is opening, the host's thread is busy restoring the cache and loading
// other extensions, and the walk on that thread took 1.7–2.2 s at 10k (its own work: ~0.2 s). A
// `file:` folder is local to the extension host also in a remote window (the host runs beside the
// files); other schemes (virtual and web workspaces) keep `findFiles` and `workspace.fs`.

import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readSync, statSync } from 'fs';
import { Worker } from 'worker_threads';
import * as vscode from 'vscode';
import type { FileStamp } from '../core/library/cache';
import { walkFolder, type Walk, type WalkRequest } from '../node/walk';
import type { WalkResponse } from '../node/walkWorker';

export interface ListedFile {
  uri: vscode.Uri;
  /** Relative to the workspace folder, forward slashes. */
  relative: string;
  /** Modification time and size (null when the file could not be stat-ed: its read says why). */
  stamp: FileStamp | null;
  /** The real path (links resolved), or null when it cannot be known (a broken link). */
  real: string | null;
  /** A symbolic link whose target does not exist. */
  broken?: boolean;
}

const SYNC_READ_BYTES = 1 << 20;

/** `files.exclude` patterns that are on (the `when` form, a sibling test, counts as on). */
export function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(config).filter(([, on]) => on === true || (typeof on === 'object' && on !== null)).map(([glob]) => glob);
}

export interface LocalListing {
  files: ListedFile[];
  /** Folders that could not be read, with why (the caller warns: nothing is left out silently). */
  problems: { relative: string; message: string }[];
  /** Where the walk ran, and how long it took there (ms). */
  walkedIn: 'worker' | 'host';
  walkMs: number;
}

/**
 * Lists a folder: in the worker `workerScript` (dist/walkWorker.js) when given and it starts, else on
 * this thread with the stats in short slices. A worker that fails is said once through `onProblem`,
 * and the folder is walked here instead: the listing never fails because of the worker.
 */
export async function listLocalFolder(folder: vscode.WorkspaceFolder, include: readonly string[], exclude: readonly string[],
  workerScript?: string, onProblem: (message: string) => void = () => undefined): Promise<LocalListing> {
  const request: WalkRequest = { root: folder.uri.fsPath, include: [...include], exclude: [...exclude] };
  const started = performance.now();
  let walk: Walk | null = null;
  let walkedIn: LocalListing['walkedIn'] = 'worker';
  if (workerScript) {
    const answer = await walkInWorker(workerScript, request);
    if ('walk' in answer) walk = answer.walk;
    else onProblem(`Listing ${folder.name} in a worker thread failed (${answer.error}); listed on the extension host's thread instead.`);
  }
  if (!walk) {
    walkedIn = 'host';
    walk = await walkFolder(request, () => new Promise((resolve) => setImmediate(resolve)));
  }
  const walkMs = performance.now() - started;
  const files: ListedFile[] = walk.files.map((f) => ({ uri: vscode.Uri.joinPath(folder.uri, ...f.relative.split('/')), ...f }));
  return { files, problems: walk.problems, walkedIn, walkMs };
}

function walkInWorker(script: string, request: WalkRequest): Promise<WalkResponse> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch (error) {
      resolve({ error: (error as Error).message });
      return;
    }
    let settled = false;
    const settle = (response: WalkResponse) => {
      if (settled) return;
      settled = true;
      resolve(response);
      void worker.terminate();
    };
    worker.once('message', settle);
    worker.once('error', (error) => settle({ error: error.message }));
    worker.once('exit', (code) => settle({ error: `the worker exited with code ${code}` }));
    worker.postMessage(request);
  });
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

export type LocalRead = { bytes: Uint8Array } | { skipped: string } | { missing: true } | { error: Error };

/**
 * A local file's bytes, read only after `fstat` on the open file says it is a regular file within
 * the limit, and never more than the limit (a file that grows meanwhile is caught). Opened
 * non-blocking, so a file replaced by a FIFO after it was listed cannot stall the read.
 */
export async function readLocalFile(fsPath: string, maxBytes: number, tooLarge: (size: number) => string): Promise<LocalRead> {
  let handle: fs.FileHandle;
  try {
    // Asked of the path first, so a device or a FIFO is never even opened. Synchronously: one
    // stat is microseconds, and each asynchronous step waits its turn in libuv's thread pool.
    const first = statSync(fsPath);
    if (!first.isFile()) return { skipped: `skipped: ${kindOf(first)}` };
    if (first.size > maxBytes) return { skipped: tooLarge(first.size) };
    // A small file (nearly every article) is read at once: ~0.1 ms, where five trips through the
    // thread pool took tens of ms while a window opens. Large ones are read asynchronously.
    if (first.size <= SYNC_READ_BYTES) return readSmallFile(fsPath, maxBytes, tooLarge);
    handle = await fs.open(fsPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const link = await fs.lstat(fsPath).then((s) => s.isSymbolicLink(), () => false);
      return link ? { skipped: 'skipped: a broken symbolic link (its target does not exist)' } : { missing: true };
    }
    return { error: error as Error };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: `skipped: ${kindOf(stat)}` };
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size) };
    // A plain Uint8Array of its own (not a Buffer from Node's shared pool): it may be handed to the
    // read worker, which takes its ArrayBuffer.
    let buffer = new Uint8Array(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
        buffer = grown(buffer, length, maxBytes);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: error as Error };
  } finally {
    await handle.close();
  }
}

/** A file that grew while read, still within the limit: its first `length` bytes in a buffer twice as large (at most the limit + 1). */
function grown(buffer: Uint8Array, length: number, maxBytes: number): Uint8Array<ArrayBuffer> {
  const larger = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2));
  larger.set(buffer.subarray(0, length));
  return larger;
}

function kindOf(stat: import('fs').Stats): string {
  if (stat.isDirectory()) return 'it is a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** `readLocalFile` for a file found small: the same checks (fstat of the open file, bounded read), synchronously. */
function readSmallFile(fsPath: string, maxBytes: number, tooLarge: (size: number) => string): LocalRead {
  const fd = openSync(fsPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skipped: `skipped: ${kindOf(stat)}` };
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size) };
    let buffer = new Uint8Array(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
        buffer = grown(buffer, length, maxBytes);
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
