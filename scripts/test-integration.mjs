#!/usr/bin/env node
// npm run test:integration — builds the extension and the suites in test/integration/, makes a fresh
// fixture workspace (seeds/ + notes/), and runs the suites in a real extension host through
// @vscode/test-electron's runTests with scripts/code-server-exe.mjs as the VS Code executable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, ensureHostOrExit } from './vscode-host.mjs';
import { skippedSuites } from './suites.mjs';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const { runTests } = require('@vscode/test-electron');

const OUT = path.join(ROOT, 'out', 'test', 'integration');

export function makeWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-workspace-'));
  fs.cpSync(path.join(ROOT, 'seeds'), path.join(workspace, 'seeds'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  return workspace;
}

export async function buildSuites() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const dir = path.join(ROOT, 'test', 'integration');
  const entries = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  await esbuild.build({
    entryPoints: entries, outdir: OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node18',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  if (skippedSuites().has('integration')) {
    console.log('integration tests: skipped (DOSSIER_SKIP_SUITES includes integration)');
    process.exit(0);
  }
  ensureHostOrExit();
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  await buildSuites();
  const workspace = makeWorkspace();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-profile-'));
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'scripts', 'code-server-exe.mjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
    });
  } catch (error) {
    console.error(`integration tests failed: ${error.message ?? error}`);
    code = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(code);
}
