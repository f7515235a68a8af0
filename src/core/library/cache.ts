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
import type { Article } from '../types';
import type { SearchIndex, SearchIndexState } from '../search';
import type { FormatLimits } from '../articles';
import { runSteps, runStepsInSlices } from '../steps';

/**
 * Bump when the reader, the entity extractor, the key derivation or this format change: every
 * cache of another version is discarded and rebuilt from the files.
 */
export const CACHE_VERSION = 15; // 2: records carry `author` and `format` (web pages, PDFs); size limits per format. 3: bodies and excerpts in one UTF-8 block, decoded when asked for; records as rows over tables of persons and countries. 4: entity rules of the real-articles work (persons, countries, datelines). 5: entity rules from the AMALGUM second dev set (titles, kin words, credit lines, events and currencies after a country) 6: an agency in brackets without a separator is a dateline only after a place ("City, Region" or capitals) 7: reader and entity rules from the third dev set (whole-page copies, date labels, scrapers' YAML, SEO metadata; role phrases, treaty plurals, "&" and "St." country names) 8: a country named inside a company or agency name ("Agence France-Presse", "Air France", "Japan Airlines") is not the country 9: PDFs a browser printed (running header and footer lines dropped, URL from the footer, no print date as the date, site name off the title) 10: saved blog pages without metadata tags (the rel="bookmark" heading, its byline block, the <title> split by it; ordinal days and "@ time" in date lines; a title tag's suffix that is the site's own name; a printed page's text from its headline on, its outlet from its <title>; a wrapped last paragraph above footer menus kept) 11: a line break inside a paragraph where the line was full and does not end a sentence (a PDF's or a hard-wrapped text's visual line) is a space, not a sentence break: a name wrapped over it is one name 12: person rules of issue #13's precision round (a bare word only a reporting verb vouches for names no person alone; title modifiers title no bare word; lists after a titled surname; "the X" is a thing; newspaper head words; a thing's noun before a run; a run after "University of") 13: function words of Spanish, Portuguese, French and Italian and sentence adverbs open no name; Cantonese, Spanish and Portuguese newspaper words; "-ción" nouns 14: a wrapped first paragraph ends the header; a titled page's header menus are furniture; a page's tail from its comments or other-posts heading on is not text; "Posted by" is a byline; .mhtml/.mht files are web archives (read through their page part); a whole-page copy's long menus are header furniture, its headline the line over its date, "X Online" its known outlet; the page's tail is dropped before its footer is read; date lines in French, German, Spanish, Portuguese and Italian, "14.30 GMT", "Posted on … by …", "By … | date"; a blurb among menus is no text start; elided particles dell'/al'; notes apps' fields (Readwise Metadata bullets, Logseq properties), YAML block and multi-line plain scalars, a title heading again, tag lines and export links before the text, a Created date last; an outlet and a date on one line ("Reuters, March 3, 2024"), a place or name and a date; a known outlet after a title's separator ("… | Reuters") is the outlet 15: given names of faker's non-English locales vouch for the full names they begin ("Kamran Ashtary", "Maxime Bernier"); a US state's name before a title word is its office ("Virginia Governor"); a run of four words or more that nothing vouches for and no given name or particle opens is no name ("Blogueros Reaccionan Ante Discurso de Obama"); more Romance prepositions open none ("Fora", "Tras"); "according to", "close to", "adviser to" are no place prepositions; international/banco/corp/plc/brigades/jihad are organisation words, der/die open a paper's name
export const CACHE_FILE = 'dossier-index.bin';

const MAGIC = 'DOSSIERC';
const HEADER_BYTES = 28; // magic, version, section count, body length, checksum, where the texts section starts
/**
 * Files per JSON section: keeps every string far below V8's limit at 100k+ articles, and each
 * step of `encodeCacheInSteps` short (about 2 MB of JSON).
 */
const FILES_PER_SECTION = 500;

const enum Section { Meta = 1, Files = 2, SearchMeta = 3, TermCounts = 4, Postings = 5, Lengths = 6, Docs = 7, BodyEnds = 8, Bodies = 9, Tables = 10 }

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

/**
 * Where the article texts of a cache are read from: the block's bytes in memory, or (the extension
 * and the CLI, on a local disk) the cache file itself, read a text at a time when one is shown, so
 * that reopening never reads them at all.
 */
export interface TextSource {
  /** Bytes `start` to `end` of the texts block. */
  read(start: number, end: number): Uint8Array;
}

