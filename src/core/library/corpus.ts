// The corpus index: every article by location and by key, and by country and person, kept current
// one file at a time. Features ask it; they never re-read files or re-run extraction. Each change
// tells listeners which keys were added, changed or removed so they refresh only that.

import { articleFormat, DEFAULT_LIMITS, readArticleFile, readArticleFileSync, type ArticleRead, type FormatLimits, type OffThreadReader } from '../articles';
import { countryInfo, PersonDirectory, type CorpusPerson } from '../entities';
import { extractRead, keepBodyTerms, type Extracted, type ExtractedArticle } from './extract';
import { assignKeys } from './keys';
import type { Article, ArticleRecord, PersonMention, ReadWarning } from '../types';
import { runSteps, runStepsInSlices, sortSteps } from '../steps';

export interface CorpusChange {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface CorpusCountry {
  code: string;
  name: string;
  articles: string[];
}

export interface CorpusOptions {
  maxBytes?: number;
  limits?: Partial<FormatLimits>;
  /**
   * Where web pages and PDFs are read (the extension's worker thread). Without one, PDFs are still
   * read asynchronously, in this thread, and web pages synchronously.
   */
  offThreadReader?: OffThreadReader;
}

/** An article as the cache keeps it: its extracted fields and the key it had. */
export interface RestoredArticle {
  location: string;
  file: string;
  key: string;
  article: ExtractedArticle;
}

export interface RestoredWarning {
  location: string;
  file: string;
  message: string;
}

/** Asynchronous reads (PDFs, and web pages off-thread) at once: pdf.js holds a document's pages in memory. */
const PDF_CONCURRENCY = 2;

type Listener = (change: CorpusChange) => void;

export class Corpus {
  private readonly byLocationMap = new Map<string, Article>();
  private readonly byKeyMap = new Map<string, Article>();
  /** Articles sharing a derived base key, so a change re-resolves only its own collision group. */
  private readonly locationsByBaseKey = new Map<string, Set<string>>();
  private readonly keysByCountry = new Map<string, Set<string>>();
  private readonly keysByPerson = new Map<string, Set<string>>();
  private readonly personDirectory = new PersonDirectory();
  private readonly warningsByLocation = new Map<string, ReadWarning>();
  private readonly listeners = new Set<Listener>();
  private pending: CorpusChange | null = null;
  /**
   * Key resolution waits for the end of the outermost batch: a batch of n colliding articles then
   * resolves their group once (n log n), not once per insert (n² with n suffix probes each, before).
   */
  private readonly dirtyGroups = new Set<string>();
  /** Locations upserted since keys were last resolved (reported as changed when their key stays). */
  private readonly touched = new Set<string>();
  /** Articles upserted since keys were last resolved: entered in the entity indexes once keyed. */
  private readonly awaitingIndex = new Set<Article>();
  private batchDepth = 0;
  private sortedArticles: Article[] | null = null;
  /** Keys added, changed or removed since the sorted list was last brought up to date. */
  private readonly unsorted = new Set<string>();
  /** Size limits per format, in bytes (settings `dossier.maxFileSizeMB`, `…Html…`, `…Pdf…`). */
  limits: FormatLimits;
  /** The latest asynchronous read (a PDF) of each location: an older one finishing later is dropped. */
  private readonly readTokens = new Map<string, object>();
  private readonly pendingReads = new Set<Promise<void>>();
  private readonly pdfQueue: (() => void)[] = [];
  private pdfRunning = 0;
  private readonly offThreadReader: OffThreadReader | undefined;

  constructor(options: CorpusOptions = {}) {
    this.offThreadReader = options.offThreadReader;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits, ...(options.maxBytes ? { text: options.maxBytes } : {}) };
  }

  /** Text and Markdown files larger than this are skipped with a warning (the `dossier.maxFileSizeMB` setting). */
  get maxBytes(): number {
    return this.limits.text;
  }

  set maxBytes(bytes: number) {
    this.limits = { ...this.limits, text: bytes };
  }

  // ---- updates -----------------------------------------------------------------------------------

  /**
   * Reads one file into the corpus (or replaces what it held). `location` is the host's identity of
   * the file (URI or absolute path), `file` the path shown to users. Returns the article, or null
   * when the file was skipped (see `warnings()`); never throws on bad content.
   */
  upsert(location: string, file: string, content: Uint8Array | string): Article | null {
    const format = articleFormat(location);
    if (typeof content !== 'string' && (format === 'pdf' || (format === 'html' && this.offThreadReader))) {
      this.upsertLater(location, file, content);
      return null;
    }
    this.readTokens.delete(location);
    return this.upsertRead(location, file, readArticleFileSync(location, content, this.limits));
  }

