// Folders moved, renamed, copied in or deleted: the file watcher reports one event for the folder and
// none for the files in it, and a watcher on a file glob (`**/*.md`) sees neither. The article index
// and the note index both use this to catch them.

import * as vscode from 'vscode';

/** Entries looked at in a folder that appears before giving up on the rest of it. */
const FOLDER_SCAN_LIMIT = 50_000;
const IGNORED = /\/(?:node_modules|\.git)(?:\/|$)/;

/**
 * Watches every path under `base`: `deleted` gets each deleted path (a file or a folder: the caller
 * drops what it held under it), `created` the files of each folder that appeared.
 */
export function watchFolders(base: vscode.WorkspaceFolder | string, deleted: (uri: vscode.Uri) => void, created: (files: vscode.Uri[]) => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(
    typeof base === 'string' ? base : new vscode.RelativePattern(base, '**/*'), false, true, false);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidDelete(deleted),
    watcher.onDidCreate(async (uri) => {
      // Package installs and version control create folders by the thousand, and hold no articles or notes.
      if (IGNORED.test(uri.path)) return;
      const files = await filesUnder(uri);
      if (files.length) created(files);
    }),
  );
}

/** The files under `uri` when it is a folder (recursively, up to FOLDER_SCAN_LIMIT entries), else none. */
export async function filesUnder(uri: vscode.Uri): Promise<vscode.Uri[]> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!stat || !(stat.type & vscode.FileType.Directory)) return [];
  const files: vscode.Uri[] = [];
  let budget = FOLDER_SCAN_LIMIT;
  const visit = async (dir: vscode.Uri): Promise<void> => {
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(dir)).catch(() => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries) {
      if (--budget < 0) return;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!IGNORED.test(child.path)) await visit(child);
      } else if (type & vscode.FileType.File) files.push(child);
    }
  };
  await visit(uri);
  return files;
}
