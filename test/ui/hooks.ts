// Mocha root hooks for the UI tests (loaded by test/ui/mocharc.json "require"): one workbench for
// the whole run, stopped at the end (also after failures), and a screenshot of every failed test
// in test-results/failed-<title>.png.
import * as path from 'path';
import type { Context } from 'mocha';
import { ROOT, screenshot, startSharedWorkbench, stopSharedWorkbench, workbench } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(180_000);
    await startSharedWorkbench();
  },
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    try {
      const file = await screenshot(workbench().page, `failed-${test.fullTitle()}`);
      console.log(`    screenshot: ${path.relative(ROOT, file)}`);
    } catch {
      // no workbench (it failed to start): nothing to show
    }
  },
  async afterAll(this: Context): Promise<void> {
    this.timeout(30_000);
    await stopSharedWorkbench();
  },
};
