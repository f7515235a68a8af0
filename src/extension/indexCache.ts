// The persistent index's storage in the extension: the workspace's storage folder
// (`context.storageUri`). A `file:` folder (desktop VS Code, and code-server, whose extension host
// runs beside its user data) is read and written with Node's fs (`src/node/cacheStorage.ts`, as the
// CLI does), which also lets the article texts stay on disk until shown. Any other scheme goes
// through `workspace.fs` (the whole file read at once), so remote and virtual workspaces keep their
// cache too.

import * as vscode from 'vscode';
import type { CacheStorage } from '../core/library/cache';
import { folderCacheStorage } from '../node/cacheStorage';

export function workspaceCacheStorage(dir: vscode.Uri): CacheStorage {
  return dir.scheme === 'file' ? folderCacheStorage(dir.fsPath) : fsStorage(dir);
}

function fsStorage(dir: vscode.Uri): CacheStorage {
  const uri = (name: string) => vscode.Uri.joinPath(dir, name);
  return {
    async read(name) {
      try {
        return await vscode.workspace.fs.readFile(uri(name));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
    async write(name, bytes) {
      await vscode.workspace.fs.createDirectory(dir);
      await vscode.workspace.fs.writeFile(uri(name), bytes);
    },
    async rename(from, to) {
      await vscode.workspace.fs.rename(uri(from), uri(to), { overwrite: true });
    },
    async delete(name) {
      try {
        await vscode.workspace.fs.delete(uri(name), { useTrash: false });
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
      }
    },
  };
}
