#!/usr/bin/env node
// npm run test:ui — builds Dossier, makes sure code-server and Chromium are there, and runs the UI
// suites (test/ui/, mocha with the root hooks that start one workbench). DOSSIER_SKIP_SUITES=ui
// skips them, saying so. Extra arguments go to mocha (e.g. `npm run test:ui -- --grep vsix`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, ensureHostOrExit } from './vscode-host.mjs';
import { skippedSuites } from './suites.mjs';

if (skippedSuites().has('ui')) {
  console.log('UI tests: skipped (DOSSIER_SKIP_SUITES includes ui)');
  process.exit(0);
}
ensureHostOrExit();
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const mocha = path.join(path.dirname(createRequire(import.meta.url).resolve('mocha/package.json')), 'bin', 'mocha.js');
const run = spawnSync(process.execPath, [mocha, '--config', 'test/ui/mocharc.json', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
