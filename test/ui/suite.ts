// The UI tests: one real workbench (code-server + Chromium) with Dossier loaded on a fresh fixture
// workspace, driven like a person by the checks each feature exports from test/ui/<feature>.test.ts.
// Screenshots land in test-results/.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { checkCitations } from './citations.test';
import { checkSearch } from './search.test';
import { checkSidebar } from './sidebar.test';

const ROOT = path.resolve(__dirname, '../..');

interface Workbench {
  page: Page;
  stop(): Promise<void>;
}

describe('Dossier in the workbench', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let workspace: string;

  before(async () => {
    const { startWorkbench } = await import('../../scripts/workbench.mjs' as string);
    const { makeWorkspace } = await import('../../scripts/test-integration.mjs' as string);
    workspace = makeWorkspace();
    workbench = await startWorkbench({ workspace, log: (line: string) => { if (process.env.DOSSIER_UI_LOG) console.log(line); } });
  });

  after(async () => {
    await workbench?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const file = path.join(ROOT, 'test-results', `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await workbench.page.screenshot({ path: file }).catch(() => {});
      console.log(`    screenshot: ${path.relative(ROOT, file)}`);
    }
  });

  it('sidebar: Countries and People trees, status bar, article card', async () => {
    await checkSidebar(workbench.page);
  });

  it('search: typing "lavorv" lists the Lavrov articles and opens the top one', async () => {
    await checkSearch(workbench.page);
  });

  it('citations: type [@lav, accept the suggestion, save; hover a cited key', async () => {
    await checkCitations(workbench.page, workspace);
  });
});
