// The persistent index: the corpus (records with their entities, per file with the modification
// time and size it was read at) and the serialised search index, in one binary file, so that a
// window reopened on an unchanged library answers without reading a single article.
//
// Trust nothing on the way in: a file with another version, a wrong length or checksum, or contents
// that do not fit together is thrown away (the caller logs why and indexes from the files).
// Written atomically: a temp file with a name of its own, then a rename over the cache file, so two
// windows writing at once leave one complete cache (the last renamed) and a reader never sees half.

import type { Corpus, RestoredArticle, RestoredWarning } from './corpus';
import type { ExtractedArticle } from './extract';
import type { SearchIndex, SearchIndexState } from '../search';
import type { FormatLimits } from '../articles';

/**
 * Bump when the reader, the entity extractor, the key derivation or this format change: every
 * cache of another version is discarded and rebuilt from the files.
 */
export const CACHE_VERSION = 2; // 2: records carry `author` and `format` (web pages, PDFs); size limits per format
export const CACHE_FILE = 'dossier-index.bin';

const MAGIC = 'DOSSIERC';
const HEADER_BYTES = 24; // magic, version, section count, body length, checksum
/**
 * Files per JSON section: keeps every string far below V8's limit at 100k+ articles, and each
 * step of `encodeCacheInSteps` short (about 2 MB of JSON).
 */
const FILES_PER_SECTION = 500;

const enum Section { Meta = 1, Files = 2, SearchMeta = 3, TermCounts = 4, Postings = 5, Lengths = 6, Docs = 7 }

/** What identifies a file's contents without reading it. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** One file as cached: the article it held (with its key), or why it was skipped, or both. */
export interface CachedFile extends FileStamp {
  location: string;
  file: string;
  key?: string;
  article?: ExtractedArticle;
  warning?: string;
}

export interface CacheSnapshot {
  /** The size limits the files were read with (per format): other limits may skip other files. */
  limits: FormatLimits;
  files: CachedFile[];
  search: SearchIndexState | null;
}

export class CacheError extends Error {}

// ---- snapshot ⇄ corpus -------------------------------------------------------------------------------

/**
 * The corpus and search index as they are now, for the files whose stamps are known (files read
 * by this session or kept from the cache); a file without a stamp is left out and read next time.
 */
export function takeSnapshot(corpus: Corpus, search: SearchIndex | null, stamps: ReadonlyMap<string, FileStamp>): CacheSnapshot {
  const warnings = new Map(corpus.warningEntries());
  const files: CachedFile[] = [];
  for (const [location, stamp] of stamps) {
    const article = corpus.byLocation(location);
    const warning = warnings.get(location);
    if (!article && !warning) continue;
    const entry: CachedFile = { location, file: article?.file ?? warning!.file, mtime: stamp.mtime, size: stamp.size };
    if (article) {
      const { key, file: _file, location: _location, ...fields } = article;
      entry.key = key;
      entry.article = fields;
    }
    if (warning) entry.warning = warning.message;
    files.push(entry);
  }
  const search_ = search?.serialize() ?? null;
  // Every indexed article must be in the snapshot for the index to be restorable with it.
  const cachedKeys = new Set(files.flatMap((f) => (f.key ? [f.key] : [])));
  const searchFits = !!search_ && search_.keys.length === cachedKeys.size && search_.keys.every((k) => cachedKeys.has(k));
  return { limits: { ...corpus.limits }, files, search: searchFits ? search_ : null };
}

/**
 * Fills an empty corpus (and its search index, when the snapshot has one) from a snapshot, and
 * returns the stamps of the files it restored. Throws when the snapshot does not fit together;
 * the corpus and index are then left empty.
 */
export function restoreSnapshot(snapshot: CacheSnapshot, corpus: Corpus, search: SearchIndex | null): Map<string, FileStamp> {
  const articles: RestoredArticle[] = [];
  const warnings: RestoredWarning[] = [];
  const stamps = new Map<string, FileStamp>();
  for (const f of snapshot.files) {
    if (f.article && f.key) articles.push({ location: f.location, file: f.file, key: f.key, article: f.article });
    if (f.warning) warnings.push({ location: f.location, file: f.file, message: f.warning });
    stamps.set(f.location, { mtime: f.mtime, size: f.size });
  }
  corpus.batch(() => {
    corpus.restore(articles, warnings);
    if (search && snapshot.search) {
      try {
        search.restore(snapshot.search);
      } catch (error) {
        for (const a of articles) corpus.remove(a.location);
        for (const w of warnings) corpus.forgetWarning(w.location);
        throw error;
      }
    }
  });
  return stamps;
}

/** What reopening needs to do: the files to read again and the ones to drop. */
export interface CacheDiff {
  /** New files and files whose modification time or size changed. */
  toRead: string[];
  /** Cached files that are no longer listed. */
  removed: string[];
  unchanged: number;
}

