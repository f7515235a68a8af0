// The Markdown note a dossier panel writes into. While a webview has focus there is no active text
// editor, so the last Markdown editor the user worked in is remembered; inserting goes there, at
// its cursor, in one edit (one undo step).

import * as vscode from 'vscode';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'quarto', 'rmd']);

export interface NoteTarget {
  editor: vscode.TextEditor;
  /** Where to insert: the cursor (or selection) the user left in the note. */
  selection: vscode.Range;
}

export class NoteEditorTracker implements vscode.Disposable {
  // The document and the editor's last cursor: an editor object dies when a panel covers it, but
  // its last selection (set by the user or an extension) is still the place to write.
  private last: { uri: string; editor: vscode.TextEditor } | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly isArticle: (uri: vscode.Uri) => boolean) {
    this.remember(vscode.window.activeTextEditor);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.remember(event.textEditor)),
    ];
  }

  private isNote(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
    return !!editor && MARKDOWN_LANGUAGES.has(editor.document.languageId) && editor.document.uri.scheme !== 'output' && !this.isArticle(editor.document.uri);
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (this.isNote(editor)) this.last = { uri: editor.document.uri.toString(), editor };
  }

  /** The note to write into and where: the active Markdown editor, or the last one, brought back into view. */
  async target(): Promise<NoteTarget | undefined> {
    const active = vscode.window.activeTextEditor;
    if (this.isNote(active)) return { editor: active, selection: active.selection };
    const last = this.last;
    if (!last) return undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === last.uri);
    if (!document || document.isClosed) return undefined;
    const selection = document.validateRange(last.editor.selection);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    // Beside the panel that asked, so the panel stays in view.
    const editor = visible ?? await vscode.window.showTextDocument(document, { selection, preserveFocus: false, viewColumn: vscode.ViewColumn.Beside });
    return { editor, selection };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Inserts a block of Markdown at the editor's cursor (replacing a selection) in one undo step, on
 * lines of its own: a blank line before it when it follows text (Pandoc needs one before a list),
 * a line break after it when text follows on the line.
 */
export async function insertBlock(editor: vscode.TextEditor, selection: vscode.Range, block: string): Promise<boolean> {
  const { document } = editor;
  const start = selection.start;
  const lineText = document.lineAt(start.line).text;
  let prefix = '';
  if (lineText.slice(0, start.character).trim()) prefix = '\n\n';
  else if (start.line > 0 && document.lineAt(start.line - 1).text.trim() && start.character === 0) prefix = '\n';
  const after = document.lineAt(selection.end.line).text.slice(selection.end.character);
  const suffix = after.trim() ? '\n' : '';
  const ok = await editor.edit((edit) => edit.replace(selection, prefix + block + suffix), { undoStopBefore: true, undoStopAfter: true });
  if (ok) editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return ok;
}
