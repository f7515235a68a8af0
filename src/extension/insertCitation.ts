// Dossier: Insert Citation — pick one or more articles (fuzzy, multi-select) and insert `[@a; @b]`
// at the cursor, replace the selection with it, or add `; @a` inside the citation bracket the cursor
// is in. One edit, so one undo step; nothing else in the note is touched.

import * as vscode from 'vscode';
import { scanCitations } from '../core/citations';
import { dateOutlet } from '../core/card';
import { isNoteDocument } from './noteIndex';
import type { WorkspaceIndex } from './workspaceIndex';

export const INSERT_CITATION_COMMAND = 'dossier.insertCitation';

interface PickItem extends vscode.QuickPickItem {
  key: string;
}

export function registerInsertCitation(index: WorkspaceIndex): vscode.Disposable {
  let lastNoteEditor: vscode.TextEditor | undefined;
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (editor && isNoteDocument(editor.document) && !index.corpus.byLocation(editor.document.uri.toString())) lastNoteEditor = editor;
  };
  remember(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.commands.registerCommand(INSERT_CITATION_COMMAND, async (args?: { keys?: string[] }) => {
      const active = vscode.window.activeTextEditor;
      const editor = active && isNoteDocument(active.document) && !index.corpus.byLocation(active.document.uri.toString())
        ? active
        : lastNoteEditor && vscode.window.visibleTextEditors.includes(lastNoteEditor) ? lastNoteEditor : undefined;
      const target = editor ?? (lastNoteEditor ? await vscode.window.showTextDocument(lastNoteEditor.document, lastNoteEditor.viewColumn) : undefined);
      if (!target) {
        void vscode.window.showInformationMessage('Dossier: open a Markdown note to insert a citation into.');
        return false;
      }
      const keys = args?.keys?.filter((k) => index.corpus.has(k)) ?? await pickKeys(index);
      if (!keys?.length) return false;
      return insertKeys(target, keys);
    }),
  );
}

/** The edit itself (exported for tests): one call to `editor.edit`, so one undo step. */
export async function insertKeys(editor: vscode.TextEditor, keys: string[]): Promise<boolean> {
  const document = editor.document;
  const selection = editor.selection;
  const cited = keys.map((k) => `@${k}`).join('; ');
  if (selection.isEmpty) {
    const offset = document.offsetAt(selection.active);
    const bracket = scanCitations(document.getText()).find((c) => c.bracket && c.bracket.start < offset && offset < c.bracket.end)?.bracket;
    if (bracket) {
      // Inside `[see @a, p. 3]`: add before the closing bracket.
      const close = document.positionAt(bracket.end - 1);
      return editor.edit((edit) => edit.insert(close, `; ${cited}`));
    }
  }
  return editor.edit((edit) => edit.replace(selection, `[${cited}]`));
}

async function pickKeys(index: WorkspaceIndex): Promise<string[] | undefined> {
  await index.whenReady();
  const corpus = index.corpus;
  const toItem = (key: string): PickItem | undefined => {
    const a = corpus.get(key);
    return a && { key, label: a.label, description: dateOutlet(a), detail: `@${key}`, alwaysShow: true };
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
      ? index.search.search(pick.value, { limit: 50 }).map((r) => r.key)
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
