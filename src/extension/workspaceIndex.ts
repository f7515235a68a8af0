// Keeps the corpus in step with the workspace: finds article files with findFiles, reads them with
// workspace.fs (so remote and web workspaces work), and follows changes with a debounced watcher.
// Every feature reads the corpus this owns; none of them reads article files itself.
//
// Reopening is cheap: the corpus and search index are kept in a persistent cache in the
// workspace's storage (core/library/cache.ts). `open()` restores it before any article is read,
// so every feature answers at once, then lists the files, compares modification time and size,
// and reads only what changed. Large cold scans extract in worker threads (node/workerPool.ts).

import { realpathSync, statSync } from 'fs';
import { realpath, stat } from 'fs/promises';
import * as vscode from 'vscode';
import { tooLargeMessage } from '../core/articles/decode';
import { articleFormat, withoutSavedPageAssets } from '../core/articles';
import { Corpus } from '../core/library/corpus';
import { stampOfStats } from '../node/fileStamp';
import { diffStamps, encodeCacheInSteps, readCache, restoreSnapshotInSlices, sameLimits, takeSnapshot, writeCache, type CacheStorage, type FileStamp } from '../core/library/cache';
import type { Extracted, ReadProblem } from '../core/library/extract';
import { ExtractPool, extensionPoolSize } from '../node/workerPool';
import { matchesAny } from '../core/glob';
import { SearchIndex } from '../core/search';
import { FolderEvents } from './folderEvents';
import { filesExclude, listLocalFolder, mapLimit, type ListedFile } from './localFiles';
import { readLocalFile } from '../node/readLocal';
import { LocalWatch } from '../node/localWatch';
import { warmUp } from '../core/library/warmUp';
import { workspaceCacheStorage } from './indexCache';
import { ReadWorker } from './readWorker';
import { formatLimits, readSettings, type DossierSettings } from './settings';

const WATCH_DEBOUNCE_MS = 40;
/**
 * The same for the folder watches of local folders (node/localWatch.ts): they hear of a write at
 * once, so a short quiet time is enough to let an editor's truncate-and-write or a tool's burst of
 * writes settle (a later event reads the file again in any case).
 */
const LOCAL_WATCH_DEBOUNCE_MS = 5;
const READ_CONCURRENCY = 16;
/**
 * Files indexed between change events during the first scan, so views fill in as it goes. Reading,
 * entity extraction and the search index take about 0.9 ms an article on this project's machines,
 * so a chunk holds the extension host for about 100 ms before it yields.
 */
const CHUNK = 100;
/** Longest stretch of indexing work on the host's main thread before it yields (the search index's share comes on top). */
const SLICE_MS = 15;
/** Restoring from the cache: longer slices (each is one change event the views follow). */
const RESTORE_SLICE_MS = 50;
/** Files the watch has read again at once (each a stat, and a read and extraction when it changed). */
const REFRESH_CONCURRENCY = 4;
/** Files waiting in the refresh queue beyond which they are one incremental scan instead (a flood). */
const REFRESH_FLOOD = 100;
/** Files heard during a scan beyond which the scan's end lists everything again instead of a stat each. */
const HEARD_RESCAN = 20_000;
/** Files a pass over the listing handles between two turns of the event loop. */
const PASS_STEP = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Stats in flight while listing (cheap calls: many at once). */
const STAT_CONCURRENCY = 64;
/** Chunks read and extracted ahead of the one being indexed, when workers extract. */
const PIPELINE_DEPTH = 3;
/** Scans with at least this many files to read extract in worker threads. */
const WORKER_THRESHOLD = 1000;
/** The cache is written this long after the last change (a burst of edits is one write). */
const CACHE_WRITE_DELAY_MS = 2000;

export interface WorkspaceIndexOptions {
  /** Where the persistent index lives (`context.storageUri`); no cache without it. */
  storageUri?: vscode.Uri;
  /** The bundled extraction worker (dist/extractWorker.js); no workers without it. */
  workerScript?: string;
  /** The bundled listing worker (dist/walkWorker.js); without it, local folders are walked on the host's thread. */
  walkWorkerScript?: string;
  /** Globs used instead of the `dossier.articles` setting (a second index over other files: tests, benches). */
  articleGlobs?: string[];
}

export type IndexState = 'idle' | 'indexing' | 'ready';

