// Dossier: Search Articles — a QuickPick over the search engine (src/core/search), updating as you
// type. Label = article label, description = date · outlet, detail = the best passage or the matched
// person / country. Enter opens the article with the passage selected; item buttons insert a
// citation, open to the side, or reveal the article in the sidebar. While a `person:` / `country:` /
// `outlet:` value is being typed, the matching persons, countries or outlets come first (core
// `FacetSuggester`); Enter on one completes the filter and keeps the search open.
//
// Highlighting: the stable API has no way to pass our own label highlights (QuickPickItem
// `highlights` is internal), and VS Code's own filter would hide fuzzy hits ("lavorv" is not a
// substring of "Lavrov"). So every item is `alwaysShow` (our engine decides what is shown and in
// what order) and VS Code highlights the label where the typed text literally matches it.

import * as vscode from 'vscode';
import { labelText } from '../../core/untrusted';
import { dateOutlet } from '../../core/card';
import { completeFilter, FacetSuggester, pendingFilter, type Facet, type SearchIndex, type SearchResult } from '../../core/search';
import { OPEN_ARTICLE_COMMAND, type OpenArticleArgs } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';

export const SEARCH_COMMAND = 'dossier.searchArticles';
/** Test seam: the items the QuickPick would show for a query. */
export const SEARCH_ITEMS_COMMAND = 'dossier._searchItems';
const INSERT_CITATION_COMMAND = 'dossier.insertCitation';
const REVEAL_ARTICLE_COMMAND = 'dossier.revealArticle';
const RESULT_LIMIT = 30;
const FACET_LIMIT = 5;
const FACET_ICON: Record<Facet['field'], string> = { person: 'person', country: 'globe', outlet: 'broadcast' };

export interface SearchItem extends vscode.QuickPickItem {
  key: string;
  /** Body text to select when the article opens. */
  reveal: string | null;
  matchedField: SearchResult['matchedField'];
  /** Label ranges the engine matched (not displayable through the stable API; kept for tests). */
  titleMatches: [number, number][];
  /** A filter suggestion (`key` is ''): the query Enter puts in the box. */
  filter?: string;
}

/** Text from files shown where QuickPick renders `$(icon)`: plain, one line, icons shown as typed. */
const escapeIcons = (text: string) => labelText(text);

function separator(label: string): SearchItem {
  return { label, kind: vscode.QuickPickItemKind.Separator, key: '', reveal: null, matchedField: 'none', titleMatches: [] };
}

