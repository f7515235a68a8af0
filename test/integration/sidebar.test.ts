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
    assert.strictEqual(rows[0]!.description, '2025-05-07 · TASS');
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
});