/**
 * Article bodies and excerpts are most of a cache (about 75 %) and are needed only for a passage, a
 * hover or a dossier sentence at a time: an article's `body` and `excerpt` are getters that decode
 * their bytes from the texts block when read.
 */
export class BodyBlock {
  private static readonly utf8 = new TextDecoder();
  constructor(private readonly source: TextSource, private readonly ends: Uint32Array) {}
  get count(): number {
    return this.ends.length;
  }
  private failed = false;
  /** Where text `i` starts in the block. */
  start(i: number): number {
    return i ? this.ends[i - 1]! : 0;
  }
  end(i: number): number {
    return this.ends[i]!;
  }
  /** The bytes of texts `from` to `to - 1` as stored, or null when they cannot be read any more. */
  raw(from: number, to: number): Uint8Array | null {
    try {
      return this.source.read(this.start(from), this.end(to - 1));
    } catch {
      return null; // the article's getters say why (once) when the texts are encoded from them instead
    }
  }
  body(i: number): string {
    try {
      return BodyBlock.utf8.decode(this.source.read(i ? this.ends[i - 1]! : 0, this.ends[i]!));
    } catch (error) {
      // The cache file went away under an open window (deleted by hand): the text is missing until
      // the article is read again (Reindex); said once, not thrown into every feature that shows it.
      if (!this.failed) console.error(`Dossier: an article's text could not be read from the cache (Dossier: Reindex Articles reads it again): ${(error as Error).message}`);
      this.failed = true;
      return '';
    }
  }
}

/**
 * A file as one row (arrays parse several times faster than objects with repeated names):
 * location, file, mtime, size, warning, key, and the article's fields with its persons and
 * countries as [table index, mentions, …] pairs over the Tables section.
 */
type FileRow = [string, string, number, number, string | null, string | null, ArticleRow | null];
type ArticleRow = [title: string | null, label: string, date: string | null, outlet: string | null, url: string | null, author: string | null,
  words: number, explicitKey: string | null, baseKey: string, format: string | null, countries: number[], persons: number[]];
