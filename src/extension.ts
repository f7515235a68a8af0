// Wires Dossier's features to VS Code. Each feature lives in src/extension/<feature>.ts and adapts
// the core to one API; this file only creates the shared services and registers them.

import * as vscode from 'vscode';
import type { Corpus } from './core/corpus';
import { registerOpenArticle } from './extension/openArticle';
import { registerReindexCommand } from './extension/reindexCommand';
import { registerSearch } from './extension/search';
import { registerSidebar } from './extension/sidebar';
import { WorkspaceIndex } from './extension/workspaceIndex';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface DossierApi {
  corpus: Corpus;
  index: WorkspaceIndex;
}

export function activate(context: vscode.ExtensionContext): DossierApi {
  const output = vscode.window.createOutputChannel('Dossier');
  const index = new WorkspaceIndex(output);
  context.subscriptions.push(output, index, registerReindexCommand(index, output), registerOpenArticle(index));

  // Features register here, one line each (src/extension/<feature>.ts).
  registerSidebar(context, index, output);
  context.subscriptions.push(registerSearch(index));

  void index.reindex();
  return { corpus: index.corpus, index };
}

export function deactivate(): void {}
