// The worker thread that parses PDFs for the extension (bundled as dist/pdfWorker.js). pdf.js runs
// here rather than in the extension host: the host's globals are not a plain Node's (its `navigator`
// is a getter pdf.js cannot set up), and a long PDF must not hold the host's event loop.

import { parentPort } from 'worker_threads';
import { readPdfArticle } from '../../core/articles/pdf';

export interface PdfRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  maxBytes: number;
}

parentPort?.on('message', (request: PdfRequest) => {
  readPdfArticle(request.bytes, request.fileName, request.maxBytes).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