export function diffStamps(cached: ReadonlyMap<string, FileStamp>, listed: ReadonlyMap<string, FileStamp | null>): CacheDiff {
  const toRead: string[] = [];
  let unchanged = 0;
  for (const [location, stamp] of listed) {
    const known = cached.get(location);
    if (stamp && known && known.mtime === stamp.mtime && known.size === stamp.size) unchanged++;
    else toRead.push(location);
  }
  const removed = [...cached.keys()].filter((location) => !listed.has(location));
  return { toRead, removed, unchanged };
}

// ---- binary format -----------------------------------------------------------------------------------

export function encodeCache(snapshot: CacheSnapshot): Uint8Array {
  const sections: EncodedSection[] = [];
  for (const section of encodeSections(snapshot)) sections.push(section);
  return assemble(sections);
}

/**
 * `encodeCache` in steps, yielding to the host between sections (`pause`), so that writing the
 * cache of a large library never holds the extension host for long. The snapshot is taken before,
 * in one step; only its encoding is spread out.
 */
export async function encodeCacheInSteps(snapshot: CacheSnapshot, pause: () => Promise<void>): Promise<Uint8Array> {
  const sections: EncodedSection[] = [];
  for (const section of encodeSections(snapshot)) {
    sections.push(section);
    await pause();
  }
  return assemble(sections);
}

interface EncodedSection {
  kind: Section;
  bytes: Uint8Array;
}

function* encodeSections(snapshot: CacheSnapshot): Generator<EncodedSection> {
  const utf8 = new TextEncoder();
  const json = (kind: Section, value: unknown): EncodedSection => ({ kind, bytes: utf8.encode(JSON.stringify(value)) });
  const words = (kind: Section, array: Uint32Array): EncodedSection => ({ kind, bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength) });
  const chunks = Math.ceil(snapshot.files.length / FILES_PER_SECTION);
  yield json(Section.Meta, { limits: snapshot.limits, files: snapshot.files.length, chunks, search: !!snapshot.search });
  for (let i = 0; i < chunks; i++) yield json(Section.Files, snapshot.files.slice(i * FILES_PER_SECTION, (i + 1) * FILES_PER_SECTION));
  const search = snapshot.search;
  if (search) {
    const { terms, counts, postings, lengths, ...rest } = search.terms;
    yield json(Section.SearchMeta, { terms, keys: search.keys, ...rest });
    yield words(Section.TermCounts, counts);
    yield words(Section.Postings, postings);
    yield words(Section.Lengths, lengths);
    yield words(Section.Docs, search.docs);
  }
}

function assemble(sections: EncodedSection[]): Uint8Array {
  const bodyBytes = sections.reduce((n, s) => n + 8 + pad4(s.bytes.byteLength), 0);
  const out = new Uint8Array(HEADER_BYTES + bodyBytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, CACHE_VERSION, true);
  view.setUint32(12, sections.length, true);
  view.setUint32(16, bodyBytes, true);
  let at = HEADER_BYTES;
  for (const s of sections) {
    view.setUint32(at, s.kind, true);
    view.setUint32(at + 4, s.bytes.byteLength, true);
    out.set(s.bytes, at + 8);
    at += 8 + pad4(s.bytes.byteLength);
  }
  view.setUint32(20, checksum(out, HEADER_BYTES, out.byteLength), true);
  return out;
}

