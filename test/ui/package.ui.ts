// The packaged extension, as a user installs it: `npm run package` makes the .vsix, code-server
// installs it (`--install-extension`, no development path), and a second workbench on a fresh
// fixture workspace shows the Dossier sidebar filled and a hover card over a cited key. This proves
// that the .vsix holds everything the extension loads (`.vscodeignore` keeps only what it lists).
// Screenshot: test-results/vsix-hover.png.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT, TIMEOUT, openViewContainer, pane, waitForTreeRows, screenshot } from './workbench';

interface Started {
  page: Page;
  stop(): Promise<void>;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: env ?? process.env });
  assert.strictEqual(result.status, 0, `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Lists the files inside a .vsix (a zip) with the unzip-free reader of vsce's own dependency. */
function vsixFiles(vsix: string): string[] {
  const listing = run(process.execPath, ['-e', `
    const yauzl = require(require.resolve('yauzl', { paths: [require.resolve('@vscode/vsce')] }));
    yauzl.open(process.argv[1], { lazyEntries: true }, (err, zip) => {
      if (err) throw err;
      const names = [];
      zip.on('entry', (e) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => console.log(JSON.stringify(names)));
      zip.readEntry();
    });`, vsix]);
  return JSON.parse(listing) as string[];
}

describe('the packaged extension (.vsix) installed into code-server', function () {
  this.timeout(300_000);
  let scratch = '';
  let workspace = '';
  let started: Started | undefined;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-vsix-'));
    const vsix = path.join(scratch, 'dossier.vsix');
    try {
      run('npm', ['run', 'package', '--', '--out', vsix]);
    } finally {
      // `npm run package` writes the minified bundles into dist/: put the development build back.
      run(process.execPath, ['esbuild.mjs']);
    }
    const files = vsixFiles(vsix);
    const size = fs.statSync(vsix).size;
    console.log(`      (.vsix: ${(size / 1024).toFixed(0)} KB, ${files.length} files: ${files.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).join(', ')})`);
    assert.ok(files.includes('extension/dist/extension.js'), files.join(', '));

    const { hostPaths } = await import('../../scripts/vscode-host.mjs' as string);
    const { cleanChildEnv } = await import('../../scripts/child-env.mjs' as string);
    const { startWorkbench } = await import('../../scripts/workbench.mjs' as string);
    const { makeWorkspace } = await import('../../scripts/test-integration.mjs' as string);
    const paths = hostPaths();
    const extensionsDir = path.join(scratch, 'extensions');
    const xdg = path.join(scratch, 'xdg');
    const env = { ...cleanChildEnv(process.env), XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg };
    const installed = run(paths.nodeBin, [paths.codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensionsDir], env);
    assert.match(installed, /successfully installed/i, installed);
    workspace = makeWorkspace();
    const workbench: Started = await startWorkbench({ workspace, extensionPath: null, extensionsDir });
    started = workbench;
    await workbench.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
  });

  after(async () => {
    await started?.stop();
    if (!process.env.DOSSIER_KEEP_TEMP) {
      for (const dir of [scratch, workspace]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills the Dossier sidebar and shows a hover card over a cited key', async () => {
    const page = started!.page;
    await openViewContainer(page, 'Dossier');
    const countries = pane(page, 'Countries');
    await countries.locator('.monaco-list-row', { hasText: 'Russia' }).first().waitFor({ timeout: TIMEOUT });
    await waitForTreeRows(countries, (rows) => rows.some((r) => r.label.endsWith('Russia') && r.description === '5'));

    // Open the example note and show the hover over a cited key (cursor on it, Ctrl+K Ctrl+I).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: TIMEOUT });
    await input.fill('example.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'example.md' }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Russia and the Caribbean' }).first().waitFor({ timeout: TIMEOUT });
    await editor.click();
    await page.keyboard.press('Control+F');
    const find = page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ timeout: TIMEOUT });
    await find.fill('@dpa-cuban-foreign');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'Open article' }).first();
    await hover.waitFor({ timeout: TIMEOUT });
    assert.match(await hover.innerText(), /Cuban Foreign Minister extends Medvedev an invitation from Castro/);
    await screenshot(page, 'vsix-hover');
  });
});
