// The dossier panel for one person or country: the extension builds the dossier from the corpus,
// applies the filters the webview asks for, and posts counts for the whole and the timeline a page
// at a time (a country can have tens of thousands of articles); the webview (media/dossier/
// dossier.js) only draws and asks for the next page as it is scrolled to. What it sends back is
// validated here before it is acted on. One panel per subject; the panel follows index changes
// (rebuilt when visible, or when it becomes visible again).

import * as vscode from 'vscode';
import {
  briefMarkdown, briefMentions, buildDossier, DOSSIER_PAGE_SIZE, dossierSummary, filterEntriesSliced, groupMode, loadSentencesSliced,
  mentionSearches, NO_FILTERS, pageRows, subjectId, subjectName, subjectTitle, type Dossier, type DossierEntry, type DossierFilters, type DossierSubject, type GroupMode,
} from '../../core/dossier';
import { openArticle } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';
import { parseMessage } from './messages';
import { insertBlock, type NoteEditorTracker } from './noteEditor';
import { webviewOptions, webviewShell } from './webviewHtml';

export const DOSSIER_VIEW_TYPE = 'dossier.dossier';

/** Above this many bullets, Insert Brief says how many and asks before writing them. */
export const BRIEF_CONFIRM_ABOVE = 200;

export interface PanelServices {
  index: WorkspaceIndex;
  extensionUri: vscode.Uri;
  notes: NoteEditorTracker;
  output: vscode.OutputChannel;
  openDossier(subject: DossierSubject): void;
  newNote(key: string): Thenable<unknown>;
}

/** The entries passing the current filters, for one dossier and one set of filters. */
interface FilteredView {
  dossier: Dossier;
  filters: DossierFilters;
  entries: DossierEntry[];
  mode: GroupMode;
}

