// The sidebar in the real extension host: the Countries and People trees over the seeds, rows read
// through the providers exactly as the views render them (`dossier._sidebarSnapshot`), and the tree
// following files written, edited and deleted in the workspace.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';
import { dossier, waitFor } from './helpers';
import type { SnapshotGroup, SnapshotView } from '../../src/extension/sidebar/sidebarCommands';

type ViewKind = 'countries' | 'people';

async function snapshot(view: ViewKind, expand?: boolean | string[]): Promise<SnapshotView> {
  const result = await vscode.commands.executeCommand<Record<string, SnapshotView>>('dossier._sidebarSnapshot', { view, expand });
  const found = result[view];
  assert.ok(found, `snapshot of the ${view} view`);
  return found;
}

function group(view: SnapshotView, id: string): SnapshotGroup | undefined {
  return view.groups.find((g) => g.groupId === id);
}

describe('sidebar: the library by country and by person', function () {
  this.timeout(60_000);
  let api: DossierApi;

  before(async () => {
    api = await dossier();
    // Each test starts from the natural grouping without a filter.
    await vscode.commands.executeCommand('dossier.countries.groupByCountry');
    await vscode.commands.executeCommand('dossier.people.groupByPerson');
    await vscode.commands.executeCommand('dossier.countries.clearFilter');
    await vscode.commands.executeCommand('dossier.people.clearFilter');
  });

  it('groups the seeds by country: Russia 5, Cuba 4, Venezuela 2, sorted by count', async () => {
    const countries = await snapshot('countries');
    const ru = group(countries, 'RU'), cu = group(countries, 'CU'), ve = group(countries, 'VE');
    assert.ok(ru && cu && ve, `groups: ${countries.groups.map((g) => g.label).join(', ')}`);
    assert.strictEqual(ru.label, '🇷🇺 Russia');
    assert.strictEqual(ru.description, '5');
    assert.strictEqual(cu.label, '🇨🇺 Cuba');
    assert.strictEqual(cu.description, '4');
    assert.strictEqual(ve.description, '2');
    assert.strictEqual(countries.groups[0]!.groupId, 'RU');
    assert.match(cu.tooltip ?? '', /CU/);
    assert.match(cu.tooltip ?? '', /Cuban/);
    assert.strictEqual(cu.contextValue, 'dossier.group.country');
    const counts = countries.groups.map((g) => Number(g.description));
    assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a), 'sorted by article count');
  });

  it('lists a country\'s articles newest first, with date · outlet and the card as tooltip', async () => {
    const cuba = group(await snapshot('countries', ['CU']), 'CU');
    const rows = cuba?.articles ?? [];
    assert.strictEqual(rows.length, 4);
    const tass = api.corpus.articles().find((a) => a.outlet === 'TASS');
    assert.ok(tass);
    assert.strictEqual(rows[0]!.key, tass.key, 'the dated TASS article comes first');
    assert.strictEqual(rows[0]!.description, '7 May 2025 · TASS');
    assert.strictEqual(rows[0]!.contextValue, 'dossier.article');
    assert.match(rows[0]!.tooltip ?? '', new RegExp(`@${tass.key}`));
    assert.match(rows[0]!.tooltip ?? '', /Open article/);
  });

  it('groups by person: Sergey Lavrov has 4 articles and shows his variants; the two Rodríguez stay apart', async () => {
    const people = await snapshot('people', true);
    const lavrov = people.groups.find((g) => g.label === 'Sergey Lavrov');
    assert.ok(lavrov, `persons: ${people.groups.map((g) => g.label).join(', ')}`);
    assert.strictEqual(lavrov.description, '4');
    assert.strictEqual(lavrov.articles?.length, 4);
    assert.match(lavrov.tooltip ?? '', /Serguei Lavrov/);
    assert.match(lavrov.tooltip ?? '', /Sergei Lavrov/);
    assert.strictEqual(people.groups[0]!.label, 'Sergey Lavrov', 'the most cited person comes first');
    const labels = people.groups.map((g) => g.label);
    assert.ok(labels.includes('Bruno Rodríguez Parrilla'), 'Bruno Rodríguez Parrilla is a row');
    assert.ok(labels.includes('Delcy Rodríguez'), 'Delcy Rodríguez is a row');
  });

  it('switches a view to Outlet or Year and back, remembering the choice', async () => {
    await vscode.commands.executeCommand('dossier.countries.groupByYear');
    let countries = await snapshot('countries');
    assert.strictEqual(countries.mode, 'year');
    assert.strictEqual(countries.description, 'by Year');
    const years = countries.groups.map((g) => g.label);
    assert.strictEqual(years[0], '2025', `years: ${years.join(', ')}`);
    assert.strictEqual(years.at(-1), 'No year', 'undated articles last');
    assert.deepStrictEqual(years.slice(0, -1), [...years.slice(0, -1)].sort().reverse(), 'newest year first');
    await vscode.commands.executeCommand('dossier.people.groupByOutlet');
    const people = await snapshot('people');
    assert.strictEqual(people.groups.find((g) => g.label === 'Radio Habana Cuba')?.description, '2');
    await vscode.commands.executeCommand('dossier.countries.groupByCountry');
    await vscode.commands.executeCommand('dossier.people.groupByPerson');
    countries = await snapshot('countries');
    assert.strictEqual(countries.mode, 'country');
    assert.strictEqual(countries.description, undefined);
  });

  it('filters a view and shows the filter as its message until cleared', async () => {
    await vscode.commands.executeCommand('dossier.people.filter', 'obama');
    let people = await snapshot('people');
    assert.ok(people.groups.length > 0);
    assert.ok(people.groups.every((g) => g.description === '1' || /of/.test(g.description ?? '')), JSON.stringify(people.groups));
    assert.match(people.message ?? '', /obama/);
    await vscode.commands.executeCommand('dossier.people.clearFilter');
    people = await snapshot('people');
    assert.strictEqual(people.message, undefined);
    assert.ok(people.groups.some((g) => g.label === 'Sergey Lavrov'));
  });

  it('reveals and selects an article\'s row (dossier.revealArticle)', async () => {
    const tass = api.corpus.articles().find((a) => a.outlet === 'TASS')!;
    const revealed = await vscode.commands.executeCommand<boolean>('dossier.revealArticle', tass.key);
    assert.strictEqual(revealed, true);
    const countries = await waitFor('the TASS row selected', async () => {
      const s = await snapshot('countries');
      return s.selection.includes(tass.key) && s;
    }, 5000);
    assert.ok(countries.visible);
  });

  describe('live', () => {
    const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
    const file = () => vscode.Uri.joinPath(folder(), 'seeds', 'zz-sidebar-live.txt');
    const write = (text: string) => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(text));
    const keyOfFile = () => api.corpus.byLocation(file().toString())?.key;
    const chile = 'Chile and Argentina sign a fisheries accord\n\n'
      + 'SANTIAGO, March 3 (Reuters) -- Chile and Argentina signed a fisheries accord on Monday, the Chilean '
      + 'foreign ministry said. Chile will share patrol data with Argentina.\n';
    const peru = 'Peru and Bolivia sign a fisheries accord\n\n'
      + 'LIMA, March 3 (Reuters) -- Peru and Bolivia signed a fisheries accord on Monday, the Peruvian '
      + 'foreign ministry said. Peru will share patrol data with Bolivia.\n';

    after(async () => {
      await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    });

    /** The keys listed under a country, or undefined while the country has no row. */
    const keysUnder = async (code: string) => group(await snapshot('countries', [code]), code)?.articles?.map((a) => a.key);

    it('a new article file appears under its countries within 2 seconds', async () => {
      await write(chile);
      const key = await waitFor('the new article under Chile', async () => {
        const key = keyOfFile();
        return key && (await keysUnder('CL'))?.includes(key) && key;
      }, 2000);
      assert.ok((await keysUnder('AR'))?.includes(key), 'and under Argentina');
    });

    it('editing it moves it from Chile to Peru', async () => {
      await write(peru);
      await waitFor('the article under Peru and Chile gone', async () => {
        const key = keyOfFile();
        return key && (await keysUnder('PE'))?.includes(key) && (await keysUnder('CL')) === undefined;
      }, 2000);
    });

    it('deleting it removes it', async () => {
      const key = keyOfFile();
      assert.ok(key);
      await vscode.workspace.fs.delete(file());
      await waitFor('Peru gone and Russia back to 5', async () => {
        const countries = await snapshot('countries');
        return !group(countries, 'PE') && group(countries, 'RU')?.description === '5' && api.corpus.get(key) === undefined;
      }, 2000);
    });
  });

  describe('a group larger than a page; a folder of articles moved and deleted', () => {
    const folder = (name = 'zz-bulk') => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'seeds', name);
    const COUNT = 205;
    const under = (name: string) => api.corpus.articlesForCountry('IS').filter((a) => a.location.startsWith(`${folder(name).toString()}/`)).length;

    // No article in an editor: auto-reveal would select it whenever the corpus changes.
    before(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    after(async () => {
      for (const name of ['zz-bulk', 'zz-bulk-moved']) await vscode.workspace.fs.delete(folder(name), { recursive: true }).then(undefined, () => undefined);
    });

    it('lists 200 articles and a "Show 5 more" row, which lists the rest', async () => {
      await Promise.all(Array.from({ length: COUNT }, (_, i) => vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder(), `iceland-${String(i).padStart(3, '0')}.txt`),
        new TextEncoder().encode(`Iceland fisheries report number ${i}

REYKJAVIK, March ${1 + (i % 28)} (Reuters) -- `
          + `Iceland published fisheries report number ${i} on Monday, the ministry in Reykjavik said.\n`),
      )));
      const iceland = await waitFor(`${COUNT} articles under Iceland`, async () => {
        const g = group(await snapshot('countries', ['IS']), 'IS');
        return g?.description === String(COUNT) && g;
      }, 20_000);
      assert.strictEqual(iceland.articles?.length, 200);
      assert.deepStrictEqual([iceland.more?.label, iceland.more?.description], ['Show 5 more', `200 of ${COUNT} shown`]);

      const shown = await vscode.commands.executeCommand<boolean>('dossier.sidebar.showMore', { view: 'countries', group: 'IS' });
      assert.strictEqual(shown, true);
      const all = group(await snapshot('countries', ['IS']), 'IS')!;
      assert.strictEqual(all.articles?.length, COUNT);
      assert.strictEqual(all.more, undefined);

      // A filter set and cleared starts the rows afresh (one page); revealing the oldest article lists its page.
      await vscode.commands.executeCommand('dossier.countries.filter', 'iceland');
      await vscode.commands.executeCommand('dossier.countries.clearFilter');
      assert.strictEqual(group(await snapshot('countries', ['IS']), 'IS')!.articles?.length, 200);
      const oldest = api.corpus.articlesForCountry('IS').at(-1)!;
      // (Asked again while the window may still be redrawing the view after the filter was cleared.)
      await waitFor('the oldest Iceland article revealed and selected', async () =>
        await vscode.commands.executeCommand<boolean>('dossier.revealArticle', oldest.key)
        && (await snapshot('countries')).selection.includes(oldest.key), 10_000);
      assert.strictEqual(group(await snapshot('countries', ['IS']), 'IS')!.articles?.length, COUNT);
    });

    // The file watcher reports one event for a folder, none for the files in it.
    it('a renamed folder: its articles move with it', async () => {
      await vscode.workspace.fs.rename(folder(), folder('zz-bulk-moved'));
      await waitFor(`${COUNT} articles under the new folder, none under the old`,
        () => under('zz-bulk-moved') === COUNT && under('zz-bulk') === 0, 20_000);
    });

    it('a deleted folder: its articles are gone', async () => {
      await vscode.workspace.fs.delete(folder('zz-bulk-moved'), { recursive: true });
      await waitFor('no Iceland articles left', () => !api.corpus.articlesForCountry('IS').length, 20_000);
      await waitFor('the Iceland row gone', async () => !group(await snapshot('countries'), 'IS'), 5000);
    });
  });
});
