// Hover on a cited key: the article card (escaped; the only command it may run is dossier.openArticle).

import * as vscode from 'vscode';
import { citationAt } from '../core/citations';
import type { NoteIndex } from './noteIndex';
import { articleCard } from './openArticle';
import type { WorkspaceIndex } from './workspaceIndex';

export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { pattern: '**/*.{qmd,rmd}' }];

export function registerCitationHover(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, {
    provideHover(document, position) {
      const citation = citationAt(notes.citationsIn(document), document.offsetAt(position));
      if (!citation) return undefined;
      const range = new vscode.Range(document.positionAt(citation.at), document.positionAt(citation.tokenEnd));
      const article = index.corpus.get(citation.key);
      if (!article) {
        if (index.state !== 'ready') return undefined;
        return new vscode.Hover(new vscode.MarkdownString(`No article has the citation key \`@${citation.key.replace(/`/g, '')}\`.`), range);
      }
      const citing = notes.citingNotes(article.key).length;
      const footer = citing > 1 ? `*Cited in ${citing} notes*` : undefined;
      return new vscode.Hover(articleCard(article, index, footer), range);
    },
  });
}
