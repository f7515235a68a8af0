// The sidebar as a person sees it: the Dossier container opened from the activity bar, the Countries
// tree expanded at Cuba and the People tree at Sergey Lavrov, rows read back from the page, the
// status-bar count, an article card on hover. Screenshots go to test-results/; with
// DOSSIER_UPDATE_SCREENSHOTS=1 the overview is also copied to media/screenshot-sidebar.png.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { hoverText } from './workbench';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const TIMEOUT = 60_000;

/** The pane (view) with this title inside the Dossier container. */
function pane(page: Page, title: 'Countries' | 'People'): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
}

/** The row whose label is `label` (a country's label starts with its flag). */
function row(scope: Locator, label: string): Locator {
  const exact = new RegExp(`^(\\S+\\s)?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return scope.locator('.monaco-list-row').filter({ has: scope.page().locator('.label-name', { hasText: exact }) }).first();
}

/** The rows a tree shows: label, description, depth, expanded state. */
async function readRows(scope: Locator): Promise<{ label: string; description: string; level: number; expanded: string | null }[]> {
  return scope.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
    description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    level: Number(r.getAttribute('aria-level') ?? 0),
    expanded: r.getAttribute('aria-expanded'),
    top: Number.parseFloat((r as unknown as { style: { top: string } }).style.top || '0'),
  })).sort((a, b) => a.top - b.top).map(({ top, ...rest }) => rest));
}

/** The article rows right under a group row (one level deeper, until the next group). */
function childrenOf<T extends { label: string; level: number }>(rows: T[], groupLabel: string): T[] {
  const start = rows.findIndex((r) => r.label === groupLabel);
  assert.ok(start >= 0, `row ${groupLabel} in ${rows.map((r) => r.label).join(' | ')}`);
  const level = rows[start]!.level;
  const result: T[] = [];
  for (const r of rows.slice(start + 1)) {
    if (r.level <= level) break;
    if (r.level === level + 1) result.push(r);
  }
  return result;
}

async function expand(scope: Locator, label: string): Promise<void> {
  // Looked up afresh each time: a refresh of the view re-renders its rows, and a click on (or a handle
  // to) a row that was replaced meanwhile is lost; then the row is clicked again.
  const until = Date.now() + TIMEOUT;
  for (;;) {
    const target = row(scope, label);
    await target.waitFor({ timeout: TIMEOUT });
    if ((await target.getAttribute('aria-expanded')) === 'true') return;
    if (Date.now() > until) assert.fail(`row ${label} did not expand within ${TIMEOUT} ms`);
    await target.click();
    for (const settled = Date.now() + 2000; Date.now() < settled;) {
      if ((await row(scope, label).getAttribute('aria-expanded')) === 'true') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Widens the side bar (drags its sash) so article descriptions show in the screenshots. */
async function widenSideBar(page: Page, by: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  const edge = bar.x + bar.width;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(edge + by, y, { steps: 5 });
    await page.mouse.up();
    await page.mouse.move(edge + by + 300, y);
    return;
  }
}

/** Runs the checks on a workbench that has Dossier loaded on the fixture workspace (seeds/ + notes/). */
export async function checkSidebar(page: Page): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
  await page.locator('.activitybar .action-item a[aria-label^="Dossier"], .activitybar .action-item [aria-label^="Dossier"]').first().click({ timeout: TIMEOUT });

  const countries = pane(page, 'Countries');
  const people = pane(page, 'People');
  await row(countries, 'Russia').waitFor({ timeout: TIMEOUT });
  // The views fill while the first scan runs (counts grow, rows are re-rendered): expanded once it is done.
  for (const until = Date.now() + TIMEOUT; ;) {
    const rows = await readRows(countries);
    if (rows.some((r) => r.label.endsWith('Russia') && r.description === '5')) break;
    if (Date.now() > until) assert.fail(`Countries rows never showed Russia 5: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await expand(countries, 'Cuba');
  await countries.locator('.label-description', { hasText: '7 May 2025 · TASS' }).first().waitFor({ timeout: TIMEOUT });
  await expand(people, 'Sergey Lavrov');
  await people.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: TIMEOUT });

  const countryRows = await readRows(countries);
  const russia = countryRows.find((r) => r.label.endsWith('Russia'));
  assert.strictEqual(russia?.description, '5', JSON.stringify(countryRows));
  const cuba = countryRows.find((r) => r.label.endsWith('Cuba'));
  assert.strictEqual(cuba?.description, '4');
  const cubaArticles = childrenOf(countryRows, cuba!.label);
  assert.strictEqual(cubaArticles.length, 4, JSON.stringify(cubaArticles));
  assert.ok(cubaArticles.some((r) => r.description === '7 May 2025 · TASS'), JSON.stringify(cubaArticles));

  const personRows = await readRows(people);
  const lavrov = personRows.find((r) => r.label === 'Sergey Lavrov');
  assert.strictEqual(lavrov?.description, '4', JSON.stringify(personRows));
  assert.strictEqual(childrenOf(personRows, 'Sergey Lavrov').length, 4);
  assert.ok(personRows.some((r) => r.label === 'Bruno Rodríguez Parrilla'));

  await page.locator('.statusbar-item', { hasText: '5 articles' }).first().waitFor({ timeout: TIMEOUT });
  await widenSideBar(page, 220);
  await page.screenshot({ path: path.join(RESULTS, 'sidebar.png') });
  if (process.env.DOSSIER_UPDATE_SCREENSHOTS === '1') {
    fs.copyFileSync(path.join(RESULTS, 'sidebar.png'), path.join(ROOT, 'media', 'screenshot-sidebar.png'));
  }

  // The article card on hover.
  const tassRow = countries.locator('.monaco-list-row', { has: page.locator('.label-description', { hasText: '7 May 2025 · TASS' }) }).first();
  assert.match(await hoverText(page, tassRow, '@'), /Open article/);
  await page.screenshot({ path: path.join(RESULTS, 'sidebar-card.png') });
}
