// The dossier feature: Open Dossier… (palette pick, sidebar person/country rows, hover-card link),
// Show Network, Insert Brief into Note, New Note for Article, and the serializers that bring the
// panels back after a reload. `registerDossier` is the one entry point src/extension.ts calls.

import * as vscode from 'vscode';
import { subjectId, type DossierSubject } from '../../core/dossier';
import { flagEmoji } from '../../core/card';
import type { WorkspaceIndex } from '../workspaceIndex';
import { DOSSIER_VIEW_TYPE, DossierPanel, type PanelServices } from './dossierPanel';
import { parseSubject } from './messages';
import { NETWORK_VIEW_TYPE, NetworkPanel } from './networkPanel';
import { NEW_NOTE_COMMAND, newNoteForArticle } from './newNote';
import { NoteEditorTracker } from './noteEditor';
import { webviewOptions } from './webviewHtml';

export const OPEN_DOSSIER_COMMAND = 'dossier.openDossier';
export const SHOW_NETWORK_COMMAND = 'dossier.showNetwork';
export const INSERT_BRIEF_COMMAND = 'dossier.insertBrief';
/** For tests: the open panels' subjects, and the last posted state. */
export const PANELS_COMMAND = 'dossier._dossierPanels';
/**
 * For tests: hands a dossier panel a message as if its webview had sent it (validated the same
 * way), so paging and filters can be driven from the integration tests; resolves when handled.
 */
export const PANEL_MESSAGE_COMMAND = 'dossier._dossierPanelMessage';

/** A subject from command arguments: `{ kind, id | code }`, a sidebar group row, or none. */
export function subjectFromArgs(arg: unknown): DossierSubject | undefined {
  const direct = parseSubject(arg);
  if (direct) return direct;
  if (typeof arg === 'object' && arg !== null) {
    const row = (arg as { kind?: unknown; row?: { mode?: unknown; id?: unknown } }).row;
    if ((arg as { kind?: unknown }).kind === 'group' && row && typeof row.id === 'string') {
      if (row.mode === 'person') return parseSubject({ kind: 'person', id: row.id }) ?? undefined;
      if (row.mode === 'country') return parseSubject({ kind: 'country', code: row.id }) ?? undefined;
    }
    const { kind, id } = arg as { kind?: unknown; id?: unknown };
    if (kind === 'country' && typeof id === 'string') return parseSubject({ kind, code: id }) ?? undefined;
  }
  return undefined;
}

async function pickSubject(index: WorkspaceIndex): Promise<DossierSubject | undefined> {
  type Item = vscode.QuickPickItem & { subject?: DossierSubject };
  const { corpus } = index;
  const plural = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
  const items: Item[] = [
    { label: 'Persons', kind: vscode.QuickPickItemKind.Separator },
    ...corpus.persons().map((p): Item => ({
      label: `$(person) ${p.name}`,
      description: plural(p.articles.length),
      detail: p.variants.filter((v) => v !== p.name).join(' · ') || undefined,
      subject: { kind: 'person', id: p.id },
    })),
    { label: 'Countries', kind: vscode.QuickPickItemKind.Separator },
    ...corpus.countries().map((c): Item => ({
      label: `${flagEmoji(c.code) || '$(globe)'} ${c.name}`,
      description: plural(c.articles.length),
      subject: { kind: 'country', code: c.code },
    })),
  ];
  if (items.length === 2) {
    void vscode.window.showInformationMessage(index.state === 'ready' ? 'Dossier: no person or country is indexed yet.' : 'Dossier: the articles are still being indexed.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Open Dossier', placeHolder: 'A person or a country (name variants match too)', matchOnDescription: false, matchOnDetail: true,
  });
  return picked?.subject;
}

