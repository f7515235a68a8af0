// Saved web pages and PDFs open as their extracted text: a read-only virtual document
// (`dossier-article:` scheme) built from the corpus, so search can reveal and select a passage in
// it like in a `.txt` file, and the article lens works there. The title bar offers the original file.
// The text is the corpus's (title, facts, body): nothing here reads or re-parses the file.

import * as vscode from 'vscode';
import type { Article } from '../../core/types';
import type { WorkspaceIndex } from '../workspaceIndex';

export const ARTICLE_TEXT_SCHEME = 'dossier-article';
export const OPEN_ORIGINAL_COMMAND = 'dossier.openOriginalFile';
export const OPEN_ORIGINAL_EXTERNALLY_COMMAND = 'dossier.openOriginalFileExternally';

/** Whether an article is shown as extracted text rather than as its own file. */
export function showsExtractedText(article: Article): boolean {
  return article.format === 'html' || article.format === 'pdf';
}

/**
 * The URI an article opens at: its file, or for HTML and PDF its text view. The view's path is the
 * file's path plus `.txt` (so the tab reads `report.pdf.txt` and the language is plain text); the
 * query holds the article's location, which identifies it across key changes.
 */
export function articleUri(article: Article): vscode.Uri {
  const file = vscode.Uri.parse(article.location);
  if (!showsExtractedText(article)) return file;
  return vscode.Uri.from({ scheme: ARTICLE_TEXT_SCHEME, path: `${file.path}.txt`, query: article.location });
}

/** The article an editor's document shows: its own file, or a text view of it. */
export function articleForUri(index: WorkspaceIndex, uri: vscode.Uri): Article | undefined {
  return uri.scheme === ARTICLE_TEXT_SCHEME ? index.corpus.byLocation(uri.query) : index.corpus.byLocation(uri.toString());
}

/** The text view's content: what the article is, then its text. */
export function articleText(article: Article): string {
  const facts = [article.date, article.outlet, article.author].filter(Boolean).join(' · ');
  const kind = article.format === 'pdf' ? 'PDF' : 'web page';
  const header = [article.title ?? article.label, facts, article.url, `Text extracted from the ${kind} ${article.file} (read-only).`].filter(Boolean);
  return `${header.join('\n')}\n\n${article.body || '(This file has no text to show.)'}\n`;
}

export function registerArticleText(index: WorkspaceIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Map<string, vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      open.set(uri.query, uri);
      const article = index.corpus.byLocation(uri.query);
      return article ? articleText(article) : 'This article is no longer indexed (the file was moved, deleted or is no longer an article).\n';
    },
  };
  const original = (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    return target?.scheme === ARTICLE_TEXT_SCHEME ? vscode.Uri.parse(target.query) : target;
  };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(ARTICLE_TEXT_SCHEME, provider),
    // An edited or deleted file updates its open text view.
    index.corpus.onDidChange((change) => {
      if (!open.size) return;
      const touched = new Set([...change.added, ...change.changed, ...change.removed]);
      for (const [location, uri] of open) {
        const article = index.corpus.byLocation(location);
        if (!article || touched.has(article.key)) changed.fire(uri);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === ARTICLE_TEXT_SCHEME) open.delete(document.uri.query);
    }),
    vscode.commands.registerCommand(OPEN_ORIGINAL_COMMAND, async (uri?: vscode.Uri) => {
      const file = original(uri);
      if (file) await vscode.commands.executeCommand('vscode.open', file);
    }),
    vscode.commands.registerCommand(OPEN_ORIGINAL_EXTERNALLY_COMMAND, async (uri?: vscode.Uri) => {
      const file = original(uri);
      if (file) await vscode.env.openExternal(file);
    }),
  );
}
