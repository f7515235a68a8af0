// The persistent index's storage in the extension: the workspace's storage folder
// (`context.storageUri`), through `workspace.fs` so remote workspaces keep their cache beside them.

import * as vscode from 'vscode';
import type { CacheStorage } from '../core/library/cache';

export function workspaceCacheStorage(dir: vscode.Uri): CacheStorage {
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
