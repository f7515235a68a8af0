// Go to Definition (F12, Peek) opens the cited article; Find All References (Shift+F12) lists every
// citation of the key across the workspace's Markdown notes.

import * as vscode from 'vscode';
import { citationAt } from '../../core/citations';
import { MARKDOWN_SELECTOR } from './hover';
import type { NoteIndex } from '../noteIndex';
import { articleUri } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerCitationNavigation(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  const keyAt = (document: vscode.TextDocument, position: vscode.Position) =>
    citationAt(notes.citationsIn(document), document.offsetAt(position));
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(MARKDOWN_SELECTOR, {
      provideDefinition(document, position) {
        const citation = keyAt(document, position);
        const article = citation && index.corpus.get(citation.key);
        if (!citation || !article) return undefined;
        const origin = new vscode.Range(document.positionAt(citation.at), document.positionAt(citation.tokenEnd));
        const target = new vscode.Range(0, 0, 0, 0);
        return [{ originSelectionRange: origin, targetUri: articleUri(article), targetRange: target, targetSelectionRange: target }];
      },
    }),
    vscode.languages.registerReferenceProvider(MARKDOWN_SELECTOR, {
      async provideReferences(document, position, context) {
        const citation = keyAt(document, position);
        if (!citation) return undefined;
        await notes.whenReady();
        const locations = notes.references(citation.key);
        const article = index.corpus.get(citation.key);
        if (context.includeDeclaration && article) locations.unshift(new vscode.Location(articleUri(article), new vscode.Position(0, 0)));
        return locations;
      },
    }),
  );
}
