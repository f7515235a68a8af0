// A large dossier in the real extension host: a generated folder of 300 articles on one person.
// The webview asks for its view when it loads and gets the first page only (200 rows of 300);
// further pages, stale pages and filters are driven through the panel's message handler (the
// same validation a webview message goes through); Insert Brief takes every mention passing the
// filters, not only the rows shown, and above 200 bullets asks first.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';
import { dossier, waitFor } from './helpers';

interface PanelSnapshot {
  subject: { kind: string; id?: string };
  posted: number;
  rows: number;
  matched: number | null;
  generation: number;
  lastPost?: { ms: number; built: boolean; articles: number; rows: number; bodies: number };
}

const COUNT = 300;
const OUTLETS = ['Reuters', 'TASS', 'dpa'];
const yearOf = (i: number) => 2019 + (i % 6);
/** Sentences naming her in article i: two, three in every seventh (the "wreath" one). */
const mentionsIn = (i: number) => (i % 7 === 0 ? 3 : 2);

function article(i: number): string {
  const date = `${yearOf(i)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const extra = i % 7 === 0 ? ' Later, Marwitz laid a wreath at the memorial.' : '';
  return `---\ntitle: "Marwitz visit ${i}"\ndate: ${date}\noutlet: ${OUTLETS[i % 3]}\n---\n\nForeign Minister Ilse Marwitz arrived in Havana on Monday for talks number ${i}. The talks lasted two hours. Marwitz said the visit to Cuba was useful.${extra}\n`;
}

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const generated = () => vscode.Uri.joinPath(folder(), 'articles', 'paging');

describe('dossier: paging a large dossier', function () {
  this.timeout(120_000);
  let api: DossierApi;
  let subject: { kind: 'person'; id: string };
  const snapshot = async () => (await vscode.commands.executeCommand<{ dossiers: PanelSnapshot[] }>('dossier._dossierPanels')).dossiers.find((d) => d.subject.id === subject.id);
  const send = (message: unknown) => vscode.commands.executeCommand<boolean>('dossier._dossierPanelMessage', subject, message);
  const view = (filters: Record<string, unknown>) => send({ type: 'view', filters: { fromYear: null, toYear: null, outlet: null, text: '', ...filters } });

  before(async () => {
    api = await dossier();
    for (let i = 0; i < COUNT; i++) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(generated(), `${String(i).padStart(4, '0')}.md`), new TextEncoder().encode(article(i)));
    }
    const person = await waitFor(`the ${COUNT} generated articles indexed`, () => api.corpus.persons().find((p) => p.name === 'Ilse Marwitz' && p.articles.length === COUNT), 60_000);
    subject = { kind: 'person', id: person.id };
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(generated(), { recursive: true });
    await waitFor('the generated articles dropped from the index', () => !api.corpus.persons().some((p) => p.name === 'Ilse Marwitz'), 60_000);
  });

  it('sends the webview the first page, counts for the whole, then the next page when asked', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('dossier.openDossier', subject), true);
    // The webview's first message asks for its view: 200 rows of 300 come back.
    const first = await waitFor('the first page posted to the webview', async () => {
      const s = await snapshot();
      return s && s.rows > 0 && s;
    });
    assert.deepStrictEqual([first.posted, first.matched, first.rows], [COUNT, COUNT, 200]);
    // The panel's own timing of that first open, in this host (also in the Dossier output channel).
    const cost = first.lastPost!;
    assert.deepStrictEqual([cost.articles, cost.rows], [COUNT, 200]);
    assert.ok(cost.bodies <= 200, 'no more bodies searched than rows sent');
    console.log(`      (in the extension host: dossier of ${cost.articles} articles built and its first ${cost.rows} rows sent in ${cost.ms.toFixed(1)} ms, ${cost.bodies} bodies searched)`);
    // A page asked for under an older generation (before a filter or an index change) is dropped.
    await send({ type: 'more', generation: first.generation - 1, offset: 200 });
    assert.strictEqual((await snapshot())!.rows, 200);
    await send({ type: 'more', generation: first.generation, offset: 200 });
    assert.strictEqual((await snapshot())!.rows, COUNT);
    // Malformed paging messages are dropped.
    for (const bad of [{ type: 'more', generation: 'x', offset: 0 }, { type: 'more', generation: first.generation, offset: -1 }, { type: 'view', filters: { fromYear: 'soon' } }]) {
      await send(bad);
      assert.strictEqual((await snapshot())!.generation, first.generation, JSON.stringify(bad));
    }
  });

  it('filters in the extension and sends the filtered timeline from its first page', async () => {
    await view({ fromYear: 2020, toYear: 2020 });
    const in2020 = (await snapshot())!;
    assert.deepStrictEqual([in2020.posted, in2020.matched, in2020.rows], [COUNT, COUNT / 6, COUNT / 6]);
    await view({ text: 'WREATH' });
    const wreath = (await snapshot())!;
    assert.strictEqual(wreath.matched, Math.ceil(COUNT / 7));
    await view({ outlet: 'TASS', fromYear: 2019, toYear: 2021 });
    assert.strictEqual((await snapshot())!.matched, COUNT / 6);
  });

  it('inserts the brief of every mention passing the filters (all pages), and asks first above 200 bullets', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'notes', 'example.md');
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const before = editor.document.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const bulletsOf = () => editor.document.getText().slice(before.length).trim().split('\n').filter((l) => l.startsWith('- '));
    const undo = async () => {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
      await vscode.commands.executeCommand('undo');
      await waitFor('one undo to remove the whole brief', () => editor.document.getText() === before);
    };
    try {
      await view({ fromYear: 2020, toYear: 2020 });
      const expected2020 = [...Array(COUNT).keys()].filter((i) => yearOf(i) === 2020).reduce((n, i) => n + mentionsIn(i), 0);
      assert.ok(expected2020 <= 200);
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('dossier.insertBrief', subject), true);
      const bullets2020 = bulletsOf();
      assert.strictEqual(bullets2020.length, expected2020);
      assert.ok(bullets2020.every((b) => b.startsWith('- 2020-')), bullets2020[0]);
      await undo();

      // Every mention of the dossier: more than 200 bullets, so it asks; accepting inserts them all.
      await view({});
      const expectedAll = [...Array(COUNT).keys()].reduce((n, i) => n + mentionsIn(i), 0);
      let done: boolean | undefined;
      const inserting = Promise.resolve(vscode.commands.executeCommand<boolean>('dossier.insertBrief', subject)).then((ok) => (done = ok));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.strictEqual(editor.document.getText(), before, 'nothing inserted before the answer');
      await waitFor('the confirmation accepted', async () => {
        await vscode.commands.executeCommand('notification.acceptPrimaryAction');
        await new Promise((resolve) => setTimeout(resolve, 200));
        return done !== undefined;
      });
      assert.strictEqual(await inserting, true);
      assert.strictEqual(bulletsOf().length, expectedAll);
      await undo();
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
