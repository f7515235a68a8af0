// A worker thread's entry (bundled as dist/extractWorker.js): runs `extractArticle` on the files it
// is sent, so a large cold scan's reading and entity extraction leave the host's main thread free.
// Messages: { id, limits, files: { path, bytes }[] } in, { id, results: Extracted[] } out.

import { parentPort } from 'worker_threads';
import type { FormatLimits } from '../articles';
import { extractSafely, type ExtractFile, type Extracted } from './extract';

export interface ExtractRequest {
  id: number;
  limits: FormatLimits;
  files: ExtractFile[];
}

export interface ExtractResponse {
  id: number;
  results: Extracted[];
}

parentPort?.on('message', (request: ExtractRequest) => {
  void (async () => {
    const results: Extracted[] = [];
    for (const file of request.files) results.push(await extractSafely(file, request.limits));
    parentPort!.postMessage({ id: request.id, results } satisfies ExtractResponse);
  })();
});
