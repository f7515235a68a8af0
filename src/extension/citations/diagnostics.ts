// Unknown citation keys as warnings, with quick fixes replacing them by the nearest keys. Updated as
// you type (debounced), when the article index changes, and when the setting changes. The keys of the
// front matter's `nocite` list are among the note's citations (Pandoc looks them up the same way).

import * as vscode from 'vscode';
import { nearestKeys } from '../../core/citations';
import { MARKDOWN_SELECTOR } from './hover';
import { isNoteDocument, type NoteIndex } from '../noteIndex';
import type { WorkspaceIndex } from '../workspaceIndex';

const DEBOUNCE_MS = 300;
export const UNKNOWN_KEY_CODE = 'unknown-key';
/** Schemes of Markdown documents that are not notes: diffs' old sides, output. */
const NOT_NOTES = new Set(['git', 'output', 'vscode-scm']);

export function registerCitationDiagnostics(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('dossier');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const enabled = () => vscode.workspace.getConfiguration('dossier').get<boolean>('diagnostics.enabled', true);

  const check = (document: vscode.TextDocument) => {
    if (!isNoteDocument(document) || NOT_NOTES.has(document.uri.scheme) || index.corpus.byLocation(document.uri.toString())) return;
    // Before the first index is complete every key would look unknown: wait for it.
    if (!enabled() || index.state !== 'ready') {
      collection.delete(document.uri);
      return;
    }
    const diagnostics = notes.citationsIn(document).filter((c) => !index.corpus.has(c.key)).map((c) => {
      const range = new vscode.Range(document.positionAt(c.at), document.positionAt(c.tokenEnd));
      const diagnostic = new vscode.Diagnostic(range, `Unknown citation key @${c.key}`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Dossier';
      diagnostic.code = UNKNOWN_KEY_CODE;
      return diagnostic;
    });
    collection.set(document.uri, diagnostics);
  };
  const schedule = (document: vscode.TextDocument) => {
    const id = document.uri.toString();
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => { timers.delete(id); check(document); }, DEBOUNCE_MS));
  };
  const checkAll = () => vscode.workspace.textDocuments.forEach(check);

  const fixes: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      return context.diagnostics.filter((d) => d.source === 'Dossier' && d.code === UNKNOWN_KEY_CODE).flatMap((d) => {
        const unknown = document.getText(d.range).replace(/^@\{?|\}$/g, '');
        return nearestKeys(unknown, index.corpus.keys(), 3).map((key, i) => {
          const action = new vscode.CodeAction(`Replace with @${key}`, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [d];
          action.isPreferred = i === 0;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, d.range, `@${key}`);
          return action;
        });
      });
    },
  };

  checkAll();
  return vscode.Disposable.from(
    collection,
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    index.corpus.onDidChange(() => checkAll()),
    index.onDidChangeState((state) => { if (state === 'ready') checkAll(); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('dossier.diagnostics')) checkAll(); }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, fixes, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
