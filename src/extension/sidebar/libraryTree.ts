// The Countries and People trees: group rows (country, person, outlet or year) with their article
// rows, and under a cited article the notes that cite it. The grouping, sorting and filtering live in
// the core's LibraryModel; this file turns its rows into TreeItems and turns corpus changes into
// refreshes of only the groups they touched (coalesced, so a burst of file events is one refresh).

import * as vscode from 'vscode';
import { dateOutlet, escapeMarkdown, flagEmoji } from '../../core/card';
import { countryInfo } from '../../core/entities';
import { plainText } from '../../core/untrusted';
import { highlightRanges, LibraryModel, UNKNOWN_GROUP, type GroupMode, type GroupRow, type Refresh } from '../../core/library/grouping';
import { articleCard, OPEN_ARTICLE_COMMAND } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';
import { NO_CITING_NOTES, type CitingNote, type CitingNotesSource } from './citingNotes';

export type ViewKind = 'countries' | 'people';
export const VIEW_KINDS: readonly ViewKind[] = ['countries', 'people'];
export const VIEW_IDS: Record<ViewKind, string> = { countries: 'dossier.countries', people: 'dossier.people' };
/** What each view groups by unless switched to outlet or year. */
export const NATURAL_MODE: Record<ViewKind, GroupMode> = { countries: 'country', people: 'person' };
export const MODE_TITLES: Record<GroupMode, string> = { country: 'Country', person: 'Person', outlet: 'Outlet', year: 'Year' };

/** Bursts of corpus events (a folder copied in, a branch switched) become one refresh. */
const REFRESH_DELAY_MS = 50;
const RESTORE_REFRESH_DELAY_MS = 500;
/**
 * Articles listed under a group before a "Show more" row: a country of a large library holds tens of
 * thousands, and a tree node's children all go to the window at once.
 */
export const ARTICLE_PAGE = 200;
export const SHOW_MORE_COMMAND = 'dossier.sidebar.showMore';

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  row: GroupRow;
  /** This group's article rows, kept so the same row object is returned while the article stays. */
  readonly children: Map<string, ArticleNode>;
  /** How many articles are listed (ARTICLE_PAGE more for each "Show more"). */
  limit: number;
}

/** The last row of a group with more articles than listed. */
export interface MoreNode {
  readonly kind: 'more';
  readonly id: string;
  readonly view: ViewKind;
  readonly group: GroupNode;
}

export interface ArticleNode {
  readonly kind: 'article';
  readonly id: string;
  readonly group: GroupNode;
  readonly key: string;
}

export interface NoteNode {
  readonly kind: 'note';
  readonly id: string;
  readonly parent: ArticleNode;
  readonly note: CitingNote;
}

export type LibraryNode = GroupNode | ArticleNode | NoteNode | MoreNode;

