import type { Stats } from 'fs';
import type { FileStamp } from '../core/library/cache';

/**
 * A file's stamp as every path of Dossier compares it: the local walk, a watcher event's stat, the CLI.
 * `mtime` is `stat.mtime.getTime()`, which Node computes as `mtimeMs` **rounded** to the millisecond (not
 * truncated), and which is also what `vscode.workspace.fs.stat` reports for a local file; stamping from
 * `mtimeMs` by another rule made a file listed by one path and stamped by another differ by 1 ms about half of
 * the time (read again for nothing, and a test that compared the walk with Node's `stat` failed in CI).
 */
export function stampOfStats(stat: Stats): FileStamp {
  return { mtime: stat.mtime.getTime(), size: stat.size };
}