  /**
   * Resolves once every read started by `upsert` has reached the corpus (PDFs are parsed
   * asynchronously, a few at a time; each lands with its own change event).
   */
  get reading(): boolean {
    return this.pendingReads.size > 0;
  }

  async settled(): Promise<void> {
    while (this.pendingReads.size) await Promise.all([...this.pendingReads]);
  }

  private upsertLater(location: string, file: string, bytes: Uint8Array): void {
    const token = {};
    this.readTokens.set(location, token);
    const run = async () => {
      if (this.pdfRunning >= PDF_CONCURRENCY) await new Promise<void>((resolve) => this.pdfQueue.push(resolve));
      this.pdfRunning++;
      try {
        if (this.readTokens.get(location) !== token) return; // replaced or removed while it waited
        const read = await (this.offThreadReader ?? readArticleFile)(location, bytes, this.limits);
        if (this.readTokens.get(location) !== token) return;
        this.readTokens.delete(location);
        this.upsertRead(location, file, read);
      } finally {
        this.pdfRunning--;
        this.pdfQueue.shift()?.();
      }
    };
    const pending: Promise<void> = run().catch((error) => {
      // readArticleFile turns bad content into warnings; reaching here is a bug, reported as one.
      this.warningsByLocation.set(location, { file, message: `skipped: ${(error as Error)?.message ?? String(error)}` });
    }).finally(() => this.pendingReads.delete(pending));
    this.pendingReads.add(pending);
  }

  /** Puts one file's read fields into the corpus (what `upsert` does after reading). */
  upsertRead(location: string, file: string, read: ArticleRead): Article | null {
    return this.upsertExtracted(location, file, extractRead(read));
  }

  /** `upsertRead` for a file already read and extracted (by a worker thread, or taken from the cache). */
  upsertExtracted(location: string, file: string, extracted: Extracted): Article | null {
    // Newer than any asynchronous read of this file still under way: that one is dropped when it lands.
    this.readTokens.delete(location);
    const { warning } = extracted;
    if (warning) this.warningsByLocation.set(location, { file, message: warning });
    else this.warningsByLocation.delete(location);
    if (!extracted.article) {
      this.remove(location);
      return null;
    }
    const previous = this.byLocationMap.get(location);
    const article: Article = { ...extracted.article, key: previous?.key ?? '', file, location };
    if (extracted.bodyTerms !== undefined && extracted.bodyCounts) keepBodyTerms(article, extracted.bodyTerms, extracted.bodyCounts);
    return this.update(() => {
      if (previous) {
        if (!this.awaitingIndex.delete(previous)) this.unindex(previous);
        this.dirtyGroups.add(previous.baseKey);
      }
      this.byLocationMap.set(location, article);
      if (previous && previous.baseKey !== article.baseKey) this.groupOf(previous.baseKey).delete(location);
      this.groupOf(article.baseKey).add(location);
      this.dirtyGroups.add(article.baseKey);
      this.touched.add(location);
      this.awaitingIndex.add(article);
      return article;
    });
  }

  remove(location: string): void {
    this.readTokens.delete(location);
    const article = this.byLocationMap.get(location);
    if (!article) return;
    this.update(() => {
      if (!this.awaitingIndex.delete(article)) this.unindex(article);
      this.byLocationMap.delete(location);
      this.touched.delete(location);
      // An article added and removed within one batch never had a key.
      if (article.key) {
        if (this.byKeyMap.get(article.key) === article) this.byKeyMap.delete(article.key);
        this.pendingChange().removed.push(article.key);
      }
      this.groupOf(article.baseKey).delete(location);
      this.dirtyGroups.add(article.baseKey);
    });
  }

  /** Drops everything whose location starts with `prefix` (a folder removed from the workspace). */
  removeUnder(prefix: string): void {
    this.batch(() => {
      for (const location of [...this.byLocationMap.keys()]) if (location.startsWith(prefix)) this.remove(location);
      for (const location of [...this.warningsByLocation.keys()]) if (location.startsWith(prefix)) this.warningsByLocation.delete(location);
    });
  }

