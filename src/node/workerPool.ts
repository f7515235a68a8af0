// A small pool of extraction workers (`extractWorker.ts`) for cold scans of large libraries, shared
// by the extension and the CLI. Sized from the machine (`os.availableParallelism()`); a pool that
// cannot start or loses a worker falls back to extracting on the calling thread, so indexing never
// stops because of it.

import * as os from 'os';
import { Worker } from 'worker_threads';
import type { FormatLimits } from '../core/articles';
import { articleFormat } from '../core/articles';
import { tooLargeMessage } from '../core/articles/decode';
import { extractSafely, type ExtractFile, type ExtractFileAt, type Extracted } from '../core/library/extract';
import type { ExtractRequest, ExtractResponse } from './extractWorker';
import { readLocalFile } from './readLocal';

interface Pending {
  resolve: (results: Extracted[]) => void;
  files: (ExtractFile | ExtractFileAt)[];
  limits: FormatLimits;
}

/**
 * One file, given with its bytes or by its path (then read here, with the checks and the size limit
 * of its format); never rejects: a read that gives no bytes comes back as `readProblem`.
 */
export async function extractFile(file: ExtractFile | ExtractFileAt, limits: FormatLimits): Promise<Extracted> {
  if ('bytes' in file) return extractSafely(file, limits);
  const max = limits[articleFormat(file.path)];
  const read = await readLocalFile(file.fsPath, max, (size) => tooLargeMessage(size, max));
  if ('bytes' in read) return extractSafely({ path: file.path, bytes: read.bytes }, limits);
  return { article: null, warning: null, readProblem: 'error' in read ? { error: read.error.message, ...codeOf(read.error) } : read };
}

function codeOf(error: Error): { code?: string } {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? { code } : {};
}

/** On the calling thread, in order (a pool without workers, or one that lost them). */
async function extractHere(files: (ExtractFile | ExtractFileAt)[], limits: FormatLimits): Promise<Extracted[]> {
  const results: Extracted[] = [];
  for (const file of files) results.push(await extractFile(file, limits));
  return results;
}

/**
 * Workers for a machine: one per core but one, which the calling thread keeps for reading and
 * indexing what the workers extract; at least one, at most 8 (each holds its own extractor). The CLI's
 * size: its main thread reads the files (2 workers on 2 cores were slower there: 8.6 s against 7.2 s
 * for 10k).
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, coreCount() - 1));
}

/**
 * The extension's size: one per core (at most 8). Its workers read the files themselves and give
 * their terms counted, so the host's thread mostly waits during a first open; with one worker on 2
 * cores the worker was the bottleneck (10k first open 19.5 s with one, 15.8 s with two).
 */
export function extensionPoolSize(): number {
  return Math.max(1, Math.min(8, coreCount()));
}

function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export class ExtractPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<number, Worker>();
  private nextId = 0;
  private failed: string | null = null;

  /**
   * `script` is the bundled worker (dist/extractWorker.js); `execArgv` lets tests run the
   * TypeScript entry through tsx. `onProblem` hears, once, why the pool fell back to the caller's thread.
   */
  constructor(script: string, size = defaultPoolSize(), private readonly onProblem: (message: string) => void = () => undefined, execArgv?: string[]) {
    try {
      for (let i = 0; i < size; i++) {
        const worker = new Worker(script, execArgv ? { execArgv } : {});
        worker.unref();
        worker.on('message', (response: ExtractResponse) => this.settle(response.id, response.results));
        worker.on('error', (error) => this.lose(worker, error.message));
        worker.on('exit', (code) => { if (code !== 0) this.lose(worker, `exited with code ${code}`); });
        this.workers.push({ worker, busy: 0 });
      }
    } catch (error) {
      this.fail(`could not start extraction workers: ${(error as Error).message}`);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Extracts files in the workers (split between them), in order; never rejects. A file given by its
   * path is read by the worker (`Extracted.readProblem` when that gives no bytes). `bodyTerms`: the
   * workers also give each body's search terms (`Extracted.bodyTerms`; not when extracting here).
   */
  async extract(files: (ExtractFile | ExtractFileAt)[], limits: FormatLimits, options: { bodyTerms?: boolean } = {}): Promise<Extracted[]> {
    if (!this.workers.length) return extractHere(files, limits);
    const per = Math.ceil(files.length / this.workers.length);
    const parts: Promise<Extracted[]>[] = [];
    for (let i = 0; i < files.length; i += per) parts.push(this.send(files.slice(i, i + per), limits, !!options.bodyTerms));
    return (await Promise.all(parts)).flat();
  }

  dispose(): void {
    const workers = this.workers.splice(0);
    for (const { worker } of workers) void worker.terminate();
    // Anything still waiting is done here rather than lost.
    for (const id of [...this.pending.keys()]) this.fallBack(id);
  }

  private send(files: (ExtractFile | ExtractFileAt)[], limits: FormatLimits, bodyTerms: boolean): Promise<Extracted[]> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, files, limits });
      this.owner.set(id, slot.worker);
      slot.worker.postMessage({ id, limits, files, bodyTerms } satisfies ExtractRequest);
    });
  }

  private settle(id: number, results: Extracted[]): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    const worker = this.owner.get(id);
    this.owner.delete(id);
    const slot = this.workers.find((w) => w.worker === worker);
    if (slot) slot.busy--;
    pending.resolve(results);
  }

  private fallBack(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    // Taken off the pending list now, so a late answer from the lost worker is ignored.
    this.pending.delete(id);
    void extractHere(pending.files, pending.limits).then((results) => {
      this.pending.set(id, pending);
      this.settle(id, results);
    });
  }

  private lose(worker: Worker, why: string): void {
    const at = this.workers.findIndex((w) => w.worker === worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    this.fail(`an extraction worker stopped (${why}); extracting on the main thread instead`);
    for (const [id, owner] of [...this.owner]) if (owner === worker) this.fallBack(id);
  }

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = message;
    this.onProblem(message);
  }
}
