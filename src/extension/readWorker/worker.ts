// The worker thread that reads saved web pages and PDFs for the extension (bundled as
// dist/readWorker.js). Readability and pdf.js take milliseconds to seconds a file, which must not hold
// the extension host's event loop; and pdf.js cannot run in the host itself, whose `navigator` is a
// getter it cannot set up.

import { parentPort } from 'worker_threads';
import { readArticleFile, type FormatLimits } from '../../core/articles';

export interface ReadRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  limits: FormatLimits;
}

parentPort?.on('message', (request: ReadRequest) => {
  readArticleFile(request.path, request.bytes, request.limits).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