export class WorkspaceIndex implements vscode.Disposable {
  /** Web pages and PDFs are read in a worker thread, started on the first one. */
  private readonly readWorker = new ReadWorker();
  readonly corpus = new Corpus({ offThreadReader: this.readWorker.read });
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** Folder watches of local workspace folders, by folder URI: they hear of a change before VS Code's watcher does. */
  private readonly localWatches = new Map<string, LocalWatch>();
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
  /** Modification time and size of every file as it was read (or restored): what reopening compares. */
  private readonly stamps = new Map<string, FileStamp>();
  private readonly cacheStorage: CacheStorage | null;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheWriting: Promise<void> = Promise.resolve();
  private scanning = false;
  private readonly settingsByFolder = new Map<string, DossierSettings>();
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Whether the corpus or the stamps changed since the cache was last written or restored. */
  private cacheDirty = false;
  /** Set while the cache is being restored (its change event is no change to write). */
  private restoring = false;
  /**
   * Resolves when no restore from the cache is under way: the restore goes in slices, and nothing
   * else changes the corpus meanwhile (file events, scans and folder deletions wait for it).
   */
  private restoreGate: Promise<void> = Promise.resolve();
  private pool: ExtractPool | null = null;
  /** The listing `open()` starts before restoring the cache, for its first scan. */
  private listingAhead: { generation: number; folders: vscode.WorkspaceFolder[]; listing: ReturnType<WorkspaceIndex['listFolders']> } | null = null;
  /** Article files read since this index was made (integration tests count them). */
  articleReads = 0;
  /** Articles restored from the persistent cache by `open()`. */
  restoredFromCache = 0;
  /** When that restore ended (`performance.now()`), for the host bench. */
  restoredAt: number | null = null;
  /** How long the last single-file refresh took, from stat to the corpus updated (the host bench reads it). */
  lastFileRefreshMs = 0;
  /** Events the local folder watches heard (integration tests read it). */
  localWatchEvents = 0;
  /** Folders watched by the local folder watches now. */
  get localWatchedFolders(): number {
    let n = 0;
    for (const w of this.localWatches.values()) n += w.size;
    return n;
  }
  /** Where the persistent index is kept (a URI), if anywhere. */
  get cacheLocation(): string | undefined {
    return this.options.storageUri?.toString();
  }
  /** Where the last open's time went, in ms (the host bench prints it). */
  readonly timings: Record<string, number> = {};
  private mark(name: string, since: number): number {
    const now = performance.now();
    this.timings[name] = Math.round((this.timings[name] ?? 0) + now - since);
    return now;
  }
  /** The one location kept for each real path of a local article file (links give a file several). */
  private readonly locationByRealPath = new Map<string, string>();
  private readonly realPathByLocation = new Map<string, string>();
  /** Paths that held a file before another of its paths was kept, by the file's real path. */
  private readonly formerHolders = new Map<string, Set<string>>();
  /** Paths kept for their file whose read is under way: still the holder, though not yet in the corpus. */
  private readonly pendingPaths = new Set<string>();
  /** Files heard about, waiting to be read again (`enqueueRefresh`), and whether they are being read. */
  private readonly refreshQueue = new Map<string, vscode.Uri>();
  private draining = false;
  /** Heard during a scan, before it had stamped them (`enqueueRefresh`). */
  private readonly heardDuringScan = new Map<string, vscode.Uri>();
  /** When the watch last had a file read (`refreshFile`), for the scan that listed before it. */
  private readonly refreshedAt = new Map<string, number>();

