// The cache's storage on a local folder (`dossier index --cache DIR`), with Node's fs: rename is
// atomic within one folder, so a reader sees the old cache file or the new one, never half of one.

import * as fs from 'fs';
import * as path from 'path';
import type { CacheStorage } from '../core/library/cache';

export function folderCacheStorage(dir: string): CacheStorage {
  return {
    async read(name) {
      try {
        return await fs.promises.readFile(path.join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(name, bytes) {
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(path.join(dir, name), bytes);
    },
    async rename(from, to) {
      await fs.promises.rename(path.join(dir, from), path.join(dir, to));
    },
    async delete(name) {
      await fs.promises.rm(path.join(dir, name), { force: true });
    },
  };
}
