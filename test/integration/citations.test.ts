// Citations in the real extension host: completion, hover, definition, references, diagnostics and
// their quick fix, the Insert Citation command, the Markdown preview and the bibliography export;
// and the same on the keys of a note's `nocite` front matter.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';
import { dossier, waitFor } from './helpers';

const TASS = 'tass2025-cuba-russia-reliable';

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0]!.uri;
}

async function writeNote(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(folder(), 'notes', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

describe('citations', function () {
  this.timeout(60000);
  before(dossier);

  it('completion after "[@lav" offers the Lavrov articles and closes the bracket', async () => {
    const editor = await writeNote('completion.md', 'Moscow and Havana [@lav\n');
    const position = new vscode.Position(0, '[@lav'.length + 'Moscow and Havana '.length);
    // Resolve the items, as the suggest widget does for the one shown: the card is their documentation.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '@', 100);
    const ours = list.items.filter((i) => typeof i.label === 'object' && i.kind === vscode.CompletionItemKind.Reference);
    const keys = ours.map((i) => (i.label as vscode.CompletionItemLabel).label);
    assert.deepStrictEqual([...keys].sort(), ['dpa-cuban-foreign-minister', 'rhc-russia-cuba-strengthen', TASS, 'venezuelanmfa-russian-foreign-minister']);
    const item = ours.find((i) => (i.label as vscode.CompletionItemLabel).label === TASS)!;
    assert.strictEqual(item.detail, '7 May 2025 · TASS');
    assert.match((item.documentation as vscode.MarkdownString).value, /Open article/);
    await editor.edit((e) => e.replace((item.range as { inserting: vscode.Range }).inserting, item.insertText as string));
    assert.strictEqual(editor.document.getText(), `Moscow and Havana [@${TASS}]\n`);
  });

  it('completion in a closed bracket adds no second ], in-text after "@" alone offers every article, none in code or an e-mail', async () => {
    const editor = await writeNote('completion3.md', 'See [@tass] and @ then `@x` and me@tass\n');
    const complete = async (column: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, column), '@');
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    };
    const closed = await complete('See [@tass'.length);
    assert.strictEqual(closed[0]!.insertText, TASS);
    await editor.edit((e) => e.replace((closed[0]!.range as { inserting: vscode.Range }).inserting, closed[0]!.insertText as string));
    assert.ok(editor.document.getText().startsWith(`See [@${TASS}] and @ then`), editor.document.getText());
    const text = editor.document.getText();
    assert.strictEqual((await complete(text.indexOf('@ then') + 1)).length, 5);
    assert.strictEqual((await complete(text.indexOf('@x') + 2)).length, 0);
    assert.strictEqual((await complete(text.length - 1)).length, 0);
  });

  it('completion filters by country capital and outlet: @havana, @tass', async () => {
    const editor = await writeNote('completion2.md', 'See @havana and @tass\n');
    const keysAt = async (column: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, column), '@');
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => (i.label as vscode.CompletionItemLabel).label);
    };
    const havana = await keysAt('See @havana'.length);
    assert.ok(havana.includes(TASS) && havana.includes('rhc-russia-cuba-strengthen'), havana.join());
    assert.ok(!havana.includes('venezuelanmfa-russian-foreign-minister'), havana.join());
    assert.strictEqual((await keysAt('See @havana and @tass'.length))[0], TASS);
  });

  it('hover on a cited key shows the escaped card, trusted only for the open and dossier commands', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, TASS, 3));
    const card = hovers.flatMap((h) => h.contents).find((c) => c instanceof vscode.MarkdownString && c.value.includes('Open article')) as vscode.MarkdownString;
    assert.ok(card, 'a card');
    assert.match(card.value, /Cuba is Russia’s reliable ally/);
    assert.match(card.value, /7 May 2025 · TASS/);
    assert.match(card.value, /🇷🇺 Russia/);
    assert.match(card.value, /Sergey Lavrov/);
    assert.match(card.value, /\[Sergey Lavrov\]\(command:dossier\.openDossier\?/);
    assert.deepStrictEqual(card.isTrusted, { enabledCommands: ['dossier.openArticle', 'dossier.openDossier'] });
  });

  it('go to definition opens the article', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
    const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'dpa-cuban'));
    assert.strictEqual(links.length, 1);
    assert.ok(links[0]!.targetUri.path.endsWith('/seeds/003_2dc698643bc4e8cd.txt'));
  });

  it('find all references lists every citation of the key in the workspace notes', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
    await writeNote('refs.md', `Again [@${TASS}] and [@rhc-russia-cuba-strengthen].\n`);
    const locations = await waitFor('two notes citing the TASS article', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, TASS, 2));
      return found.filter((l) => l.uri.path.endsWith('.md')).length >= 3 && found;
    });
    const notes = locations.filter((l) => l.uri.path.endsWith('.md')).map((l) => `${l.uri.path.split('/').pop()}:${l.range.start.line}`).sort();
    assert.ok(notes.includes('example.md:6') && notes.includes('refs.md:0'), notes.join());
  });

  it('an unknown key is a warning with a quick fix to the nearest key', async () => {
    const editor = await writeNote('unknown.md', 'As reported [@tass2025-cuba-russia-reliabel].\n');
    const diagnostic = await waitFor('the unknown-key warning', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'Dossier'));
    assert.strictEqual(diagnostic.message, 'Unknown citation key @tass2025-cuba-russia-reliabel');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual([diagnostic.range.start.character, diagnostic.range.end.character], [13, 43]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === `Replace with @${TASS}`);
    assert.ok(fix?.edit, actions.map((a) => a.title).join());
    await vscode.workspace.applyEdit(fix.edit);
    assert.strictEqual(editor.document.getText(), `As reported [@${TASS}].\n`);
    await waitFor('the warning cleared', () => vscode.languages.getDiagnostics(editor.document.uri).length === 0);
  });

  it('Insert Citation with no Markdown editor active writes into the last note', async () => {
    const note = await writeNote('last.md', 'Last note: \n');
    note.selection = new vscode.Selection(0, 11, 0, 11);
    const api = await dossier();
    await vscode.window.showTextDocument(vscode.Uri.parse(api.corpus.get(TASS)!.location));
    assert.ok(!vscode.window.activeTextEditor?.document.uri.path.endsWith('last.md'));
    assert.strictEqual(await vscode.commands.executeCommand('dossier.insertCitation', { keys: ['dpa-cuban-foreign-minister'] }), true);
    assert.strictEqual(note.document.getText(), 'Last note: [@dpa-cuban-foreign-minister]\n');
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('last.md'));
  });

  it('Insert Citation: at the cursor, into an existing bracket, over a selection — one undo step each', async () => {
    const editor = await writeNote('insert.md', 'First. Second [see @dpa-cuban-foreign-minister, p. 2]. Third.\n');
    editor.selection = new vscode.Selection(0, 6, 0, 6);
    await vscode.commands.executeCommand('dossier.insertCitation', { keys: [TASS, 'rhc-russia-cuba-strengthen'] });
    assert.strictEqual(editor.document.getText(), `First.[@${TASS}; @rhc-russia-cuba-strengthen] Second [see @dpa-cuban-foreign-minister, p. 2]. Third.\n`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), 'First. Second [see @dpa-cuban-foreign-minister, p. 2]. Third.\n');
    const inside = editor.document.getText().indexOf('p. 2');
    editor.selection = new vscode.Selection(editor.document.positionAt(inside), editor.document.positionAt(inside));
    await vscode.commands.executeCommand('dossier.insertCitation', { keys: [TASS] });
    assert.strictEqual(editor.document.getText(), `First. Second [see @dpa-cuban-foreign-minister, p. 2; @${TASS}]. Third.\n`);
    const third = editor.document.getText().indexOf('Third');
    editor.selection = new vscode.Selection(editor.document.positionAt(third), editor.document.positionAt(third + 5));
    await vscode.commands.executeCommand('dossier.insertCitation', { keys: ['rhc-russia-cuba-strengthen'] });
    assert.ok(editor.document.getText().endsWith('[@rhc-russia-cuba-strengthen].\n'));
  });

  it('the Markdown preview renders cited keys as links with the title, and marks unknown ones', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', `See [@${TASS}] and @nope, not \`@code\` or a@b.org.`);
    assert.match(html, /<a class="dossier-citation" href="[^"]*seeds\/002_409861e92e21fbe1\.txt" data-href="[^"]*" title="Cuba is Russia’s reliable ally[^"]*" data-dossier-key="tass2025-cuba-russia-reliable">@tass2025-cuba-russia-reliable<\/a>/);
    assert.match(html, /<span class="dossier-citation dossier-unknown"[^>]*>@nope<\/span>/);
    assert.match(html, /<code>@code<\/code>/);
    assert.doesNotMatch(html, /dossier-citation[^>]*>[^<]*b\.org/);
    // A backslash-escaped @ is no citation (as in Pandoc), and the text after it still is.
    const escaped = await vscode.commands.executeCommand<string>('markdown.api.render', `Not \\@${TASS}, but @${TASS}.`);
    assert.match(escaped, new RegExp(`<p[^>]*>Not @${TASS}, but <a class="dossier-citation"[^>]*>@${TASS}</a>\\.</p>`));
  });

  it('the preview of a note links keys relative to it (the preview opens such links in the editor)', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    assert.match(html, /<a class="dossier-citation" href="\.\.\/seeds\/002_409861e92e21fbe1\.txt" data-href="\.\.\/seeds\/002_409861e92e21fbe1\.txt" title="Cuba is Russia’s reliable ally[^"]* — 7 May 2025 · TASS"/);
    assert.match(html, />@dpa-cuban-foreign-minister<\/a>/);
    assert.match(html, /<code>\[@not-a-citation\]<\/code>/);
    assert.doesNotMatch(html, /dossier-unknown/);
  });

  it('Export Bibliography writes CSL-JSON of the articles cited in the workspace', async () => {
    const target = vscode.Uri.joinPath(folder(), 'references.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('dossier.exportBibliography', { format: 'csl-json', scope: 'workspace', uri: target });
    assert.strictEqual(written.toString(), target.toString());
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { id: string; type: string }[];
    assert.deepStrictEqual(items.map((i) => i.id), ['dpa-cuban-foreign-minister', 'rhc-russia-cuba-strengthen', 'rhc-russia-reiterates-rejection', TASS, 'venezuelanmfa-russian-foreign-minister']);
    assert.ok(items.every((i) => i.type === 'article-newspaper'));
  });

  it('Export Bibliography writes BibTeX of the articles cited in the current note, and never over an article', async () => {
    await writeNote('two.md', `Two [@${TASS}; @dpa-cuban-foreign-minister].\n`);
    const target = vscode.Uri.joinPath(folder(), 'two.bib');
    await vscode.commands.executeCommand('dossier.exportBibliography', { format: 'bibtex', scope: 'note', uri: target });
    const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.deepStrictEqual([...bib.matchAll(/^@article\{([^,]+),/gm)].map((m) => m[1]), ['dpa-cuban-foreign-minister', TASS]);
    const api = await dossier();
    const article = vscode.Uri.parse(api.corpus.get(TASS)!.location);
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(article));
    assert.strictEqual(await vscode.commands.executeCommand('dossier.exportBibliography', { format: 'bibtex', scope: 'all', uri: article }), undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(article)), before);
  });

  it('diagnostics follow the setting dossier.diagnostics.enabled', async () => {
    const editor = await writeNote('setting.md', 'Unknown [@no-such-key].\n');
    await waitFor('the warning', () => vscode.languages.getDiagnostics(editor.document.uri).length === 1);
    const config = vscode.workspace.getConfiguration('dossier');
    await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('no warning with diagnostics off', () => vscode.languages.getDiagnostics(editor.document.uri).length === 0);
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the warning back', () => vscode.languages.getDiagnostics(editor.document.uri).length === 1);
  });

  it('nocite keys: a warning and its quick fix on an unknown one; hover, definition and references on a known one', async () => {
    const editor = await writeNote('nocite.md', `---\ntitle: Background\nnocite: |\n  @dpa-cuban-foreign-minister, @rhc-russia-cuba-strenghten\n---\n\nText [@${TASS}].\n`);
    const document = editor.document;
    const diagnostic = await waitFor('the unknown nocite key warning', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Dossier'));
    assert.strictEqual(diagnostic.message, 'Unknown citation key @rhc-russia-cuba-strenghten');
    assert.deepStrictEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [3, 31, 3, 58]);
    assert.strictEqual(vscode.languages.getDiagnostics(document.uri).length, 1);

    const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'dpa-cuban', 2));
    assert.strictEqual(links.length, 1);
    assert.ok(links[0]!.targetUri.path.endsWith('/seeds/003_2dc698643bc4e8cd.txt'));
    assert.deepStrictEqual([links[0]!.originSelectionRange!.start.character, links[0]!.originSelectionRange!.end.character], [2, 29]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'dpa-cuban', 2));
    assert.ok(hovers.flatMap((h) => h.contents).some((c) => c instanceof vscode.MarkdownString && c.value.includes('Open article')), 'a card');
    // Find All References from the example note lists the nocite line too.
    const example = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
    await waitFor('the nocite key among the references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', example.uri, positionOf(example, 'dpa-cuban', 2));
      return found.some((l) => l.uri.path.endsWith('/nocite.md') && l.range.start.line === 3 && l.range.start.character === 3);
    });

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Replace with @rhc-russia-cuba-strengthen');
    assert.ok(fix?.edit, actions.map((a) => a.title).join());
    await vscode.workspace.applyEdit(fix.edit);
    assert.ok(document.getText().includes('  @dpa-cuban-foreign-minister, @rhc-russia-cuba-strengthen\n---'), document.getText());
    await waitFor('the warning cleared', () => vscode.languages.getDiagnostics(document.uri).length === 0);
  });

  it('nocite "@*": the hover says so, and the note\'s bibliography holds every article', async () => {
    const editor = await writeNote('nocite-all.md', `---\nnocite: "@*"\n---\n\nOne citation [@${TASS}].\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '@*', 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
    assert.match(text, /every article \(5\) goes into the bibliography/);
    const target = vscode.Uri.joinPath(folder(), 'nocite-all.json');
    await vscode.commands.executeCommand('dossier.exportBibliography', { format: 'csl-json', scope: 'note', uri: target });
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as { id: string }[];
    assert.strictEqual(items.length, 5);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
  });

  it('the sidebar lists the notes that cite an article', async () => {
    const snapshot = await vscode.commands.executeCommand<Record<string, { groups: { label: string; children?: { key?: string; label: string; children?: { label: string }[] }[] }[] }>>(
      'dossier._sidebarSnapshot', { view: 'countries', expand: true });
    const json = JSON.stringify(snapshot);
    assert.ok(json.includes('example.md'), json.slice(0, 2000));
  });

  it('a folder of notes renamed or deleted: references follow it', async () => {
    const dir = (name: string) => vscode.Uri.joinPath(folder(), 'notes', name);
    const citing = async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider',
        vscode.Uri.joinPath(folder(), 'notes', 'example.md'), positionOf(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notes', 'example.md')), TASS, 2));
      return found.map((l) => l.uri.path).filter((p) => p.includes('/zz-notes'));
    };
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir('zz-notes'), 'moved.md'), new TextEncoder().encode(`See [@${TASS}].\n`));
    await waitFor('the note in zz-notes cites TASS', async () => (await citing()).some((p) => p.endsWith('/zz-notes/moved.md')));
    try {
      await vscode.workspace.fs.rename(dir('zz-notes'), dir('zz-notes-renamed'));
      await waitFor('only the renamed note cites it', async () => {
        const paths = await citing();
        return paths.length === 1 && paths[0]!.endsWith('/zz-notes-renamed/moved.md');
      });
      await vscode.workspace.fs.delete(dir('zz-notes-renamed'), { recursive: true });
      await waitFor('no note in the deleted folder cites it', async () => (await citing()).length === 0);
    } finally {
      for (const name of ['zz-notes', 'zz-notes-renamed']) await vscode.workspace.fs.delete(dir(name), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('an article\'s editor has lenses: its key (copies it) and the notes citing it (shows them)', async () => {
    const api = await dossier();
    const tass = api.corpus.get(TASS)!;
    // (The command reads lenses of loaded documents only.)
    const lensesOf = async (uri: vscode.Uri) => {
      await vscode.workspace.openTextDocument(uri);
      return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    };
    const lenses = await lensesOf(vscode.Uri.parse(tass.location));
    assert.deepStrictEqual(lenses.map((l) => l.command?.command), ['dossier.copyCitationKey', 'editor.action.showReferences']);
    assert.strictEqual(lenses[0]!.command!.title, `@${TASS}`);
    const references = api.notes.references(TASS);
    const notes = new Set(references.map((l) => l.uri.toString())).size;
    assert.ok(notes >= 1);
    assert.strictEqual(lenses[1]!.command!.title, `cited ${references.length} time${references.length === 1 ? '' : 's'} in ${notes} note${notes === 1 ? '' : 's'}`);
    assert.strictEqual((lenses[1]!.command!.arguments![2] as vscode.Location[]).length, references.length);

    await vscode.commands.executeCommand(lenses[0]!.command!.command, ...lenses[0]!.command!.arguments!);
    assert.strictEqual(await vscode.env.clipboard.readText(), `@${TASS}`);

    const uncited = vscode.Uri.joinPath(folder(), 'seeds', 'zz-lens.txt');
    await vscode.workspace.fs.writeFile(uncited, new TextEncoder().encode('Iceland opens a fisheries office\n\nREYKJAVIK, March 3 (Reuters) -- Iceland opened an office.\n'));
    try {
      await waitFor('the new article indexed', () => api.corpus.byLocation(uncited.toString()));
      const none = await lensesOf(uncited);
      assert.deepStrictEqual(none.map((l) => l.command?.title), [`@${api.corpus.byLocation(uncited.toString())!.key}`, 'not cited in any note']);
      const note = await lensesOf(vscode.Uri.joinPath(folder(), 'notes', 'example.md'));
      assert.deepStrictEqual(note, [], 'a note is no article');
    } finally {
      await vscode.workspace.fs.delete(uncited).then(undefined, () => undefined);
    }
  });
});
