// A worker thread's entry (bundled as dist/extractWorker.js): runs `extractArticle` on the files it
// is sent, so a large cold scan's reading and entity extraction leave the host's main thread free.
// Messages: { id, maxBytes, files: Uint8Array[] } in, { id, results: Extracted[] } out.

import { parentPort } from 'worker_threads';
import { extractArticle, type Extracted } from './extract';

export interface ExtractRequest {
  id: number;
  maxBytes: number;
  files: Uint8Array[];
}

export interface ExtractResponse {
  id: number;
  results: Extracted[];
}

parentPort?.on('message', (request: ExtractRequest) => {
  const results = request.files.map((bytes): Extracted => {
    try {
      return extractArticle(bytes, request.maxBytes);
    } catch (error) {
      // The reader never throws on content; if it ever does, the file is skipped with the reason.
      return { article: null, warning: `skipped: the reader failed (${(error as Error).message})` };
    }
  });
  parentPort!.postMessage({ id: request.id, results } satisfies ExtractResponse);
});