/** Reads a cache file; throws `CacheError` saying what is wrong with it. */
export function decodeCache(input: Uint8Array): CacheSnapshot {
  // Typed-array sections need 4-byte alignment: copy when the bytes do not start on one.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_BYTES) throw new CacheError('the file is truncated (no header)');
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) throw new CacheError('not a Dossier cache file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CACHE_VERSION) throw new CacheError(`written by another version of Dossier (format ${version}, this one reads ${CACHE_VERSION})`);
  const sectionCount = view.getUint32(12, true);
  const bodyBytes = view.getUint32(16, true);
  if (bytes.byteLength !== HEADER_BYTES + bodyBytes) throw new CacheError(`the file is truncated or padded (${bytes.byteLength} bytes, expected ${HEADER_BYTES + bodyBytes})`);
  if (checksum(bytes, HEADER_BYTES, bytes.byteLength) !== view.getUint32(20, true)) throw new CacheError('checksum mismatch (the file is corrupt)');

  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const sections: { kind: number; bytes: Uint8Array }[] = [];
  let at = HEADER_BYTES;
  for (let i = 0; i < sectionCount; i++) {
    if (at + 8 > bytes.byteLength) throw new CacheError('a section runs past the end');
    const kind = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    if (at + 8 + length > bytes.byteLength) throw new CacheError('a section runs past the end');
    sections.push({ kind, bytes: bytes.subarray(at + 8, at + 8 + length) });
    at += 8 + pad4(length);
  }
  let next = 0;
  const take = (kind: Section) => {
    const s = sections[next++];
    if (!s || s.kind !== kind) throw new CacheError(`section ${next} is not of the expected kind`);
    return s.bytes;
  };
  const json = (kind: Section): unknown => {
    try {
      return JSON.parse(utf8.decode(take(kind)));
    } catch (error) {
      throw error instanceof CacheError ? error : new CacheError(`unreadable section: ${(error as Error).message}`);
    }
  };
  const words = (kind: Section) => {
    const b = take(kind);
    if (b.byteLength % 4) throw new CacheError('a number section has a partial entry');
    return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  };

  const meta = json(Section.Meta) as { limits?: Partial<Record<keyof FormatLimits, unknown>>; files?: unknown; chunks?: unknown; search?: unknown };
  const limits = meta?.limits;
  if (typeof limits !== 'object' || limits === null || typeof limits.text !== 'number' || typeof limits.html !== 'number' || typeof limits.pdf !== 'number'
    || typeof meta.files !== 'number' || typeof meta.chunks !== 'number') throw new CacheError('the header section is malformed');
  const files: CachedFile[] = [];
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = json(Section.Files);
    if (!Array.isArray(chunk)) throw new CacheError('a files section is malformed');
    for (const f of chunk) {
      if (!isCachedFile(f)) throw new CacheError('a cached file entry is malformed');
      files.push(f);
    }
  }
  if (files.length !== meta.files) throw new CacheError('the number of files does not match the header');
  let search: SearchIndexState | null = null;
  if (meta.search) {
    const m = json(Section.SearchMeta) as { terms?: unknown; keys?: unknown; totalLength?: unknown; freeDocs?: unknown; capacity?: unknown; count?: unknown };
    if (!isStrings(m?.terms) || !isStrings(m.keys) || !isNumbers(m.totalLength) || !isNumbers(m.freeDocs)
      || typeof m.capacity !== 'number' || typeof m.count !== 'number') throw new CacheError('the search section is malformed');
    const counts = words(Section.TermCounts), postings = words(Section.Postings), lengths = words(Section.Lengths), docs = words(Section.Docs);
    search = { terms: { terms: m.terms, counts, postings, lengths, totalLength: m.totalLength, freeDocs: m.freeDocs, capacity: m.capacity, count: m.count }, keys: m.keys, docs };
  }
  if (next !== sections.length) throw new CacheError('unexpected sections at the end');
  return { limits: { text: limits.text, html: limits.html, pdf: limits.pdf }, files, search };
}

function isCachedFile(value: unknown): value is CachedFile {
  const f = value as CachedFile;
  if (typeof f !== 'object' || f === null || typeof f.location !== 'string' || typeof f.file !== 'string'
    || typeof f.mtime !== 'number' || typeof f.size !== 'number') return false;
  if (f.warning !== undefined && typeof f.warning !== 'string') return false;
  if (f.article === undefined) return f.key === undefined && f.warning !== undefined;
  const a = f.article;
  return typeof f.key === 'string' && typeof a === 'object' && a !== null && typeof a.label === 'string' && typeof a.body === 'string'
    && typeof a.baseKey === 'string' && typeof a.excerpt === 'string' && typeof a.words === 'number'
    && Array.isArray(a.countries) && Array.isArray(a.persons)
    && (a.author === null || typeof a.author === 'string')
    && (a.format === undefined || a.format === 'text' || a.format === 'html' || a.format === 'pdf');
}

/** Whether files read with `cached` limits were read as they would be now. */
export function sameLimits(cached: FormatLimits, now: FormatLimits): boolean {
  return cached.text === now.text && cached.html === now.html && cached.pdf === now.pdf;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** FNV-1a over 32-bit words: fast enough for hundreds of MB, and catches flipped or zeroed blocks. */
function checksum(bytes: Uint8Array, from: number, to: number): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

// ---- storage -----------------------------------------------------------------------------------------

/** The few file operations the cache needs, given by the host (`workspace.fs` or Node's fs). */
export interface CacheStorage {
  /** The file's bytes, or undefined when it does not exist. */
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Replaces `to` by `from` in one step. */
  rename(from: string, to: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Writes the cache file through a temp file of its own and a rename: never a half-written cache file. */
export async function writeCache(storage: CacheStorage, bytes: Uint8Array): Promise<void> {
  const temp = `${CACHE_FILE}.${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    await storage.write(temp, bytes);
    await storage.rename(temp, CACHE_FILE);
  } catch (error) {
    await storage.delete(temp).catch(() => undefined); // the write itself failed: its error is the one to report
    throw error;
  }
}

/**
 * The cached snapshot, or null when there is none or it cannot be used; `log` hears why a cache
 * was thrown away (and the bad file is deleted, so it is rebuilt rather than re-read every time).
 */
export async function readCache(storage: CacheStorage, log: (message: string) => void): Promise<CacheSnapshot | null> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await storage.read(CACHE_FILE);
  } catch (error) {
    log(`Cache not readable, indexing from the files: ${(error as Error).message}`);
    return null;
  }
  if (!bytes) return null;
  try {
    return decodeCache(bytes);
  } catch (error) {
    log(`Cache discarded, indexing from the files: ${(error as Error).message}`);
    await storage.delete(CACHE_FILE).catch((e: unknown) => log(`Could not delete the discarded cache: ${(e as Error).message}`));
    return null;
  }
}
