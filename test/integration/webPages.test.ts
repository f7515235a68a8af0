// Saved web pages and PDFs in the real extension host: written into the workspace at run time (the
// PDFs with pdf-lib), they fill the sidebar; search finds a passage of a PDF and opens its text view
// with the passage selected; the lens, hover, completion and F12 work on them; the title bar's
// "Open Original File" opens the file. Everything written is deleted again, so other suites see the seeds only.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';
import type { SearchItem } from '../../src/extension/search';
import type { SnapshotView } from '../../src/extension/sidebar/sidebarCommands';
import { encryptedPdf, pressReleasePdf, twoColumnPdf } from '../fixtures/pdf/generate';
import { ARCHIVED_PAGE as ARCHIVED, ARCHIVED_URL, toMhtml } from '../fixtures/mhtml/build';
import { dossier, waitFor } from './helpers';

const root = () => vscode.workspace.workspaceFolders![0]!.uri;
const dir = () => vscode.Uri.joinPath(root(), 'seeds', 'zz-web');
const note = () => vscode.Uri.joinPath(root(), 'notes', 'zz-web.md');
const encode = (text: string) => new TextEncoder().encode(text);

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Mongolia and Kazakhstan open a rail corridor | Steppe Herald</title>
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2024-08-19T08:00:00Z">
<meta name="author" content="Batbayar Dorj">
<link rel="canonical" href="https://steppeherald.example/2024/08/19/rail-corridor">
</head><body>
<nav><a href="/">Home</a> <a href="/egypt">Egypt</a> <a href="/morocco">Morocco</a></nav>
<div id="cookie-banner"><p>We use cookies, as the law in Portugal requires. Accept?</p></div>
<article><h1>Mongolia and Kazakhstan open a rail corridor</h1>
<p>Ulaanbaatar – Mongolia and Kazakhstan opened a rail corridor on Monday that will carry coal and grain to ports on the Caspian Sea, officials in both capitals said after a ceremony at the border.</p>
<p>Mongolian President Ukhnaagiin Khürelsükh said the corridor would cut the time freight spends in transit by a third and open new markets for herders and miners across the west of the country.</p>
</article>
<footer><p>Steppe Herald, Astana. Founded by Nursultan Bekov.</p></footer>
</body></html>`;



async function snapshot(view: 'countries' | 'people', expand?: string[]): Promise<SnapshotView> {
  const result = await vscode.commands.executeCommand<Record<string, SnapshotView>>('dossier._sidebarSnapshot', { view, expand });
  return result[view]!;
}

describe('web pages and PDFs: read, shown as text, cited', function () {
  this.timeout(90_000);
  let api: DossierApi;
  const keyOf = (name: string) => api.corpus.byLocation(vscode.Uri.joinPath(dir(), name).toString())?.key;

  before(async () => {
    api = await dossier();
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir(), 'page_files'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'page.html'), encode(PAGE));
    // "Save Page As… complete": the folder beside the page is not an article.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'page_files', 'ad.html'),
      encode('<html><body><p>Fly to Iceland and Norway with Captain Olaf Berg, from 99 euros, every single day of the year.</p></body></html>'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'press.pdf'), await pressReleasePdf());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'report.pdf'), await twoColumnPdf());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'locked.pdf'), await encryptedPdf());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'truce.mhtml'), toMhtml(encode(ARCHIVED), { url: ARCHIVED_URL }));
    await waitFor('the pages and both PDFs indexed', () => keyOf('page.html') && keyOf('truce.mhtml') && keyOf('press.pdf') && keyOf('report.pdf'), 30_000).catch((error: Error) => {
      const state = ['page.html', 'truce.mhtml', 'press.pdf', 'report.pdf'].map((f) => `${f}: ${keyOf(f) ?? 'not indexed'}`).join(', ');
      throw new Error(`${error.message}; ${state}; warnings: ${JSON.stringify(api.corpus.warnings())}`);
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(note()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(dir(), { recursive: true }).then(undefined, () => undefined);
    await waitFor('the web articles gone', () => !api.corpus.articles().some((a) => a.location.includes('/zz-web/')), 10_000);
  });

  it('fill the sidebar: a web page and a single-file (MHTML) page under their countries, PDFs under theirs; the saved page\'s folder and the encrypted PDF are not articles', async () => {
    const page = keyOf('page.html')!;
    assert.strictEqual(page, 'steppeherald2024-mongolia-kazakhstan');
    const countries = await snapshot('countries', ['MN', 'VN', 'BR', 'CL', 'PE']);
    const under = (code: string) => countries.groups.find((g) => g.groupId === code)?.articles?.map((a) => a.key) ?? [];
    assert.ok(under('MN').includes(page), 'the page under Mongolia');
    // The single-file page (MHTML): under its countries, with its metadata and the address it was saved from.
    const archived = api.corpus.get(keyOf('truce.mhtml')!)!;
    assert.deepStrictEqual([archived.title, archived.date, archived.outlet, archived.url],
      ['Chile and Peru agree on a fishing truce', '2025-02-11', 'Andes Courier', ARCHIVED_URL]);
    assert.ok(under('CL').includes(archived.key) && under('PE').includes(archived.key), 'the archived page under Chile and Peru');
    assert.ok(archived.persons.some((p) => p.name === 'Valentina Muñoz'), JSON.stringify(archived.persons));
    assert.ok(under('VN').includes(keyOf('press.pdf')!), 'the press release under Vietnam');
    assert.ok(under('BR').includes(keyOf('report.pdf')!), 'the two-column report under Brazil');
    for (const absent of ['EG', 'MA', 'PT', 'IS', 'NO']) assert.ok(!countries.groups.some((g) => g.groupId === absent), `no ${absent} from menus, banners or the _files folder`);
    const people = await snapshot('people');
    assert.ok(!people.groups.some((g) => /Bekov|Olaf Berg/.test(g.label)), 'no persons from the footer or the saved ad');
    await waitFor('the encrypted PDF\'s warning', () => api.corpus.warnings().some((w) => w.file.endsWith('locked.pdf') && /encrypted/.test(w.message)));
    assert.strictEqual(api.corpus.get(page)?.author, 'Batbayar Dorj');
  });

  it('search finds a passage of a PDF and opens its text view with the passage selected; the lens is there', async () => {
    const report = keyOf('report.pdf')!;
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<SearchItem>>('dossier.searchArticles', 'drought erase');
    const item = await waitFor(`the report found (items: ${pick.items.map((i) => i.key).join(', ')})`, () => pick.items.find((i) => i.key === report));
    pick.activeItems = [item];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await waitFor('the text view opened with a selection', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'dossier-article' && !e.selection.isEmpty ? e : undefined;
    });
    assert.ok(editor.document.uri.path.endsWith('/zz-web/report.pdf.txt'));
    assert.match(editor.document.getText(editor.selection), /drought\s+can\s+erase/i);
    assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.start)), 'the passage is revealed');
    assert.ok(editor.document.getText().startsWith('Brazil and India: a decade of trade\n2024-06-12\n'), editor.document.getText().slice(0, 80));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(lenses.some((l) => l.command?.title === `@${report}`), 'the key lens');
    assert.ok(lenses.some((l) => /cited|not cited/.test(l.command?.title ?? '')), 'the "cited in" lens');
  });

  it('hover and completion cite them; F12 opens the text view; Open Original File opens the page', async () => {
    const press = keyOf('press.pdf')!;
    const page = keyOf('page.html')!;
    await vscode.workspace.fs.writeFile(note(), encode(`See [@${press}] and [@${page}].\n\n[@steppe`));
    const document = await vscode.workspace.openTextDocument(note());
    await vscode.window.showTextDocument(document);
    const at = (needle: string, delta = 2) => document.positionAt(document.getText().indexOf(needle) + delta);

    const hovers = await waitFor('a hover card', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(press));
      return h.length ? h : undefined;
    });
    const card = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
    assert.match(card, /Cuba and Vietnam review cooperation in Havana/);
    assert.match(card, /Minrex/);

    const end = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, '@', 100);
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).includes(page)), 'completion offers the web page');

    const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, at(page));
    assert.strictEqual(links[0]?.targetUri.scheme, 'dossier-article');
    const view = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(links[0]!.targetUri));
    assert.match(view.document.getText(), /Ulaanbaatar – Mongolia and Kazakhstan opened a rail corridor/);
    assert.ok(!/cookies|Egypt|Bekov/.test(view.document.getText()), 'only the main text');

    await vscode.commands.executeCommand('dossier.openOriginalFile', view.document.uri);
    await waitFor('the original page opened', () => vscode.window.activeTextEditor?.document.uri.toString() === vscode.Uri.joinPath(dir(), 'page.html').toString());
  });
});
