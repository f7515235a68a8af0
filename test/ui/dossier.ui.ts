// The dossier in Chromium, like a person: open Lavrov's dossier from the People view's inline
// button, read the timeline rows inside the webview's frames, click a mention and see the article
// open with that sentence selected; open the network, wait for it to settle, click a node and see
// its dossier open. Screenshots: test-results/dossier.png and network.png (copied to
// media/screenshot-dossier.png and media/screenshot-network.png with DOSSIER_UPDATE_SCREENSHOTS=1).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { openViewContainer, pane, RESULTS, ROOT, runCommand, screenshot, statusBarItem, TIMEOUT, workbench } from './workbench';

/**
 * The content frame of the webview whose tab is titled `title` and that shows `selector` (webviews
 * nest two iframes, and several panels can be visible side by side, so the frame is found by what
 * it shows).
 */
async function webviewFrame(page: Page, title: string, selector: string): Promise<Frame> {
  await page.locator('.tabs-container .tab.active', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows ${selector} (tab "${title}")`);
    await page.waitForTimeout(200);
  }
}

function keep(name: string): void {
  if (process.env.DOSSIER_UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(RESULTS, `${name}.png`), path.join(ROOT, 'media', `screenshot-${name}.png`));
}

describe('The dossier in the workbench', () => {
  it('opens Lavrov\'s dossier from the sidebar, shows the timeline, and a mention opens the article at its sentence', async () => {
    const { page } = workbench();
    await openViewContainer(page, 'Dossier');
    const people = pane(page, 'People');
    const row = people.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Sergey Lavrov$/ }) }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.hover();
    await row.locator('.actions .action-label[aria-label^="Open Dossier"]').click();

    const frame = await webviewFrame(page, 'Dossier: Sergey Lavrov', 'h1:has-text("Sergey Lavrov")');
    await frame.locator('h1', { hasText: 'Sergey Lavrov' }).waitFor({ timeout: TIMEOUT });
    const entries = frame.locator('li.entry');
    await entries.nth(3).waitFor({ timeout: TIMEOUT });
    assert.strictEqual(await entries.count(), 4);
    const dates = await frame.locator('li.entry .date').allInnerTexts();
    assert.deepStrictEqual(dates, ['2025-05-07', 'February 19 (year unknown)', 'undated', 'undated']);
    const marks = await frame.locator('li.entry mark').allInnerTexts();
    for (const variant of ['Sergey Lavrov', 'Serguei Lavrov', 'Sergei Lavrov', 'Lavrov']) assert.ok(marks.includes(variant), `${variant} in ${marks.join(', ')}`);
    const co = await frame.locator('aside section').first().innerText();
    assert.match(co, /Bruno Rodríguez Parrilla/);
    await screenshot(page, 'dossier');
    keep('dossier');

    const sentence = 'Lavrov rejected the US blockade at almost every high-level session of the UN General Assembly from 2014 to 2023, although he also did so publicly in other settings.';
    await frame.locator('button.sentence', { hasText: 'Lavrov rejected the US blockade' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: '000_18070a8378820b8d.txt' }).first().waitFor({ timeout: TIMEOUT });
    await statusBarItem(page, `(${sentence.length} selected)`);
  });

  it('opens the network, and a node opens its dossier', async () => {
    const { page } = workbench();
    await runCommand(page, 'Dossier: Show Network');
    const frame = await webviewFrame(page, 'Dossier: Network', 'svg.graph');
    await frame.locator('body[data-settled="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
    const nodes = frame.locator('g.node');
    assert.ok((await nodes.count()) > 10, 'nodes drawn');
    assert.ok((await frame.locator('svg.graph line').count()) > 10, 'edges drawn');
    await screenshot(page, 'network');
    keep('network');
    await frame.locator('g.node[data-id="c:CU"] circle').click();
    const cuba = await webviewFrame(page, 'Dossier: Cuba', 'h1:has-text("Cuba")');
    await cuba.locator('h1', { hasText: 'Cuba' }).waitFor({ timeout: TIMEOUT });
    assert.strictEqual(await cuba.locator('li.entry').count(), 4);
  });
});
