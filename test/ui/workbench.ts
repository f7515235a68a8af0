// Shared helpers for the UI tests: ONE real workbench per mocha run (code-server + headless Debian
// Chromium, Dossier loaded from this folder, a fresh fixture workspace of seeds/ + notes/), started
// by the root hooks in test/ui/hooks.ts, plus person-like actions on it. Screenshots go to the
// gitignored test-results/.
//
//   import { workbench, runCommand, readTreeRows, screenshot } from './workbench';
//   const { page } = workbench();
//   await runCommand(page, 'Dossier: Reindex Articles');
//
// DOSSIER_UI_LOG=1 prints the extension host's console; DOSSIER_KEEP_TEMP=1 keeps the temp folders.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const RESULTS = path.join(ROOT, 'test-results');
/** Default wait for one UI condition. */
export const TIMEOUT = 60_000;

export interface UiWorkbench {
  page: Page;
  /** The fixture workspace folder (a fresh temp copy of seeds/ + test/fixtures/workspace/). */
  workspace: string;
  url: string;
  stop(): Promise<void>;
}

let shared: UiWorkbench | undefined;
let starting: Promise<UiWorkbench> | undefined;
let workspaceDir: string | undefined;

/**
 * Ctrl+C / SIGTERM: mocha would die without running after-hooks, and code-server lives in its own
 * process group that the terminal's signal does not reach. Clean up synchronously and exit:
 * process.exit runs scripts/workbench.mjs's exit hook (SIGKILL to code-server's whole group, its
 * scratch folder removed) and Playwright's (Chromium closed).
 */
function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: stopping code-server and Chromium`);
  if (workspaceDir && !process.env.DOSSIER_KEEP_TEMP) fs.rmSync(workspaceDir, { recursive: true, force: true });
  process.exit(130);
}

/** Starts the shared workbench once (root hook); later calls return the same one. */
export function startSharedWorkbench(): Promise<UiWorkbench> {
  if (shared) return Promise.resolve(shared);
  starting ??= (async () => {
    const { startWorkbench } = await import('../../scripts/workbench.mjs' as string);
    const { makeWorkspace } = await import('../../scripts/test-integration.mjs' as string);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
    const workspace: string = makeWorkspace();
    workspaceDir = workspace;
    try {
      const started = await startWorkbench({
        workspace,
        log: (line: string) => {
          if (process.env.DOSSIER_UI_LOG) console.log(line);
        },
      });
      shared = {
        page: started.page,
        workspace,
        url: started.url,
        stop: async () => {
          await started.stop();
          if (!process.env.DOSSIER_KEEP_TEMP) fs.rmSync(workspace, { recursive: true, force: true });
        },
      };
      await shared.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
      return shared;
    } catch (error) {
      fs.rmSync(workspace, { recursive: true, force: true });
      throw error;
    }
  })();
  return starting;
}

export async function stopSharedWorkbench(): Promise<void> {
  const current = shared ?? (await starting?.catch(() => undefined));
  shared = undefined;
  starting = undefined;
  await current?.stop();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal);
}

/** The workbench started by the root hooks. */
export function workbench(): UiWorkbench {
  if (!shared) throw new Error('the UI workbench is not started: run UI tests with `npm run test:ui` (root hooks in test/ui/hooks.ts)');
  return shared;
}

/** Saves a screenshot of the whole window as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Clicks the activity-bar entry whose label starts with `title` (default: Dossier's view container). */
export async function openViewContainer(page: Page, title = 'Dossier'): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
  const item = page.locator(`.activitybar .action-item [aria-label^="${title}"]`).first();
  await item.waitFor({ timeout: TIMEOUT });
  const checked = page.locator(`.activitybar .action-item.checked [aria-label^="${title}"]`);
  if ((await checked.count()) === 0) await item.click();
  await checked.first().waitFor({ timeout: TIMEOUT });
}

/** A view (pane) of the open side bar, by its title, e.g. 'Countries'. */
export function pane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
}

export interface TreeRow {
  label: string;
  description: string;
  level: number;
  expanded: string | null;
}

/** The rows a tree or list shows (in screen order): label, description, depth, expanded state. */
export async function readTreeRows(scope: Locator): Promise<TreeRow[]> {
  return scope.locator('.monaco-list-row').evaluateAll((rows) =>
    rows
      .map((r) => ({
        label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
        level: Number(r.getAttribute('aria-level') ?? 0),
        expanded: r.getAttribute('aria-expanded'),
        top: Number.parseFloat((r as unknown as { style: { top: string } }).style.top || '0'),
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...rest }) => rest),
  );
}

/**
 * The tree's rows once `ready` holds for them: the views fill while the first scan runs (counts
 * grow slice by slice, rows are re-rendered), so a check of the final rows waits for them.
 */
export async function waitForTreeRows(scope: Locator, ready: (rows: TreeRow[]) => boolean, timeout = TIMEOUT): Promise<TreeRow[]> {
  const until = Date.now() + timeout;
  let rows = await readTreeRows(scope);
  while (!ready(rows)) {
    if (Date.now() > until) throw new Error(`tree rows not as expected within ${timeout} ms: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    rows = await readTreeRows(scope);
  }
  return rows;
}

/** Runs a command from the command palette (F1) by its full title, e.g. 'Dossier: Reindex Articles'. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  // Wait until the palette's focused entry is exactly this command, then run it.
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first();
  try {
    await focused.waitFor({ timeout: TIMEOUT });
  } catch {
    const shown = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    throw new Error(`command palette: no entry "${title}" (entries: ${shown.join(' | ') || 'none'})`);
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/**
 * Hovers `target` and returns the text of the hover that appears (editor hover or workbench hover).
 * A hover can fail to show (the pointer was already there, so no hover event fired) or vanish
 * (the tree re-rendered under it), so each attempt moves the pointer away first and waits a few
 * seconds; after the last attempt the error says what was hovered.
 */
export async function hoverText(page: Page, target: Locator, containing?: string | RegExp): Promise<string> {
  let hover = page.locator('.monaco-hover:visible, .workbench-hover:visible');
  if (containing !== undefined) hover = hover.filter({ hasText: containing });
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(200);
    await target.hover();
    try {
      await hover.first().waitFor({ timeout: attempt === attempts ? TIMEOUT : 8000 });
      return await hover.first().innerText();
    } catch (error) {
      if (attempt === attempts) {
        throw new Error(`no hover${containing === undefined ? '' : ` containing ${String(containing)}`} after ${attempts} attempts over ${String(target)}: ${String(error)}`);
      }
      console.log(`      (no hover after attempt ${attempt} of ${attempts}; moving the pointer away and hovering again)`);
    }
  }
}

/** Opens completion (Ctrl+Space) at the editor cursor and returns the suggestion labels shown. */
export async function completionLabels(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor({ timeout: TIMEOUT });
  return (await page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
}

/** The status-bar item showing `text`, once it is visible. */
export async function statusBarItem(page: Page, text: string | RegExp): Promise<Locator> {
  const item = page.locator('.statusbar-item', { hasText: text }).first();
  await item.waitFor({ timeout: TIMEOUT });
  return item;
}
