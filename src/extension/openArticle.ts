// dossier.openArticle: the one command that article cards may run. Opens an article by key,
// optionally at a character range of its text (what search matched), in a preview editor.

import * as vscode from 'vscode';
import { articleCardMarkdown } from '../core/card';
import type { Article } from '../core/types';
import { articleUri } from './articleText';
import type { WorkspaceIndex } from './workspaceIndex';

export { articleUri };

export const OPEN_ARTICLE_COMMAND = 'dossier.openArticle';

export interface OpenArticleArgs {
  key: string;
  /** Text to find and select in the article (a search match). */
  reveal?: string;
  viewColumn?: vscode.ViewColumn;
  preview?: boolean;
}

export function openArticleCommandUri(key: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_ARTICLE_COMMAND}?${encodeURIComponent(JSON.stringify([{ key }]))}`);
}

/** The article card as a MarkdownString that may run only Dossier's open command. */
export function articleCard(article: Article, index: WorkspaceIndex, footer?: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(articleCardMarkdown(article, {
    openCommandUri: openArticleCommandUri(article.key).toString(),
    personName: (id) => index.corpus.person(id)?.name,
    footer,
  }));
  markdown.isTrusted = { enabledCommands: [OPEN_ARTICLE_COMMAND] };
  markdown.supportHtml = false;
  return markdown;
}

export async function openArticle(index: WorkspaceIndex, args: OpenArticleArgs): Promise<vscode.TextEditor | undefined> {
  const article = index.corpus.get(args.key);
  if (!article) {
    void vscode.window.showWarningMessage(`Dossier: no article has the key @${args.key}.`);
    return undefined;
  }
  // A web page or PDF opens as its extracted text, where the passage can be found and selected.
  const uri = articleUri(article);
  const document = await vscode.workspace.openTextDocument(uri);
  let selection: vscode.Range | undefined;
  if (args.reveal) {
    const offset = findLoosely(document.getText(), args.reveal);
    if (offset) selection = new vscode.Range(document.positionAt(offset.start), document.positionAt(offset.end));
  }
  const editor = await vscode.window.showTextDocument(document, {
    preview: args.preview ?? true,
    viewColumn: args.viewColumn,
    selection,
  });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Finds `needle` in `text` ignoring case and runs of white space (the body was re-flowed). */
export function findLoosely(text: string, needle: string): { start: number; end: number } | null {
  const words = needle.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return null;
  const m = new RegExp(words.join('\\s+'), 'i').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export function registerOpenArticle(index: WorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_ARTICLE_COMMAND, (args: OpenArticleArgs | string) =>
    openArticle(index, typeof args === 'string' ? { key: args } : args));
}
