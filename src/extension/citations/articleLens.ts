// In an article's own editor, lenses on its first line: its citation key (click: copy `@key`) and
// how many notes cite it (click: list the citations, as Find All References does). Hidden with
// VS Code's `editor.codeLens` setting like every other lens.

import * as vscode from 'vscode';
import { ARTICLE_TEXT_SCHEME, articleForUri } from '../articleText';
import type { NoteIndex } from '../noteIndex';
import type { WorkspaceIndex } from '../workspaceIndex';

const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }, { scheme: ARTICLE_TEXT_SCHEME }];

export function registerArticleLens(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const article = articleForUri(index, document.uri);
      if (!article) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      const citations = notes.references(article.key);
      const noteCount = new Set(citations.map((l) => l.uri.toString())).size;
      const cited = noteCount
        ? {
          title: `cited ${citations.length} time${citations.length === 1 ? '' : 's'} in ${noteCount} note${noteCount === 1 ? '' : 's'}`,
          tooltip: 'Show the citations',
          command: 'editor.action.showReferences',
          arguments: [document.uri, top.start, citations],
        }
        : { title: 'not cited in any note', command: '' };
      return [
        new vscode.CodeLens(top, { title: `@${article.key}`, tooltip: 'Copy the citation key', command: 'dossier.copyCitationKey', arguments: [article.key] }),
        new vscode.CodeLens(top, cited),
      ];
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(ARTICLE_SELECTOR, provider),
    // Keys change with the corpus, counts with the notes.
    index.corpus.onDidChange(() => changed.fire()),
    notes.onDidChange(() => changed.fire()),
  );
}
