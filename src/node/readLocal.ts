// Reading one local article file with Node's fs, safely: stat-ed before it is opened (a device or a
// FIFO is never opened), opened non-blocking, `fstat` of the open file checked again, never more
// than the size limit read (a file that grows meanwhile is caught). Used by the extension's host
// thread for single files and by the extraction workers for cold scans (they read what they extract,
// so the host's thread neither reads nor copies the bytes of 100,000 files).

import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readSync, statSync } from 'fs';

const SYNC_READ_BYTES = 1 << 20;

export type LocalRead = { bytes: Uint8Array } | { skipped: string } | { missing: true } | { error: Error };

/**
 * A local file's bytes, read only after `fstat` on the open file says it is a regular file within
 * the limit, and never more than the limit (a file that grows meanwhile is caught). Opened
 * non-blocking, so a file replaced by a FIFO after it was listed cannot stall the read.
 */
export async function readLocalFile(fsPath: string, maxBytes: number, tooLarge: (size: number) => string): Promise<LocalRead> {
  let handle: fs.FileHandle;
  try {
    // Asked of the path first, so a device or a FIFO is never even opened. Synchronously: one
    // stat is microseconds, and each asynchronous step waits its turn in libuv's thread pool.
    const first = statSync(fsPath);
    if (!first.isFile()) return { skipped: `skipped: ${kindOf(first)}` };
    if (first.size > maxBytes) return { skipped: tooLarge(first.size) };
    // A small file (nearly every article) is read at once: ~0.1 ms, where five trips through the
    // thread pool took tens of ms while a window opens. Large ones are read asynchronously.
    if (first.size <= SYNC_READ_BYTES) return readSmallFile(fsPath, maxBytes, tooLarge);
    handle = await fs.open(fsPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const link = await fs.lstat(fsPath).then((s) => s.isSymbolicLink(), () => false);
      return link ? { skipped: 'skipped: a broken symbolic link (its target does not exist)' } : { missing: true };
    }
    return { error: error as Error };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: `skipped: ${kindOf(stat)}` };
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size) };
    // A plain Uint8Array of its own (not a Buffer from Node's shared pool): it may be handed to the
    // read worker, which takes its ArrayBuffer.
    let buffer = new Uint8Array(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
        buffer = grown(buffer, length, maxBytes);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: error as Error };
  } finally {
    await handle.close();
  }
}

/** A file that grew while read, still within the limit: its first `length` bytes in a buffer twice as large (at most the limit + 1). */
function grown(buffer: Uint8Array, length: number, maxBytes: number): Uint8Array<ArrayBuffer> {
  const larger = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2));
  larger.set(buffer.subarray(0, length));
  return larger;
}

function kindOf(stat: import('fs').Stats): string {
  if (stat.isDirectory()) return 'it is a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** `readLocalFile` for a file found small: the same checks (fstat of the open file, bounded read), synchronously. */
function readSmallFile(fsPath: string, maxBytes: number, tooLarge: (size: number) => string): LocalRead {
  const fd = openSync(fsPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skipped: `skipped: ${kindOf(stat)}` };
    if (stat.size > maxBytes) return { skipped: tooLarge(stat.size) };
    let buffer = new Uint8Array(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
        buffer = grown(buffer, length, maxBytes);
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { skipped: `${tooLarge(length)} (it grew while read)` };
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
