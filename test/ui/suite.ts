// The UI tests: one real workbench (code-server + Chromium) with Dossier loaded on a fresh fixture
// workspace, driven like a person by the checks each feature exports from test/ui/<feature>.test.ts.
// Screenshots land in test-results/.
// Later features can also add self-contained suites as test/ui/<feature>.ui.ts (see commands.ui.ts);
// the workbench is started once for the run by the root hooks (hooks.ts), helpers are in workbench.ts.
import { checkCitations } from './citations.test';
import { checkSearch } from './search.test';
import { checkSidebar } from './sidebar.test';
import { workbench } from './workbench';

describe('Dossier in the workbench', function () {
  this.timeout(180_000);

  it('sidebar: Countries and People trees, status bar, article card', async () => {
    await checkSidebar(workbench().page);
  });

  it('search: typing "lavorv" lists the Lavrov articles and opens the top one', async () => {
    await checkSearch(workbench().page);
  });

  it('citations: type [@lav, accept the suggestion, save; hover a cited key', async () => {
    await checkCitations(workbench().page, workbench().workspace);
  });
});
