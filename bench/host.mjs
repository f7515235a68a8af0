#!/usr/bin/env node
// npm run bench:host — Dossier in the real extension host (code-server), on generated libraries:
// first open, reopen, reopen after touching 1 % of the files, one changed file until the sidebar
// shows it, search and completion p95 during and after indexing, the host's heap; beside it the
// CLI (`dossier index`, cold and with --cache) and a plain read of the same files. Each open is a
// fresh code-server session on the same profile, so a reopen is a real new window with the
// workspace storage of the one before. Prints a table and writes bench/RESULTS.md.
//   BENCH_HOST_SIZES=10000,100000 (default 10000)   BENCH_HOST_DIR=/tmp/dossier-bench-host
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort, startWorkbench, stopAllWorkbenches } from '../scripts/workbench.mjs';
import { ROOT, ensureHostOrExit } from '../scripts/vscode-host.mjs';
import { writeCorpus } from './writeCorpus.mjs';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const SIZES = (process.env.BENCH_HOST_SIZES ?? '10000').split(',').map(Number).filter((n) => n > 0);
const BASE = process.env.BENCH_HOST_DIR ?? path.join(os.tmpdir(), 'dossier-bench-host');
const PAYLOAD = path.join(ROOT, 'out', 'bench', 'host', 'hostPayload.js');

async function session(workspace, profile, phase, port) {
  const resultFile = path.join(profile, `result-${phase}.json`);
  fs.rmSync(resultFile, { force: true });
  fs.writeFileSync(path.join(workspace, '.dossier-bench.json'), JSON.stringify({ phase, resultFile }));
  const log = [];
  const workbench = await startWorkbench({
    workspace, port, testsPath: PAYLOAD, userDataDir: path.join(profile, 'user'), extensionsDir: path.join(profile, 'extensions'),
    log: (line) => log.push(line),
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 30 * 60_000));
  const code = await Promise.race([workbench.exitCode, timeout]);
  await workbench.stop();
  if (code !== 0 || !fs.existsSync(resultFile)) throw new Error(`${phase} session failed (${code}):\n${log.slice(-30).join('\n')}`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
}

function timed(args, extra = {}) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...extra });
  const last = run.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return { s: seconds, rssMB: Math.round(kb / 1024), stderr: run.stderr };
}

function touch(dir, fraction) {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (!e.name.startsWith('.')) files.push(p); } };
  walk(dir);
  files.sort();
  const step = Math.round(1 / fraction);
  let n = 0;
  for (let i = 0; i < files.length; i += step, n++) fs.appendFileSync(files[i], '\n\nUpdated: the minister spoke again on Friday.\n');
  return n;
}

