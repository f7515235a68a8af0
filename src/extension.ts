// Wires Dossier's features to VS Code. Each feature lives in src/extension/<feature>.ts and adapts
// the core to one API; this file only creates the shared services and registers them.

import * as path from 'path';
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
import { WorkspaceIndex, type WorkspaceIndexOptions } from './extension/workspaceIndex';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface DossierApi {
  corpus: Corpus;
  index: WorkspaceIndex;
  notes: NoteIndex;
  /** The Markdown preview's plugin (contributes `markdown.markdownItPlugins`). */
  extendMarkdownIt: ReturnType<typeof citationPreviewPlugin>;
  /**
   * A second index over the same workspace, storage and workers, as a reloaded window would make
   * (not yet opened: call `open()`; dispose it after). Integration tests and the host bench use it.
   */
  createIndex(overrides?: Partial<WorkspaceIndexOptions>): WorkspaceIndex;
  /** How long `activate` itself took, in ms (the indexing runs after it). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): DossierApi {
  const started = performance.now();
  // Where activation's time goes, step by step (in the log at debug level, and for the host bench).
  const steps: Record<string, number> = {};
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - last) * 10) / 10;
    last = now;
  };
  setDisplayLocale(vscode.env.language);
  step('locale');
  // A log channel: levels, timestamps, and the user's log-level setting decide what is kept.
  const output = vscode.window.createOutputChannel('Dossier', { log: true });
  step('output');
  // (The bundle and its worker sit side by side in dist/.)
  const options: WorkspaceIndexOptions = {
    storageUri: context.storageUri,
    workerScript: path.join(__dirname, 'extractWorker.js'),
    walkWorkerScript: path.join(__dirname, 'walkWorker.js'),
  };
  const index = new WorkspaceIndex(output, options);
  step('index');
  context.subscriptions.push(output, index, registerReindexCommand(index, output), registerOpenArticle(index),
    registerArticleText(index));
  step('commands');

  // Features register here, one line each (src/extension/<feature>.ts).
  const sidebar = registerSidebar(context, index, output);
  step('sidebar');
  const notes = registerCitations(context, index);
  sidebar.setCitingNotes(notes);
  step('citations');
  context.subscriptions.push(registerSearch(index));
  context.subscriptions.push(registerDossier(context, index, output));
  step('search, dossier');

  void index.open();
  step('open');
  Object.assign(index.timings, Object.fromEntries(Object.entries(steps).map(([k, v]) => [`activate: ${k}`, v])));
  output.debug(`Activation steps (ms): ${JSON.stringify(steps)}`);
  // Activation itself (before the background indexing): kept small, and logged so it stays so.
  const activationMs = performance.now() - started;
  output.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return {
    corpus: index.corpus, index, notes, extendMarkdownIt: citationPreviewPlugin(index),
    createIndex: (overrides) => new WorkspaceIndex(output, { ...options, ...overrides }), activationMs,
  };
}

export function deactivate(): void {}
