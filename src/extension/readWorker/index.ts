// Runs the core's readers for web pages and PDFs in one worker thread, started on the first such
// file and stopped with the extension. A worker that dies fails the reads it held (they become
// warnings) and is started again for the next file.

import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ArticleRead, OffThreadReader } from '../../core/articles';
import type { ReadRequest } from './worker';

interface Pending {
  resolve(read: ArticleRead): void;
  reject(error: Error): void;
}

export class ReadWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script = path.join(__dirname, 'readWorker.js')) {}

  readonly read: OffThreadReader = (filePath, bytes, limits) => new Promise<ArticleRead>((resolve, reject) => {
    const id = this.nextId++;
    this.pending.set(id, { resolve, reject });
    const copy = new Uint8Array(bytes); // a copy with an ArrayBuffer of its own (a Buffer's slice would share Node's pool), transferred: the caller keeps its bytes
    this.start().postMessage({ id, path: filePath, bytes: copy, limits } satisfies ReadRequest, [copy.buffer]);
  });

  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error('the file reader was stopped'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (message: { id: number; result?: ArticleRead; error?: string }) => {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.result) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error ?? 'no answer'));
    });
    // (A worker already replaced or disposed of had its reads failed then; the new one's are not its.)
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error(`the file reader stopped (exit code ${code})`));
    });
    // The extension host may exit while the worker idles.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
