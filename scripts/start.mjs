#!/usr/bin/env node
// npm start — builds Dossier, sets up the real VS Code (code-server) if needed, and serves it on
// 127.0.0.1 with Dossier loaded on a demo workspace (the seed articles and an example note).
// Open the printed URL in a browser; Ctrl+C stops everything it started.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, ROOT, ensureHostOrExit } from './vscode-host.mjs';
import { startWorkbench, stopAllWorkbenches } from './workbench.mjs';

ensureHostOrExit({ browser: false });
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// A fresh copy each start, so the demo never writes into the project's own seeds/.
const demo = path.join(CACHE, 'demo');
fs.rmSync(demo, { recursive: true, force: true });
fs.cpSync(path.join(ROOT, 'seeds'), path.join(demo, 'seeds'), { recursive: true });
fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), demo, { recursive: true });

// Handlers first: Ctrl+C while code-server is still starting stops it too (it runs in its own
// process group, which the terminal's Ctrl+C does not reach).
let stopping;
const stop = () => (stopping ??= stopAllWorkbenches().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

const workbench = await startWorkbench({ workspace: demo, browser: false, userDataDir: path.join(CACHE, 'demo-profile') });
console.log(`\nDossier is running on the sample corpus:\n\n    ${workbench.url}\n\nOpen it in a browser (the Dossier icon is in the activity bar). Press Ctrl+C to stop.\n`);
workbench.server.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server stopped (${code}).`);
  process.exit(1);
});
