// Completion of citation keys after `@` (at a word start or inside `[`). Typing `@lavrov`, `@havana`
// or `@tass` finds articles by person, country (name, demonym, capital) or outlet through the search
// engine, not only by key. Inside an unclosed `[` the item closes it, giving a well-formed `[@key]`.
// The list is incomplete (asked again as you type) and each item's filterText starts with what was
// typed, so VS Code keeps the engine's choice and order instead of re-filtering by key alone.
// Works with editor.quickSuggestions off: `@` is a trigger character.

import * as vscode from 'vscode';
import { citationCandidates, citationContextAt } from '../../core/citations';
import { dateOutlet } from '../../core/card';
import { plainText } from '../../core/untrusted';
import type { Article } from '../../core/types';
import { MARKDOWN_SELECTOR } from './hover';
import { articleCard } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';

const MAX_ITEMS = 100;

export function registerCitationCompletion(index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, {
    async provideCompletionItems(document, position, token) {
      if (index.corpus.byLocation(document.uri.toString())) return undefined;
      const offset = document.offsetAt(position);
      const context = citationContextAt(document.getText(), offset);
      if (!context) return undefined;
      // Typed right after the window opened, with nothing indexed yet: wait for the first index
      // rather than answer "nothing" (an empty answer ends the completion session). Once some
      // articles are in, answer with them (the list is incomplete, so typing asks again).
      if (index.state !== 'ready' && index.corpus.size === 0) await firstArticles(index);
      if (token.isCancellationRequested) return undefined;
      const articles = candidates(index, context.prefix);
      // Insert mode keeps what follows the cursor; replace mode (Shift+Enter, or the setting) replaces the rest of the key.
      const start = document.positionAt(context.atOffset + 1);
      const range = { inserting: new vscode.Range(start, position), replacing: new vscode.Range(start, document.positionAt(context.keyEnd)) };
      const items = articles.map((article, rank) => {
        const item = new vscode.CompletionItem({ label: article.key, description: plainText(article.title ?? article.label) }, vscode.CompletionItemKind.Reference);
        item.detail = plainText(dateOutlet(article)) || undefined;
        // Our engine already chose and ranked the items: keep them all, in its order.
        item.filterText = context.prefix + article.key;
        item.sortText = String(rank).padStart(4, '0');
        item.range = range;
        item.insertText = context.inBracket && !context.closed ? `${article.key}]` : article.key;
        return item;
      });
      return new vscode.CompletionList(items, true);
    },
    // The card is built only for the item the user looks at.
    resolveCompletionItem(item) {
      const key = typeof item.label === 'string' ? item.label : item.label.label;
      const article = index.corpus.get(key);
      if (article) item.documentation = articleCard(article, index);
      return item;
    },
  }, '@');
}

/** Resolves when the corpus first changes (articles came in) or the scan ends, whichever is first. */
function firstArticles(index: WorkspaceIndex): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      subscription.dispose();
      resolve();
    };
    const subscription = index.corpus.onDidChange(done);
    void index.whenReady().then(done);
  });
}

function candidates(index: WorkspaceIndex, prefix: string): Article[] {
  return citationCandidates(prefix, index.corpus, (query) => index.search.searchKeys(query, { limit: MAX_ITEMS }), MAX_ITEMS);
}