  constructor(private readonly output: vscode.LogOutputChannel, private readonly options: WorkspaceIndexOptions = {}) {
    this.cacheStorage = options.storageUri ? workspaceCacheStorage(options.storageUri) : null;
    if (options.storageUri) output.debug(`Cache folder: ${options.storageUri.toString()}`);
    this.disposables.push(
      this.stateEmitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dossier')) this.settingsByFolder.clear();
        if (e.affectsConfiguration('dossier.articles') || e.affectsConfiguration('dossier.exclude')
          || e.affectsConfiguration('dossier.maxFileSizeMB') || e.affectsConfiguration('dossier.maxHtmlFileSizeMB')
          || e.affectsConfiguration('dossier.maxPdfFileSizeMB')) void this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.settingsByFolder.clear();
        void this.rescan();
      }),
      { dispose: () => this.pool?.dispose() },
    );
    // A folder moved, renamed or deleted is one event for the folder, none for its files.
    this.disposables.push(
      this.folders,
      this.folders.onDidDelete((uri) => this.folderDeleted(uri)),
      this.folders.onDidCreateFolder((files) => {
        const fresh = files.filter((file) => this.isArticle(file) && !this.corpus.byLocation(file.toString()));
        // Many files at once (a folder of thousands copied in), or a scan running: one incremental
        // scan reads them in time slices (unchanged files are only stat-ed), not one task per file.
        if (fresh.length > CHUNK || (fresh.length && this.scanning)) this.rescanSoon();
        else for (const file of fresh) this.schedule(file);
      }),
    );
    // Built while the corpus is still empty, so it indexes each chunk of the first scan as the
    // chunk arrives (between the scan's pauses) instead of all at once on the first search.
    this.search = new SearchIndex(this.corpus);
    this.search.build();
    this.disposables.push(this.search, this.corpus.onDidChange(() => {
      // The restore's own change event is what the cache holds already.
      if (this.restoring) return;
      this.cacheDirty = true;
      if (!this.scanning) this.scheduleCacheWrite();
    }));
  }

  /** Whether the cache is being restored (in slices: views may refresh less often meanwhile). */
  get restoringFromCache(): boolean {
    return this.restoring;
  }

  get state(): IndexState {
    return this.currentState;
  }

  /** A feature's problem, said in the Dossier output (where the index says its own). */
  warn(message: string): void {
    this.output.warn(message);
  }

  /** Resolves once the first (or the running) scan has finished. */
  async whenReady(): Promise<void> {
    if (this.scan) await this.scan;
  }

  /**
   * The first scan of a window: restores the persistent cache (every feature answers from it at
   * once), then reads only the files that are new or changed since. Resolves to the article count.
   */
  open(): Promise<number> {
    const generation = ++this.generation;
    const run = (async () => {
      // After activation has returned (starting a worker thread and the watchers took 40-60 ms of it).
      await nextTurn();
      if (generation !== this.generation) return this.corpus.size;
      // The files are listed (in a worker thread) while the cache is read and restored; the
      // watcher first, so no change made after the listing is missed.
      const folders = vscode.workspace.workspaceFolders ?? [];
      this.watch(folders);
      const listing = this.listFolders(folders);
      // (Awaited by the scan, which reports a failure; not left as an unhandled rejection meanwhile.)
      listing.catch(() => undefined);
      this.listingAhead = { generation, folders: [...folders], listing };
      await this.restoreCache();
      if (generation !== this.generation) return this.corpus.size;
      const count = await this.withProgress(generation, this.restoredFromCache > 0);
      // The search index restored from the cache is brought in after the views and the check of
      // the files (a search before that brings it in at once).
      if (this.search.restorePending && !this.disposed) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const t = performance.now();
        // In slices too (445 ms in one piece at 10k articles); a search meanwhile finishes it at once.
        await this.search.buildInSlices(nextTurn, RESTORE_SLICE_MS);
        this.mark('searchRestore', t);
      }
      if (this.restoredFromCache > 0 && generation === this.generation) this.warmUpLater();
      return count;
    })();
    this.scan = run;
    return run;
  }

  /**
   * After a reopen from the cache, which reads no article: the reader and the entity rules run once
   * on a built-in sample, a step per idle tick, so that the first file the user saves does not pay
   * for compiling them (core/library/warmUp.ts).
   */
  private warmUpLater(): void {
    const { steps } = warmUp(this.corpus.limits);
    let i = 0;
    const next = () => {
      if (this.disposed || i >= steps.length) return;
      try {
        steps[i++]!();
      } catch (error) {
        this.output.warn(`The reader's warm-up failed (the next changed file is read as usual): ${(error as Error).message}`);
        return;
      }
      setTimeout(next, 0);
    };
    setTimeout(next, 200);
  }

  /** Finds and reads every article from scratch (Dossier: Reindex Articles); resolves to the count. */
  reindex(): Promise<number> {
    this.stamps.clear();
    return this.rescan();
  }

  /** Follows a change of settings or folders: reads what is new or changed, drops what left. */
  private rescan(): Promise<number> {
    const run = this.withProgress(++this.generation, false);
    this.scan = run;
    return run;
  }

  /** An incremental scan after the running one (if any) and a short pause that gathers more events. */
  private rescanSoon(): void {
    if (this.rescanTimer) return;
    this.rescanTimer = setTimeout(() => {
      void this.whenReady().then(() => {
        this.rescanTimer = undefined;
        if (this.disposed) return;
        // The library stays 'ready' meanwhile: what is indexed keeps answering.
        const run = this.withProgress(++this.generation, this.state === 'ready');
        this.scan = run;
      });
    }, WATCH_DEBOUNCE_MS * 3);
  }

  /**
   * Runs a scan with progress in the status bar and, unless `verifying` a restored cache (the
   * views are full already), in the Countries view.
   */
  private withProgress(generation: number, verifying: boolean): Promise<number> {
    const inWindow = () => vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: verifying ? 'Dossier: checking articles for changes' : 'Dossier: indexing articles' },
      (progress) => this.scanWorkspace(generation, progress, verifying),
    );
    return Promise.resolve(verifying ? inWindow() : vscode.window.withProgress({ location: { viewId: 'dossier.countries' }, title: 'Indexing articles' }, inWindow));
  }

  /** Writes the persistent cache now (rather than after the debounce); resolves when written. */
  flushCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    this.cacheWriting = this.cacheWriting.then(() => this.writeCacheNow());
    return this.cacheWriting;
  }

  /** The path shown to users: relative to its workspace folder (prefixed by the folder's name in multi-root). */
  displayPath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** Whether a file is an article by the settings (used for files the watcher reports). */
  isArticle(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const settings = this.settingsOf(folder);
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
    this.disposed = true;
    this.generation++;
    for (const timer of this.pendingByUri.values()) clearTimeout(timer);
    clearTimeout(this.deletedTimer);
    clearTimeout(this.rescanTimer);
    // A change not yet in the cache is written now; if the host goes first, the stamps make the
    // next window read the changed files again.
    if (this.cacheTimer) void this.flushCache();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    for (const w of this.localWatches.values()) w.close();
    this.localWatches.clear();
    this.readWorker.dispose();
  }

  /**
   * Settings per workspace folder, read once until the configuration changes: `isArticle` runs for
   * every file of a folder copied into the workspace (10,000 at once), and reading the
   * configuration each time held the host for seconds.
   */
  private settingsOf(folder?: vscode.WorkspaceFolder): DossierSettings {
    const id = folder?.uri.toString() ?? '';
    let settings = this.settingsByFolder.get(id);
    if (!settings) {
      settings = readSettings(folder);
      if (this.options.articleGlobs) settings = { ...settings, articles: this.options.articleGlobs };
      this.settingsByFolder.set(id, settings);
    }
    return settings;
  }

  // ---- scanning ----------------------------------------------------------------------------------

  private async scanWorkspace(generation: number, progress: vscode.Progress<{ message?: string; increment?: number }>, verifying: boolean): Promise<number> {
    // Checking a restored cache keeps the state 'ready': every feature answers from the cache meanwhile.
    if (!verifying) this.setState('indexing');
    this.scanning = true;
    await this.restoreGate;
    try {
      return await this.scanFiles(generation, progress);
    } finally {
      if (generation === this.generation) {
        this.scanning = false;
        this.takeHeardDuringScan();
        this.scheduleCacheWrite();
      }
    }
  }

  private async scanFiles(generation: number, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<number> {
    const started = Date.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    let t = performance.now();
    for (const folder of folders) {
      const limits = formatLimits(this.settingsOf(folder));
      // Other size limits may skip other files: everything is read again.
      if (!sameLimits(limits, this.corpus.limits)) this.stamps.clear();
      this.corpus.limits = limits;
    }
    // The first scan of a window uses the listing started before the cache was restored.
    const ahead = this.listingAhead;
    this.listingAhead = null;
    const sameFolders = ahead && ahead.generation === generation && ahead.folders.length === folders.length
      && ahead.folders.every((f, i) => f.uri.toString() === folders[i]!.uri.toString());
    if (!sameFolders) this.watch(folders);
    const found = await (sameFolders ? ahead.listing : this.listFolders(folders));
    let uris = found.uris;
    const walked = found.walked;
    if (generation !== this.generation) return this.corpus.size;
    t = this.mark('list', t);
    this.timings.listWalk = Math.round(found.walkMs);
    const { kept, locationByRealPath } = await oncePerRealFile(uris, walked);
    if (generation !== this.generation) return this.corpus.size;
    t = this.mark('realPaths', t);
    for (const [real, location] of locationByRealPath) this.keepPath(real, location);
    const pending = [...locationByRealPath.values()];
    for (const location of pending) this.pendingPaths.add(location);
    let how: string[] = [];
    try {
      // (Each pass over the listing is followed by a turn of the event loop: at 100k files a pass
      // takes 50-150 ms, and together they held the host's thread for ~1 s.)
      await nextTurn();
      // The files of a "Save Page As… complete" folder beside their page are not articles.
      uris = withoutSavedPageAssets(kept, (uri) => uri.toString());
      await nextTurn();

      // Drop what is no longer an article (a setting changed, a folder left the workspace, a file
      // deleted while the window was closed).
      const listedNow = new Set(uris.map((u) => u.toString()));
      // A file the watch heard about and read after the listing began (made meanwhile) stays.
      const wanted = (location: string) => listedNow.has(location) || (this.refreshedAt.get(location) ?? -1) >= found.startedAt;
      this.corpus.batch(() => {
        // (Unsorted: sorting 100,000 articles to find the few that left took 1.4 s.)
        const gone = [...this.corpus.locations()].filter((location) => !wanted(location));
        for (const location of gone) this.corpus.remove(location);
        for (const [location] of [...this.corpus.warningEntries()]) if (!wanted(location)) this.corpus.forgetWarning(location);
      });
      for (const location of [...this.stamps.keys()]) {
        if (!wanted(location)) {
          this.stamps.delete(location);
          this.cacheDirty = true; // (a file skipped with a warning leaves no corpus change)
        }
      }
      t = this.mark('dropGone', t);
      await nextTurn();

      // Only files whose modification time or size changed are read again.
      const listed = new Map<string, FileStamp | null>();
      const unstamped = uris.filter((uri) => !walked.has(uri.toString()));
      const stats = await mapLimit(unstamped, STAT_CONCURRENCY, (uri) => statOf(uri));
      unstamped.forEach((uri, i) => listed.set(uri.toString(), stats[i]!));
      for (const uri of uris) {
        const f = walked.get(uri.toString());
        if (f) listed.set(uri.toString(), f.stamp);
      }
      if (generation !== this.generation) return this.corpus.size;
      t = this.mark('stat', t);
      await nextTurn();
      const diff = diffStamps(this.stamps, listed);
      const toRead = new Set(diff.toRead);
      const reading = uris.filter((uri) => toRead.has(uri.toString())).sort((a, b) => (a.toString() < b.toString() ? -1 : 1));

      const pool = reading.length >= WORKER_THRESHOLD ? this.workers() : null;
      const load = (chunk: vscode.Uri[]) => this.loadChunk(chunk, listed, pool);
      const ahead: Promise<Loaded[]>[] = [];
      // What a slice costs an article, learned as slices go: the batch's change event (the search
      // index adding the slice's articles, the views) runs after the slice's own clock has stopped,
      // and took 3-10 times the slice's time at 10k, so the number of articles is bounded too.
      let msPerArticle = 0.5;
      for (let i = 0, next = 0; i < reading.length && generation === this.generation; i += CHUNK) {
        // Workers extract the next chunks while this one is indexed.
        while (next < reading.length && ahead.length < (pool ? PIPELINE_DEPTH : 1)) {
          ahead.push(load(reading.slice(next, next + CHUNK)));
          next += CHUNK;
        }
        const loaded = await ahead.shift()!;
        // Indexed in time slices, yielding between them, so commands and views answer meanwhile
        // (the search index adds each slice's articles when the batch's change event goes out).
        for (let j = 0; j < loaded.length && generation === this.generation;) {
          const sliceStart = performance.now();
          const first = j;
          const most = j + Math.max(1, Math.floor(SLICE_MS / msPerArticle));
          this.corpus.batch(() => {
            do {
              const file = loaded[j++]!;
              this.apply(file.uri, file.content, file.stamp, file.extracted);
            } while (j < loaded.length && j < most && performance.now() - sliceStart < SLICE_MS);
          });
          // (Bounded: a first-use cost such as loading a locale's data does not stall the rest.)
          msPerArticle = Math.min(SLICE_MS, 0.7 * msPerArticle + 0.3 * ((performance.now() - sliceStart) / (j - first)));
          await nextTurn();
        }
        if (generation !== this.generation) break;
        progress.report({ message: `${Math.min(i + CHUNK, reading.length)} of ${reading.length}`, increment: (loaded.length / reading.length) * 100 });
      }
      // PDFs (and, without workers, web pages) are read in the read worker after their bytes are
      // handed over; each lands as it is read.
      if (this.corpus.reading && generation === this.generation) {
        progress.report({ message: 'reading web pages and PDFs' });
        await this.corpus.settled();
      }
      t = this.mark('readIndex', t);
      how = [diff.unchanged ? `${diff.unchanged} unchanged since the cache, ${reading.length} read` : '', pool ? `extracted by ${pool.size} workers` : ''].filter(Boolean);
    } finally {
      for (const location of pending) this.pendingPaths.delete(location);
    }
    if (generation === this.generation) {
      // (The next scan lists after every read heard so far.)
      this.refreshedAt.clear();
      this.dropSecondPaths();
      const warnings = this.corpus.warnings();
      const cached = how.length ? ` (${how.join('; ')})` : '';
      this.output.info(`Indexed ${this.corpus.size} articles from ${uris.length} files in ${Date.now() - started} ms${cached}`
        + (warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (Dossier: Show Warnings):` : '.'));
      // Skipped files are warnings; files read with a fallback encoding are information.
      for (const w of warnings) this.output[w.message.startsWith('skipped') ? 'warn' : 'info'](`${w.file}: ${w.message}`);
      this.setState('ready');
    }
    return this.corpus.size;
  }

  /**
   * Every article file of the folders, by the settings: a local folder in one walk (in a worker
   * thread, with stamps and real paths), other schemes through VS Code's file search. Never rejects
   * for a folder that cannot be read (that is warned about); it may for a failing file search.
   */
  private async listFolders(folders: readonly vscode.WorkspaceFolder[]): Promise<{ uris: vscode.Uri[]; walked: Map<string, ListedFile>; walkMs: number; startedAt: number }> {
    const startedAt = performance.now();
    const uris: vscode.Uri[] = [];
    // Stamps and real paths the local walk found on the way (other schemes: asked for later).
    const walked = new Map<string, ListedFile>();
    let walkMs = 0;
    // Watches of folders no longer in the workspace go.
    for (const [id, w] of this.localWatches) {
      if (!folders.some((f) => f.uri.toString() === id)) {
        w.close();
        this.localWatches.delete(id);
      }
    }
    for (const folder of folders) {
      const settings = this.settingsOf(folder);
      if (folder.uri.scheme === 'file') {
        const exclude = [...settings.exclude, ...filesExclude(folder)];
        const listing = await listLocalFolder(folder, settings.articles, exclude, this.options.walkWorkerScript, (message) => this.output.warn(message));
        walkMs += listing.walkMs;
        if (!this.disposed) this.watchLocal(folder, listing.folders, exclude);
        for (const p of listing.problems) this.output.warn(`${p.relative}/: ${p.message}`);
        for (const f of listing.files) {
          walked.set(f.uri.toString(), f);
          uris.push(f.uri);
        }
        continue;
      }
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
    return { uris, walked, walkMs, startedAt };
  }

  /**
   * Reads a chunk of files (bounded concurrency) and, with a pool, extracts them in the workers. With
   * a pool, local files (not PDFs) are read by the workers themselves: at 100k, reading them on the
   * host's thread took 11–23 s of a first open, and handing their bytes over another 1.2 s.
   */
  private async loadChunk(chunk: vscode.Uri[], listed: ReadonlyMap<string, FileStamp | null>, pool: ExtractPool | null): Promise<Loaded[]> {
    // PDFs stay with the corpus's own asynchronous reads (the read worker): pdf.js holds a
    // document's pages in memory, and the corpus reads at most a few at once.
    const inWorker = (uri: vscode.Uri) => pool !== null && uri.scheme === 'file' && articleFormat(uri.path) !== 'pdf';
    const here = chunk.filter((uri) => !inWorker(uri));
    const contents = await mapLimit(here, READ_CONCURRENCY, (uri) => this.read(uri));
    const readHere = new Map(here.map((uri, i) => [uri, contents[i]!]));
    const loaded: Loaded[] = chunk.map((uri) => ({ uri, content: readHere.get(uri) ?? READ_BY_WORKER, stamp: listed.get(uri.toString()) ?? null }));
    if (pool) {
      const jobs = loaded.filter((f) => f.content === READ_BY_WORKER || (f.content instanceof Uint8Array && articleFormat(f.uri.path) !== 'pdf'));
      // The bodies' search terms come from the workers too: tokenising them was the largest part of
      // the host thread's share of a first open.
      const extracted = await pool.extract(jobs.map((f) => (f.content === READ_BY_WORKER ? { path: f.uri.toString(), fsPath: f.uri.fsPath }
        : { path: f.uri.toString(), bytes: f.content as Uint8Array })), this.corpus.limits, { bodyTerms: true });
      jobs.forEach((f, i) => {
        const result = extracted[i]!;
        if (f.content === READ_BY_WORKER) this.articleReads++;
        if (result.readProblem) f.content = readProblemContent(f.uri, result.readProblem);
        else f.extracted = result;
      });
    }
    return loaded;
  }

  private workers(): ExtractPool | null {
    if (!this.options.workerScript) return null;
    this.pool ??= new ExtractPool(this.options.workerScript, extensionPoolSize(), (message) => this.output.warn(message));
    return this.pool.size ? this.pool : null;
  }

  private async read(uri: vscode.Uri): Promise<Uint8Array | Error | Skipped> {
    this.articleReads++;
    return readBytes(uri, this.corpus.limits[articleFormat(uri.path)]);
  }

  // ---- the persistent cache ----------------------------------------------------------------------

  /** Fills the corpus from the cache, if there is a usable one; never throws. */
  private async restoreCache(): Promise<void> {
    if (!this.cacheStorage) return;
    let done!: () => void;
    this.restoreGate = new Promise<void>((resolve) => { done = resolve; });
    try {
      await this.restoreCacheNow();
    } finally {
      done();
    }
  }

  private async restoreCacheNow(): Promise<void> {
    if (!this.cacheStorage) return;
    const started = Date.now();
    let t = performance.now();
    const log = (message: string) => this.output.info(message);
    // Decoded in slices too (one piece took 1.1-2.3 s of the host's thread at 10k articles).
    const snapshot = await readCache(this.cacheStorage, log, this.timings, { pause: nextTurn, sliceMs: RESTORE_SLICE_MS });
    t = this.mark('cacheReadDecode', t);
    if (!snapshot) return;
    const settings = this.settingsOf(vscode.workspace.workspaceFolders?.[0]);
    if (!sameLimits(snapshot.limits, formatLimits(settings))) {
      log('Cache discarded: it was made with other size limits (dossier.maxFileSizeMB, …Html…, …Pdf…).');
      return;
    }
    try {
      this.corpus.limits = { ...snapshot.limits };
      this.restoring = true;
      let stamps: Map<string, FileStamp>;
      try {
        // In slices (a 100k library took 5 s in one piece): commands and other extensions answer
        // meanwhile; the views fill slice by slice.
        stamps = await restoreSnapshotInSlices(snapshot, this.corpus, this.search, nextTurn,
          RESTORE_SLICE_MS, (message) => this.output.warn(message));
      } finally {
        this.restoring = false;
      }
      for (const [location, stamp] of stamps) this.stamps.set(location, stamp);
      t = this.mark('cacheRestore', t);
      this.restoredFromCache = this.corpus.size;
      this.restoredAt = performance.now();
      this.cacheDirty = false;
      log(`Restored ${this.corpus.size} articles from the cache in ${Date.now() - started} ms; checking the files for changes.`);
      this.setState('ready');
    } catch (error) {
      log(`Cache discarded, indexing from the files: ${(error as Error).message}`);
    }
  }

  private scheduleCacheWrite(): void {
    if (!this.cacheStorage || this.scanning || !this.cacheDirty) return;
    clearTimeout(this.cacheTimer);
    // Still dirty when due: a write of what the cache holds already would rewrite every text (at
    // 100k articles, ~20 s of the host's time on a reopen where nothing changed).
    this.cacheTimer = setTimeout(() => void (this.cacheDirty ? this.flushCache() : undefined), CACHE_WRITE_DELAY_MS);
  }

  private async writeCacheNow(): Promise<void> {
    if (!this.cacheStorage) return;
    try {
      // Reads still under way (PDFs) first: a stamp must not be cached with the article it replaces.
      await this.corpus.settled();
      // A search state from the cache still coming in is brought in in slices first: the snapshot
      // would finish it in one piece (1.3 s of the host's thread in a 100k reopen's profile).
      if (this.search.restorePending) await this.search.buildInSlices(nextTurn, RESTORE_SLICE_MS);
      // Taken in one synchronous step, so the corpus and the search index agree with the stamps;
      // encoded in steps, so the host keeps answering meanwhile.
      const snapshot = takeSnapshot(this.corpus, this.search, this.stamps);
      this.cacheDirty = false;
      const bytes = await encodeCacheInSteps(snapshot, nextTurn);
      await writeCache(this.cacheStorage, bytes);
    } catch (error) {
      this.cacheDirty = true;
      this.output.warn(`Could not write the cache (the next window indexes from the files): ${(error as Error).message}`);
    }
  }

  private apply(uri: vscode.Uri, content: Uint8Array | Error | Skipped, stamp: FileStamp | null, extracted?: Extracted): void {
    const location = uri.toString();
    if (stamp && !(content instanceof Error)) this.stamps.set(location, stamp);
    else this.stamps.delete(location);
    this.cacheDirty = true;
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
    if (extracted) this.corpus.upsertExtracted(location, this.displayPath(uri), extracted);
    else this.corpus.upsert(location, this.displayPath(uri), content);
  }

  // ---- watching ----------------------------------------------------------------------------------

  private watch(folders: readonly vscode.WorkspaceFolder[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of folders) {
      for (const glob of this.settingsOf(folder).articles) {
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
    this.deletedTimer ??= setTimeout(() => void this.restoreGate.then(() => {
      this.deletedTimer = undefined;
      const gone = this.deletedPaths;
      this.deletedPaths = new Set();
      const folders = new Set<string>();
      for (const loc of this.corpus.locations()) {
        for (let i = loc.lastIndexOf('/'); i > 0; i = loc.lastIndexOf('/', i - 1)) {
          if (gone.has(loc.slice(0, i))) {
            folders.add(loc.slice(0, i));
            break;
          }
        }
      }
      // (removeUnder also forgets the warnings of files skipped there.)
      if (folders.size) this.corpus.batch(() => folders.forEach((folder) => this.corpus.removeUnder(`${folder}/`)));
    }), WATCH_DEBOUNCE_MS);
  }

  /**
   * Watches the folders of a local workspace folder that its listing walked (replacing the watch of
   * an earlier listing). If the system refuses (out of watches) it is said once, and VS Code's
   * watcher alone follows the folder, as it does for every other scheme.
   */
  private watchLocal(folder: vscode.WorkspaceFolder, folders: readonly string[], exclude: readonly string[]): void {
    const id = folder.uri.toString();
    this.localWatches.get(id)?.close();
    const watch = new LocalWatch({
      root: folder.uri.fsPath,
      folders,
      exclude,
      onChange: (relative) => {
        this.localWatchEvents++;
        const uri = vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
        // Other files (notes, folders) are VS Code's watcher's to report, as before.
        if (this.isArticle(uri)) this.schedule(uri, LOCAL_WATCH_DEBOUNCE_MS);
      },
      onProblem: (why) => this.output.info(`Changes in ${folder.name} are followed through VS Code's file watcher only (about 0.1 s later): ${why}.`),
    });
    if (watch.active) this.localWatches.set(id, watch);
  }

  /** Debounced per file: editors often write a file several times in a row. */
  private schedule(uri: vscode.Uri, delay = WATCH_DEBOUNCE_MS): void {
    const location = uri.toString();
    const existing = this.pendingByUri.get(location);
    if (existing) clearTimeout(existing);
    this.pendingByUri.set(location, setTimeout(() => {
      this.pendingByUri.delete(location);
      this.enqueueRefresh(uri);
    }, delay));
  }

  /**
   * A file the watch heard about, to be read again. During a scan, a file it has not stamped yet is
   * the scan's to read (in its workers): it is looked at when the scan ends. Otherwise it joins a
   * queue read a few files at a time, yielding between them; a flood (a folder unpacked, a branch
   * checked out) becomes one incremental scan. In a 10k first open whose files had just been
   * written, one read per event on the host's thread, their continuations run back to back, held
   * it for up to 3.7 s at a time.
   */
  private enqueueRefresh(uri: vscode.Uri): void {
    const location = uri.toString();
    if (this.scanning && !this.stamps.has(location)) {
      this.heardDuringScan.set(location, uri);
      return;
    }
    this.refreshQueue.delete(location);
    this.refreshQueue.set(location, uri);
    if (this.refreshQueue.size > REFRESH_FLOOD) {
      this.refreshQueue.clear();
      this.rescanSoon();
      return;
    }
    if (!this.draining) void this.drainRefreshes();
  }

  private async drainRefreshes(): Promise<void> {
    this.draining = true;
    try {
      while (this.refreshQueue.size && !this.disposed) {
        const batch: vscode.Uri[] = [];
        for (const [location, uri] of this.refreshQueue) {
          this.refreshQueue.delete(location);
          if (batch.push(uri) >= REFRESH_CONCURRENCY) break;
        }
        await Promise.all(batch.map((uri) => this.refreshFile(uri).catch((error: unknown) => {
          this.output.warn(`${this.displayPath(uri)}: not read again after a change (${(error as Error).message}); Dossier: Reindex Articles reads it.`);
        })));
        // A turn with timers and I/O in it before the next files.
        if (this.refreshQueue.size) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * After a scan: the files heard about meanwhile that it had not stamped then. It has read most of
   * them since, so each is mostly one stat (the echo of what it read): they join the queue whatever
   * their number, unless there are so many that listing everything again is cheaper.
   */
  private takeHeardDuringScan(): void {
    const heard = [...this.heardDuringScan.values()];
    this.heardDuringScan.clear();
    if (heard.length > HEARD_RESCAN) {
      this.rescanSoon();
      return;
    }
    for (const uri of heard) this.refreshQueue.set(uri.toString(), uri);
    if (this.refreshQueue.size && !this.draining) void this.drainRefreshes();
  }

  private async refreshFile(uri: vscode.Uri): Promise<void> {
    await this.restoreGate;
    const location = uri.toString();
    const started = performance.now();
    // (A scan whose listing began before this does not drop what this reads; cleared after scans.)
    this.refreshedAt.set(location, started);
    if (!this.isArticle(uri) || await this.isSavedPageAsset(uri)) {
      this.forget(location);
      return;
    }
    const real = uri.scheme === 'file' ? localRealPath(uri.fsPath) : null;
    if (real && this.isSecondPath(real, location)) {
      this.forget(location);
      return;
    }
    if (real) this.keepPath(real, location);
    // A page saved "complete": what was indexed from its folder before the page arrived goes.
    if (articleFormat(uri.path) === 'html') {
      const assets = `${location.replace(/\.[^./]+$/, '')}_files/`;
      this.corpus.removeUnder(assets);
      for (const stamped of [...this.stamps.keys()]) if (stamped.startsWith(assets)) this.stamps.delete(stamped);
    }
    this.pendingPaths.add(location);
    try {
      // Stat first: if the file changes again after it, the next window sees a newer stamp and reads it.
      const stamp = await statOf(uri);
      // An event for a file already read as it is (an echo of a change a scan has read, or a
      // touch that changed nothing): the same rule as reopening, modification time and size.
      const known = this.stamps.get(location);
      const indexed = !!this.corpus.byLocation(location) || this.corpus.hasWarning(location);
      if (stamp && known && indexed && known.mtime === stamp.mtime && known.size === stamp.size) return;
      this.apply(uri, await this.read(uri), stamp);
    } finally {
      this.pendingPaths.delete(location);
    }
    this.lastFileRefreshMs = performance.now() - started;
    // A scan may have kept another path to the file meanwhile.
    this.dropSecondPaths();
    const warning = this.corpus.warningAt(location);
    if (warning) this.output[warning.message.startsWith('skipped') ? 'warn' : 'info'](`${warning.file}: ${warning.message}`);
  }

  /** Drops a file that is not (or no longer) an article, and its stamp. */
  private forget(location: string): void {
    this.corpus.remove(location);
    this.corpus.forgetWarning(location);
    if (this.stamps.delete(location)) this.cacheDirty = true;
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
    if (holder && holder !== location) {
      // The file's earlier path goes once the new one is indexed (see dropSecondPaths).
      let former = this.formerHolders.get(real);
      if (!former) this.formerHolders.set(real, (former = new Set()));
      former.add(holder);
    }
    this.locationByRealPath.set(real, location);
    this.realPathByLocation.set(location, real);
  }

  /** A holder still stands for its file: indexed, or its read under way (a scan's, a watcher event's). */
  private isLivePath(location: string): boolean {
    return !!this.corpus.byLocation(location) || this.pendingPaths.has(location);
  }

  /**
   * Removes the articles indexed under a path that is no longer the one kept for their file. Only
   * files whose kept path changed are looked at (and only once that path is indexed): this runs
   * after every watcher event, and a pass over every article each time made 10,000 new files cost
   * minutes of the host's thread.
   */
  private dropSecondPaths(): void {
    if (!this.formerHolders.size) return;
    const second: string[] = [];
    for (const [real, former] of this.formerHolders) {
      const holder = this.locationByRealPath.get(real);
      if (!holder || !this.corpus.byLocation(holder)) continue; // not indexed yet: asked again next time
      for (const location of former) {
        if (location !== holder && this.realPathByLocation.get(location) === real && this.corpus.byLocation(location)) second.push(location);
      }
      this.formerHolders.delete(real);
    }
    if (second.length) {
      this.corpus.batch(() => second.forEach((location) => this.corpus.remove(location)));
      for (const location of second) this.stamps.delete(location);
    }
  }

  private relative(location: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(location), true);
  }

  private setState(state: IndexState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

/** A `Loaded.content` for a file a worker reads (and extracts): its result replaces it. */
const READ_BY_WORKER = new Uint8Array(0);

/** What a worker's read that gave no bytes is, as the host's own reads say it (`readBytes`). */
function readProblemContent(uri: vscode.Uri, problem: ReadProblem): Error | Skipped {
  if ('skipped' in problem) return new Skipped(problem.skipped);
  if ('missing' in problem) return vscode.FileSystemError.FileNotFound(uri);
  return new Error(problem.error);
}

interface Loaded {
  uri: vscode.Uri;
  content: Uint8Array | Error | Skipped;
  stamp: FileStamp | null;
  extracted?: Extracted | undefined;
}

/** The real path of a local file, or null when it has none now (gone: its read says so). */
function localRealPath(fsPath: string): string | null {
  try {
    return realpathSync.native(fsPath);
  } catch {
    return null;
  }
}

async function statOf(uri: vscode.Uri): Promise<FileStamp | null> {
  if (uri.scheme === 'file') {
    // As the local walk stamps files (localFiles.ts): one source of modification times; synchronous
    // (microseconds) as there.
    try {
      return stampOfStats(statSync(uri.fsPath));
    } catch {
      return null; // gone or unreadable: it is read (and its error reported) like any changed file
    }
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return { mtime: stat.mtime, size: stat.size };
  } catch {
    return null; // gone or unreadable: it is read (and its error reported) like any changed file
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
  if (uri.scheme === 'file') {
    // Local files through Node (see localFiles.ts for why), with the same outcomes.
    const read = await readLocalFile(uri.fsPath, maxBytes, (size) => tooLargeMessage(size, maxBytes));
    if ('bytes' in read) return read.bytes;
    if ('skipped' in read) return new Skipped(read.skipped);
    if ('missing' in read) return vscode.FileSystemError.FileNotFound(uri);
    return read.error;
  }
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
async function oncePerRealFile(uris: vscode.Uri[], walked: ReadonlyMap<string, ListedFile>): Promise<{ kept: vscode.Uri[]; locationByRealPath: Map<string, string> }> {
  const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, true);
  // Listed by the local walk: its real path is known (no promise per file: at 10k, 10,000 awaited
  // calls took ~0.2 s of a reopen on the host's thread). Others are asked for, a few at a time.
  const reals: string[] = new Array(uris.length);
  const unknown: number[] = [];
  // (Passes over 100k files take a few hundred ms each: they yield every few thousand.)
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i]!;
    const listed = walked.get(uri.toString());
    if (listed) reals[i] = listed.real ?? uri.toString();
    else if (uri.scheme !== 'file') reals[i] = uri.toString();
    else unknown.push(i);
    if ((i + 1) % PASS_STEP === 0) await nextTurn();
  }
  await mapLimit(unknown, STAT_CONCURRENCY, async (i) => {
    const uri = uris[i]!;
    try {
      reals[i] = await realpath(uri.fsPath);
    } catch {
      reals[i] = uri.toString(); // gone or unreadable: the read that follows says why
    }
  });
  const firstByReal = new Map<string, vscode.Uri>();
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i]!;
    const earlier = firstByReal.get(reals[i]!);
    if (!earlier || relative(uri) < relative(earlier)) firstByReal.set(reals[i]!, uri);
    if ((i + 1) % PASS_STEP === 0) await nextTurn();
  }
  const kept = new Set(firstByReal.values());
  const locationByRealPath = new Map([...firstByReal].map(([real, uri]) => [real, uri.toString()]));
  return { kept: uris.filter((uri) => kept.has(uri)), locationByRealPath };
}