export function registerDossier(context: vscode.ExtensionContext, index: WorkspaceIndex, output: vscode.OutputChannel): vscode.Disposable {
  const notes = new NoteEditorTracker((uri) => index.corpus.byLocation(uri.toString()) !== undefined);
  const dossiers = new Map<string, DossierPanel>();
  let lastActive: DossierPanel | undefined;
  let network: NetworkPanel | undefined;
  const panelKey = (subject: DossierSubject) => `${subject.kind}:${subjectId(subject)}`;

  const services: PanelServices = {
    index, extensionUri: context.extensionUri, notes, output,
    openDossier: (subject) => void openDossier(subject),
    newNote: (key) => newNoteForArticle(index, key),
  };

  const adopt = (panel: vscode.WebviewPanel, subject: DossierSubject): DossierPanel => {
    const dossier = new DossierPanel(panel, subject, services);
    const key = panelKey(subject);
    dossiers.set(key, dossier);
    lastActive = dossier;
    panel.onDidChangeViewState(() => { if (panel.active) lastActive = dossier; });
    dossier.onDidDispose(() => {
      if (dossiers.get(key) === dossier) dossiers.delete(key);
      if (lastActive === dossier) lastActive = undefined;
    });
    return dossier;
  };

  async function openDossier(arg?: unknown): Promise<DossierPanel | undefined> {
    const subject = subjectFromArgs(arg) ?? (arg === undefined || arg === null ? await pickSubject(index) : undefined);
    if (!subject) {
      if (arg !== undefined && arg !== null) void vscode.window.showWarningMessage('Dossier: Open Dossier needs a person or a country.');
      return undefined;
    }
    const existing = dossiers.get(panelKey(subject));
    if (existing) {
      existing.reveal();
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(DOSSIER_VIEW_TYPE, 'Dossier', column, webviewOptions(context.extensionUri));
    return adopt(panel, subject);
  }

  function showNetwork(): NetworkPanel {
    if (network) {
      network.reveal();
      return network;
    }
    const panel = vscode.window.createWebviewPanel(NETWORK_VIEW_TYPE, 'Dossier: Network', vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
    return adoptNetwork(panel);
  }

  function adoptNetwork(panel: vscode.WebviewPanel): NetworkPanel {
    const created = new NetworkPanel(panel, { index, extensionUri: context.extensionUri, output, openDossier: services.openDossier });
    network = created;
    created.onDidDispose(() => { if (network === created) network = undefined; });
    return created;
  }

  async function insertBrief(arg?: unknown): Promise<boolean> {
    const subject = subjectFromArgs(arg);
    let panel = subject ? dossiers.get(panelKey(subject)) : lastActive;
    if (!panel) {
      const picked = subject ?? await pickSubject(index);
      if (!picked) return false;
      panel = await openDossier(picked);
    }
    return panel ? panel.insertBrief() : false;
  }

  return vscode.Disposable.from(
    notes,
    vscode.commands.registerCommand(OPEN_DOSSIER_COMMAND, (arg?: unknown) => openDossier(arg).then((p) => p !== undefined)),
    vscode.commands.registerCommand(SHOW_NETWORK_COMMAND, () => void showNetwork()),
    vscode.commands.registerCommand(INSERT_BRIEF_COMMAND, (arg?: unknown) => insertBrief(arg)),
    vscode.commands.registerCommand(NEW_NOTE_COMMAND, async (arg?: unknown) => (await newNoteForArticle(index, arg))?.document.uri.toString()),
    vscode.commands.registerCommand(PANELS_COMMAND, () => ({
      dossiers: [...dossiers.values()].map((d) => d.snapshot()),
      network: network ? { visible: network.panel.visible } : null,
    })),
    vscode.commands.registerCommand(PANEL_MESSAGE_COMMAND, async (subjectArg: unknown, message: unknown) => {
      const subject = subjectFromArgs(subjectArg);
      const panel = subject && dossiers.get(panelKey(subject));
      if (!panel) return false;
      await panel.receive(message);
      return true;
    }),
    vscode.window.registerWebviewPanelSerializer(DOSSIER_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const subject = parseSubject((state as { subject?: unknown } | undefined)?.subject);
        if (!subject || dossiers.has(panelKey(subject))) return void panel.dispose();
        adopt(panel, subject);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(NETWORK_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        if (network) return void panel.dispose();
        adoptNetwork(panel);
      },
    }),
    { dispose: () => { for (const d of [...dossiers.values()]) d.dispose(); network?.dispose(); } },
  );
}
