// Starts a real VS Code (code-server on 127.0.0.1) with Dossier loaded on a workspace, opened in
// Debian's Chromium through playwright-core. Used by the integration tests' stand-in executable, the
// UI tests and `npm start`. Everything it starts lives in its own process group and is stopped by
// `stop()`, on failure too; it writes only into the temp folder it makes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { cleanChildEnv } from './child-env.mjs';
import { ensureHost, CHROMIUM, ROOT } from './vscode-host.mjs';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.enableExperiments': false,
};

/** Waits for `probe` to return something truthy; fails saying what it waited for. */
export async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** stop() of every workbench started (or still starting) in this process. */
const active = new Set();

/** Stops every workbench of this process, also one whose start has not finished (e.g. on Ctrl+C). */
export async function stopAllWorkbenches() {
  await Promise.all([...active].map((stop) => stop()));
}

/**
 * @param {object} options
 * @param {string} options.workspace        folder to open
 * @param {string|null} [options.extensionPath]  extension development folder (default: the project;
 *                                          null: none, the extensions installed in extensionsDir only)
 * @param {string} [options.testsPath]      compiled extension tests entry (integration mode)
 * @param {string} [options.userDataDir]
 * @param {string} [options.extensionsDir]
 * @param {(line: string) => void} [options.log]  the extension host's console
 * @param {boolean} [options.browser]      open Chromium (default true)
 * @param {object} [options.settings]      extra user settings
 * @param {number} [options.port]          port to serve on (default: a free one)
 */
export async function startWorkbench(options) {
  const paths = ensureHost({ browser: options.browser !== false });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-vscode-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  for (const dir of [userDataDir, extensionsDir, path.join(userDataDir, 'User'), ...['config', 'data', 'cache'].map((d) => path.join(scratch, `xdg-${d}`))]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const config = path.join(scratch, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  // A fixed port keeps the workspace's identity (and so its storage) from one session to the next.
  const port = options.port ?? await freePort();
  const extensionPath = options.extensionPath === undefined ? ROOT : options.extensionPath;
  const log = options.log ?? (() => {});

  const serverLog = path.join(scratch, 'code-server.log');
  const logStream = fs.openSync(serverLog, 'a');
  const server = spawn(paths.nodeBin, [paths.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--config', config, '--vscode-option', 'enable-smoke-test-driver'], {
    detached: true,
    stdio: ['ignore', logStream, logStream],
    env: { ...cleanChildEnv(process.env, { delimiter: path.delimiter }), XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'), XDG_DATA_HOME: path.join(scratch, 'xdg-data'), XDG_CACHE_HOME: path.join(scratch, 'xdg-cache') },
  });
  let browser;
  let stopping;
  // Memoized: a second caller (e.g. a second Ctrl+C) waits for the same clean-up to finish.
  const stop = () => (stopping ??= stopNow());
  const stopNow = async () => {
    await browser?.close().catch(() => {});
    // The whole process group (code-server, its extension host, watchers): SIGTERM, then SIGKILL
    // if the leader has not exited within 3 s, and SIGKILL anyway for anything left in the group.
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {}
      const grace = setTimeout(() => {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {}
      }, 3000);
      await exited;
      clearTimeout(grace);
    }
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
    process.removeListener('exit', onExit);
    active.delete(stop);
    fs.closeSync(logStream);
    if (!process.env.DOSSIER_KEEP_TEMP) fs.rmSync(scratch, { recursive: true, force: true });
  };
  // Last resort when this process exits without stop() (uncaught error, process.exit): kill the
  // group and remove the scratch folder, synchronously.
  const onExit = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
    if (!process.env.DOSSIER_KEEP_TEMP) fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  active.add(stop);

  try {
    let serverExit = null;
    server.once('exit', (code, signal) => { serverExit = code ?? signal; });
    await waitFor(`code-server on 127.0.0.1:${port} (log: ${serverLog})`, async () => {
      if (serverExit !== null) throw new Error(`code-server exited (${serverExit}); see ${serverLog}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.ok;
    }, 60000);

    const url = new URL(`http://127.0.0.1:${port}/`);
    url.searchParams.set('folder', options.workspace);
    const payload = [['skipWelcome', 'true']];
    if (options.testsPath) payload.unshift(['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${options.testsPath}`]);
    if (extensionPath) payload.unshift(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`]);
    url.searchParams.set('payload', JSON.stringify(payload));
    if (options.browser === false) return { port, url: url.toString(), stop, exitCode: new Promise(() => {}), server };

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    let resolveExit;
    const exitCode = new Promise((resolve) => { resolveExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host's console arguments, printf-style as mocha's reporter writes them.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!/ENOTFOUND|gallery|telemetry|marketplace/i.test(text)) log(text);
    });
    await page.goto(url.toString());
    return { port, url: url.toString(), page, browser, context, stop, exitCode, server, serverLog };
  } catch (error) {
    await stop();
    throw error;
  }
}
