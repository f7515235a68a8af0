// The harness's own check, and the pattern for self-contained UI suites (test/ui/*.ui.ts are picked
// up automatically; the workbench is the shared one started by test/ui/hooks.ts): open Dossier's
// view from the activity bar, read its tree rows, run a command from the palette and see it finish.
import * as assert from 'assert';
import { openViewContainer, pane, waitForTreeRows, runCommand, screenshot, statusBarItem, workbench } from './workbench';

describe('Dossier commands in the workbench', () => {
  it('opens the Dossier view, reads the Countries rows, runs "Dossier: Reindex Articles" from the palette', async () => {
    const { page } = workbench();
    await openViewContainer(page, 'Dossier');
    const countries = pane(page, 'Countries');
    await countries.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
    await waitForTreeRows(countries, (rows) => rows.some((r) => r.label.endsWith('Russia') && r.description === '5'));

    await runCommand(page, 'Dossier: Reindex Articles');
    await statusBarItem(page, 'Dossier: 5 articles indexed');
    await screenshot(page, 'reindex');
  });
});
