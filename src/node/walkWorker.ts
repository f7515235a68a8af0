// A worker thread's entry (bundled as dist/walkWorker.js): walks one folder (`walk.ts`) and posts
// the listing back, so the stats of a large library run beside the extension host's thread, not on it.
// Message in: a `WalkRequest`; out: `{ walk }` or `{ error }` (the caller then walks on its own thread).

import { parentPort } from 'worker_threads';
import { walkFolder, type Walk, type WalkRequest } from './walk';

export type WalkResponse = { walk: Walk } | { error: string };

parentPort?.once('message', (request: WalkRequest) => {
  walkFolder(request).then(
    (walk) => parentPort!.postMessage({ walk } satisfies WalkResponse),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WalkResponse),
  );
});
