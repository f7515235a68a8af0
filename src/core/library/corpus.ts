// The corpus index: every article by location and by key, and by country and person, kept current
// one file at a time. Features ask it; they never re-read files or re-run extraction. Each change
// tells listeners which keys were added, changed or removed so they refresh only that.

import { DEFAULT_MAX_BYTES } from '../articles/decode';
import { countryInfo, PersonDirectory, type CorpusPerson } from '../entities';
import { extractArticle, type Extracted, type ExtractedArticle } from './extract';
import { assignKeys } from './keys';
import type { Article, ArticleRecord, ReadWarning } from '../types';

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
  private batchDepth = 0;
  private sortedArticles: Article[] | null = null;
  /** Files larger than this are skipped with a warning (the `dossier.maxFileSizeMB` setting). */
  maxBytes: number;

  constructor(options: CorpusOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  // ---- updates -----------------------------------------------------------------------------------

  /**
   * Reads one file into the corpus (or replaces what it held). `location` is the host's identity of
   * the file (URI or absolute path), `file` the path shown to users. Returns the article, or null
   * when the file was skipped (see `warnings()`); never throws on bad content.
   */
  upsert(location: string, file: string, content: Uint8Array | string): Article | null {
    return this.upsertExtracted(location, file, extractArticle(content, this.maxBytes));
  }

  /** `upsert` for a file already read and extracted (by a worker thread, or taken from the cache). */
  upsertExtracted(location: string, file: string, extracted: Extracted): Article | null {
    const { warning } = extracted;
    if (warning) this.warningsByLocation.set(location, { file, message: warning });
    else this.warningsByLocation.delete(location);
    if (!extracted.article) {
      this.remove(location);
      return null;
    }
    const previous = this.byLocationMap.get(location);
    const article: Article = { ...extracted.article, key: previous?.key ?? '', file, location };
    return this.update(() => {
      if (previous) this.unindex(previous);
      this.byLocationMap.set(location, article);
      if (previous && previous.baseKey !== article.baseKey) this.groupOf(previous.baseKey).delete(location);
      this.groupOf(article.baseKey).add(location);
      this.resolveKeys([article.baseKey, ...(previous ? [previous.baseKey] : [])], location, !previous);
      this.indexEntities(article);
      return article;
    });
  }

  remove(location: string): void {
    const article = this.byLocationMap.get(location);
    if (!article) return;
    this.update(() => {
      this.unindex(article);
      this.byLocationMap.delete(location);
      this.byKeyMap.delete(article.key);
      this.groupOf(article.baseKey).delete(location);
      this.pendingChange().removed.push(article.key);
      this.resolveKeys([article.baseKey], null, false);
    });
  }

  /** Drops everything whose location starts with `prefix` (a folder removed from the workspace). */
  removeUnder(prefix: string): void {
    this.batch(() => {
      for (const location of [...this.byLocationMap.keys()]) if (location.startsWith(prefix)) this.remove(location);
      for (const location of [...this.warningsByLocation.keys()]) if (location.startsWith(prefix)) this.warningsByLocation.delete(location);
    });
  }

  /** Records a file that could not be read at all (deleted mid-index, no permission) and drops what it held. */
  reportUnreadable(location: string, file: string, message: string): void {
    this.warningsByLocation.set(location, { file, message: `skipped: ${message}` });
    this.remove(location);
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
    if (this.byLocationMap.size || this.warningsByLocation.size) throw new Error('restore needs an empty corpus');
    const keys = new Set<string>();
    const locations = new Set<string>();
    for (const a of articles) {
      if (!a.key || keys.has(a.key) || locations.has(a.location)) throw new Error(`duplicate key or file in the cache: ${a.key}`);
      keys.add(a.key);
      locations.add(a.location);
    }
    this.update(() => {
      const change = this.pendingChange();
      for (const { location, file, key, article: fields } of articles) {
        const article: Article = { ...fields, key, file, location };
        this.byLocationMap.set(location, article);
        this.byKeyMap.set(key, article);
        this.groupOf(article.baseKey).add(location);
        this.indexEntities(article);
        change.added.push(key);
      }
      for (const w of warnings) this.warningsByLocation.set(w.location, { file: w.file, message: w.message });
    });
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

  /** All articles, newest first, then by key. */
  /** Every article, newest first (computed once per change: completion and views ask often). */
  articles(): readonly Article[] {
    this.sortedArticles ??= [...this.byKeyMap.values()].sort(compareArticles);
    return this.sortedArticles;
  }

  keys(): IterableIterator<string> {
    return this.byKeyMap.keys();
  }

  warnings(): ReadWarning[] {
    return [...this.warningsByLocation.values()].sort((a, b) => a.file.localeCompare(b.file));
  }

  /** Warnings by the location of their file (the cache keeps them, so skipped files are not re-read). */
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

  articlesForCountry(code: string): Article[] {
    return this.lookup(this.keysByCountry.get(code));
  }

  persons(): CorpusPerson[] {
    return this.personDirectory.all();
  }

  person(id: string): CorpusPerson | undefined {
    return this.personDirectory.get(id);
  }

  articlesForPerson(id: string): Article[] {
    return this.lookup(this.keysByPerson.get(id));
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
      excerpt: article.excerpt,
      words: article.words,
      countries: article.countries.map((c) => ({ ...c })),
      persons: article.persons.map((p) => ({ ...p, name: this.personDirectory.get(p.id)?.name ?? p.name })),
    };
  }

  // ---- internals ---------------------------------------------------------------------------------

  private lookup(keys: Set<string> | undefined): Article[] {
    if (!keys) return [];
    const result: Article[] = [];
    for (const key of keys) {
      const article = this.byKeyMap.get(key);
      if (article) result.push(article);
    }
    return result.sort(compareArticles);
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
   * Re-resolves the keys of the given collision groups. Keys of other articles are left alone, so one
   * file's change never renames unrelated articles.
   */
  private resolveKeys(baseKeys: string[], touched: string | null, touchedIsNew: boolean): void {
    const change = this.pendingChange();
    // Articles whose key changes leave the entity indexes under their old keys first, and enter them
    // under their new keys only after every member moved: members can swap keys ("-b" ↔ "-c"), and
    // moving one at a time would drop the other's entry.
    const rekeyed: Article[] = [];
    for (const baseKey of new Set(baseKeys)) {
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
        const isNew = touchedIsNew && article.location === touched;
        if (!isNew && article.key === key) {
          if (this.byKeyMap.get(key) !== article) this.byKeyMap.set(key, article);
          if (article.location === touched) change.changed.push(key);
          continue;
        }
        if (!isNew && article.key) {
          // The old key may still point at the object this file held before an edit: same location, same holder.
          if (this.byKeyMap.get(article.key)?.location === article.location) this.byKeyMap.delete(article.key);
          change.removed.push(article.key);
          this.unindex(article);
          rekeyed.push(article);
        }
        article.key = key;
        this.byKeyMap.set(key, article);
        change.added.push(key);
      }
    }
    for (const article of rekeyed) this.indexEntities(article);
  }

  private indexEntities(article: Article): void {
    for (const country of article.countries) addTo(this.keysByCountry, country.code, article.key);
    for (const person of article.persons) addTo(this.keysByPerson, person.id, article.key);
    this.personDirectory.set(article.key, article.persons);
  }

  private unindex(article: Article): void {
    for (const country of article.countries) removeFrom(this.keysByCountry, country.code, article.key);
    for (const person of article.persons) removeFrom(this.keysByPerson, person.id, article.key);
    this.personDirectory.delete(article.key);
  }

  private pendingChange(): CorpusChange {
    return (this.pending ??= { added: [], changed: [], removed: [] });
  }

  private update<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      // (After `fn`, so that nothing read during the update is kept.)
      this.sortedArticles = null;
      if (--this.batchDepth === 0) this.flush();
    }
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
