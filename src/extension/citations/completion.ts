// Completion of citation keys after `@` (at a word start or inside `[`). Typing `@lavrov`, `@havana`
// or `@tass` finds articles by person, country (name, demonym, capital) or outlet through the search
// engine, not only by key. Inside an unclosed `[` the item closes it, giving a well-formed `[@key]`.
// The list is incomplete (asked again as you type) and each item's filterText starts with what was
// typed, so VS Code keeps the engine's choice and order instead of re-filtering by key alone.
// Works with editor.quickSuggestions off: `@` is a trigger character.

import * as vscode from 'vscode';
import { citationCandidates, citationContextAt, type CandidateSource } from '../../core/citations';
import { dateOutlet } from '../../core/card';
import { plainText } from '../../core/untrusted';
import type { Article } from '../../core/types';
import { MARKDOWN_SELECTOR } from './hover';
import { articleCard } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';

const MAX_ITEMS = 100;
/** While a scan indexes, the article list completion reads is taken again at most this often (or less often: below). */
const LIST_WHILE_INDEXING_MS = 1000;
/** Longest stretch of sorting that list on the host's thread before it yields. */
const SORT_SLICE_MS = 10;

export function registerCitationCompletion(index: WorkspaceIndex): vscode.Disposable {
  const source = articleSource(index);
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
      const articles = citationCandidates(context.prefix, source, (query) => index.search.searchKeys(query, { limit: MAX_ITEMS }), MAX_ITEMS);
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

/**
 * The articles completion offers from. While a scan indexes, the corpus's sorted list changes after
 * every slice of new articles, and bringing it up to date (a pass over every article, ~60 ms at 100k
 * on a busy host) on each keystroke took 14 s of the host's thread in a 100k first open with
 * completion asked every 300 ms, and a sort of it in one piece held the thread for 0.4-0.9 s.
 * Meanwhile the list is sorted again in slices in the background (`Corpus.articlesInSlices`), at most
 * every second or ten times as long as the last sort took, and a keystroke answers from the list
 * before it (what is ready, a few seconds old at most). Otherwise it is the corpus's own list, the
 * same array until the corpus changes.
 */
function articleSource(index: WorkspaceIndex): CandidateSource {
  let list: readonly Article[] | null = null;
  let due = 0;
  let sorting = false;
  return {
    articles: () => {
      const now = performance.now();
      if (index.state !== 'indexing') {
        list = index.corpus.articles();
        return list;
      }
      // While indexing, the list is sorted again in slices (at 100k, a sort in one piece held the
      // host's thread for 0.4-0.9 s each time), and this keystroke answers from the one before.
      if (!list) list = index.corpus.articles();
      else if (now >= due && !sorting) {
        sorting = true;
        index.corpus.articlesInSlices(() => new Promise((resolve) => setImmediate(resolve)), SORT_SLICE_MS).then((sorted) => {
          list = sorted;
          const took = performance.now() - now;
          due = performance.now() + Math.max(LIST_WHILE_INDEXING_MS, took * 10);
        }, (error: unknown) => index.warn(`Completion could not sort the articles indexed so far: ${(error as Error).message}`))
          .finally(() => { sorting = false; });
      }
      return list;
    },
    get: (key) => index.corpus.get(key),
  };
}
