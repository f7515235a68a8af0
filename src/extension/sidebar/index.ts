// The Dossier sidebar: the Countries and People views, their commands, the status-bar item and
// auto-reveal. `registerSidebar` is the one entry point src/extension.ts calls.

import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';
import { registerAutoReveal } from './autoReveal';
import type { CitingNotesSource } from './citingNotes';
import { LibraryViews } from './libraryViews';
import { registerSidebarCommands } from './sidebarCommands';
import { registerStatusBar } from './statusBar';

export type { CitingNote, CitingNotesSource } from './citingNotes';

export interface Sidebar extends vscode.Disposable {
  readonly views: LibraryViews;
  /** Lets the citations feature show, under each article, the notes that cite it. */
  setCitingNotes(source: CitingNotesSource): void;
}

export function registerSidebar(context: vscode.ExtensionContext, index: WorkspaceIndex, output: vscode.LogOutputChannel): Sidebar {
  const views = new LibraryViews(context, index);
  const disposables: vscode.Disposable[] = [
    views,
    ...registerSidebarCommands(views, output),
    registerStatusBar(index),
    registerAutoReveal(views),
    trackEmpty(index),
  ];
  const sidebar: Sidebar = {
    views,
    setCitingNotes: (source) => views.setCitingNotes(source),
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
  context.subscriptions.push(sidebar);
  return sidebar;
}

/** `dossier.empty`: indexing finished and found no article (the views then show their welcome). */
function trackEmpty(index: WorkspaceIndex): vscode.Disposable {
  let last: boolean | undefined;
  const update = () => {
    const empty = index.state === 'ready' && index.corpus.size === 0;
    if (empty === last) return;
    last = empty;
    void vscode.commands.executeCommand('setContext', 'dossier.empty', empty);
  };
  update();
  const a = index.onDidChangeState(update);
  const b = index.corpus.onDidChange(update);
  return { dispose: () => { a.dispose(); b.dispose(); } };
}
