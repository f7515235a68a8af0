// Citing while writing, as a person does: open the example note, type `[@lav`, accept the
// suggestion, save — the file on disk holds a well-formed citation; then hover a cited key and
// see the article card. Screenshots: test-results/citation-completion.png, citation-hover.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const TIMEOUT = 60_000;

export async function checkCitations(page: Page, workspace: string): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill('example.md');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'example.md' }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'Russia and the Caribbean' }).first().waitFor({ timeout: TIMEOUT });
  // Dossier is active and has indexed the seeds (status bar) before we type.
  await page.locator('.statusbar-item', { hasText: '5 articles' }).first().waitFor({ timeout: TIMEOUT });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Lavrov again [@lav', { delay: 30 });
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'tass2025-cuba-russia-reliable' }).first();
  await suggestion.waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(RESULTS, 'citation-completion.png') });
  if (process.env.DOSSIER_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(RESULTS, 'citation-completion.png'), path.join(ROOT, 'media', 'screenshot-completion.png'));
  await suggestion.click();
  // The editor auto-closes the bracket as `[` is typed; the item then completes the key only.
  await editor.locator('.view-line', { hasText: 'Lavrov again [@tass2025-cuba-russia-reliable]' }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Control+S');
  const file = path.join(workspace, 'notes', 'example.md');
  const wanted = /\nLavrov again \[@tass2025-cuba-russia-reliable\]\n?$/;
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline && !wanted.test(text)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = fs.readFileSync(file, 'utf8');
  }
  assert.match(text, wanted, text);

  // The hover card over a cited key: put the cursor on it (Find) and show the hover (Ctrl+K Ctrl+I),
  // which is where the mouse would be; the card is the same.
  await page.keyboard.press('Escape');
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
  await page.screenshot({ path: path.join(RESULTS, 'citation-hover.png') });
  if (process.env.DOSSIER_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(RESULTS, 'citation-hover.png'), path.join(ROOT, 'media', 'screenshot-hover.png'));
}
