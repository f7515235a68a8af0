// The two tree views of the Dossier container and their chrome: the grouping each shows (kept per
// workspace), its text filter (shown as the view's message), the context keys the menus read, and
// revealing an article's row.

import * as vscode from 'vscode';
import { isGroupMode, type GroupMode } from '../../core/library/grouping';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { CitingNotesSource } from './citingNotes';
import {
  LibraryTreeProvider, MODE_TITLES, NATURAL_MODE, VIEW_IDS, VIEW_KINDS,
  type ArticleNode, type LibraryNode, type ViewKind,
} from './libraryTree';

/** The modes each view may show. */
export const VIEW_MODES: Record<ViewKind, readonly GroupMode[]> = {
  countries: ['country', 'outlet', 'year'],
  people: ['person', 'outlet', 'year'],
};

const STATE_KEY = (kind: ViewKind) => `dossier.sidebar.groupBy.${kind}`;

export class LibraryViews implements vscode.Disposable {
  readonly providers: Record<ViewKind, LibraryTreeProvider>;
  readonly views: Record<ViewKind, vscode.TreeView<LibraryNode>>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, readonly index: WorkspaceIndex) {
    const make = (kind: ViewKind) => {
      const stored = context.workspaceState.get<string>(STATE_KEY(kind));
      const mode = isGroupMode(stored) && VIEW_MODES[kind].includes(stored) ? stored : NATURAL_MODE[kind];
      const provider = new LibraryTreeProvider(kind, index, mode);
      const view = vscode.window.createTreeView(VIEW_IDS[kind], { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
      this.disposables.push(provider, view, provider.onDidRefresh(() => this.updateChrome(kind)));
      return { provider, view };
    };
    const countries = make('countries');
    const people = make('people');
    this.providers = { countries: countries.provider, people: people.provider };
    this.views = { countries: countries.view, people: people.view };
    for (const kind of VIEW_KINDS) this.updateChrome(kind);
  }

  setMode(kind: ViewKind, mode: GroupMode): void {
    if (!VIEW_MODES[kind].includes(mode)) return;
    this.providers[kind].setMode(mode);
    void this.context.workspaceState.update(STATE_KEY(kind), mode === NATURAL_MODE[kind] ? undefined : mode);
    this.updateChrome(kind);
  }

  setFilter(kind: ViewKind, text: string): void {
    this.providers[kind].setFilter(text);
    this.updateChrome(kind);
  }

  /** Asks for a filter, applying it as the user types; Escape restores the one before. */
  promptFilter(kind: ViewKind): Promise<void> {
    const provider = this.providers[kind];
    const before = provider.model.filter;
    const box = vscode.window.createInputBox();
    box.title = `Filter ${kind === 'countries' ? 'Countries' : 'People'}`;
    box.placeholder = 'Words in titles, outlets, dates, countries, persons; "quoted phrase"';
    box.prompt = 'Every word must match. Empty clears the filter.';
    box.value = before;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let accepted = false;
    return new Promise<void>((resolve) => {
      box.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => this.setFilter(kind, value), 150);
      });
      box.onDidAccept(() => {
        accepted = true;
        if (timer) clearTimeout(timer);
        this.setFilter(kind, box.value);
        box.hide();
      });
      box.onDidHide(() => {
        if (timer) clearTimeout(timer);
        if (!accepted) this.setFilter(kind, before);
        box.dispose();
        resolve();
      });
      box.show();
    });
  }

  setCitingNotes(source: CitingNotesSource): void {
    for (const kind of VIEW_KINDS) this.providers[kind].setCitingNotes(source);
  }

  /**
   * Reveals an article's row in one view (its first group there). Returns false when the view does
   * not show it (filtered out, or not indexed).
   */
  async reveal(kind: ViewKind, key: string, options: { select?: boolean; focus?: boolean } = {}): Promise<boolean> {
    const provider = this.providers[kind];
    const node = provider.nodeForArticle(key);
    if (!node) return false;
    try {
      await this.views[kind].reveal(node, { select: options.select ?? true, focus: options.focus ?? false, expand: false });
      return true;
    } catch {
      // The tree was refreshed while revealing (a burst of changes): the next change reveals again.
      return false;
    }
  }

  /** The article keys selected in a view. */
  selectedKeys(kind: ViewKind): string[] {
    return this.views[kind].selection.filter((n): n is ArticleNode => n.kind === 'article').map((n) => n.key);
  }

  private updateChrome(kind: ViewKind): void {
    const provider = this.providers[kind];
    const view = this.views[kind];
    const mode = provider.mode;
    view.description = mode === NATURAL_MODE[kind] ? undefined : `by ${MODE_TITLES[mode]}`;
    const model = provider.model;
    if (model.filtered) {
      const groups = model.groups().length;
      const articles = model.shownArticleCount();
      view.message = articles
        ? `Filter “${model.filter}”: ${articles} article${articles === 1 ? '' : 's'} in ${groups} group${groups === 1 ? '' : 's'}. Clear it with the ✕ button in the title bar.`
        : `No article matches the filter “${model.filter}”. Clear it with the ✕ button in the title bar.`;
    } else view.message = undefined;
    this.setContext(`dossier.${kind}.groupBy`, mode);
    this.setContext(`dossier.${kind}.filtered`, model.filtered);
  }

  private readonly contextValues = new Map<string, unknown>();

  private setContext(name: string, value: unknown): void {
    if (this.contextValues.get(name) === value) return;
    this.contextValues.set(name, value);
    void vscode.commands.executeCommand('setContext', name, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
