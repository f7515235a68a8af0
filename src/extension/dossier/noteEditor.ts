// The Markdown note a dossier panel writes into. While a webview has focus there is no active text
// editor, so the last Markdown editor the user worked in is remembered; inserting goes there, at
// its cursor, in one edit (one undo step).

import * as vscode from 'vscode';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'quarto', 'rmd']);

export class NoteEditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly isArticle: (uri: vscode.Uri) => boolean) {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && MARKDOWN_LANGUAGES.has(editor.document.languageId) && !this.isArticle(editor.document.uri)) this.last = editor;
  }

  /** The note to write into: the active Markdown editor, or the last one, brought back into view. */
  async target(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && MARKDOWN_LANGUAGES.has(active.document.languageId) && !this.isArticle(active.document.uri)) return active;
    const last = this.last;
    if (!last || last.document.isClosed) return undefined;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === last.document);
    if (visible) return visible;
    return vscode.window.showTextDocument(last.document, { selection: last.selection, preserveFocus: false, viewColumn: last.viewColumn });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/**
 * Inserts a block of Markdown at the editor's cursor (replacing a selection) in one undo step, on
 * lines of its own: a blank line before it when it follows text (Pandoc needs one before a list),
 * a line break after it when text follows on the line.
 */
export async function insertBlock(editor: vscode.TextEditor, block: string): Promise<boolean> {
  const { document, selection } = editor;
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
