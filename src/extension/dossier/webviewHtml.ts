// The HTML shell of Dossier's webview panels: a strict Content-Security-Policy (nothing remote,
// scripts only with this page's nonce, styles and fonts only from the extension's media folder),
// VS Code's theme through its CSS variables, and the data posted afterwards as messages — never
// written into the HTML, so no article text is ever parsed as markup.

import * as crypto from 'crypto';
import * as vscode from 'vscode';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    retainContextWhenHidden: false,
    localResourceRoots: [mediaRoot(extensionUri)],
  };
}

export interface ShellOptions {
  title: string;
  /** Script files under media/dossier/, loaded in order. */
  scripts: string[];
}

export function webviewShell(webview: vscode.Webview, extensionUri: vscode.Uri, options: ShellOptions): string {
  const nonce = crypto.randomBytes(18).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), 'dossier', name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(asset('dossier.css'))}">
<title>${attr(options.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="empty">Loading…</p></main>
${options.scripts.map((s) => `<script nonce="${nonce}" src="${attr(asset(s))}"></script>`).join('\n')}
</body>
</html>`;
}
