// Keeps the corpus in step with the workspace: finds article files with findFiles, reads them with
// workspace.fs (so remote and web workspaces work), and follows changes with a debounced watcher.
// Every feature reads the corpus this owns; none of them reads article files itself.

import * as vscode from 'vscode';
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

  constructor(private readonly output: vscode.OutputChannel) {
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
    // The files of a "Save Page As… complete" folder beside their page are not articles.
    uris = withoutSavedPageAssets(uris, (uri) => uri.toString());

    // Drop what is no longer an article (a setting changed, a folder left the workspace).
    const wanted = new Set(uris.map((u) => u.toString()));
    this.corpus.batch(() => {
      for (const article of this.corpus.articles()) if (!wanted.has(article.location)) this.corpus.remove(article.location);
    });

    uris.sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
    for (let i = 0; i < uris.length && generation === this.generation; i += CHUNK) {
      const chunk = uris.slice(i, i + CHUNK);
      const contents = await mapLimit(chunk, READ_CONCURRENCY, (uri) => readBytes(uri));
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
    if (generation === this.generation) {
      const warnings = this.corpus.warnings();
      this.output.appendLine(`Indexed ${this.corpus.size} articles from ${uris.length} files in ${Date.now() - started} ms`
        + (warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:` : '.'));
      for (const w of warnings) this.output.appendLine(`  ${w.file}: ${w.message}`);
      this.setState('ready');
    }
    return this.corpus.size;
  }

  private apply(uri: vscode.Uri, content: Uint8Array | Error): void {
    const location = uri.toString();
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
    // A page saved "complete": what was indexed from its folder before the page arrived goes.
    if (articleFormat(uri.path) === 'html') this.corpus.removeUnder(`${location.replace(/\.[^./]+$/, '')}_files/`);
    this.apply(uri, await readBytes(uri));
  }

  private setState(state: IndexState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array | Error> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
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
