// Listing the article files of a workspace folder on a local disk (`file:` scheme) in one walk with
// Node's fs (`src/node/walk.ts`), with each file's modification time and size and its real path, in a
// worker thread when one can start. Why not `workspace.findFiles` + `workspace.fs.stat` here: on
// 10,000 files the search service took 4.6–7 s to list (one ripgrep run per glob, every result sent
// over IPC) and the stats another 2.6–3.2 s; the walk does both in a fraction of a second. Why a
// worker: in a window that is opening, the host's thread is busy restoring the cache and loading
// other extensions, and the walk on that thread took 1.7–2.2 s at 10k (its own work: ~0.2 s). A
// `file:` folder is local to the extension host also in a remote window (the host runs beside the
// files); other schemes (virtual and web workspaces) keep `findFiles` and `workspace.fs`.

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

/** `files.exclude` patterns that are on (the `when` form, a sibling test, counts as on). */
export function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(config).filter(([, on]) => on === true || (typeof on === 'object' && on !== null)).map(([glob]) => glob);
}

export interface LocalListing {
  files: ListedFile[];
  /** Folders that could not be read, with why (the caller warns: nothing is left out silently). */
  problems: { relative: string; message: string }[];
  /** The folders the walk entered, relative ('' is the folder itself): what `LocalWatch` watches. */
  folders: string[];
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
  return { files, problems: walk.problems, folders: walk.folders, walkedIn, walkMs };
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
