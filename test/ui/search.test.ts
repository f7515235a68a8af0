// Search Articles as a person uses it: the command run from the palette, `lavorv` typed into the
// QuickPick, the rows read back from the page (label, date · outlet, passage), a screenshot in
// test-results/search.png (copied to media/screenshot-search.png with DOSSIER_UPDATE_SCREENSHOTS=1).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const TIMEOUT = 60_000;

interface PickRow {
  label: string;
  description: string;
  detail: string;
}

async function readPickRows(page: Page): Promise<PickRow[]> {
  return page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    label: (r.querySelector('.quick-input-list-label .label-name, .monaco-icon-label .label-name')?.textContent ?? '').trim(),
    description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    detail: (r.querySelector('.quick-input-list-label-meta .monaco-icon-label, .quick-input-list-detail')?.textContent ?? '').trim(),
    top: Number.parseFloat((r as unknown as { style: { top: string } }).style.top || '0'),
  })).sort((a, b) => a.top - b.top).map(({ top, ...rest }) => rest));
}

/** Runs the checks on a workbench that has Dossier loaded on the fixture workspace (seeds/ + notes/). */
export async function checkSearch(page: Page): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill('>Dossier: Search Articles');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Search Articles' }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Articles' }).waitFor({ timeout: TIMEOUT });

  await input.pressSequentially('lavorv', { delay: 40 });
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: /Lavrov/ }).nth(3).waitFor({ timeout: TIMEOUT });
  const rows = await readPickRows(page);
  assert.ok(rows.length >= 4, JSON.stringify(rows));
  const top4 = rows.slice(0, 4);
  assert.ok(top4.every((r) => /Lavrov/.test(r.detail) || /Lavrov/.test(r.label)), JSON.stringify(top4, null, 1));
  assert.ok(top4.some((r) => r.description === '7 May 2025 · TASS'), JSON.stringify(top4, null, 1));
  assert.ok(top4.some((r) => r.label === 'Russian Foreign Minister Sergey Lavrov Visiting Venezuela'), JSON.stringify(top4, null, 1));

  await page.screenshot({ path: path.join(RESULTS, 'search.png') });
  if (process.env.DOSSIER_UPDATE_SCREENSHOTS === '1') {
    fs.copyFileSync(path.join(RESULTS, 'search.png'), path.join(ROOT, 'media', 'screenshot-search.png'));
  }

  // A filter being typed brings suggestions; Enter on the first completes the filter.
  await input.fill('');
  await input.pressSequentially('person:lav', { delay: 40 });
  const suggestion = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Sergey Lavrov' }).filter({ hasText: 'person · 4 articles' });
  await suggestion.first().waitFor({ timeout: TIMEOUT });
  assert.strictEqual(await suggestion.first().locator('.codicon-person').count(), 1, 'the person icon renders');
  await page.screenshot({ path: path.join(RESULTS, 'search-filter.png') });
  await page.keyboard.press('Enter');
  // (An expression string: this project's type checking has no DOM types.)
  await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === 'person:"Sergey Lavrov" '`, undefined, { timeout: TIMEOUT });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Visiting Venezuela' }).first().waitFor({ timeout: TIMEOUT });
  const filtered = await readPickRows(page);
  assert.strictEqual(filtered.length, 4, JSON.stringify(filtered, null, 1));

  // Enter opens the top article with the passage selected.
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(RESULTS, 'search-opened.png') });
}