export class LibraryTreeProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  readonly model: LibraryModel;
  private readonly emitter = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private groupNodes = new Map<string, GroupNode>();
  /** Changes the ids of every row when the mode or the filter changes, so expansion state starts fresh. */
  private generation = 0;
  private pending: 'all' | Set<string> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private notes: CitingNotesSource = NO_CITING_NOTES;
  private notesSubscription: vscode.Disposable | undefined;
  private readonly didRefreshEmitter = new vscode.EventEmitter<void>();
  /** Fires after the tree was told to refresh (used by auto-reveal and the status of filters). */
  readonly onDidRefresh = this.didRefreshEmitter.event;

  constructor(readonly view: ViewKind, private readonly index: WorkspaceIndex, mode: GroupMode) {
    const corpus = index.corpus;
    this.model = new LibraryModel(corpus, mode, {
      name: (groupMode, id) => {
        if (id === UNKNOWN_GROUP) return undefined;
        if (groupMode === 'person') return corpus.person(id)?.name;
        if (groupMode === 'country') return countryInfo(id)?.name;
        return undefined;
      },
      filterText: (groupMode, id) => {
        if (groupMode === 'person') return corpus.person(id)?.variants.join(' ') ?? '';
        if (groupMode === 'country') {
          const info = countryInfo(id);
          return info ? `${info.code} ${info.demonym} ${info.capital}` : id;
        }
        return '';
      },
    });
    this.disposables.push(this.didRefreshEmitter, corpus.onDidChange((change) => this.queue(this.model.apply(change))),
      // The restore from the cache done: what it held back is shown at once.
      index.onDidChangeState(() => { if (this.pending && !index.restoringFromCache) this.flush(); }));
  }

  get viewId(): string {
    return VIEW_IDS[this.view];
  }

  get mode(): GroupMode {
    return this.model.mode;
  }

  setMode(mode: GroupMode): void {
    if (mode === this.model.mode) return;
    this.model.setMode(mode);
    this.reset();
  }

  setFilter(text: string): void {
    if (text.trim() === this.model.filter) return;
    this.model.setFilter(text);
    this.reset();
  }

  setCitingNotes(source: CitingNotesSource): void {
    this.notesSubscription?.dispose();
    this.notes = source;
    this.notesSubscription = source.onDidChange?.((keys) => this.refreshArticles(keys));
    this.refreshArticles(undefined);
  }

  citingNotes(key: string): readonly CitingNote[] {
    try {
      return this.notes.citingNotes(key);
    } catch {
      return [];
    }
  }

  // ---- TreeDataProvider --------------------------------------------------------------------------

  getChildren(element?: LibraryNode): LibraryNode[] {
    if (!element) {
      const next = new Map<string, GroupNode>();
      for (const row of this.model.groups()) {
        const node = this.groupNodes.get(row.id) ?? this.groupNode(row);
        node.row = row;
        next.set(row.id, node);
      }
      this.groupNodes = next;
      return [...next.values()];
    }
    if (element.kind === 'group') {
      const articles = this.model.articles(element.row.id);
      const next = new Map<string, ArticleNode>();
      for (const article of articles.slice(0, element.limit)) next.set(article.key, this.articleNode(element, article.key));
      element.children.clear();
      for (const [key, node] of next) element.children.set(key, node);
      const rows: LibraryNode[] = [...next.values()];
      if (articles.length > element.limit) rows.push({ kind: 'more', id: `${element.id}/more`, view: this.view, group: element });
      return rows;
    }
    if (element.kind === 'article') {
      return this.citingNotes(element.key).map((note) => ({
        kind: 'note', id: `${element.id}/n/${encodeURIComponent(note.uri.toString())}`, parent: element, note,
      }));
    }
    return [];
  }

  getParent(element: LibraryNode): LibraryNode | undefined {
    if (element.kind === 'article' || element.kind === 'more') return element.group;
    if (element.kind === 'note') return element.parent;
    return undefined;
  }

  getTreeItem(element: LibraryNode): vscode.TreeItem {
    if (element.kind === 'group') return this.groupItem(element);
    if (element.kind === 'article') return this.articleItem(element);
    if (element.kind === 'more') return this.moreItem(element);
    return this.noteItem(element);
  }

  /** Lists ARTICLE_PAGE more articles under a group (the "Show more" row's command); false if no such group is shown. */
  showMore(group: GroupNode | string): boolean {
    const node = typeof group === 'string' ? this.groupNodes.get(group) : group;
    if (!node) return false;
    node.limit += ARTICLE_PAGE;
    this.emitter.fire(node);
    return true;
  }

  /** The article card is built only when a row is hovered. */
  resolveTreeItem(item: vscode.TreeItem, element: LibraryNode): vscode.TreeItem {
    if (element.kind !== 'article' || item.tooltip) return item;
    const article = this.index.corpus.get(element.key);
    if (article) item.tooltip = articleCard(article, this.index, this.notesFooter(element.key));
    return item;
  }

  // ---- rows --------------------------------------------------------------------------------------

  private groupItem(node: GroupNode): vscode.TreeItem {
    const { row } = node;
    const filtered = this.model.filtered;
    const flag = row.mode === 'country' ? flagEmoji(row.id) : '';
    const prefix = flag ? `${flag} ` : '';
    const name = plainText(row.name); // outlets and persons come from files
    const item = new vscode.TreeItem(
      { label: prefix + name, highlights: shift(highlightRanges(name, this.model.filterTerms), prefix.length) },
      filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = filtered && row.shown !== row.total ? `${row.shown} of ${row.total}` : String(row.total);
    item.tooltip = this.groupTooltip(row);
    item.contextValue = row.id === UNKNOWN_GROUP ? 'dossier.group.unknown' : `dossier.group.${row.mode}`;
    if (!flag) item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[row.mode]);
    return item;
  }

  private groupTooltip(row: GroupRow): string {
    const count = `${row.total} article${row.total === 1 ? '' : 's'}`;
    if (row.id === UNKNOWN_GROUP) return `${row.name}\n${count}`;
    if (row.mode === 'country') {
      const info = countryInfo(row.id);
      const details = info ? [`${info.code}`, info.demonym && `demonym ${info.demonym}`, info.capital && `capital ${info.capital}`] : [row.id];
      return `${row.name}\n${details.filter(Boolean).join(' · ')}\n${count}`;
    }
    if (row.mode === 'person') {
      const person = this.index.corpus.person(row.id);
      const variants = (person?.variants ?? []).filter((v) => v !== row.name);
      return `${row.name}\n${variants.length ? `Also written: ${variants.join(', ')}\n` : ''}${count}`;
    }
    return `${row.name}\n${count}`;
  }

  private articleItem(node: ArticleNode): vscode.TreeItem {
    const article = this.index.corpus.get(node.key);
    if (!article) return new vscode.TreeItem(`@${node.key} (removed)`);
    const notes = this.citingNotes(node.key);
    // Labels come from files: one line, no bidi overrides or controls, not megabytes long.
    const label = plainText(article.label);
    const item = new vscode.TreeItem(
      { label, highlights: highlightRanges(label, this.model.filterTerms) },
      notes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = plainText(dateOutlet(article)) || undefined;
    item.contextValue = 'dossier.article';
    item.iconPath = new vscode.ThemeIcon(notes.length ? 'references' : 'file-text');
    item.command = { command: OPEN_ARTICLE_COMMAND, title: 'Open Article', arguments: [{ key: article.key, preview: true }] };
    item.accessibilityInformation = { label: `${label}, ${plainText(dateOutlet(article))}${notes.length ? `, cited in ${notes.length} notes` : ''}` };
    return item;
  }

  private moreItem(node: MoreNode): vscode.TreeItem {
    const total = this.model.articles(node.group.row.id).length;
    const next = Math.min(ARTICLE_PAGE, total - node.group.limit);
    const item = new vscode.TreeItem(`Show ${next} more`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `${node.group.limit} of ${total} shown`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'dossier.more';
    item.command = { command: SHOW_MORE_COMMAND, title: 'Show More', arguments: [node] };
    return item;
  }

  private noteItem(node: NoteNode): vscode.TreeItem {
    const { note } = node;
    const item = new vscode.TreeItem(note.uri, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.label = this.index.displayPath(note.uri);
    item.description = note.count && note.count > 1 ? `${note.count} citations` : undefined;
    item.tooltip = `Cites @${node.parent.key}: ${this.index.displayPath(note.uri)}`;
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'dossier.note';
    item.command = {
      command: 'vscode.open', title: 'Open Note',
      arguments: [note.uri, note.range ? { selection: note.range, preview: true } : { preview: true }],
    };
    return item;
  }

  private notesFooter(key: string): string | undefined {
    const notes = this.citingNotes(key);
    if (!notes.length) return undefined;
    const shown = notes.slice(0, 8).map((n) => escapeMarkdown(this.index.displayPath(n.uri)));
    return `*Cited in* ${shown.join(', ')}${notes.length > shown.length ? ` and ${notes.length - shown.length} more` : ''}`;
  }

  // ---- nodes and refreshes -----------------------------------------------------------------------

  /** The row under which to reveal an article (its first group in this view), or undefined when hidden. */
  nodeForArticle(key: string): ArticleNode | undefined {
    const groupId = this.model.revealGroup(key);
    if (groupId === undefined) return undefined;
    let group = this.groupNodes.get(groupId);
    if (!group) {
      const row = this.model.group(groupId);
      if (!row) return undefined;
      group = this.groupNode(row);
      this.groupNodes.set(groupId, group);
    }
    // An article beyond the listed page: list up to its page, so the tree can reveal it.
    const position = this.model.articles(groupId).findIndex((a) => a.key === key);
    if (position >= group.limit) group.limit = (Math.floor(position / ARTICLE_PAGE) + 1) * ARTICLE_PAGE;
    return this.articleNode(group, key);
  }

  private groupNode(row: GroupRow): GroupNode {
    return { kind: 'group', id: this.groupId(row.id), row, children: new Map(), limit: ARTICLE_PAGE };
  }

  /** Forgets every row (after a mode or filter change) and redraws. */
  reset(): void {
    this.generation++;
    this.groupNodes.clear();
    this.queue({ all: true }, true);
  }

  private articleNode(group: GroupNode, key: string): ArticleNode {
    return group.children.get(key) ?? { kind: 'article', id: `${group.id}/a/${encodeURIComponent(key)}`, group, key };
  }

  private groupId(groupId: string): string {
    return `${this.view}/${this.model.mode}/${this.generation}/g/${encodeURIComponent(groupId)}`;
  }

  /** Refreshes the rows of these articles (their citing notes changed). */
  private refreshArticles(keys: readonly string[] | undefined): void {
    if (!keys) {
      this.queue({ all: true });
      return;
    }
    const groups = new Set<string>();
    for (const key of keys) for (const group of this.model.groupsOf(key)) groups.add(group);
    this.queue({ all: false, groups: [...groups] });
  }

  private queue(refresh: Refresh, now = false): void {
    if (refresh.all) this.pending = 'all';
    else if (refresh.groups.length && this.pending !== 'all') {
      this.pending ??= new Set();
      for (const group of refresh.groups) this.pending.add(group);
    }
    if (!this.pending) return;
    if (now) this.flush();
    // While the cache is restored in slices (one change event each), a refresh every half second:
    // each one has the workbench ask for every group again, between the slices.
    else this.timer ??= setTimeout(() => this.flush(), this.index.restoringFromCache ? RESTORE_REFRESH_DELAY_MS : REFRESH_DELAY_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (pending === 'all') this.emitter.fire(undefined);
    else {
      for (const groupId of pending) {
        const node = this.groupNodes.get(groupId);
        if (node) this.emitter.fire(node);
      }
    }
    this.didRefreshEmitter.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.notesSubscription?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const GROUP_ICONS: Record<GroupMode, string> = { country: 'globe', person: 'person', outlet: 'radio-tower', year: 'calendar' };

function shift(ranges: [number, number][], by: number): [number, number][] {
  return ranges.map(([a, b]) => [a + by, b + by]);
}
