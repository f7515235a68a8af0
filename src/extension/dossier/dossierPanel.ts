// The dossier panel for one person or country: the extension builds the dossier from the corpus
// and posts it as plain data; the webview (media/dossier/dossier.js) only draws it and sends back
// what the user asked for, which is validated here before it is acted on. One panel per subject;
// the panel follows index changes (rebuilt when visible, or when it becomes visible again).

import * as vscode from 'vscode';
import { briefMarkdown, briefMentions, buildDossier, subjectId, subjectName, type DossierSubject } from '../../core/dossier';
import { openArticle } from '../openArticle';
import type { WorkspaceIndex } from '../workspaceIndex';
import { parseMessage } from './messages';
import { insertBlock, type NoteEditorTracker } from './noteEditor';
import { webviewOptions, webviewShell } from './webviewHtml';

export const DOSSIER_VIEW_TYPE = 'dossier.dossier';

export interface PanelServices {
  index: WorkspaceIndex;
  extensionUri: vscode.Uri;
  notes: NoteEditorTracker;
  output: vscode.OutputChannel;
  openDossier(subject: DossierSubject): void;
  newNote(key: string): Thenable<unknown>;
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
      services.index.corpus.onDidChange(() => this.schedule()),
      this.disposeEmitter,
    );
  }

  private setTitle(): void {
    const name = subjectName(this.services.index.corpus, this.subject) ?? subjectId(this.subject);
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

  /** Sends the current dossier (or says the subject is gone) to the webview. */
  post(): void {
    this.dirty = false;
    const { corpus } = this.services.index;
    const dossier = buildDossier(corpus, this.subject);
    this.setTitle();
    this.posted = dossier ? dossier.entries.length : 0;
    void this.panel.webview.postMessage(dossier
      ? { type: 'dossier', dossier }
      : { type: 'missing', id: subjectId(this.subject), indexing: this.services.index.state !== 'ready' });
  }

  reveal(): void {
    this.panel.reveal();
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseMessage(this.services.index.corpus, raw);
    if (!message) {
      if (!this.warnedInvalid) this.services.output.appendLine(`Dossier: the dossier panel sent an invalid message (ignored): ${JSON.stringify(raw)?.slice(0, 200)}`);
      this.warnedInvalid = true;
      return;
    }
    switch (message.type) {
      case 'ready':
        return this.post();
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

  /** Inserts the brief of the picked mentions (all when none is given) into the note; true when done. */
  async insertBrief(picks: string[] | null = this.picks.length ? this.picks : null): Promise<boolean> {
    const dossier = buildDossier(this.services.index.corpus, this.subject);
    if (!dossier) return false;
    const mentions = briefMentions(dossier.entries, picks ? new Set(picks) : undefined);
    if (!mentions.length) {
      void vscode.window.showInformationMessage('Dossier: no mention is ticked for the brief.');
      return false;
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
