// The persistent index's storage in the extension: the workspace's storage folder
// (`context.storageUri`). A `file:` folder (desktop VS Code, and code-server, whose extension host
// runs beside its user data) is read and written with Node's fs: through `workspace.fs` a cache
// of tens of MB took seconds more to read in code-server. Any other scheme goes through
// `workspace.fs`, so remote and virtual workspaces keep their cache too.

import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CacheStorage } from '../core/library/cache';

export function workspaceCacheStorage(dir: vscode.Uri): CacheStorage {
  return dir.scheme === 'file' ? localStorage(dir.fsPath) : fsStorage(dir);
}

function localStorage(dir: string): CacheStorage {
  const file = (name: string) => path.join(dir, name);
  return {
    async read(name) {
      // One read of the whole file (fs.readFile reads in 512 KB requests, each queued again behind
      // whatever else the host's I/O threads are doing as a window opens).
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(file(name), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size;) {
          const { bytesRead } = await handle.read(bytes, at, size - at, at);
          if (bytesRead === 0) return bytes.subarray(0, at); // shrank meanwhile: the length check refuses it
          at += bytesRead;
        }
        return bytes;
      } finally {
        await handle.close();
      }
    },
    async write(name, bytes) {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file(name), bytes);
    },
    async rename(from, to) {
      await fs.rename(file(from), file(to));
    },
    async delete(name) {
      await fs.rm(file(name), { force: true });
    },
  };
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