  /**
   * Records a file (or folder) that could not be read at all (deleted mid-index, no permission, too
   * large, not a regular file) and drops what it held. `message` gets "skipped: " unless it says so.
   */
  reportUnreadable(location: string, file: string, message: string): void {
    const said = message.startsWith('skipped') ? message : `skipped: ${message}`;
    this.warningsByLocation.set(location, { file, message: said });
    this.remove(location);
  }

  /** A warning about a file that is indexed all the same (the article stays). */
  addNotice(location: string, file: string, message: string): void {
    if (!this.warningsByLocation.has(location)) this.warningsByLocation.set(location, { file, message });
  }

  forgetWarning(location: string): void {
    this.warningsByLocation.delete(location);
  }

  /** Runs `fn` with change events held back, then sends one combined event. */
  batch<T>(fn: () => T): T {
    return this.update(fn);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Fills an empty corpus in one pass with articles whose keys were resolved before (the persistent
   * cache), without re-reading or re-extracting anything; listeners get one event with every key
   * added. Throws, leaving the corpus empty, when the entries contradict each other (a corrupt
   * cache): the caller then indexes from the files.
   */
  restore(articles: readonly RestoredArticle[], warnings: readonly RestoredWarning[]): void {
    this.checkRestorable(articles);
    this.update(() => {
      for (const restored of articles) this.restoreOne(restored);
      for (const w of warnings) this.warningsByLocation.set(w.location, { file: w.file, message: w.message });
    });
  }

  /**
   * `restore` in time slices of about `sliceMs`, awaiting `pause()` between them, so that restoring a
   * large library never holds the caller's thread for long; listeners get one event per slice.
   * Nothing else may change the corpus until it resolves (the caller holds its other updates back).
   * `onRestored` hears each article object as it goes in.
   */
  async restoreInSlices(articles: readonly RestoredArticle[], warnings: readonly RestoredWarning[], pause: () => Promise<void>, sliceMs: number,
    onRestored?: (article: Article) => void): Promise<void> {
    await runStepsInSlices(this.restorableSteps(articles), pause, sliceMs);
    let i = 0;
    // What a slice costs an article, change event included (the views take the slice's articles in
    // after its own clock has stopped): the number of articles a slice takes is bounded by it too.
    let msPerArticle = 0.02;
    do {
      const sliceStart = performance.now();
      const first = i;
      const most = i + Math.max(1, Math.floor(sliceMs / msPerArticle));
      this.update(() => {
        while (i < articles.length) {
          const article = this.restoreOne(articles[i++]!);
          onRestored?.(article);
          if (i >= most || performance.now() - sliceStart >= sliceMs) break;
        }
        if (i >= articles.length) for (const w of warnings) this.warningsByLocation.set(w.location, { file: w.file, message: w.message });
      });
      msPerArticle = 0.7 * msPerArticle + 0.3 * ((performance.now() - sliceStart) / (i - first));
      if (i < articles.length) await pause();
    } while (i < articles.length);
  }

  private checkRestorable(articles: readonly RestoredArticle[]): void {
    runSteps(this.restorableSteps(articles));
  }

  /** `checkRestorable` in steps of a few thousand articles (100k took 0.2 s in one piece). */
  private *restorableSteps(articles: readonly RestoredArticle[]): Generator<void, void> {
    if (this.byLocationMap.size || this.warningsByLocation.size) throw new Error('restore needs an empty corpus');
    const keys = new Set<string>();
    const locations = new Set<string>();
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      if (!a.key || keys.has(a.key) || locations.has(a.location)) throw new Error(`duplicate key or file in the cache: ${a.key}`);
      keys.add(a.key);
      locations.add(a.location);
      if ((i + 1) % 5_000 === 0) yield;
    }
  }

  private restoreOne({ location, file, key, article: fields }: RestoredArticle): Article {
    // A corpus that changed since the check (the caller's contract broken) would lose an article here.
    if (this.byKeyMap.has(key) || this.byLocationMap.has(location)) throw new Error(`the corpus changed while the cache was restored: ${key}`);
    // Assigned onto the cached fields, not spread: a spread would decode every lazy body.
    const article = Object.assign(fields, { key, file, location }) as Article;
    this.byLocationMap.set(location, article);
    this.byKeyMap.set(key, article);
    this.groupOf(article.baseKey).add(location);
    this.indexEntities(article);
    this.pendingChange().added.push(key);
    return article;
  }

  // ---- queries -----------------------------------------------------------------------------------

  get size(): number {
    return this.byKeyMap.size;
  }

