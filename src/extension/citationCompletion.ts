// Completion of citation keys after `@` (at a word start or inside `[`). Typing `@lavrov`, `@havana`
// or `@tass` finds articles by person, country (name, demonym, capital) or outlet through the search
// engine, not only by key. Inside an unclosed `[` the item closes it, giving a well-formed `[@key]`.

import * as vscode from 'vscode';
import { citationContextAt } from '../core/citations';
import { dateOutlet } from '../core/card';
import type { Article } from '../core/types';
import { MARKDOWN_SELECTOR } from './citationHover';
import { articleCard } from './openArticle';
import type { WorkspaceIndex } from './workspaceIndex';

const MAX_ITEMS = 100;

export function registerCitationCompletion(index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, {
    provideCompletionItems(document, position) {
      if (index.corpus.byLocation(document.uri.toString())) return undefined;
      const offset = document.offsetAt(position);
      const context = citationContextAt(document.getText(), offset);
      if (!context) return undefined;
      const articles = candidates(index, context.prefix);
      const range = new vscode.Range(document.positionAt(context.atOffset + 1), position);
      const items = articles.map((article, rank) => {
        const item = new vscode.CompletionItem({ label: article.key, description: article.title ?? article.label }, vscode.CompletionItemKind.Reference);
        item.detail = dateOutlet(article) || undefined;
        item.documentation = articleCard(article, index);
        // Our engine already chose and ranked the items: keep them all, in its order.
        item.filterText = context.prefix + article.key;
        item.sortText = String(rank).padStart(4, '0');
        item.range = range;
        item.insertText = context.inBracket && !context.closed ? `${article.key}]` : article.key;
        return item;
      });
      return new vscode.CompletionList(items, true);
    },
    resolveCompletionItem: (item) => item,
  }, '@');
}

function candidates(index: WorkspaceIndex, prefix: string): Article[] {
  const corpus = index.corpus;
  if (!prefix) return corpus.articles().slice(0, MAX_ITEMS);
  const seen = new Set<string>();
  const result: Article[] = [];
  const add = (article: Article | undefined) => {
    if (article && !seen.has(article.key) && result.length < MAX_ITEMS) {
      seen.add(article.key);
      result.push(article);
    }
  };
  // Keys that start with what was typed come first, then whatever the search engine finds for it.
  const lower = prefix.toLowerCase();
  for (const key of corpus.keys()) if (key.toLowerCase().startsWith(lower)) add(corpus.get(key));
  for (const hit of index.search.search(prefix.replace(/[-:./]+/g, ' '), { limit: MAX_ITEMS })) add(corpus.get(hit.key));
  return result;
}