interface Tables {
  countries: [code: string, name: string][];
  persons: [id: string, name: string, variants: string[]][];
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
      entry.key = article.key;
      entry.article = fieldsOf(article);
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
 * The texts of articles restored from a cache file: the block they are in and their index there.
 * A rewrite of the cache copies these bytes as they are instead of reading, decoding and encoding
 * every text again (at 100k articles, 400 MB: the bulk of a rewrite). A non-enumerable property
 * under a symbol of this module: records compare, spread and serialise as they always did.
 */
const TEXTS = Symbol('cached texts');
interface CachedTexts {
  block: BodyBlock;
  index: number;
}
type WithTexts = { [TEXTS]?: CachedTexts };

function cachedBody(this: WithTexts): string {
  const t = this[TEXTS]!;
  return t.block.body(2 * t.index);
}
function cachedExcerpt(this: WithTexts): string {
  const t = this[TEXTS]!;
  return t.block.body(2 * t.index + 1);
}
// Shared accessors, defined on each object with the same functions: every restored article has one
// hidden class, so reading its fields stays fast. (An object literal with getters makes new getter
// functions per object, and V8 keeps such objects in dictionary mode: at 100k articles, patching the
// sorted list after one change took 240–440 ms that way, 80–115 ms with shared accessors.)
const BODY: PropertyDescriptor = { get: cachedBody, enumerable: true, configurable: true };
const EXCERPT: PropertyDescriptor = { get: cachedExcerpt, enumerable: true, configurable: true };

/** Gives `fields` the lazily decoded `body` and `excerpt` of text `texts.index` of a cache block. */
function withCachedTexts<T extends object>(fields: T, texts: CachedTexts): T {
  return Object.defineProperties(fields, { [TEXTS]: { value: texts }, excerpt: EXCERPT, body: BODY });
}

const cachedTexts = (article: object): CachedTexts | undefined => (article as WithTexts)[TEXTS];

/** An article's fields without its key, file and location; its texts are not read when they are cached. */
function fieldsOf(article: Article): ExtractedArticle {
  const texts = cachedTexts(article);
  if (!texts) {
    const { key: _key, file: _file, location: _location, ...fields } = article;
    return fields;
  }
  const a = article;
  const fields = {
    title: a.title, label: a.label, date: a.date, outlet: a.outlet, url: a.url, author: a.author,
    words: a.words, countries: a.countries, persons: a.persons,
    explicitKey: a.explicitKey, baseKey: a.baseKey,
  } as ExtractedArticle;
  withCachedTexts(fields, texts);
  if (a.format !== undefined) fields.format = a.format;
  return fields;
}

/**
 * Fills an empty corpus (and its search index, when the snapshot has one) from a snapshot, and
 * returns the stamps of the files it restored. The search index takes its state in when first
 * needed (`SearchIndex.restoreLater`: the views show the corpus first); `log` hears if that state
 * turns out unusable then (the index is then built from the articles). Throws when the corpus's
 * entries do not fit together; the corpus is then left empty.
 */
export function restoreSnapshot(snapshot: CacheSnapshot, corpus: Corpus, search: SearchIndex | null, log?: (message: string) => void): Map<string, FileStamp> {
  const { articles, warnings, stamps } = entriesOf(snapshot);
  corpus.batch(() => {
    corpus.restore(articles, warnings);
    // Inside the batch: before the change event, so the index does not index the articles anew.
    if (search && snapshot.search) search.restoreLater(snapshot.search, log);
  });
  return stamps;
}

/**
 * `restoreSnapshot` in time slices (`Corpus.restoreInSlices`): the host's thread is never held for
 * long by a large library, and the views fill as the slices go in. The caller keeps every other
 * change of the corpus back until it resolves.
 */
export async function restoreSnapshotInSlices(snapshot: CacheSnapshot, corpus: Corpus, search: SearchIndex | null, pause: () => Promise<void>, sliceMs: number,
  log?: (message: string) => void): Promise<Map<string, FileStamp>> {
  // (In steps as well: at 100k files one pass over them is a few hundred ms.)
  const { articles, warnings, stamps } = await runStepsInSlices(entrySteps(snapshot), pause, sliceMs);
  const restored = new Set<Article>();
  // Before the first slice's change event, so that the index does not index the articles anew.
  if (search && snapshot.search) search.restoreLater(snapshot.search, log, restored);
  await corpus.restoreInSlices(articles, warnings, pause, sliceMs, (article) => restored.add(article));
  return stamps;
}

type Entries = { articles: RestoredArticle[]; warnings: RestoredWarning[]; stamps: Map<string, FileStamp> };

function entriesOf(snapshot: CacheSnapshot): Entries {
  return runSteps(entrySteps(snapshot));
}

function* entrySteps(snapshot: CacheSnapshot): Generator<void, Entries> {
  const articles: RestoredArticle[] = [];
  const warnings: RestoredWarning[] = [];
  const stamps = new Map<string, FileStamp>();
  const { files } = snapshot;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (f.article && f.key) articles.push({ location: f.location, file: f.file, key: f.key, article: f.article });
    if (f.warning) warnings.push({ location: f.location, file: f.file, message: f.warning });
    stamps.set(f.location, { mtime: f.mtime, size: f.size });
    if ((i + 1) % ROWS_PER_STEP === 0) yield;
  }
  return { articles, warnings, stamps };
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
  return runSteps(encodeSteps(snapshot));
}

/**
 * `encodeCache` in steps, yielding to the host between sections (`pause`), so that writing the
 * cache of a large library never holds the extension host for long. The snapshot is taken before,
 * in one step; only its encoding is spread out.
 */
export async function encodeCacheInSteps(snapshot: CacheSnapshot, pause: () => Promise<void>): Promise<Uint8Array> {
  return runStepsInSlices(encodeSteps(snapshot), pause, 0);
}

/**
 * A step per section, and within the large ones per few hundred files or texts, per 16 MB copied:
 * at 100k articles, the rows with their texts encoded (~400 MB) were one step, and the host's
 * thread was held for seconds when a first open wrote its cache.
 */
function* encodeSteps(snapshot: CacheSnapshot): Generator<void, Uint8Array> {
  const sections: EncodedSection[] = [];
  for (const section of encodeSections(snapshot)) {
    if (section) sections.push(section);
    yield;
  }
  return yield* assembleSteps(sections);
}

/** Bytes copied into the file between two steps. */
const COPY_BYTES_PER_STEP = 16 << 20;

interface EncodedSection {
  kind: Section;
  bytes: Uint8Array;
}

