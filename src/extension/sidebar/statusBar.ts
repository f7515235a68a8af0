// The status-bar item: the article count ("indexing…" while the first scan runs), a warning count
// when files were skipped, and a click that opens the Dossier sidebar.

import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';

const UPDATE_DELAY_MS = 100;

export function registerStatusBar(index: WorkspaceIndex): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dossier.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Dossier';
  item.command = { command: 'workbench.view.extension.dossier', title: 'Show the Dossier library' };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    timer = undefined;
    if (!vscode.workspace.workspaceFolders?.length) {
      item.hide();
      return;
    }
    const count = index.corpus.size;
    const warnings = index.corpus.warnings().length;
    const articles = `${count} article${count === 1 ? '' : 's'}`;
    const indexing = index.state === 'indexing';
    item.text = indexing ? `$(sync~spin) Dossier: indexing… ${count || ''}`.trimEnd()
      : `$(library) ${articles}${warnings ? ` $(warning) ${warnings}` : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Dossier**: ${articles}${indexing ? ' so far (indexing)' : ' in the library'}. Click to show the library.`);
    if (warnings) {
      tooltip.appendMarkdown(`\n\n$(warning) ${warnings} file${warnings === 1 ? '' : 's'} skipped: [Show Warnings](command:dossier.showWarnings)`);
    }
    tooltip.isTrusted = { enabledCommands: ['dossier.showWarnings'] };
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `Dossier: ${indexing ? 'indexing, ' : ''}${articles}${warnings ? `, ${warnings} warnings` : ''}` };
    item.show();
  };
  const schedule = () => {
    timer ??= setTimeout(update, UPDATE_DELAY_MS);
  };

  update();
  const subscriptions = [
    index.corpus.onDidChange(schedule),
    index.onDidChangeState(update),
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
  ];
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      item.dispose();
    },
  };
}
