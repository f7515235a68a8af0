// A worker thread's entry (bundled as dist/extractWorker.js): runs `extractArticle` on the files it
// is sent, so a large cold scan's reading and entity extraction leave the host's main thread free.
// Messages: { id, limits, files: ({ path, bytes } | { path, fsPath })[], bodyTerms? } in,
// { id, results: Extracted[] } out.

import { parentPort } from 'worker_threads';
import type { FormatLimits } from '../core/articles';
import { withBodyTerms, type ExtractFile, type ExtractFileAt, type Extracted } from '../core/library/extract';
import { extractFile } from './workerPool';

export interface ExtractRequest {
  id: number;
  limits: FormatLimits;
  /** With their bytes, or by their path on disk (read here: the host's thread neither reads nor copies them). */
  files: (ExtractFile | ExtractFileAt)[];
  /** Also each body's search terms (for the extension's search index). */
  bodyTerms?: boolean;
}

export interface ExtractResponse {
  id: number;
  results: Extracted[];
}

parentPort?.on('message', (request: ExtractRequest) => {
  void (async () => {
    const results: Extracted[] = [];
    for (const file of request.files) {
      const extracted = await extractFile(file, request.limits);
      results.push(request.bodyTerms ? withBodyTerms(extracted) : extracted);
    }
    parentPort!.postMessage({ id: request.id, results } satisfies ExtractResponse);
  })();
});
