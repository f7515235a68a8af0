// Keeps the corpus in step with the workspace: finds article files with findFiles, reads them with
// workspace.fs (so remote and web workspaces work), and follows changes with a debounced watcher.
// Every feature reads the corpus this owns; none of them reads article files itself.

import { realpath, stat } from 'fs/promises';
import * as vscode from 'vscode';
import { tooLargeMessage } from '../core/articles/decode';
import { Corpus } from '../core/library/corpus';
import { matchesAny } from '../core/glob';
import { articleFormat, withoutSavedPageAssets } from '../core/articles';
import { SearchIndex } from '../core/search';
import { FolderEvents } from './folderEvents';
import { ReadWorker } from './readWorker';
import { formatLimits, readSettings } from './settings';

const WATCH_DEBOUNCE_MS = 100;
const READ_CONCURRENCY = 16;
/**
 * Files indexed between change events during the first scan, so views fill in as it goes. Reading,
 * entity extraction and the search index take about 0.9 ms an article on this project's machines,
 * so a chunk holds the extension host for about 100 ms before it yields.
 */
const CHUNK = 100;

export type IndexState = 'idle' | 'indexing' | 'ready';

export class WorkspaceIndex implements vscode.Disposable {
  /** Web pages and PDFs are read in a worker thread, started on the first one. */
  private readonly readWorker = new ReadWorker();
  readonly corpus = new Corpus({ offThreadReader: this.readWorker.read });
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly pendingByUri = new Map<string, ReturnType<typeof setTimeout>>();
  private deletedPaths = new Set<string>();
  private deletedTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private currentState: IndexState = 'idle';
  private scan: Promise<number> | null = null;
  /** The search engine over the corpus, shared by every feature; kept current with it. */
  readonly search: SearchIndex;
  /** Folders created and deleted in the workspace (the note index follows them too). */
  readonly folders = new FolderEvents();
  private generation = 0;
  /** The one location kept for each real path of a local article file (links give a file several). */
  private readonly locationByRealPath = new Map<string, string>();
  private readonly realPathByLocation = new Map<string, string>();
  /** Paths kept for their file whose read is under way: still the holder, though not yet in the corpus. */
  private readonly pendingPaths = new Set<string>();

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.stateEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dossier.articles') || e.affectsConfiguration('dossier.exclude')
          || e.affectsConfiguration('dossier.maxFileSizeMB') || e.affectsConfiguration('dossier.maxHtmlFileSizeMB')
          || e.affectsConfiguration('dossier.maxPdfFileSizeMB')) void this.reindex();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
    );
    // A folder moved, renamed or deleted is one event for the folder, none for its files.
    this.disposables.push(
      this.folders,
      this.folders.onDidDelete((uri) => this.folderDeleted(uri)),
      this.folders.onDidCreateFolder((files) => {
        for (const file of files) if (this.isArticle(file) && !this.corpus.byLocation(file.toString())) this.schedule(file);
      }),
    );
    // Built while the corpus is still empty, so it indexes each chunk of the first scan as the
    // chunk arrives (between the scan's pauses) instead of all at once on the first search.
    this.search = new SearchIndex(this.corpus);
    this.search.build();
    this.disposables.push(this.search);
  }

  get state(): IndexState {
    return this.currentState;
  }

  /** Resolves once the first (or the running) scan has finished. */
  async whenReady(): Promise<void> {
    if (this.scan) await this.scan;
  }

  /** Finds and reads every article from scratch; resolves to the number of articles indexed. */
  reindex(): Promise<number> {
    const generation = ++this.generation;
    const run = Promise.resolve(vscode.window.withProgress(
      { location: { viewId: 'dossier.countries' }, title: 'Indexing articles' },
      () => vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Dossier: indexing articles' },
        (progress) => this.scanWorkspace(generation, progress),
      ),
    ));
    this.scan = run;
    return run;
  }

  /** The path shown to users: relative to its workspace folder (prefixed by the folder's name in multi-root). */
  displayPath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** Whether a file is an article by the settings (used for files the watcher reports). */
  isArticle(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const settings = readSettings(folder);
    const relative = vscode.workspace.asRelativePath(uri, false);
    return matchesAny(relative, settings.articles) && !matchesAny(relative, settings.exclude);
  }

  /**
   * Whether a file is in the `page_files/` folder of a saved `page.html` ("Save Page As… complete").
   * Asked of the file system: the page and its folder arrive together, in any order.
   */
  private async isSavedPageAsset(uri: vscode.Uri): Promise<boolean> {
    const location = uri.toString();
    for (let end = location.indexOf('_files/'); end >= 0; end = location.indexOf('_files/', end + 1)) {
      for (const ext of ['.html', '.htm', '.xhtml']) {
        const page = vscode.Uri.parse(location.slice(0, end) + ext);
        if (this.corpus.byLocation(page.toString())) return true;
        try {
          await vscode.workspace.fs.stat(page);
          return true;
        } catch (error) {
          // No such page: this `_files` folder is an ordinary folder.
          if (!(error instanceof vscode.FileSystemError)) throw error;
        }
      }
    }
    return false;
  }

  dispose(): void {
    this.generation++;
    for (const timer of this.pendingByUri.values()) clearTimeout(timer);
    clearTimeout(this.deletedTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    this.readWorker.dispose();
  }

  // ---- scanning ----------------------------------------------------------------------------------

  private async scanWorkspace(generation: number, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<number> {
    this.setState('indexing');
    const started = Date.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.watch(folders);
    let uris: vscode.Uri[] = [];
    for (const folder of folders) {
      const settings = readSettings(folder);
      this.corpus.limits = formatLimits(settings);
      // One search per glob: VS Code's glob syntax has no nested braces, so globs are not merged.
      const seen = new Set<string>();
      for (const glob of settings.articles) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob))) {
          const relative = vscode.workspace.asRelativePath(uri, false);
          if (seen.has(uri.toString()) || matchesAny(relative, settings.exclude)) continue;
          seen.add(uri.toString());
          uris.push(uri);
        }
      }
    }
    if (generation !== this.generation) return this.corpus.size;
    const { kept, locationByRealPath } = await oncePerRealFile(uris);
    if (generation !== this.generation) return this.corpus.size;
    for (const [real, location] of locationByRealPath) this.keepPath(real, location);
    const pending = [...locationByRealPath.values()];
    for (const location of pending) this.pendingPaths.add(location);
    try {
      // The files of a "Save Page As… complete" folder beside their page are not articles.
      uris = withoutSavedPageAssets(kept, (uri) => uri.toString());

      // Drop what is no longer an article (a setting changed, a folder left the workspace).
      const wanted = new Set(uris.map((u) => u.toString()));
      this.corpus.batch(() => {
        for (const article of this.corpus.articles()) if (!wanted.has(article.location)) this.corpus.remove(article.location);
      });

      uris.sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
      for (let i = 0; i < uris.length && generation === this.generation; i += CHUNK) {
        const chunk = uris.slice(i, i + CHUNK);
        const contents = await mapLimit(chunk, READ_CONCURRENCY, (uri) => readBytes(uri, this.corpus.limits[articleFormat(uri.path)]));
        if (generation !== this.generation) break;
        this.corpus.batch(() => {
          chunk.forEach((uri, j) => this.apply(uri, contents[j]!));
        });
        progress.report({ message: `${Math.min(i + CHUNK, uris.length)} of ${uris.length}`, increment: (chunk.length / uris.length) * 100 });
        // Let the extension host breathe between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Web pages and PDFs are read in the worker after their bytes are handed over; each lands as it is read.
      const offThread = uris.filter((uri) => articleFormat(uri.path) !== 'text').length;
      if (offThread && generation === this.generation) {
        progress.report({ message: `reading ${offThread} web page${offThread === 1 ? '' : 's'} and PDF${offThread === 1 ? '' : 's'}` });
        await this.corpus.settled();
      }
    } finally {
      for (const location of pending) this.pendingPaths.delete(location);
    }
    if (generation === this.generation) {
      this.dropSecondPaths();
      const warnings = this.corpus.warnings();
      this.output.info(`Indexed ${this.corpus.size} articles from ${uris.length} files in ${Date.now() - started} ms`
        + (warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (Dossier: Show Warnings):` : '.'));
      // Skipped files are warnings; files read with a fallback encoding are information.
      for (const w of warnings) this.output[w.message.startsWith('skipped') ? 'warn' : 'info'](`${w.file}: ${w.message}`);
      this.setState('ready');
    }
    return this.corpus.size;
  }

  private apply(uri: vscode.Uri, content: Uint8Array | Error | Skipped): void {
    const location = uri.toString();
    if (content instanceof Skipped) {
      this.corpus.reportUnreadable(location, this.displayPath(uri), content.message);
      return;
    }
    if (content instanceof Error) {
      if (content instanceof vscode.FileSystemError && content.code === 'FileNotFound') {
        // Deleted between listing and reading: nothing to index, nothing to warn about.
        this.corpus.remove(location);
        this.corpus.forgetWarning(location);
      } else this.corpus.reportUnreadable(location, this.displayPath(uri), content.message);
      return;
    }
    this.corpus.upsert(location, this.displayPath(uri), content);
  }

  // ---- watching ----------------------------------------------------------------------------------

  private watch(folders: readonly vscode.WorkspaceFolder[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of folders) {
      for (const glob of readSettings(folder).articles) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        watcher.onDidCreate((uri) => this.schedule(uri), undefined, this.watchers);
        watcher.onDidChange((uri) => this.schedule(uri), undefined, this.watchers);
        watcher.onDidDelete((uri) => this.schedule(uri), undefined, this.watchers);
        this.watchers.push(watcher);
      }
    }
  }

  /**
   * Drops the articles that were under a deleted (or moved-away) folder. Every deleted path comes
   * here, and whether it was a folder cannot be asked any more: deletions are collected for a moment
   * and checked in one pass over the articles' parent folders, not one pass per deleted file.
   */
  private folderDeleted(uri: vscode.Uri): void {
    const location = uri.toString();
    if (this.corpus.byLocation(location)) return; // an article file: its own watcher handles it
    this.deletedPaths.add(location);
    this.deletedTimer ??= setTimeout(() => {
      this.deletedTimer = undefined;
      const gone = this.deletedPaths;
      this.deletedPaths = new Set();
      const folders = new Set<string>();
      for (const article of this.corpus.articles()) {
        const loc = article.location;
        for (let i = loc.lastIndexOf('/'); i > 0; i = loc.lastIndexOf('/', i - 1)) {
          if (gone.has(loc.slice(0, i))) {
            folders.add(loc.slice(0, i));
            break;
          }
        }
      }
      // (removeUnder also forgets the warnings of files skipped there.)
      if (folders.size) this.corpus.batch(() => folders.forEach((folder) => this.corpus.removeUnder(`${folder}/`)));
    }, WATCH_DEBOUNCE_MS);
  }

  /** Debounced per file: editors often write a file several times in a row. */
  private schedule(uri: vscode.Uri): void {
    const location = uri.toString();
    const existing = this.pendingByUri.get(location);
    if (existing) clearTimeout(existing);
    this.pendingByUri.set(location, setTimeout(() => {
      this.pendingByUri.delete(location);
      void this.refreshFile(uri);
    }, WATCH_DEBOUNCE_MS));
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const location = uri.toString();
    if (!this.isArticle(uri) || await this.isSavedPageAsset(uri)) {
      this.corpus.remove(location);
      this.corpus.forgetWarning(location);
      return;
    }
    const real = uri.scheme === 'file' ? await realpath(uri.fsPath).catch(() => null) : null;
    if (real && this.isSecondPath(real, location)) {
      this.corpus.remove(location);
      this.corpus.forgetWarning(location);
      return;
    }
    if (real) this.keepPath(real, location);
    // A page saved "complete": what was indexed from its folder before the page arrived goes.
    if (articleFormat(uri.path) === 'html') this.corpus.removeUnder(`${location.replace(/\.[^./]+$/, '')}_files/`);
    this.pendingPaths.add(location);
    try {
      const content = await readBytes(uri, this.corpus.limits[articleFormat(uri.path)]);
      this.apply(uri, content);
    } finally {
      this.pendingPaths.delete(location);
    }
    // A scan may have kept another path to the file meanwhile.
    this.dropSecondPaths();
    const warning = this.corpus.warnings().find((w) => w.file === this.displayPath(uri));
    if (warning) this.output[warning.message.startsWith('skipped') ? 'warn' : 'info'](`${warning.file}: ${warning.message}`);
  }

  /**
   * Whether `location` is another path to a file already indexed under a path first in name order (a
   * link to it, a linked folder): it is one article, as in the CLI.
   */
  private isSecondPath(real: string, location: string): boolean {
    const holder = this.locationByRealPath.get(real);
    if (!holder || holder === location || !this.isLivePath(holder)) return false;
    return this.relative(holder) < this.relative(location);
  }

  private keepPath(real: string, location: string): void {
    const holder = this.locationByRealPath.get(real);
    if (holder && holder !== location && this.isLivePath(holder) && this.relative(holder) < this.relative(location)) return;
    this.locationByRealPath.set(real, location);
    this.realPathByLocation.set(location, real);
  }

  /** A holder still stands for its file: indexed, or its read under way (a scan's, a watcher event's). */
  private isLivePath(location: string): boolean {
    return !!this.corpus.byLocation(location) || this.pendingPaths.has(location);
  }

  /** Removes the articles indexed under a path that is not the one kept for their file. */
  private dropSecondPaths(): void {
    const second = this.corpus.articles().filter((a) => {
      const real = this.realPathByLocation.get(a.location);
      const holder = real === undefined ? undefined : this.locationByRealPath.get(real);
      return holder !== undefined && holder !== a.location && !!this.corpus.byLocation(holder);
    });
    if (second.length) this.corpus.batch(() => second.forEach((a) => this.corpus.remove(a.location)));
  }

  private relative(location: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(location), true);
  }

  private setState(state: IndexState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** A file not read, with the reason (not an error: nothing failed, the file is not an article). */
class Skipped {
  constructor(readonly message: string) {}
}

/**
 * The file's bytes, read only after `stat` says it is a regular file within the size limit: a FIFO
 * or a device is never opened and a 3 GB file never loaded to be refused afterwards.
 */
async function readBytes(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array | Error | Skipped> {
  try {
    const info = await vscode.workspace.fs.stat(uri);
    if (!(info.type & vscode.FileType.File)) {
      if (info.type & vscode.FileType.Directory) return new Skipped('skipped: it is a folder');
      return new Skipped(`skipped: ${await notAFile(uri, info.type)}`);
    }
    if (info.size > maxBytes) return new Skipped(tooLargeMessage(info.size, maxBytes));
    const bytes = await vscode.workspace.fs.readFile(uri);
    // It may have grown between the stat and the read.
    return bytes.byteLength > maxBytes ? new Skipped(tooLargeMessage(bytes.byteLength, maxBytes)) : bytes;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * What a path that is neither file nor folder is. VS Code reports a broken link and a link to a
 * device alike (SymbolicLink, Unknown); on a local disk, Node tells them apart.
 */
async function notAFile(uri: vscode.Uri, type: vscode.FileType): Promise<string> {
  if (uri.scheme === 'file') {
    try {
      const target = await stat(uri.fsPath);
      if (target.isFIFO()) return 'a named pipe (FIFO)';
      if (target.isSocket()) return 'a socket';
      if (target.isCharacterDevice() || target.isBlockDevice()) return 'a device';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && type & vscode.FileType.SymbolicLink) return 'a broken symbolic link (its target does not exist)';
    }
  }
  return 'not a regular file (a broken link, a named pipe, a socket or a device)';
}

/**
 * VS Code's search follows symbolic links, so a file reached by two paths (a link to it, a linked
 * folder) is listed twice: it is one article, kept under the first of its paths in name order (as
 * the CLI keeps it). Only local files have a real path to ask for; others are kept as listed.
 */
async function oncePerRealFile(uris: vscode.Uri[]): Promise<{ kept: vscode.Uri[]; locationByRealPath: Map<string, string> }> {
  const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, true);
  const reals = await mapLimit(uris, READ_CONCURRENCY, async (uri) => {
    if (uri.scheme !== 'file') return uri.toString();
    try {
      return await realpath(uri.fsPath);
    } catch {
      return uri.toString(); // gone or unreadable: the read that follows says why
    }
  });
  const firstByReal = new Map<string, vscode.Uri>();
  uris.forEach((uri, i) => {
    const earlier = firstByReal.get(reals[i]!);
    if (!earlier || relative(uri) < relative(earlier)) firstByReal.set(reals[i]!, uri);
  });
  const kept = new Set(firstByReal.values());
  const locationByRealPath = new Map([...firstByReal].map(([real, uri]) => [real, uri.toString()]));
  return { kept: uris.filter((uri) => kept.has(uri)), locationByRealPath };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
