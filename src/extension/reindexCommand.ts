// Dossier: Reindex Articles — rescans the workspace and reports the count in the output channel.

import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerReindexCommand(index: WorkspaceIndex, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.reindex', async (): Promise<number> => {
    const count = await index.reindex();
    output.info(`Reindex: ${count} article${count === 1 ? '' : 's'}.`);
    vscode.window.setStatusBarMessage(`Dossier: ${count} article${count === 1 ? '' : 's'} indexed`, 4000);
    return count;
  });
}
