// The extension in the real extension host: it activates on the fixture workspace, registers its
// commands, and indexes the five seed articles.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';

describe('activation', () => {
  it('activates and indexes the seeds', async () => {
    const extension = vscode.extensions.getExtension<DossierApi>('dossier.dossier');
    assert.ok(extension, 'the Dossier extension is loaded');
    const api = await extension.activate();
    await api.index.whenReady();
    assert.strictEqual(api.corpus.size, 5);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['dossier.reindex', 'dossier.openArticle', 'dossier.searchArticles']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('dossier.reindex finds 5 articles', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<number>('dossier.reindex'), 5);
  });

  it('dossier.openArticle opens an article by key, with the matched passage selected', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('dossier.openArticle',
      { key: 'tass2025-cuba-russia-reliable', reveal: 'reliable ally and priority partner' });
    assert.ok(editor.document.uri.path.endsWith('seeds/002_409861e92e21fbe1.txt'));
    assert.strictEqual(editor.document.getText(editor.selection), 'reliable ally and priority partner');
  });
});
