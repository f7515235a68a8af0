// The newcomer's first command, as typed: `npm start` (through npm, so with the environment npm
// gives its scripts) builds, serves code-server on 127.0.0.1 and prints a URL; opened in Chromium,
// that URL shows the workbench with the Dossier sidebar filled from the sample corpus. Ctrl+C
// (SIGINT to npm's process group) stops everything it started.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import type { Browser } from 'playwright-core';
import { ROOT, TIMEOUT, openViewContainer, pane, waitForTreeRows, screenshot } from './workbench';

describe('npm start', function () {
  this.timeout(300_000);
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let output = '';

  after(async () => {
    await browser?.close().catch(() => undefined);
    // The test failed before its own Ctrl+C: stop npm start's process group here.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // the group is already gone
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-child!.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000);
      await exited;
      clearTimeout(killed);
    }
  });

  it('prints a URL that opens the workbench with the Dossier sidebar filled; Ctrl+C stops it', async () => {
    child = spawn('npm', ['start'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed by npm start within 240 s; output:\n${output}`)), 240_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?\S+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before printing a URL; output:\n${output}`));
      });
    });
    const { chromium } = await import('playwright-core');
    const { CHROMIUM_ARGS } = await import('../../scripts/workbench.mjs' as string);
    const { CHROMIUM } = await import('../../scripts/vscode-host.mjs' as string);
    // Playwright gives the browser a fresh temporary profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await openViewContainer(page, 'Dossier');
    const countries = pane(page, 'Countries');
    await countries.locator('.monaco-list-row', { hasText: 'Russia' }).first().waitFor({ timeout: TIMEOUT });
    await waitForTreeRows(countries, (rows) => rows.some((r) => r.label.endsWith('Russia') && r.description === '5'));
    await screenshot(page, 'npm-start');
    await browser.close();
    browser = undefined;

    // Ctrl+C in the terminal: SIGINT to the foreground process group (npm and its script).
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT');
    const code = await exited;
    assert.ok(code === 0 || code === 130 || code === null, `npm start exit code after Ctrl+C: ${code}\n${output}`);
    const port = /127\.0\.0\.1:(\d+)/.exec(url)![1];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stillServing = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    assert.strictEqual(stillServing, false, 'code-server still answers after Ctrl+C');
  });
});
