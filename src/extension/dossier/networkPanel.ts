// Dossier: Show Network — the person–country co-mention map. The extension aggregates it
// (core/dossier/network.ts: top nodes by articles, edges by shared articles) and posts only what is
// drawn; the webview (media/dossier/network.js) lays it out and draws it. Filters (country, years)
// come back as messages and are validated; clicking a node opens that node's dossier.

import * as vscode from 'vscode';
import { buildNetwork, networkIndex, type DossierSubject, type NetworkOptions } from '../../core/dossier';
import type { WorkspaceIndex } from '../workspaceIndex';
import { parseMessage } from './messages';
import { webviewOptions, webviewShell } from './webviewHtml';

export const NETWORK_VIEW_TYPE = 'dossier.network';

export interface NetworkServices {
  index: WorkspaceIndex;
  extensionUri: vscode.Uri;
  output: vscode.OutputChannel;
  openDossier(subject: DossierSubject): void;
}

export class NetworkPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private options: NetworkOptions = {};
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private warnedInvalid = false;
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, private readonly services: NetworkServices) {
    const { webview } = panel;
    webview.options = webviewOptions(services.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'dossier.svg');
    panel.title = 'Dossier: Network';
    webview.html = webviewShell(webview, services.extensionUri, { title: panel.title, scripts: ['dom.js', 'layout.js', 'network.js'] });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.post();
      }),
      services.index.corpus.onDidChange(() => {
        if (!panel.visible) return void (this.dirty = true);
        clearTimeout(this.timer);
        // The map is a corpus-wide aggregate: wait for a burst of changes to settle.
        this.timer = setTimeout(() => this.post(), 1000);
      }),
      this.disposeEmitter,
    );
  }

  post(): void {
    this.dirty = false;
    const { corpus } = this.services.index;
    const network = buildNetwork(corpus, this.options);
    // The country filter lists the countries the corpus covers, most-covered first (bounded).
    // (From the network's own counts: the corpus's country lists are sorted copies, costly at 100k.)
    const countries = networkIndex(corpus).countries(300);
    void this.panel.webview.postMessage({ type: 'network', network, countries, options: this.options });
  }

  reveal(): void {
    this.panel.reveal();
  }

  private receive(raw: unknown): void {
    const message = parseMessage(this.services.index.corpus, raw);
    if (!message) {
      if (!this.warnedInvalid) this.services.output.appendLine(`Dossier: the network panel sent an invalid message (ignored): ${JSON.stringify(raw)?.slice(0, 200)}`);
      this.warnedInvalid = true;
      return;
    }
    if (message.type === 'ready') return this.post();
    if (message.type === 'openDossier') return this.services.openDossier(message.subject);
    if (message.type === 'filter') {
      this.options = { country: message.country, fromYear: message.fromYear, toYear: message.toYear };
      return this.post();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