  get(key: string): Article | undefined {
    return this.byKeyMap.get(key);
  }

  byLocation(location: string): Article | undefined {
    return this.byLocationMap.get(location);
  }

  has(key: string): boolean {
    return this.byKeyMap.has(key);
  }

  /** Every article, newest first, then by key (computed once per change: completion and views ask often). */
  articles(): readonly Article[] {
    if (this.sortedArticles && this.unsorted.size) this.patchSorted();
    this.sortedArticles ??= [...this.byKeyMap.values()].sort(compareArticles);
    return this.sortedArticles;
  }

  /**
   * `articles()` in time slices, for a caller that can wait and must not hold the thread (completion
   * while a first scan indexes: sorting 100k at once took 0.4-0.9 s). The list is the corpus as it was
   * when the call began; the corpus's own list is left as it is.
   */
  articlesInSlices(pause: () => Promise<void>, sliceMs: number): Promise<readonly Article[]> {
    if (this.sortedArticles && !this.unsorted.size) return Promise.resolve(this.sortedArticles);
    return runStepsInSlices(sortSteps([...this.byKeyMap.values()], compareArticles), pause, sliceMs);
  }

  keys(): IterableIterator<string> {
    return this.byKeyMap.keys();
  }

  /** The files that hold an article, in no order (no sort: for passes that only test membership). */
  locations(): IterableIterator<string> {
    return this.byLocationMap.keys();
  }