export class DossierPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warnedInvalid = false;
  /** The mentions ticked in the webview (`key#index`), for Insert Brief from the palette. */
  picks: string[] = [];
  /** How many articles the last posted dossier held (-1 before the first post): for tests. */
  posted = -1;
  /** Rows of the timeline sent to the webview since the last full post: for tests. */
  rows = 0;
  /** What the last full post cost in the extension host (also logged to the Dossier output channel). */
  lastPost: { ms: number; built: boolean; articles: number; rows: number; bodies: number } | undefined;
  private filters: DossierFilters = NO_FILTERS;
  /** The dossier, built once per corpus change (its sentences are found as rows are sent). */
  private dossier: Dossier | null | undefined;
  private view: FilteredView | undefined;
  /** Bumped by every filter or index change: an older filter's work, or a page asked for under it, is dropped. */
  private generation = 0;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly subject: DossierSubject, private readonly services: PanelServices) {
    const { webview } = panel;
    webview.options = webviewOptions(services.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'dossier.svg');
    this.setTitle();
    webview.html = webviewShell(webview, services.extensionUri, { title: panel.title, scripts: ['dom.js', 'dossier.js'] });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.post();
      }),
      services.index.corpus.onDidChange(() => {
        this.dossier = undefined;
        this.view = undefined;
        // Pages asked for from the old dossier are not sent into the new one.
        this.generation++;
        this.schedule();
      }),
      this.disposeEmitter,
    );
  }

  /**
   * The title: the built dossier's name; before it is built a quick one (no articles asked for);
   * when no article names the subject any more, what the corpus still knows or the id.
   */
  private setTitle(dossier?: Dossier | null): void {
    const { corpus } = this.services.index;
    const name = dossier ? dossier.name
      : dossier === null ? subjectName(corpus, this.subject) ?? subjectId(this.subject) : subjectTitle(corpus, this.subject);
    this.panel.title = `Dossier: ${name}`;
  }

  private schedule(): void {
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), 250);
  }

  /** The dossier (null when no article names the subject any more), built at most once per corpus change. */
  private currentDossier(): Dossier | null {
    if (this.dossier === undefined) this.dossier = buildDossier(this.services.index.corpus, this.subject);
    return this.dossier;
  }

  /** The entries passing the current filters; undefined when a newer filter or change took over meanwhile. */
  private async filtered(): Promise<FilteredView | null | undefined> {
    const dossier = this.currentDossier();
    if (!dossier) return null;
    const { view, filters } = this;
    if (view && view.dossier === dossier && view.filters === filters) return view;
    const generation = this.generation;
    const entries = await filterEntriesSliced(dossier.entries, filters, () => this.disposed || generation !== this.generation || this.dossier !== dossier);
    if (!entries) return undefined;
    this.view = { dossier, filters, entries, mode: groupMode(entries) };
    return this.view;
  }

  /**
   * Sends the dossier's header and counts, and the first rows passing the filters (as many rows as
   * the webview showed before, at least a page, so an index change does not scroll it back), or says
   * the subject is gone.
   */
  async post(): Promise<void> {
    this.dirty = false;
    const started = performance.now();
    const searchedBefore = mentionSearches();
    const rebuilt = this.dossier === undefined;
    const generation = ++this.generation;
    const shown = Math.max(DOSSIER_PAGE_SIZE, Math.ceil(this.rows / DOSSIER_PAGE_SIZE) * DOSSIER_PAGE_SIZE);
    const view = await this.filtered();
    if (view === undefined || generation !== this.generation || this.disposed) return;
    this.setTitle(view ? view.dossier : null);
    if (!view) {
      this.posted = 0;
      this.rows = 0;
      void this.panel.webview.postMessage({ type: 'missing', id: subjectId(this.subject), indexing: this.services.index.state !== 'ready' });
      return;
    }
    const rows = pageRows(view.entries, view.mode, 0, shown);
    this.posted = view.dossier.entries.length;
    this.rows = rows.length;
    void this.panel.webview.postMessage({
      type: 'dossier', generation, summary: dossierSummary(view.dossier), filters: this.filters,
      matched: view.entries.length, mode: view.mode, rows, pageSize: DOSSIER_PAGE_SIZE,
    });
    // What a first open (or a rebuild after an index change) costs, as the extension host measured it.
    this.lastPost = { ms: performance.now() - started, built: rebuilt, articles: view.dossier.entries.length, rows: rows.length, bodies: mentionSearches() - searchedBefore };
    this.services.output.appendLine(`Dossier for ${view.dossier.name}: ${view.dossier.entries.length.toLocaleString('en-US')} articles in `
      + `${this.lastPost.ms.toFixed(1)} ms (${rebuilt ? 'built' : 'from the built dossier'}; ${view.entries.length.toLocaleString('en-US')} passing the filters, `
      + `${rows.length} rows sent, ${this.lastPost.bodies} article bodies searched)`);
  }

  /** Sends the rows from `offset` on (the webview scrolled to its end or asked for more). */
  private async more(generation: number, offset: number): Promise<void> {
    if (generation !== this.generation) return;
    const view = await this.filtered();
    if (!view || generation !== this.generation || this.disposed || offset > view.entries.length) return;
    const rows = pageRows(view.entries, view.mode, offset);
    this.rows = Math.max(this.rows, offset + rows.length);
    void this.panel.webview.postMessage({ type: 'rows', generation, offset, rows, matched: view.entries.length });
  }

  /** New filters from the webview: the timeline is filtered again and sent from its first page. */
  private setFilters(filters: DossierFilters): Promise<void> {
    this.filters = filters;
    this.rows = 0;
    return this.post();
  }

  /** For tests: where the panel stands. */
  snapshot(): { subject: DossierSubject; title: string; visible: boolean; posted: number; rows: number; matched: number | null; generation: number; filters: DossierFilters; lastPost: DossierPanel['lastPost'] } {
    return {
      subject: this.subject, title: this.panel.title, visible: this.panel.visible, posted: this.posted, rows: this.rows,
      matched: this.view?.entries.length ?? null, generation: this.generation, filters: this.filters, lastPost: this.lastPost,
    };
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Handles a message from the webview (or, in tests, one given as if it came from there). */
  async receive(raw: unknown): Promise<void> {
    const message = parseMessage(this.services.index.corpus, raw);
    if (!message) {
      if (!this.warnedInvalid) this.services.output.appendLine(`Dossier: the dossier panel sent an invalid message (ignored): ${JSON.stringify(raw)?.slice(0, 200)}`);
      this.warnedInvalid = true;
      return;
    }
    switch (message.type) {
      case 'ready':
        return this.post();
      case 'view':
        return this.setFilters(message.filters);
      case 'more':
        return this.more(message.generation, message.offset);
      case 'state':
        if (typeof message.state === 'object' && message.state && Array.isArray((message.state as { picks?: unknown }).picks)) {
          this.picks = ((message.state as { picks: unknown[] }).picks).filter((p): p is string => typeof p === 'string').slice(0, 10_000);
        }
        return;
      case 'openArticle': {
        const column = message.toSide || this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
        await openArticle(this.services.index, { key: message.key, reveal: message.sentence ?? undefined, viewColumn: column, preview: true });
        return;
      }
      case 'openDossier':
        return this.services.openDossier(message.subject);
      case 'copyKey':
        await vscode.env.clipboard.writeText(`@${message.key}`);
        void vscode.window.setStatusBarMessage(`Copied @${message.key}`, 3000);
        return;
      case 'cite':
        return void (await this.insert(`[@${message.key}]`, false));
      case 'insertBrief':
        return void (await this.insertBrief(message.picks));
      case 'newNote':
        return void (await this.services.newNote(message.key));
      default:
        return;
    }
  }

  /**
   * Inserts into the note the brief of the ticked mentions that pass the filters, or, when none of
   * them does, of every mention passing the filters (all of them, not only the rows shown); above
   * BRIEF_CONFIRM_ABOVE bullets it says how many and asks first. True when inserted.
   */
  async insertBrief(picks: string[] | null = this.picks.length ? this.picks : null): Promise<boolean> {
    const view = await this.filtered();
    if (!view) return false;
    if (!(await loadSentencesSliced(view.entries, () => this.disposed))) return false;
    const ticked = picks ? briefMentions(view.entries, new Set(picks)) : [];
    const mentions = ticked.length ? ticked : briefMentions(view.entries);
    if (!mentions.length) {
      void vscode.window.showInformationMessage('Dossier: no mention passes the filters, so there is nothing to insert.');
      return false;
    }
    if (mentions.length > BRIEF_CONFIRM_ABOVE) {
      const { fromYear, toYear, outlet, text } = view.filters;
      const unfiltered = fromYear === null && toYear === null && outlet === null && !text;
      const what = ticked.length ? 'ticked mentions' : unfiltered ? 'every mention in the dossier' : 'every mention passing the filters';
      const insert = `Insert ${mentions.length.toLocaleString('en-US')} Bullets`;
      const answer = await vscode.window.showWarningMessage(
        `Dossier: the brief of ${this.panel.title.replace(/^Dossier: /, '')} has ${mentions.length.toLocaleString('en-US')} bullets (${what}). Insert them all into the note?`,
        insert, 'Cancel');
      if (answer !== insert) return false;
    }
    return this.insert(briefMarkdown(mentions), true);
  }

  private async insert(text: string, block: boolean): Promise<boolean> {
    const target = await this.services.notes.target();
    if (!target) {
      void vscode.window.showInformationMessage('Dossier: open the Markdown note to insert into, place the cursor, then try again.');
      return false;
    }
    const { selection } = target;
    const apply = (editor: vscode.TextEditor) => (block ? insertBlock(editor, selection, text) : editor.edit((edit) => edit.replace(selection, text)));
    try {
      return await apply(target.editor);
    } catch (error) {
      // The editor went away between finding it and editing (a panel covered it): show it and retry once.
      this.services.output.appendLine(`Dossier: retrying the insertion into ${target.editor.document.uri.toString()}: ${String(error)}`);
      return apply(await vscode.window.showTextDocument(target.editor.document, { viewColumn: vscode.ViewColumn.Beside, selection }));
    }
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}
