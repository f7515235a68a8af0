// Search Articles in the real extension host: the QuickPick's items for typed queries (read from the
// QuickPick the command returns, and from the `dossier._searchItems` seam), and accepting an item
// opening the article with the matched passage selected.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';
import { dossier, waitFor } from './helpers';
import type { SearchItem } from '../../src/extension/search';

describe('search: Dossier: Search Articles', function () {
  this.timeout(60_000);
  let api: DossierApi;
  const keyOf = (seed: string) => {
    const article = api.corpus.articles().find((a) => a.file.split('/').pop()!.startsWith(seed + '_'));
    assert.ok(article, `seed ${seed}`);
    return article.key;
  };

  before(async () => {
    api = await dossier();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed with a keybinding and listed in the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('dossier.searchArticles'));
    const pkg = vscode.extensions.getExtension('dossier.dossier')!.packageJSON as { contributes: { keybindings: { command: string }[] } };
    assert.ok(pkg.contributes.keybindings.some((k) => k.command === 'dossier.searchArticles'));
  });

  it('items for "lavorv": the four Lavrov articles, with date · outlet and a passage', async () => {
    const items = await vscode.commands.executeCommand<SearchItem[]>('dossier._searchItems', 'lavorv');
    const top = items.slice(0, 4);
    assert.deepStrictEqual(top.map((i) => i.key).sort(), ['000', '002', '003', '004'].map(keyOf).sort());
    const tass = items.find((i) => i.key === keyOf('002'))!;
    assert.strictEqual(tass.description, '7 May 2025 · TASS');
    assert.match(tass.detail ?? '', /Lavrov/);
    assert.ok(items.every((i) => i.alwaysShow), 'our engine decides what is shown');
  });

  it('items for filters and transliterations', async () => {
    const items = (q: string) => vscode.commands.executeCommand<SearchItem[]>('dossier._searchItems', q);
    assert.strictEqual((await items('riabkov'))[0]!.key, keyOf('001'));
    assert.strictEqual((await items('venezula'))[0]!.key, keyOf('004'));
    // (A filter still being typed also brings suggestions, which have no key: see the next test.)
    assert.deepStrictEqual((await items('country:VE')).filter((i) => i.key).map((i) => i.key).sort(), [keyOf('003'), keyOf('004')].sort());
    assert.deepStrictEqual((await items('person:"delcy rodriguez"')).map((i) => i.key), [keyOf('004')]);
  });

  it('suggests persons, countries and outlets while a filter is typed; Enter on one completes it', async () => {
    const items = await vscode.commands.executeCommand<SearchItem[]>('dossier._searchItems', 'person:lavr');
    assert.strictEqual(items[0]!.kind, vscode.QuickPickItemKind.Separator);
    assert.strictEqual(items[0]!.label, 'filter by person');
    const lavrov = items[1]!;
    assert.strictEqual(lavrov.label, '$(person) Sergey Lavrov');
    assert.strictEqual(lavrov.description, 'person · 4 articles');
    assert.match(lavrov.detail ?? '', /^also .*Serguei Lavrov/);
    assert.strictEqual(lavrov.filter, 'person:"Sergey Lavrov" ');
    assert.strictEqual(lavrov.key, '');
    assert.ok(items.some((i) => i.kind === vscode.QuickPickItemKind.Separator && i.label === 'articles'));
    assert.deepStrictEqual(items.filter((i) => i.key).map((i) => i.key).sort(), ['000', '002', '003', '004'].map(keyOf).sort());
    const country = await vscode.commands.executeCommand<SearchItem[]>('dossier._searchItems', 'blockade country:havana');
    assert.strictEqual(country[1]!.filter, 'blockade country:CU ');

    const pick = await vscode.commands.executeCommand<vscode.QuickPick<SearchItem>>('dossier.searchArticles', 'person:rodrigez');
    const delcy = await waitFor('the Delcy Rodríguez suggestion', () => pick.items.find((i) => i.label === '$(person) Delcy Rodríguez'));
    pick.activeItems = [delcy];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(`the filter completed (value: ${pick.value})`, () => pick.value === 'person:"Delcy Rodríguez" ');
    await waitFor(`only her article (items: ${pick.items.map((i) => i.key || i.label).join(', ')})`,
      () => pick.items.length === 1 && pick.items[0]!.key === keyOf('004'));
    pick.hide();
  });

  it('the QuickPick updates as you type and opens the article with the passage selected', async () => {
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<SearchItem>>('dossier.searchArticles', 'obama');
    assert.ok(pick && 'items' in pick, 'the command returns its QuickPick');
    await waitFor('items for obama', () => pick.items[0]?.key === keyOf('003'));
    assert.strictEqual(pick.matchOnDescription, false);
    assert.strictEqual(pick.matchOnDetail, false);

    pick.value = 'ryabkov'; // what typing does (onDidChangeValue fires for API changes too)
    await waitFor(`items for ryabkov (now: ${pick.items.map((i) => i.key).join(', ')})`, () => pick.items[0]?.key === keyOf('001'));
    const item = pick.items[0]!;
    assert.match(item.detail ?? '', /Riabkov/);

    pick.activeItems = [item];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await waitFor('the article opened', () => {
      const e = vscode.window.activeTextEditor;
      return e && api.corpus.byLocation(e.document.uri.toString())?.key === keyOf('001') && !e.selection.isEmpty ? e : undefined;
    });
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /Riabkov/, `selection: ${selected}`);
    assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.start)), 'the passage is revealed');
  });

  it('opens with an initial query (the sidebar\'s row action)', async () => {
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<SearchItem>>('dossier.searchArticles', 'person:"Sergey Lavrov"');
    assert.strictEqual(pick.value, 'person:"Sergey Lavrov"');
    await waitFor('four Lavrov items', () => pick.items.length === 4);
    assert.strictEqual(pick.items[0]!.key, keyOf('002'), 'newest first');
  });
});
