// Bundles the extension and the CLI into dist/. `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  define: { DOSSIER_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

// pdf.js (1.6 MB, through unpdf's self-contained build) stays out of the bundles: it is copied
// beside them as dist/pdfjs.mjs and loaded by a dynamic import the first time a PDF is read.
const PDFJS = createRequire(import.meta.url).resolve('unpdf').replace(/index\.cjs$/, 'pdfjs.mjs');
mkdirSync('dist', { recursive: true });
copyFileSync(PDFJS, 'dist/pdfjs.mjs');
/** @type {import('esbuild').Plugin} */
const pdfjsBeside = {
  name: 'pdfjs-beside',
  setup(build) {
    build.onResolve({ filter: /^unpdf\/pdfjs$/ }, () => ({ path: './pdfjs.mjs', external: true }));
  },
};

/**
 * One copy of the \`vscode\` API namespace for the whole extension bundle: esbuild turns each
 * \`import * as vscode from 'vscode'\` of an external CommonJS module into its own \`__toESM(require('vscode'))\`,
 * which copies every property of the API object (31 copies, ~10 ms of loading the extension in plain
 * Node, 40-50 ms in a busy extension host). Every import of \`vscode\` goes to one ES module that
 * re-exports it; only that module requires the real one.
 * @type {import('esbuild').Plugin}
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [pdfjsBeside, oneVscodeNamespace] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [pdfjsBeside] },
  // The extension reads web pages and PDFs in this worker thread (src/extension/readWorker).
  { ...common, entryPoints: ['src/extension/readWorker/worker.ts'], outfile: 'dist/readWorker.js', plugins: [pdfjsBeside] },
  // Extraction workers for large cold scans (extension and CLI): their own entry, loaded by path.
  { ...common, entryPoints: ['src/node/extractWorker.ts'], outfile: 'dist/extractWorker.js', plugins: [pdfjsBeside] },
  // The extension lists and stats a local folder's files in this worker thread (src/node/walkWorker).
  { ...common, entryPoints: ['src/node/walkWorker.ts'], outfile: 'dist/walkWorker.js' },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
