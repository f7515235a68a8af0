// Runs the core's PDF reader in one worker thread, started on the first PDF and stopped with the
// extension. A worker that dies fails the reads it held (they become warnings) and is started
// again for the next PDF.

import * as path from 'path';
import { Worker } from 'worker_threads';
import type { PdfReader } from '../../core/articles';
import type { PdfRead } from '../../core/articles/pdf';
import type { PdfRequest } from './worker';

interface Pending {
  resolve(read: PdfRead): void;
  reject(error: Error): void;
}

export class PdfWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script = path.join(__dirname, 'pdfWorker.js')) {}

  readonly read: PdfReader = (bytes, fileName, maxBytes) => new Promise<PdfRead>((resolve, reject) => {
    const id = this.nextId++;
    this.pending.set(id, { resolve, reject });
    const copy = bytes.slice(); // transferred: the caller keeps its own bytes
    this.start().postMessage({ id, bytes: copy, fileName, maxBytes } satisfies PdfRequest, [copy.buffer]);
  });

  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error('the PDF reader was stopped'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (message: { id: number; result?: PdfRead; error?: string }) => {
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
      this.failAll(new Error(`the PDF reader stopped (exit code ${code})`));
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
