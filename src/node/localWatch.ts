// Following changes in a folder on a local disk with the operating system's own notifications
// (inotify, FSEvents, ReadDirectoryChangesW through Node's `fs.watch`), one watch per folder that the
// listing walked. Pure Node (no `vscode`).
//
// Why beside VS Code's file watcher: its events reach the extension host 90–130 ms after a write
// (the server's watcher throttles file events by 75 ms, then they cross to the extension host), and
// a changed article is then indexed in 15–50 ms: the sidebar showed a saved file 160–200 ms after
// the write. A watch on the folder hears of it within a millisecond. VS Code's watcher stays on as
// well (virtual and remote schemes, a folder this cannot watch, an event this misses): an event for a
// file already read as it is costs one stat (the caller compares modification time and size).
//
// Not recursive by design: a recursive `fs.watch` is not available on every platform and Node
// version VS Code ships, and the walk already knows the folders. A folder created later is watched
// when its parent reports it; a folder that goes away drops its watch.

import { watch, statSync, type FSWatcher } from 'fs';
import * as path from 'path';
import { isExcluded } from './walk';

export interface LocalWatchOptions {
  /** The folder listed (a workspace folder's path). */
  root: string;
  /** The folders under it to watch, relative with forward slashes ('' is the root), as the walk entered them. */
  folders: readonly string[];
  /** Folders matching these are not watched (as the walk does not enter them). */
  exclude: readonly string[];
  /** A file (or folder) under `root` was created, changed, renamed or deleted: relative, forward slashes. */
  onChange(relative: string): void;
  /** Said once, when watching stops or cannot start (the caller logs it; VS Code's watcher still follows changes). */
  onProblem(message: string): void;
  /** More folders than this are not watched at all (each takes a watch of the system's limited supply). */
  maxFolders?: number;
}

/** Folders watched at most: beyond this, VS Code's watcher alone follows the folder. */
export const MAX_WATCHED_FOLDERS = 2000;

export class LocalWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;
  private readonly max: number;

  constructor(private readonly options: LocalWatchOptions) {
    this.max = options.maxFolders ?? MAX_WATCHED_FOLDERS;
    if (options.folders.length > this.max) {
      this.stop(`${options.folders.length} folders are more than the ${this.max} watched at most`);
      return;
    }
    for (const folder of options.folders) {
      if (!this.add(folder)) break;
    }
  }

  /** Folders watched now. */
  get size(): number {
    return this.watchers.size;
  }

  get active(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  /** Starts watching one folder; false when watching has stopped (the system refused a watch). */
  private add(folder: string): boolean {
    if (this.closed || this.watchers.has(folder)) return !this.closed;
    const fsPath = folder ? path.join(this.options.root, ...folder.split('/')) : this.options.root;
    let watcher: FSWatcher;
    try {
      watcher = watch(fsPath, { persistent: false }, (event, name) => this.heard(folder, event, name));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      // Gone between the walk and now, or not a folder any more: nothing to watch, nothing wrong.
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return true;
      // Out of watches (ENOSPC: inotify's per-user limit) or of file descriptors: stop altogether
      // rather than watch part of the library.
      this.stop(`${folder || '.'}/ could not be watched (${e.code ?? e.message})`);
      return false;
    }
    watcher.on('error', (error: NodeJS.ErrnoException) => {
      watcher.close();
      this.watchers.delete(folder);
      // A watched folder deleted or moved away reports an error on some systems: expected.
      if (!this.closed && error.code !== 'ENOENT' && error.code !== 'EPERM') this.stop(`watching ${folder || '.'}/ failed (${error.code ?? error.message})`);
    });
    this.watchers.set(folder, watcher);
    return true;
  }

  private heard(folder: string, event: string, name: string | Buffer | null): void {
    if (this.closed) return;
    // No name (some systems, on an overflow): which file changed is unknown; VS Code's watcher tells.
    if (name === null) return;
    const relative = folder ? `${folder}/${name.toString()}` : name.toString();
    // Only a 'rename' (made, deleted, moved) can start or end a folder: a new folder is watched from
    // now on (its files arrive as their own events, or through VS Code's watcher for those written
    // before the watch began); a folder gone drops its watch. A 'change' costs no stat.
    if (event === 'rename') this.followFolder(relative);
    this.options.onChange(relative);
  }

  private followFolder(relative: string): void {
    const watchedBefore = this.watchers.has(relative);
    let isDir = false;
    try {
      isDir = statSync(path.join(this.options.root, ...relative.split('/')), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      // Unreadable right now (permissions, a dangling link): not a folder to watch; the file's own
      // refresh stats and reads it again and says why it fails.
      isDir = false;
    }
    if (isDir && !watchedBefore && !isExcluded(relative, true, this.options.exclude)) {
      if (this.watchers.size >= this.max) this.stop(`more than ${this.max} folders`);
      else this.add(relative);
    } else if (!isDir && watchedBefore) {
      this.watchers.get(relative)!.close();
      this.watchers.delete(relative);
    }
  }

  private stop(why: string): void {
    if (this.closed) return;
    this.close();
    this.options.onProblem(why);
  }
}
