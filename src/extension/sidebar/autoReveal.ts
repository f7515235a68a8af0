// Follows the active editor: when it shows an indexed article, that article's row is revealed and
// selected in the visible Dossier views (setting `dossier.sidebar.autoReveal`, default on), the way
// the Explorer follows the active file.

import * as vscode from 'vscode';
import { articleForUri } from '../articleText';
import { VIEW_KINDS } from './libraryTree';
import type { LibraryViews } from './libraryViews';
import { activeArticleKey } from './sidebarCommands';

const REVEAL_DELAY_MS = 100;

export function registerAutoReveal(views: LibraryViews): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const enabled = () => vscode.workspace.getConfiguration('dossier.sidebar').get<boolean>('autoReveal', true);

  const revealActive = async () => {
    timer = undefined;
    if (!enabled()) return;
    const key = activeArticleKey(views);
    if (!key) return;
    for (const kind of VIEW_KINDS) {
      const view = views.views[kind];
      // Only views the user has open; never steal focus, never re-reveal what is already selected.
      if (!view.visible || views.selectedKeys(kind).includes(key)) continue;
      await views.reveal(kind, key, { select: true, focus: false });
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void revealActive(), REVEAL_DELAY_MS);
  };

  const subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(schedule),
    ...VIEW_KINDS.map((kind) => views.views[kind].onDidChangeVisibility((e) => e.visible && schedule())),
    // The active file became an article (just indexed, or its key changed).
    views.index.corpus.onDidChange((change) => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      const key = uri && articleForUri(views.index, uri)?.key;
      if (key && (change.added.includes(key) || change.changed.includes(key))) schedule();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('dossier.sidebar.autoReveal') && schedule()),
  ];
  schedule();
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
    },
  };
}
