// Dossier: New Note for Article — a literature note from a template (`dossier.noteTemplate`: a file
// path or inline text; the built-in one when empty), created as `<key>.md` in `dossier.notesFolder`
// of the article's workspace folder, and opened for writing. An existing note is opened, never
// overwritten. Files are read and written through workspace.fs (remote and web workspaces).

import * as vscode from 'vscode';
import { DEFAULT_NOTE_TEMPLATE, fillTemplate, noteFileName, templateValues } from '../../core/dossier';
import type { Article } from '../../core/types';
import type { WorkspaceIndex } from '../workspaceIndex';

export const NEW_NOTE_COMMAND = 'dossier.newNoteForArticle';

/** The key a command was called with: a key, `{ key }` (tree rows, webviews), or none. */
export function keyFromArgs(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { key?: unknown }).key === 'string') return (arg as { key: string }).key;
  return undefined;
}

async function pickArticle(index: WorkspaceIndex): Promise<Article | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const fromEditor = active ? index.corpus.byLocation(active) : undefined;
  if (fromEditor) return fromEditor;
  const items = index.corpus.articles().map((article) => ({
    label: article.title ?? article.label,
    description: [article.date, article.outlet].filter(Boolean).join(' · '),
    detail: `@${article.key}`,
    article,
  }));
  if (!items.length) {
    void vscode.window.showInformationMessage('Dossier: no article is indexed yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'New Note for Article', placeHolder: 'The article to take notes on', matchOnDescription: true, matchOnDetail: true });
  return picked?.article;
}

/** The template text: inline when it holds a placeholder or a line break, otherwise a file path. */
async function readTemplate(setting: string, folder: vscode.Uri | undefined): Promise<string> {
  const value = setting.trim();
  if (!value) return DEFAULT_NOTE_TEMPLATE;
  if (value.includes('{{') || value.includes('\n')) return setting;
  const uri = /^([a-z][a-z0-9+.-]*:|\/)/i.test(value) && !/^[a-z]:[\\/]/i.test(value)
    ? (value.startsWith('/') ? vscode.Uri.file(value) : vscode.Uri.parse(value))
    : folder ? vscode.Uri.joinPath(folder, value) : vscode.Uri.file(value);
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showWarningMessage(`Dossier: the note template "${value}" cannot be read (${error instanceof Error ? error.message : String(error)}); the built-in template was used.`);
    return DEFAULT_NOTE_TEMPLATE;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    // stat throws FileNotFound for a missing file: that is the answer, not an error to report.
    return false;
  }
}

export async function newNoteForArticle(index: WorkspaceIndex, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const key = keyFromArgs(arg);
  const article = key ? index.corpus.get(key) : await pickArticle(index);
  if (!article) {
    if (key) void vscode.window.showWarningMessage(`Dossier: no article has the key @${key}.`);
    return undefined;
  }
  const articleUri = vscode.Uri.parse(article.location);
  const folder = vscode.workspace.getWorkspaceFolder(articleUri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Dossier: open a folder to create notes in.');
    return undefined;
  }
  const config = vscode.workspace.getConfiguration('dossier', folder.uri);
  const notesFolder = (config.get<string>('notesFolder') ?? 'notes').trim() || 'notes';
  const noteUri = vscode.Uri.joinPath(folder.uri, ...notesFolder.split(/[\\/]+/).filter((p) => p && p !== '..'), noteFileName(article.key));
  if (!(await exists(noteUri))) {
    const template = await readTemplate(config.get<string>('noteTemplate') ?? '', folder.uri);
    const { text, unknown } = fillTemplate(template, templateValues(article, (id) => index.corpus.person(id)?.name));
    if (unknown.length) {
      void vscode.window.showWarningMessage(`Dossier: the note template uses unknown placeholders (${unknown.map((u) => `{{${u}}}`).join(', ')}); they were left as written.`);
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(noteUri, '..'));
    await vscode.workspace.fs.writeFile(noteUri, new TextEncoder().encode(text));
  }
  const document = await vscode.workspace.openTextDocument(noteUri);
  const end = document.lineAt(document.lineCount - 1).range.end;
  return vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(end, end) });
}