/** The sections in order; a null between them is a step within one. */
function* encodeSections(snapshot: CacheSnapshot): Generator<EncodedSection | null> {
  const utf8 = new TextEncoder();
  const json = (kind: Section, value: unknown): EncodedSection => ({ kind, bytes: utf8.encode(JSON.stringify(value)) });
  const words = (kind: Section, array: Uint32Array): EncodedSection => ({ kind, bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength) });
  const chunks = Math.ceil(snapshot.files.length / FILES_PER_SECTION);
  yield json(Section.Meta, { limits: snapshot.limits, files: snapshot.files.length, chunks, search: !!snapshot.search });
  const tables: Tables = { countries: [], persons: [] };
  const countryIndex = new Map<string, number>(), personIndex = new Map<string, number>();
  const indexOf = <T>(map: Map<string, number>, list: T[], id: string, entry: () => T) => {
    let i = map.get(id);
    if (i === undefined) {
      i = list.push(entry()) - 1;
      map.set(id, i);
    }
    return i;
  };
  const rows: FileRow[] = [];
  // Per article, its body then its excerpt: encoded strings, or where they lie in a cache block.
  const texts: (Uint8Array | { block: BodyBlock; index: number })[] = [];
  for (const f of snapshot.files) {
    const a = f.article;
    let row: ArticleRow | null = null;
    if (a) {
      const countries: number[] = [], persons: number[] = [];
      for (const c of a.countries) countries.push(indexOf(countryIndex, tables.countries, `${c.code}\u0000${c.name}`, () => [c.code, c.name]), c.mentions);
      for (const p of a.persons) {
        persons.push(indexOf(personIndex, tables.persons, `${p.id}\u0000${p.name}\u0000${p.variants.join('\u0001')}`, () => [p.id, p.name, p.variants]), p.mentions);
      }
      row = [a.title, a.label, a.date, a.outlet, a.url, a.author, a.words, a.explicitKey, a.baseKey, a.format ?? null, countries, persons];
      const cached = cachedTexts(a);
      if (cached) texts.push({ block: cached.block, index: 2 * cached.index }, { block: cached.block, index: 2 * cached.index + 1 });
      else texts.push(utf8.encode(a.body), utf8.encode(a.excerpt));
    }
    if (rows.push([f.location, f.file, f.mtime, f.size, f.warning ?? null, f.key ?? null, row]) % ROWS_PER_STEP === 0) yield null;
  }
  yield json(Section.Tables, tables);
  for (let i = 0; i < chunks; i++) yield json(Section.Files, rows.slice(i * FILES_PER_SECTION, (i + 1) * FILES_PER_SECTION));
  const bytes = yield* copiedTexts(texts, utf8);
  const ends = new Uint32Array(bytes.length);
  let total = 0;
  bytes.forEach((b, i) => { total += b.byteLength; ends[i] = total; });
  yield words(Section.BodyEnds, ends);
  const block = new Uint8Array(total);
  for (let i = 0, copied = 0; i < bytes.length; i++) {
    block.set(bytes[i]!, i ? ends[i - 1]! : 0);
    if ((copied += bytes[i]!.byteLength) >= COPY_BYTES_PER_STEP) {
      copied = 0;
      yield null;
    }
  }
  const search = snapshot.search;
  if (search) {
    const { terms, counts, postings, lengths, ...rest } = search.terms;
    yield json(Section.SearchMeta, { terms, keys: search.keys, ...rest });
    yield words(Section.TermCounts, counts);
    yield words(Section.Postings, postings);
    yield words(Section.Lengths, lengths);
    yield words(Section.Docs, search.docs);
  }
  // Last, so that a reader can stop before it and read a text only when one is shown.
  yield { kind: Section.Bodies, bytes: block };
}

/**
 * The texts' bytes. Cached ones are read from their block in runs (consecutive texts of one block
 * in one read: a library rewritten after one change is one run, not 200,000 reads); a run that can
 * no longer be read is encoded from the articles' texts instead (which then say why they are empty).
 */
const RUN_BYTES = 8 << 20;

