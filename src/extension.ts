// Wires Dossier's features to VS Code. Each feature lives in src/extension/<feature>.ts and adapts
// the core to one API; this file only creates the shared services and registers them.

import * as vscode from 'vscode';
import { setDisplayLocale } from './core/articles/displayDate';
import type { Corpus } from './core/library/corpus';
import { registerCitations } from './extension/citations';
import { registerDossier } from './extension/dossier';
import { citationPreviewPlugin } from './extension/citations/markdownPreview';
import { registerArticleText } from './extension/articleText';
import { registerOpenArticle } from './extension/openArticle';
import { registerReindexCommand } from './extension/reindexCommand';
import { registerSearch } from './extension/search';
import { registerSidebar } from './extension/sidebar';
import type { NoteIndex } from './extension/noteIndex';
import { WorkspaceIndex } from './extension/workspaceIndex';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface DossierApi {
  corpus: Corpus;
  index: WorkspaceIndex;
  notes: NoteIndex;
  /** The Markdown preview's plugin (contributes `markdown.markdownItPlugins`). */
  extendMarkdownIt: ReturnType<typeof citationPreviewPlugin>;
}

export function activate(context: vscode.ExtensionContext): DossierApi {
  setDisplayLocale(vscode.env.language);
  // A log channel: levels, timestamps, and the user's log-level setting decide what is kept.
  const output = vscode.window.createOutputChannel('Dossier', { log: true });
  const index = new WorkspaceIndex(output);
  context.subscriptions.push(output, index, registerReindexCommand(index, output), registerOpenArticle(index),
    registerArticleText(index));

  // Features register here, one line each (src/extension/<feature>.ts).
  const sidebar = registerSidebar(context, index, output);
  const notes = registerCitations(context, index);
  sidebar.setCitingNotes(notes);
  context.subscriptions.push(registerSearch(index));
  context.subscriptions.push(registerDossier(context, index, output));

  void index.reindex();
  return { corpus: index.corpus, index, notes, extendMarkdownIt: citationPreviewPlugin(index) };
}

export function deactivate(): void {}
