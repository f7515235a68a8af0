// Dossier: Insert Citation — pick one or more articles (fuzzy, multi-select) and insert `[@a; @b]`
// at the cursor, replace the selection with it, add `; @a` inside the citation bracket the cursor is
// in, or replace a key being typed (core/citations/insert.ts decides). One edit, so one undo step;
// nothing else in the note is touched. Args `{ keys }` (from the sidebar and the search) skip the
// pick; with no Markdown editor active, the last note edited is used.

import * as vscode from 'vscode';
import { citationEdit } from '../../core/citations';
import { dateOutlet } from '../../core/card';
import { labelText } from '../../core/untrusted';
import { isNoteDocument } from '../noteIndex';
import type { WorkspaceIndex } from '../workspaceIndex';

export const INSERT_CITATION_COMMAND = 'dossier.insertCitation';

interface PickItem extends vscode.QuickPickItem {
  key: string;
}

export function registerInsertCitation(index: WorkspaceIndex): vscode.Disposable {
  const isNote = (editor: vscode.TextEditor | undefined): editor is vscode.TextEditor =>
    !!editor && isNoteDocument(editor.document) && editor.document.uri.scheme !== 'output' && !index.corpus.byLocation(editor.document.uri.toString());
  // The note last edited, for when the command runs from the sidebar or search (no editor active).
  let lastNote: { uri: vscode.Uri; selection: vscode.Selection; viewColumn?: vscode.ViewColumn } | undefined;
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (isNote(editor)) lastNote = { uri: editor.document.uri, selection: editor.selection, viewColumn: editor.viewColumn };
  };
  remember(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.window.onDidChangeTextEditorSelection((e) => remember(e.textEditor)),
    vscode.commands.registerCommand(INSERT_CITATION_COMMAND, async (args?: { keys?: string[] }) => {
      const active = vscode.window.activeTextEditor;
      let editor = isNote(active) ? active : undefined;
      if (!editor && lastNote) {
        const { uri, selection, viewColumn } = lastNote;
        editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
          ?? await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn, selection, preview: false });
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
      }
      if (!editor) {
        void vscode.window.showInformationMessage('Dossier: open a Markdown note to insert a citation into.');
        return false;
      }
      const keys = args?.keys?.filter((k) => index.corpus.has(k)) ?? await pickKeys(index);
      if (!keys?.length) return false;
      return insertKeys(editor, keys, (key) => index.corpus.has(key));
    }),
  );
}

/** The edit itself (exported for tests): one call to `editor.edit`, so one undo step. */
export async function insertKeys(editor: vscode.TextEditor, keys: string[], isKnown?: (key: string) => boolean): Promise<boolean> {
  const document = editor.document;
  const selection = editor.selection;
  const edit = citationEdit(document.getText(), document.offsetAt(selection.start), document.offsetAt(selection.end), keys, isKnown);
  if (!edit) return true;
  const range = new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end));
  const done = await editor.edit((builder) => builder.replace(range, edit.text));
  if (done) {
    const after = document.positionAt(edit.start + edit.text.length);
    editor.selection = new vscode.Selection(after, after);
  }
  return done;
}

async function pickKeys(index: WorkspaceIndex): Promise<string[] | undefined> {
  await index.whenReady();
  const corpus = index.corpus;
  const toItem = (key: string): PickItem | undefined => {
    const a = corpus.get(key);
    // Titles are untrusted: `$(icon)` in one must show as typed, not as an icon.
    return a && { key, label: labelText(a.label), description: labelText(dateOutlet(a)), detail: `@${key}`, alwaysShow: true };
  };
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = 'Insert Citation';
  pick.placeholder = 'Search articles by title, person, country, outlet or year; select one or more';
  pick.canSelectMany = true;
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = () => {
    const chosen = pick.selectedItems;
    const keys = pick.value.trim()
      ? index.search.searchKeys(pick.value, { limit: 50 })
      : corpus.articles().slice(0, 200).map((a) => a.key);
    const items = [...chosen, ...keys.filter((k) => !chosen.some((c) => c.key === k)).map(toItem).filter((i): i is PickItem => !!i)];
    pick.items = items;
    pick.selectedItems = items.filter((i) => chosen.some((c) => c.key === i.key));
  };
  update();
  pick.onDidChangeValue(update);
  const result = await new Promise<string[] | undefined>((resolve) => {
    pick.onDidAccept(() => resolve((pick.selectedItems.length ? pick.selectedItems : pick.activeItems).map((i) => i.key)));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return result;
}