function* copiedTexts(texts: readonly (Uint8Array | { block: BodyBlock; index: number })[], utf8: { encode(text: string): Uint8Array }): Generator<null, Uint8Array[]> {
  const out: Uint8Array[] = new Array(texts.length);
  for (let i = 0, step = 0; i < texts.length;) {
    if (i >= step) {
      step = i + 2 * ROWS_PER_STEP;
      yield null;
    }
    const t = texts[i]!;
    if (t instanceof Uint8Array) {
      out[i++] = t;
      continue;
    }
    // (Runs of at most 8 MB: the run is a copy until the block is assembled.)
    const limit = t.block.start(t.index) + RUN_BYTES;
    let j = i + 1;
    for (; j < texts.length; j++) {
      const next = texts[j]!;
      if (next instanceof Uint8Array || next.block !== t.block || next.index !== t.index + (j - i) || t.block.end(next.index) > limit) break;
    }
    const run = t.block.raw(t.index, t.index + (j - i));
    const base = t.block.start(t.index);
    for (let k = i; k < j; k++) {
      const index = t.index + (k - i);
      out[k] = run
        ? run.subarray(t.block.start(index) - base, t.block.end(index) - base)
        : utf8.encode(t.block.body(index));
    }
    i = j;
  }
  return out;
}

function* assembleSteps(sections: EncodedSection[]): Generator<void, Uint8Array> {
  const bodyBytes = sections.reduce((n, s) => n + 8 + pad4(s.bytes.byteLength), 0);
  const out = new Uint8Array(HEADER_BYTES + bodyBytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, CACHE_VERSION, true);
  view.setUint32(12, sections.length, true);
  view.setUint32(16, bodyBytes, true);
  let at = HEADER_BYTES;
  let textsAt = 0;
  for (const s of sections) {
    view.setUint32(at, s.kind, true);
    view.setUint32(at + 4, s.bytes.byteLength, true);
    for (let from = 0; from < s.bytes.byteLength; from += COPY_BYTES_PER_STEP) {
      out.set(s.bytes.subarray(from, from + COPY_BYTES_PER_STEP), at + 8 + from);
      yield;
    }
    if (s.kind === Section.Bodies) textsAt = at;
    at += 8 + pad4(s.bytes.byteLength);
  }
  view.setUint32(24, textsAt, true);
  // Everything before the texts' bytes (the texts section is last; see `checksumOfPrefix`).
  view.setUint32(20, yield* checksumSteps(out, HEADER_BYTES, textsAt + 8), true);
  return out;
}

/** The header of a cache file: what `decodeCachePrefix` needs to know how much to read. */
export interface CacheHeader {
  /** Bytes from the start of the file to the first byte of the article texts. */
  prefixBytes: number;
  /** The whole file's length. */
  fileBytes: number;
}

/** Reads the fixed header (the first `CACHE_HEADER_BYTES` bytes); throws `CacheError` when it is not a usable cache. */
export function readCacheHeader(head: Uint8Array): CacheHeader {
  if (head.byteLength < HEADER_BYTES) throw new CacheError('the file is truncated (no header)');
  for (let i = 0; i < MAGIC.length; i++) if (head[i] !== MAGIC.charCodeAt(i)) throw new CacheError('not a Dossier cache file');
  const view = new DataView(head.buffer, head.byteOffset, HEADER_BYTES);
  const version = view.getUint32(8, true);
  if (version !== CACHE_VERSION) throw new CacheError(`written by another version of Dossier (format ${version}, this one reads ${CACHE_VERSION})`);
  const textsAt = view.getUint32(24, true);
  const fileBytes = HEADER_BYTES + view.getUint32(16, true);
  if (textsAt < HEADER_BYTES || textsAt + 8 > fileBytes || textsAt % 4) throw new CacheError('the header is malformed');
  return { prefixBytes: textsAt + 8, fileBytes };
}

export const CACHE_HEADER_BYTES = HEADER_BYTES;

/** Reads a cache file held in memory; throws `CacheError` saying what is wrong with it. */
export function decodeCache(input: Uint8Array, timings?: Record<string, number>): CacheSnapshot {
  const { prefix, texts } = splitWhole(input);
  return decodeCachePrefix(prefix, input.byteLength, texts, timings);
}

/** A whole cache file in memory as its prefix and the source of its texts; throws `CacheError`. */
function splitWhole(input: Uint8Array): { prefix: Uint8Array; texts: TextSource } {
  const header = readCacheHeader(input);
  if (input.byteLength !== header.fileBytes) throw new CacheError(`the file is truncated or padded (${input.byteLength} bytes, expected ${header.fileBytes})`);
  const texts = input.subarray(header.prefixBytes);
  return { prefix: input.subarray(0, header.prefixBytes), texts: { read: (start, end) => texts.subarray(start, end) } };
}