async function benchSize(size) {
  const workspace = path.join(BASE, `w${size}`);
  const articles = path.join(workspace, 'articles');
  const profile = path.join(BASE, `profile${size}`);
  console.log(`\n== ${size} articles: generating (once) in ${articles}`);
  writeCorpus(articles, size, 1);
  fs.mkdirSync(path.join(workspace, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'notes', 'bench.md'), 'See [@lav');
  // BENCH_HOST_QUICK=1: keep the profile of an earlier run (its cache) and only reopen: for tuning.
  const quick = process.env.BENCH_HOST_QUICK === '1' && fs.existsSync(profile);
  if (!quick) {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.mkdirSync(profile, { recursive: true });
  }
  const bytes = Number(spawnSync('du', ['-sb', articles], { encoding: 'utf8' }).stdout.split('\t')[0]);

  const row = { size, mb: Math.round(bytes / 1e6) };
  // One port for all sessions: the web workbench's workspace identity (so its storage, where the
  // cache lives) includes the server's address, as it does for a user's code-server.
  const port = quick ? JSON.parse(fs.readFileSync(path.join(profile, 'port.json'), 'utf8')) : await freePort();
  fs.writeFileSync(path.join(profile, 'port.json'), JSON.stringify(port));
  if (quick) {
    row.reopen = await session(workspace, profile, 'reopen', port);
    console.log('  ', JSON.stringify(row.reopen));
    return null;
  }
  console.log('  first open…');
  row.cold = await session(workspace, profile, 'cold', port);
  console.log('  ', JSON.stringify(row.cold));
  console.log('  reopen, nothing changed…');
  row.reopen = await session(workspace, profile, 'reopen', port);
  console.log('  ', JSON.stringify(row.reopen));
  const touched = touch(articles, 0.01);
  console.log(`  reopen after touching ${touched} files…`);
  row.reopen1 = await session(workspace, profile, 'reopen', port);
  row.reopen1.touched = touched;
  console.log('  ', JSON.stringify(row.reopen1));

  const cli = path.join(ROOT, 'dist', 'cli.js');
  const cacheDir = path.join(profile, 'cli-cache');
  row.cliCold = timed([cli, 'index', articles], { stdio: ['ignore', 'ignore', 'pipe'] });
  row.cliCached1 = timed([cli, 'index', articles, '--cache', cacheDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  row.cliCached2 = timed([cli, 'index', articles, '--cache', cacheDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  const plain = `const fs=require('fs'),p=require('path');let n=0;const w=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);if(e.isDirectory())w(f);else n+=fs.readFileSync(f).length}};w(${JSON.stringify(articles)});`;
  row.plainRead = timed(['-e', plain]);
  console.log(`  CLI cold ${row.cliCold.s} s (${row.cliCold.rssMB} MB RSS), with --cache: first ${row.cliCached1.s} s, unchanged ${row.cliCached2.s} s; plain read ${row.plainRead.s} s`);
  return row;
}

function markdown(rows) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const s = (ms) => (ms === undefined || Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const lines = [
    '# Host bench results (`npm run bench:host`)',
    '',
    `Machine: ${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (the machine is shared: other jobs ran meanwhile).`,
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; code-server's extension host, generated corpora in the seed formats (bench/generate.ts).`,
    '',
    '| corpus | activation | first open | reopen: views filled | reopen: files checked | reopen, 1 % changed | one changed file (sidebar shows it) | search p95 during / after | completion p95 during / after | heap after reopen (after a full GC) | host thread blocked: longest / p99, first open / reopen |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.size / 1000}k (${r.mb} MB) | ${r.cold.activationMs} ms / ${r.reopen.activationMs} ms | ${s(r.cold.firstOpenMs)} | ${s(r.reopen.sidebarFilledMs)} (${r.reopen.readsBeforeFilled} files read) | ${s(r.reopen.reopenMs)} (${r.reopen.articlesRead} read) | ${s(r.reopen1.reopenMs)} (${r.reopen1.articlesRead} read) | ${s(r.reopen.oneChangedFileMs)} (indexing the file: ${s(r.reopen.oneFileIndexMs)}) | ${s(r.cold.searchDuringP95)} / ${s(r.reopen.searchAfterP95)} | ${s(r.cold.completionDuringP95)} / ${s(r.reopen.completionAfterP95)} | ${r.reopen.heapMB} MB (${r.reopen.heapAfterGcMB ?? '—'} MB); after the first open ${r.cold.heapMB} MB (${r.cold.heapAfterGcMB ?? '—'} MB) | ${s(r.cold.loopDelayMaxMs)} / ${s(r.cold.loopDelayP99Ms)}; ${s(r.reopen.loopDelayMaxMs)} / ${s(r.reopen.loopDelayP99Ms)} |`);
  }
  lines.push('', '| corpus | CLI `dossier index` | CLI `--cache`, first run | CLI `--cache`, nothing changed | plain read (Node) |', '|---|---|---|---|---|');
  for (const r of rows) lines.push(`| ${r.size / 1000}k | ${r.cliCold.s} s, ${r.cliCold.rssMB} MB RSS | ${r.cliCached1.s} s | ${r.cliCached2.s} s, ${r.cliCached2.rssMB} MB RSS | ${r.plainRead.s} s |`);
  lines.push('', 'First open: activation until the index is ready (the "Indexed …" line). Reopen, views filled: activation until',
    'the corpus is restored from the cache (in slices) and the sidebar answers; files checked: until every file was',
    'listed, stat-ed and the changed ones read, and the search index restored. "During" latencies are timed from when',
    'the call was due, so time spent waiting behind indexing on the host\'s thread counts. One changed file: from the write until the',
    'sidebar lists the article (Dossier\'s folder watch and its 5 ms debounce included); "indexing the file" is Dossier\'s own part (stat, read, extract, index).',
    'Host thread blocked: the extension host\'s event-loop delay (perf_hooks, 10 ms resolution) from activation until the index',
    'is ready (first open: and the cache written): every extension on that thread counts (the window also loads VS Code\'s Markdown',
    'and TypeScript extensions there), not only Dossier; a CPU profile (BENCH_HOST_PROFILE=1) tells them apart.',
    '', 'Raw figures:', '', '```json', JSON.stringify(rows, null, 1), '```', '');
  return lines.join('\n');
}

ensureHostOrExit();
await esbuild.build({ entryPoints: [path.join(ROOT, 'bench', 'hostPayload.ts')], outdir: path.dirname(PAYLOAD), bundle: true, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], logLevel: 'warning' });
process.on('SIGINT', async () => { await stopAllWorkbenches(); process.exit(130); });
const rows = [];
try {
  for (const size of SIZES) {
    const row = await benchSize(size);
    if (row) rows.push(row);
  }
} finally {
  await stopAllWorkbenches();
}
if (!rows.length) process.exit(0);
const text = markdown(rows);
console.log('\n' + text);
fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), text);