  warnings(): ReadWarning[] {
    return [...this.warningsByLocation.values()].sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Warnings by the location of their file (the cache keeps them, so skipped files are not re-read). */
  warningAt(location: string): ReadWarning | undefined {
    return this.warningsByLocation.get(location);
  }

  hasWarning(location: string): boolean {
    return this.warningsByLocation.has(location);
  }

  warningEntries(): IterableIterator<[string, ReadWarning]> {
    return this.warningsByLocation.entries();
  }

  countries(): CorpusCountry[] {
    return [...this.keysByCountry].map(([code, keys]) => ({
      code,
      name: countryInfo(code)?.name ?? this.countryNameFromArticles(code, keys),
      articles: [...keys].sort(),
    })).sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
  }

  /** The articles naming a country, newest first; `{ sorted: false }`: in no order (for callers that sort them their own way). */
  articlesForCountry(code: string, options: { sorted?: boolean } = {}): Article[] {
    return this.lookup(this.keysByCountry.get(code), options.sorted ?? true);
  }

  persons(): CorpusPerson[] {
    return this.personDirectory.all();
  }

  person(id: string): CorpusPerson | undefined {
    return this.personDirectory.get(id);
  }

  /**
   * The articles naming a person, newest first; `{ sorted: false }`: in no order. `{ bySurname: true }`: also the
   * articles that name them by surname only ("President Putin", no full name there) when the library knows exactly
   * one person of that surname (`surnameLink`).
   */
  articlesForPerson(id: string, options: { sorted?: boolean; bySurname?: boolean } = {}): Article[] {
    const own = this.keysByPerson.get(id);
    const singles = options.bySurname ? this.personDirectory.singlesLinkedTo(id) : [];
    if (!singles.length) return this.lookup(own, options.sorted ?? true);
    const keys = new Set(own ?? []);
    for (const single of singles) for (const key of this.keysByPerson.get(single) ?? []) keys.add(key);
    return this.lookup(keys, options.sorted ?? true);
  }

  /** The surname-only persons that are this full person (`putin` for `vladimir-putin`; see `articlesForPerson`). */
  surnameIdsOf(id: string): string[] {
    return this.personDirectory.singlesLinkedTo(id);
  }

  /** The full person a surname-only person is, when the library knows exactly one (see `articlesForPerson`). */
  surnameLink(singleId: string): string | null {
    return this.personDirectory.linkOf(singleId);
  }

  /** The article's record as `dossier index --json` prints it, with corpus-canonical person names. */
  record(article: Article): ArticleRecord {
    return {
      key: article.key,
      file: article.file,
      title: article.title,
      label: article.label,
      date: article.date,
      outlet: article.outlet,
      url: article.url,
      author: article.author,
      excerpt: article.excerpt,
      words: article.words,
      countries: article.countries.map((c) => ({ ...c })),
      persons: article.persons.map((p) => ({ ...p, name: this.personDirectory.get(p.id)?.name ?? p.name })),
    };
  }

  // ---- internals ---------------------------------------------------------------------------------

  private lookup(keys: Set<string> | undefined, sorted: boolean): Article[] {
    if (!keys) return [];
    const result: Article[] = [];
    for (const key of keys) {
      const article = this.byKeyMap.get(key);
      if (article) result.push(article);
    }
    return sorted ? result.sort(compareArticles) : result;
  }

  private countryNameFromArticles(code: string, keys: Set<string>): string {
    for (const key of keys) {
      const found = this.byKeyMap.get(key)?.countries.find((c) => c.code === code);
      if (found) return found.name;
    }
    return code;
  }

  private groupOf(baseKey: string): Set<string> {
    let group = this.locationsByBaseKey.get(baseKey);
    if (!group) this.locationsByBaseKey.set(baseKey, (group = new Set()));
    return group;
  }

  /**
   * Re-resolves the keys of the collision groups touched since the last call. Keys of other articles
   * are left alone, so one file's change never renames unrelated articles.
   */
  private settleKeys(): void {
    if (this.dirtyGroups.size === 0 && this.awaitingIndex.size === 0) return;
    const change = this.pendingChange();
    // Articles whose key changes leave the entity indexes under their old keys first, and enter them
    // under their new keys only after every member moved: members can swap keys ("-b" ↔ "-c"), and
    // moving one at a time would drop the other's entry.
    const toIndex: Article[] = [];
    const groups = [...this.dirtyGroups].sort();
    this.dirtyGroups.clear();
    for (const baseKey of groups) {
      const group = this.locationsByBaseKey.get(baseKey);
      if (!group || group.size === 0) {
        this.locationsByBaseKey.delete(baseKey);
        continue;
      }
      const members = [...group].map((location) => this.byLocationMap.get(location)!);
      const groupKeys = new Set(members.map((a) => a.key));
      // Keys held outside this group are taken; the group's own are free to be reassigned.
      const outside = (key: string) => this.byKeyMap.has(key) && !groupKeys.has(key);
      const assigned = assignKeys(members.map((a) => ({ id: a.location, explicitKey: a.explicitKey, baseKey: a.baseKey })), outside);
      for (const article of members) {
        const key = assigned.get(article.location)!;
        const isNew = article.key === '';
        if (!isNew && article.key === key) {
          if (this.byKeyMap.get(key) !== article) this.byKeyMap.set(key, article);
          if (this.touched.has(article.location)) change.changed.push(key);
          continue;
        }
        if (!isNew) {
          // The old key may still point at the object this file held before an edit: same location, same holder.
          if (this.byKeyMap.get(article.key)?.location === article.location) this.byKeyMap.delete(article.key);
          change.removed.push(article.key);
          if (!this.awaitingIndex.has(article)) {
            this.unindex(article);
            toIndex.push(article);
          }
        }
        article.key = key;
        this.byKeyMap.set(key, article);
        change.added.push(key);
      }
    }
    this.touched.clear();
    for (const article of this.awaitingIndex) toIndex.push(article);
    this.awaitingIndex.clear();
    for (const article of toIndex) this.indexEntities(article);
  }

  private indexEntities(article: Article): void {
    for (const country of article.countries) addTo(this.keysByCountry, country.code, article.key);
    for (const person of article.persons) addTo(this.keysByPerson, person.id, article.key);
    this.relinking(article.persons, () => this.personDirectory.set(article.key, article.persons));
  }

  private unindex(article: Article): void {
    for (const country of article.countries) removeFrom(this.keysByCountry, country.code, article.key);
    for (const person of article.persons) removeFrom(this.keysByPerson, person.id, article.key);
    const persons = this.personDirectory.contributed(article.key);
    this.relinking(persons, () => this.personDirectory.delete(article.key));
  }

  /**
   * Runs a directory change and reports, as changed, the articles whose surname-only person it links or unlinks
   * ("President Putin" articles when the first "Vladimir Putin … Putin" article comes or the last goes): their person
   * group moves (`personGroupId`). Only the surnames of the article's own full persons are looked at.
   */
  private relinking(persons: readonly PersonMention[], change: () => void): void {
    // (Only surnames some article names alone can move an article: most have none, and cost a look-up each.)
    const singles = this.keysByPerson.size ? this.personDirectory.singlesOf(persons).filter((single) => this.keysByPerson.has(single)) : [];
    const before = singles.map((single) => this.personDirectory.linkOf(single));
    change();
    for (let i = 0; i < singles.length; i++) {
      if (this.personDirectory.linkOf(singles[i]!) === before[i]) continue;
      const keys = this.keysByPerson.get(singles[i]!);
      if (keys) for (const key of keys) this.pendingChange().changed.push(key);
    }
  }

  /** The person group an id goes in: a surname-only person's one full person, else the id (see LibrarySource). */
  personGroupId(id: string): string {
    return this.personDirectory.linkOf(id) ?? id;
  }

  private pendingChange(): CorpusChange {
    return (this.pending ??= { added: [], changed: [], removed: [] });
  }

  private update<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (this.batchDepth === 1) {
        try {
          this.settleKeys();
        } finally {
          this.batchDepth = 0;
          this.noteUnsorted();
          this.flush();
        }
      } else this.batchDepth--;
    }
  }

  /** Notes an update's keys for the sorted list, which is brought up to date when next asked for. */
  private noteUnsorted(): void {
    const change = this.pending;
    if (!this.sortedArticles || !change) return;
    for (const list of [change.added, change.changed, change.removed]) for (const key of list) this.unsorted.add(key);
    if (this.unsorted.size > 64 && this.unsorted.size * 8 > this.sortedArticles.length) {
      this.sortedArticles = null;
      this.unsorted.clear();
    }
  }

  /**
   * Brings the sorted article list up to date, when asked for after updates. The changes are
   * merged in, in one linear pass: sorting 10,000 articles again after every change cost 30-90 ms. Not on every update: at 100,000 articles
   * even the linear pass took ~200 ms a saved file, and most updates are followed by nothing that
   * needs the whole list in order (the views keep their own groups).
   */
  private patchSorted(): void {
    const sorted = this.sortedArticles!;
    const affected = this.unsorted;
    // Whatever changed (or left, or was renamed in place) comes out; the current ones go back in,
    // merged in one pass (a binary-search splice each was O(changes × articles): 7 s of a 100k first
    // open, where completion asked for the list between slices of thousands of new articles).
    // (Every article that left, was replaced or renamed has its old or new key among the affected: a
    // rename mutates `key` in place and notes both keys. No lookup per article: at 100k, looking each
    // kept one up in the key map was most of a patch after one change.)
    const kept = sorted.filter((a) => !affected.has(a.key));
    const back: Article[] = [];
    for (const key of affected) {
      const article = this.byKeyMap.get(key);
      if (article) back.push(article);
    }
    back.sort(compareArticles);
    const merged = new Array<Article>(kept.length + back.length);
    let i = 0, j = 0, k = 0;
    while (i < kept.length && j < back.length) merged[k++] = compareArticles(back[j]!, kept[i]!) < 0 ? back[j++]! : kept[i++]!;
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < back.length) merged[k++] = back[j++]!;
    affected.clear();
    this.sortedArticles = merged;
  }

  private flush(): void {
    const change = this.pending;
    this.pending = null;
    if (!change) return;
    // A key removed and added again within one batch is a change, not a removal.
    const added = new Set(change.added);
    const removed = new Set(change.removed.filter((k) => !this.byKeyMap.has(k) || !added.has(k)));
    const changed = new Set(change.changed);
    for (const k of change.removed) if (added.has(k) && this.byKeyMap.has(k)) { added.delete(k); changed.add(k); }
    for (const k of added) changed.delete(k);
    for (const k of removed) { changed.delete(k); added.delete(k); }
    const result = { added: [...added], changed: [...changed].filter((k) => this.byKeyMap.has(k)), removed: [...removed] };
    if (!result.added.length && !result.changed.length && !result.removed.length) return;
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (error) {
        // One feature's failure must not stop the others from refreshing.
        console.error('Dossier: a corpus listener failed', error);
      }
    }
  }
}

export function compareArticles(a: Article, b: Article): number {
  const da = sortableDate(a.date), db = sortableDate(b.date);
  if (da !== db) return da < db ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Dates without a year sort after dated ones; "--02-19" keeps its month/day order among them. */
function sortableDate(date: string | null): string {
  if (!date) return '';
  return date.startsWith('--') ? '0000' + date.slice(1) : date;
}

function addTo(map: Map<string, Set<string>>, name: string, key: string): void {
  let set = map.get(name);
  if (!set) map.set(name, (set = new Set()));
  set.add(key);
}

function removeFrom(map: Map<string, Set<string>>, name: string, key: string): void {
  const set = map.get(name);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) map.delete(name);
}