/**
 * Reads a cache file from its prefix (the bytes before the article texts, `CacheHeader.prefixBytes`
 * of them) and its length; the texts are read from `texts` when shown. Throws `CacheError`.
 */
export function decodeCachePrefix(input: Uint8Array, fileBytes: number, texts: TextSource, timings?: Record<string, number>): CacheSnapshot {
  return runSteps(decodeSteps(input, fileBytes, texts, timings));
}

/**
 * `decodeCachePrefix` in time slices: `pause()` is awaited whenever a slice has run `sliceMs`, so a
 * large cache (10k articles: ~0.5 s of parsing, 100k: ~5 s) never holds the host's thread in one
 * piece. Each step is one section of rows (`FILES_PER_SECTION`), a run of rows or of the checksum.
 */
export async function decodeCachePrefixInSlices(input: Uint8Array, fileBytes: number, texts: TextSource, pause: () => Promise<void>, sliceMs: number,
  timings?: Record<string, number>): Promise<CacheSnapshot> {
  return runStepsInSlices(decodeSteps(input, fileBytes, texts, timings), pause, sliceMs);
}

/** Rows converted between two yields of `decodeSteps`. */
const ROWS_PER_STEP = 500;

function* decodeSteps(input: Uint8Array, fileBytes: number, texts: TextSource, timings?: Record<string, number>): Generator<void, CacheSnapshot> {
  let t = performance.now();
  const mark = (name: string) => {
    if (timings) timings[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  // Typed-array sections need 4-byte alignment: copy when the bytes do not start on one.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const header = readCacheHeader(bytes);
  if (header.fileBytes !== fileBytes) throw new CacheError(`the file is truncated or padded (${fileBytes} bytes, expected ${header.fileBytes})`);
  if (bytes.byteLength !== header.prefixBytes) throw new CacheError('the file is truncated (its texts section is missing)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectionCount = view.getUint32(12, true);
  // Everything but the texts is checked: a flipped byte in a text can only change a shown character.
  if ((yield* checksumSteps(bytes, HEADER_BYTES, bytes.byteLength)) !== view.getUint32(20, true)) throw new CacheError('checksum mismatch (the file is corrupt)');
  mark('cacheChecksum');

  // Not `fatal`: the checksum has vouched for the bytes, and fatal decoding is several times slower.
  const utf8 = new TextDecoder('utf-8');
  const sections: { kind: number; bytes: Uint8Array }[] = [];
  let at = HEADER_BYTES;
  let textsLength = -1;
  for (let i = 0; i < sectionCount; i++) {
    if (at + 8 > bytes.byteLength) throw new CacheError('a section runs past the end');
    const kind = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    if (kind === Section.Bodies) {
      // The last section, its bytes outside the prefix.
      if (i !== sectionCount - 1 || at + 8 !== bytes.byteLength || at + 8 + pad4(length) !== fileBytes) throw new CacheError('the texts section is malformed');
      textsLength = length;
      break;
    }
    if (at + 8 + length > bytes.byteLength) throw new CacheError('a section runs past the end');
    sections.push({ kind, bytes: bytes.subarray(at + 8, at + 8 + length) });
    at += 8 + pad4(length);
  }
  if (textsLength < 0) throw new CacheError('the texts section is missing');
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
  const tables = json(Section.Tables) as Tables;
  if (!isTables(tables)) throw new CacheError('the tables section is malformed');
  // Shared by every article that names them, so frozen: no feature may change one article's list.
  const countries = tables.countries.map(([code, name]) => Object.freeze({ code, name }));
  const persons = tables.persons.map(([id, name, variants]) => Object.freeze({ id, name, variants: Object.freeze(variants) as string[] }));
  const rows: FileRow[] = [];
  for (let i = 0; i < meta.chunks; i++) {
    const chunk = json(Section.Files);
    if (!Array.isArray(chunk)) throw new CacheError('a files section is malformed');
    for (const row of chunk) rows.push(row as FileRow);
    yield;
  }
  if (rows.length !== meta.files) throw new CacheError('the number of files does not match the header');
  mark('cacheParseFiles');
  const ends = words(Section.BodyEnds);
  for (let i = 0, last = 0; i < ends.length; last = ends[i++]!) {
    if (ends[i]! < last || ends[i]! > textsLength) throw new CacheError('the bodies section is malformed');
  }
  if ((ends.length ? ends[ends.length - 1]! : 0) !== textsLength) throw new CacheError('the bodies section is malformed');
  const block = new BodyBlock(texts, ends);
  const files: CachedFile[] = [];
  let nextText = 0;
  for (const row of rows) {
    const file = fileOfRow(row, countries, persons, block, nextText);
    if (!file) throw new CacheError('a cached file entry is malformed');
    if (file.article) nextText++;
    if (files.push(file) % ROWS_PER_STEP === 0) yield;
  }
  if (nextText * 2 !== ends.length) throw new CacheError('the number of bodies does not match the articles');
  mark('cacheRows');
  yield;
  let search: SearchIndexState | null = null;
  if (meta.search) {
    const m = json(Section.SearchMeta) as { terms?: unknown; keys?: unknown; totalLength?: unknown; freeDocs?: unknown; capacity?: unknown; count?: unknown };
    if (!isStrings(m?.terms) || !isStrings(m.keys) || !isNumbers(m.totalLength) || !isNumbers(m.freeDocs)
      || typeof m.capacity !== 'number' || typeof m.count !== 'number') throw new CacheError('the search section is malformed');
    const counts = words(Section.TermCounts), postings = words(Section.Postings), lengths = words(Section.Lengths), docs = words(Section.Docs);
    search = { terms: { terms: m.terms, counts, postings, lengths, totalLength: m.totalLength, freeDocs: m.freeDocs, capacity: m.capacity, count: m.count }, keys: m.keys, docs };
  }
  if (next !== sections.length) throw new CacheError('unexpected sections at the end');
  mark('cacheParseRest');
  return { limits: { text: limits.text, html: limits.html, pdf: limits.pdf }, files, search };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isTables(t: unknown): t is Tables {
  const tables = t as Tables;
  return typeof tables === 'object' && tables !== null && Array.isArray(tables.countries) && Array.isArray(tables.persons)
    && tables.countries.every((c) => Array.isArray(c) && isString(c[0]) && isString(c[1]))
    && tables.persons.every((p) => Array.isArray(p) && isString(p[0]) && isString(p[1]) && isStrings(p[2]));
}

/** The file a row describes (its body and excerpt to be read from the block), or null when the row is malformed. */
function fileOfRow(row: unknown, countries: readonly { code: string; name: string }[], persons: readonly { id: string; name: string; variants: string[] }[],
  block: BodyBlock, text: number): CachedFile | null {
  if (!Array.isArray(row) || row.length !== 7) return null;
  const [location, file, mtime, size, warning, key, a] = row as FileRow;
  if (!isString(location) || !isString(file) || typeof mtime !== 'number' || typeof size !== 'number' || !isNullableString(warning) || !isNullableString(key)) return null;
  const out: CachedFile = { location, file, mtime, size };
  if (warning !== null) out.warning = warning;
  if (a === null) return key === null && warning !== null ? out : null;
  if (key === null || !Array.isArray(a) || a.length !== 12) return null;
  const [title, label, date, outlet, url, author, words, explicitKey, baseKey, format, countryPairs, personPairs] = a;
  if (!isNullableString(title) || !isString(label) || !isNullableString(date) || !isNullableString(outlet) || !isNullableString(url)
    || !isNullableString(author) || typeof words !== 'number' || !isNullableString(explicitKey) || !isString(baseKey)
    || !(format === null || format === 'text' || format === 'html' || format === 'pdf')
    || !Array.isArray(countryPairs) || !Array.isArray(personPairs) || countryPairs.length % 2 || personPairs.length % 2) return null;
  const articleCountries: ExtractedArticle['countries'] = [];
  for (let i = 0; i < countryPairs.length; i += 2) {
    const c = countries[countryPairs[i]!];
    if (!c || typeof countryPairs[i + 1] !== 'number') return null;
    articleCountries.push({ code: c.code, name: c.name, mentions: countryPairs[i + 1]! });
  }
  const articlePersons: ExtractedArticle['persons'] = [];
  for (let i = 0; i < personPairs.length; i += 2) {
    const p = persons[personPairs[i]!];
    if (!p || typeof personPairs[i + 1] !== 'number') return null;
    articlePersons.push({ id: p.id, name: p.name, variants: p.variants, mentions: personPairs[i + 1]! });
  }
  // Plain fields, then the texts as shared accessors (see `withCachedTexts`): a spread still copies the texts.
  const article = { title, label, date, outlet, url, author, words, countries: articleCountries, persons: articlePersons, explicitKey, baseKey } as ExtractedArticle;
  withCachedTexts(article, { block, index: text });
  if (format !== null) article.format = format;
  out.key = key;
  out.article = article;
  return out;
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

/** Words of the checksum between two yields (4 MB: a few milliseconds). */
const CHECKSUM_WORDS_PER_STEP = 1 << 20;

/**
 * FNV-1a over 32-bit words in four interleaved lanes (four independent multiply chains run about
 * three times as fast as one), folded together: catches flipped, zeroed or shifted blocks. In steps.
 */

function* checksumSteps(bytes: Uint8Array, from: number, to: number): Generator<void, number> {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >>> 2);
  let a = 0x811c9dc5, b = 0x01000193, c = 0x9e3779b9, d = 0x85ebca6b;
  const n = words.length & ~3;
  let i = 0;
  while (i < n) {
    for (const stop = Math.min(n, i + CHECKSUM_WORDS_PER_STEP); i < stop; i += 4) {
      a = Math.imul(a ^ words[i]!, 0x01000193);
      b = Math.imul(b ^ words[i + 1]!, 0x01000193);
      c = Math.imul(c ^ words[i + 2]!, 0x01000193);
      d = Math.imul(d ^ words[i + 3]!, 0x01000193);
    }
    if (i < n) yield;
  }
  for (; i < words.length; i++) a = Math.imul(a ^ words[i]!, 0x01000193);
  let h = Math.imul(a ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  h = Math.imul(h ^ d, 0x01000193);
  return (h ^ words.length) >>> 0;
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
  /**
   * Opens the file for reads at any place (a local disk: the extension, the CLI), or undefined when
   * it does not exist; without it, the whole file is read with `read`.
   */
  openForReading?(name: string): Promise<RandomAccessFile | undefined>;
}

/** A file kept open: its prefix read once, its article texts one at a time, when shown. */
export interface RandomAccessFile {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
  /** A short read of bytes already on disk (an article's text): microseconds, so synchronous. */
  readSync(position: number, length: number): Uint8Array;
  close(): Promise<void>;
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
export async function readCache(storage: CacheStorage, log: (message: string) => void, timings?: Record<string, number>,
  slices?: { pause: () => Promise<void>; sliceMs: number }): Promise<CacheSnapshot | null> {
  const decodePrefix = (prefix: Uint8Array, fileBytes: number, texts: TextSource) => (slices
    ? decodeCachePrefixInSlices(prefix, fileBytes, texts, slices.pause, slices.sliceMs, timings)
    : decodeCachePrefix(prefix, fileBytes, texts, timings));
  const t = performance.now();
  const discard = async (error: unknown) => {
    log(`Cache discarded, indexing from the files: ${(error as Error).message}`);
    await storage.delete(CACHE_FILE).catch((e: unknown) => log(`Could not delete the discarded cache: ${(e as Error).message}`));
    return null;
  };
  if (storage.openForReading) {
    let file: RandomAccessFile | undefined;
    let header: CacheHeader;
    let prefix: Uint8Array;
    try {
      file = await storage.openForReading(CACHE_FILE);
      if (!file) return null;
      try {
        header = readCacheHeader(await file.read(0, Math.min(file.size, CACHE_HEADER_BYTES)));
      } catch (error) {
        await file.close();
        return error instanceof CacheError ? discard(error) : Promise.reject(error);
      }
      prefix = await file.read(0, Math.min(file.size, header.prefixBytes));
    } catch (error) {
      await file?.close().catch(() => undefined); // the read's error is the one to report
      log(`Cache not readable, indexing from the files: ${(error as Error).message}`);
      return null;
    }
    if (timings) timings.cacheRead = Math.round(performance.now() - t);
    const opened = file;
    try {
      // The file stays open for the texts (a rename over it by a later write leaves this one readable).
      return await decodePrefix(prefix, opened.size, { read: (start, end) => opened.readSync(header.prefixBytes + start, end - start) });
    } catch (error) {
      await opened.close();
      return discard(error);
    }
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await storage.read(CACHE_FILE);
    if (timings) timings.cacheRead = Math.round(performance.now() - t);
  } catch (error) {
    log(`Cache not readable, indexing from the files: ${(error as Error).message}`);
    return null;
  }
  if (!bytes) return null;
  try {
    const { prefix, texts } = splitWhole(bytes);
    return await decodePrefix(prefix, bytes.byteLength, texts);
  } catch (error) {
    return discard(error);
  }
}
