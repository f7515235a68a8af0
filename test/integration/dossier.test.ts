// The dossier in the real extension host: Open Dossier from a sidebar person row opens the panel
// (and the webview asks for and gets the data), Insert Brief writes the brief into the note in one
// undo step, New Note for Article fills the template and never overwrites an existing note.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SearchItem } from '../../src/extension/search';
import type { DossierApi } from '../../src/extension';
import type { SnapshotView } from '../../src/extension/sidebar/sidebarCommands';
import { dossier, waitFor } from './helpers';

interface PanelsSnapshot {
  dossiers: { subject: { kind: string; id?: string; code?: string }; title: string; visible: boolean; posted: number }[];
  network: { visible: boolean } | null;
}

const panels = () => vscode.commands.executeCommand<PanelsSnapshot>('dossier._dossierPanels');
const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const LAVROV_ROW = { kind: 'group', id: 'people/person/sergei-lavrov', row: { mode: 'person', id: 'sergei-lavrov', name: 'Sergey Lavrov', total: 4, shown: 4 } };

describe('dossier: the panel, the brief and literature notes', function () {
  this.timeout(90_000);
  let api: DossierApi;

  before(async () => {
    api = await dossier();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes Open Dossier inline and in the context menu of person and country rows', () => {
    const menus = vscode.extensions.getExtension('dossier.dossier')!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string; group: string }[];
    const entries = menus.filter((m) => m.command === 'dossier.openDossier');
    assert.ok(entries.some((m) => m.group.startsWith('inline')) && entries.some((m) => !m.group.startsWith('inline')));
    for (const m of entries) assert.match(m.when, /dossier\\\.group\\\.\(country\|person\)/);
  });

  it('opens a panel for a person from the sidebar, and the webview gets the dossier', async () => {
    const opened = await vscode.commands.executeCommand<boolean>('dossier.openDossier', LAVROV_ROW);
    assert.strictEqual(opened, true);
    const panel = await waitFor('the Lavrov dossier posted to its webview', async () =>
      (await panels()).dossiers.find((d) => d.subject.id === 'sergei-lavrov' && d.posted >= 0));
    assert.strictEqual(panel.title, 'Dossier: Sergey Lavrov');
    assert.strictEqual(panel.posted, 4);
    // Opening it again reveals the same panel.
    await vscode.commands.executeCommand('dossier.openDossier', { kind: 'person', id: 'sergei-lavrov' });
    assert.strictEqual((await panels()).dossiers.filter((d) => d.subject.id === 'sergei-lavrov').length, 1);
  });

  it('inserts the brief into the note at the cursor, in one undo step', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'notes', 'example.md');
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const before = editor.document.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('dossier.openDossier', { kind: 'person', id: 'sergei-lavrov' });
    const inserted = await vscode.commands.executeCommand<boolean>('dossier.insertBrief', { kind: 'person', id: 'sergei-lavrov' });
    assert.strictEqual(inserted, true);
    const after = editor.document.getText();
    const added = after.slice(before.length);
    const bullets = added.trim().split('\n');
    assert.strictEqual(bullets.length, 12, added);
    assert.ok(bullets[0]!.startsWith('- 2025-05-07 — Cuba is Russia’s reliable ally'), bullets[0]);
    assert.ok(bullets[0]!.endsWith('[@tass2025-cuba-russia-reliable]'));
    assert.ok(bullets.includes('- February 19 — Lavrov rejected the US blockade at almost every high-level session of the UN General Assembly from 2014 to 2023, although he also did so publicly in other settings. [@rhc-russia-cuba-strengthen]'), added);
    assert.ok(bullets.every((b) => /^- (\d{4}-\d{2}-\d{2}|February 19|n\.d\.) — .+ \[@[a-z0-9-]+\]$/.test(b)), added);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to remove the whole brief', () => editor.document.getText() === before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('creates a literature note from the template, and opens (never overwrites) an existing one', async () => {
    const config = vscode.workspace.getConfiguration('dossier');
    await config.update('notesFolder', 'notes/literature', vscode.ConfigurationTarget.Workspace);
    await config.update('noteTemplate', '# {{title}}\n\n[@{{key}}] — {{outlet}}, {{date}}\n- URL: <{{url}}>\n- Persons: {{persons}}\n', vscode.ConfigurationTarget.Workspace);
    try {
      const created = await vscode.commands.executeCommand<string>('dossier.newNoteForArticle', 'dpa-cuban-foreign-minister');
      const uri = vscode.Uri.parse(created);
      assert.ok(uri.path.endsWith('/notes/literature/dpa-cuban-foreign-minister.md'), uri.path);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const persons = api.corpus.get('dpa-cuban-foreign-minister')!.persons.map((p) => api.corpus.person(p.id)?.name ?? p.name).join(', ');
      assert.strictEqual(text, `# Cuban Foreign Minister extends Medvedev an invitation from Castro\n\n[@dpa-cuban-foreign-minister] — dpa, \n- Persons: ${persons}\n`);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the note is opened for writing');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('my own notes\n'));
      await vscode.commands.executeCommand('dossier.newNoteForArticle', 'dpa-cuban-foreign-minister');
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), 'my own notes\n');
    } finally {
      await config.update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('noteTemplate', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('opens the network panel', async () => {
    await vscode.commands.executeCommand('dossier.showNetwork');
    await waitFor('the network panel', async () => (await panels()).network);
  });

  it("holds an article that names the person by surname only ('Minister Lavrov said …'), as the sidebar does, and lets it go with the file", async () => {
    const file = vscode.Uri.joinPath(folder(), 'seeds', 'zz-surname-only.md');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('# A statement on the talks\n\nMinister Lavrov said on Tuesday that the talks in Geneva had been useful and would go on next month.\n'));
    try {
      const key = await waitFor('the surname-only article indexed', () => api.corpus.byLocation(file.toString())?.key);
      assert.ok(api.corpus.get(key)!.persons.some((p) => p.id === 'lavrov'), 'the article names a surname-only Lavrov');
      await vscode.commands.executeCommand('dossier.openDossier', { kind: 'person', id: 'sergei-lavrov' });
      await waitFor('the Lavrov dossier posted with the surname-only article', async () =>
        (await panels()).dossiers.find((d) => d.subject.id === 'sergei-lavrov' && d.posted === 5));
      // The sidebar's people view lists it under him, with no group of its own.
      const people = await waitFor('the article under Sergey Lavrov in the sidebar', async () => {
        const view = (await vscode.commands.executeCommand<Record<string, SnapshotView>>('dossier._sidebarSnapshot', { view: 'people', expand: ['sergei-lavrov'] })).people!;
        return view.groups.find((g) => g.groupId === 'sergei-lavrov')?.articles?.some((a) => a.key === key) ? view : undefined;
      });
      assert.ok(!people.groups.some((g) => g.groupId === 'lavrov'), 'no group of its own');
      // Search: the full name's filter finds it, and the filter's suggestion counts it in, with no "Lavrov" of its own.
      const items = (q: string) => vscode.commands.executeCommand<SearchItem[]>('dossier._searchItems', q);
      assert.ok((await items('person:"Sergey Lavrov"')).some((i) => i.key === key), 'person:"Sergey Lavrov" finds it');
      const suggested = (await items('person:lavr')).filter((i) => i.filter);
      assert.strictEqual(suggested[0]!.label, '$(person) Sergey Lavrov');
      assert.strictEqual(suggested[0]!.description, 'person · 5 articles');
      assert.ok(!suggested.some((i) => i.label === '$(person) Lavrov'), suggested.map((i) => i.label).join(', '));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitFor('the article gone and the dossier back to 4', async () =>
      !api.corpus.byLocation(file.toString()) && (await panels()).dossiers.find((d) => d.subject.id === 'sergei-lavrov' && d.posted === 4));
  });
});