const BUTTONS = {
  cite: { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert Citation' },
  side: { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: 'Open to the Side' },
  reveal: { iconPath: new vscode.ThemeIcon('list-tree'), tooltip: 'Reveal in Sidebar' },
};

class ArticleSearch implements vscode.Disposable {
  private lastMarkdownEditor: vscode.TextEditor | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly facets: FacetSuggester;

  constructor(private readonly index: WorkspaceIndex) {
    this.facets = new FacetSuggester(index.corpus);
    this.disposables.push(this.facets);
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor?.document.languageId === 'markdown') this.lastMarkdownEditor = editor;
    };
    remember(vscode.window.activeTextEditor);
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(remember));
  }

  /** The shared engine (see WorkspaceIndex.search). */
  private get search(): SearchIndex {
    return this.index.search;
  }

  items(query: string): SearchItem[] {
    const corpus = this.index.corpus;
    const articles = this.search.search(query, { limit: RESULT_LIMIT }).flatMap((r) => {
      const article = corpus.get(r.key);
      if (!article) return [];
      const item: SearchItem = {
        label: escapeIcons(article.label),
        description: escapeIcons(dateOutlet(article)) || undefined,
        detail: escapeIcons(r.passage),
        alwaysShow: true,
        buttons: [BUTTONS.cite, BUTTONS.side, BUTTONS.reveal],
        key: r.key,
        reveal: r.reveal,
        matchedField: r.matchedField,
        titleMatches: r.titleMatches,
      };
      return [item];
    });
    const pending = pendingFilter(query);
    const facets = pending ? this.facets.suggest(pending.field, pending.value, FACET_LIMIT) : [];
    if (!pending || !facets.length) return articles;
    const suggestions = facets.map((f): SearchItem => ({
      label: `$(${FACET_ICON[f.field]}) ${escapeIcons(f.label)}`,
      description: `${f.field}${f.field === 'country' ? ` ${f.value}` : ''} · ${f.count} article${f.count === 1 ? '' : 's'}`,
      detail: f.also.length ? escapeIcons(`also ${f.also.slice(0, 4).join(', ')}`) : undefined,
      alwaysShow: true,
      key: '',
      reveal: null,
      matchedField: f.field,
      titleMatches: [],
      filter: completeFilter(query, pending, f.value),
    }));
    return [separator(`filter by ${pending.field}`), ...suggestions, ...(articles.length ? [separator('articles'), ...articles] : [])];
  }

  show(initialQuery?: string): vscode.QuickPick<SearchItem> {
    const pick = vscode.window.createQuickPick<SearchItem>();
    pick.title = 'Search Articles';
    pick.placeholder = 'Title, person, country, outlet, year or text — typos welcome; filters: person: country: outlet: year:';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = typeof initialQuery === 'string' ? initialQuery : '';
    const refresh = () => {
      try {
        pick.items = this.items(pick.value);
      } catch (error) {
        pick.items = [];
        console.error('Dossier: search failed', error);
      }
    };
    const subscriptions: vscode.Disposable[] = [
      pick.onDidChangeValue(refresh),
      this.index.corpus.onDidChange(refresh),
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item) return;
        if (item.filter !== undefined) {
          pick.value = item.filter; // a suggestion completes the filter; the search stays open
          refresh();
          return;
        }
        pick.hide();
        void this.open(item, { preview: false });
      }),
      pick.onDidTriggerItemButton(({ item, button }) => {
        if (button === BUTTONS.cite) void this.insertCitation(item.key);
        else if (button === BUTTONS.side) void this.open(item, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        else if (button === BUTTONS.reveal) void this.reveal(item.key);
      }),
      pick.onDidHide(() => {
        subscriptions.forEach((d) => d.dispose());
        pick.dispose();
      }),
    ];
    refresh();
    pick.show();
    if (this.index.state !== 'ready') {
      pick.busy = true;
      void this.index.whenReady().then(() => {
        pick.busy = false;
        refresh();
      });
    }
    return pick;
  }

  private open(item: SearchItem, options: Partial<OpenArticleArgs>): Thenable<unknown> {
    const args: OpenArticleArgs = { key: item.key, ...options };
    if (item.reveal) args.reveal = item.reveal;
    return vscode.commands.executeCommand(OPEN_ARTICLE_COMMAND, args);
  }

  private async insertCitation(key: string): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes(INSERT_CITATION_COMMAND)) {
      await vscode.commands.executeCommand(INSERT_CITATION_COMMAND, { keys: [key] });
      return;
    }
    const active = vscode.window.activeTextEditor;
    const editor = active?.document.languageId === 'markdown' ? active
      : this.lastMarkdownEditor && vscode.window.visibleTextEditors.includes(this.lastMarkdownEditor) ? this.lastMarkdownEditor : undefined;
    if (!editor) {
      await vscode.env.clipboard.writeText(`[@${key}]`);
      void vscode.window.showInformationMessage(`Dossier: no Markdown editor is open; [@${key}] was copied to the clipboard.`);
      return;
    }
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, `[@${key}]`);
    });
  }

  private async reveal(key: string): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes(REVEAL_ARTICLE_COMMAND)) await vscode.commands.executeCommand(REVEAL_ARTICLE_COMMAND, key);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

export function registerSearch(index: WorkspaceIndex): vscode.Disposable {
  const search = new ArticleSearch(index);
  return vscode.Disposable.from(
    search,
    // Returns the QuickPick (for tests in the same extension host); palette and keybinding ignore it.
    vscode.commands.registerCommand(SEARCH_COMMAND, (initialQuery?: unknown) =>
      search.show(typeof initialQuery === 'string' ? initialQuery : undefined)),
    vscode.commands.registerCommand(SEARCH_ITEMS_COMMAND, async (query: unknown) => {
      await index.whenReady();
      return search.items(typeof query === 'string' ? query : '');
    }),
  );
}
