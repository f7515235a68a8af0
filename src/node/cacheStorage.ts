// The cache's storage on a local folder with Node's fs, shared by the CLI (`dossier index --cache
// DIR`) and the extension when its workspace storage is on the local disk (`src/extension/
// indexCache.ts`). Rename is atomic within one folder, so a reader sees the old cache file or the
// new one, never half of one. Reading keeps the file open: its prefix is read in one request and
// an article's text only when shown (a later rename over the file leaves the open one readable).

import * as fs from 'fs';
import * as path from 'path';
import type { CacheStorage, RandomAccessFile } from '../core/library/cache';

export function folderCacheStorage(dir: string): CacheStorage {
  return {
    async read(name) {
      const file = await openForReading(path.join(dir, name));
      if (!file) return undefined;
      try {
        return await file.read(0, file.size);
      } finally {
        await file.close();
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
    openForReading: (name) => openForReading(path.join(dir, name)),
  };
}

async function openForReading(file: string): Promise<RandomAccessFile | undefined> {
  // A plain descriptor, not a FileHandle: the texts keep it as long as articles read from it live,
  // and a FileHandle left to the garbage collector is closed with a warning.
  let fd: number;
  try {
    fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r', (error, opened) => (error ? reject(error) : resolve(opened))));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const size = fs.fstatSync(fd).size;
  const readInto = (bytes: Uint8Array, at: number, position: number) => new Promise<number>((resolve, reject) => {
    fs.read(fd, bytes, at, bytes.length - at, position, (error, n) => (error ? reject(error) : resolve(n)));
  });
  return {
    size,
    async read(position, length) {
      // One request for the whole range (fs.readFile reads in 512 KB requests, each queued again
      // behind whatever else the host's I/O threads are doing as a window opens).
      const bytes = new Uint8Array(length);
      for (let at = 0; at < length;) {
        const n = await readInto(bytes, at, position + at);
        if (n === 0) return bytes.subarray(0, at); // shorter than it said: the decoder refuses it
        at += n;
      }
      return bytes;
    },
    readSync(position, length) {
      const bytes = new Uint8Array(length);
      for (let at = 0; at < length;) {
        const n = fs.readSync(fd, bytes, at, length - at, position + at);
        if (n === 0) throw new Error(`the cache file ended before a text it lists (at byte ${position + at})`);
        at += n;
      }
      return bytes;
    },
    close: () => new Promise<void>((resolve, reject) => fs.close(fd, (error) => (error ? reject(error) : resolve()))),
  };
}
