// Hover on a cited key: the article card (escaped; the only commands it may run are dossier.openArticle and,
// from its line of dossier links, dossier.openDossier). Keys in the front matter's `nocite` list are cited
// keys too (the note index holds them); `@*` there says what it does, since it is no key.

import * as vscode from 'vscode';
import { citationAt, scanNocite } from '../../core/citations';
import type { NoteIndex } from '../noteIndex';
import { dossierLinksMarkdown, OPEN_DOSSIER_COMMAND_ID } from '../dossier/hoverLink';
import { articleCard, OPEN_ARTICLE_COMMAND } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';

export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { pattern: '**/*.{qmd,rmd}' }];

export function registerCitationHover(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, {
    provideHover(document, position) {
      const offset = document.offsetAt(position);
      const citation = citationAt(notes.citationsIn(document), offset);
      if (!citation) return wildcardHover(document, offset, index);
      const range = new vscode.Range(document.positionAt(citation.at), document.positionAt(citation.tokenEnd));
      const article = index.corpus.get(citation.key);
      if (!article) {
        if (index.state !== 'ready') return undefined;
        return new vscode.Hover(new vscode.MarkdownString(`No article has the citation key \`@${citation.key.replace(/`/g, '')}\`.`), range);
      }
      const citing = notes.citingNotes(article.key).length;
      const footer = [citing > 1 ? `*Cited in ${citing} notes*` : '', dossierLinksMarkdown(article, index.corpus)].filter(Boolean).join('\n\n') || undefined;
      const card = articleCard(article, index, footer);
      card.isTrusted = { enabledCommands: [OPEN_ARTICLE_COMMAND, OPEN_DOSSIER_COMMAND_ID] };
      return new vscode.Hover(card, range);
    },
  });
}

/** `nocite: "@*"`: Pandoc puts every entry of the bibliography in, uncited. */
function wildcardHover(document: vscode.TextDocument, offset: number, index: WorkspaceIndex): vscode.Hover | undefined {
  const wildcard = scanNocite(document.getText()).wildcards.find((w) => offset >= w.at && offset <= w.tokenEnd);
  if (!wildcard) return undefined;
  const range = new vscode.Range(document.positionAt(wildcard.at), document.positionAt(wildcard.tokenEnd));
  const count = index.state === 'ready' ? ` (${index.corpus.size})` : '';
  return new vscode.Hover(new vscode.MarkdownString(`\`@*\` in \`nocite\`: every article${count} goes into the bibliography, cited or not.`), range);
}
