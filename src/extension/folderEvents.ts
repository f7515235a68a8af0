// Folders moved, renamed, copied in or deleted: the file watcher reports one event for the folder and
// none for the files in it, and a watcher on a file glob (`**/*.md`) sees neither. One watcher on
// every path (owned by the WorkspaceIndex) turns those into events that the article index and the
// note index both follow.

import * as vscode from 'vscode';

/** Entries looked at in a folder that appears before giving up on the rest of it. */
const FOLDER_SCAN_LIMIT = 50_000;
/** Package installs and version control create folders by the thousand, and hold no articles or notes. */
const IGNORED = /\/(?:node_modules|\.git)(?:\/|$)/;

export class FolderEvents implements vscode.Disposable {
  private readonly deletedEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly createdEmitter = new vscode.EventEmitter<vscode.Uri[]>();
  /** A path was deleted (a file or a folder: listeners drop what they held under it). */
  readonly onDidDelete = this.deletedEmitter.event;
  /** A folder appeared: the files under it. */
  readonly onDidCreateFolder = this.createdEmitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables = [
      watcher, this.deletedEmitter, this.createdEmitter,
      watcher.onDidDelete((uri) => this.deletedEmitter.fire(uri)),
      watcher.onDidCreate(async (uri) => {
        if (IGNORED.test(uri.path)) return;
        const files = await filesUnder(uri);
        if (files.length) this.createdEmitter.fire(files);
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
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
