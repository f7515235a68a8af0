// The inverted index behind search: a vocabulary radix tree (MiniSearch's public `SearchableMap`,
// which gives fuzzy and prefix lookup of terms) whose values are compact posting lists, and a
// scorer that adds BM25 scores into typed arrays indexed by document number.
//
// Why not MiniSearch's own `search()`: it builds one result object per matching document and per
// matched term (a Map entry, a `match` object, arrays of fields), so a query with a common or
// fuzzy-expanded word allocates tens of thousands of objects; at 100k articles that was ~440 ms a
// query (p95), against a 50 ms target. Here a posting is one small integer (document number × 4 +
// term frequency, frequency capped at 3), scoring is a loop over integer arrays into Float64Arrays
// reused between queries, and only the best `limit` documents ever become objects. The scoring
// formula is MiniSearch's (BM25+ with k 1.2, b 0.7, d 0.5; fuzzy and prefix weights 0.45 and
// 0.375), so ranking did not change when the engine did.

import SearchableMap from 'minisearch/SearchableMap';

/** Postings of one term: per field, `docNumber * 4 + min(tf, 3)`; unordered. */
/**
 * A term's postings per field. Restored from the cache they are views into its bytes (no copy:
 * 1.7 million postings at 10k articles); a list becomes an array the first time it changes.
 */
type PostingList = number[] | Uint32Array;
type TermEntry = (PostingList | undefined)[];

/**
 * Adds a posting to field `f` of a term. A list restored from the cache is a view into the cache's
 * postings: the first posting added to it makes a copy of it one longer (a memory copy, ~20 µs for
 * 100,000 postings), the second turns that copy into a growable array (then appends are amortised
 * constant). So a term gets at most two copies of its list, and the first file saved after a reopen
 * copies each of its terms' lists as bytes rather than converting the long lists of common words to
 * arrays one number at a time (~20 ms of one saved file at 100k).
 */
function append(entry: TermEntry, f: number, posting: number): void {
  const list = entry[f];
  if (Array.isArray(list)) {
    list.push(posting);
    return;
  }
  if (!list) {
    entry[f] = [posting];
    return;
  }
  if (!copiedLists.has(list)) {
    const copy = new Uint32Array(list.length + 1);
    copy.set(list);
    copy[list.length] = posting;
    copiedLists.add(copy);
    entry[f] = copy;
    return;
  }
  // (A counted loop into an array of the right length: Array.from goes through the iterator protocol.)
  const array = new Array<number>(list.length + 1);
  for (let i = 0; i < list.length; i++) array[i] = list[i]!;
  array[list.length] = posting;
  entry[f] = array;
}

/** Lists copied once by `append` (the next append makes them arrays); a removal's shrunk view of one stays one. */
const copiedLists = new WeakSet<Uint32Array>();

/**
 * A field's terms counted already (by an extraction worker, off the host's thread): each distinct
 * term once, in first-seen order, with how often it occurs (capped at 255; postings keep at most 3).
 */
export interface CountedTerms {
  readonly terms: readonly string[];
  readonly counts: Uint8Array;
}

/** Per field, the terms of one document (repeated as often as they occur), or counted already. */
export type FieldTerms = readonly (readonly string[] | CountedTerms)[];

/** `terms` counted (empty strings left out), as `TermIndex.add` counts a field. */
export function countedTerms(terms: readonly string[]): CountedTerms {
  const counts = countTerms(terms);
  const out = new Uint8Array(counts.size);
  let i = 0;
  for (const n of counts.values()) out[i++] = Math.min(n, 255);
  return { terms: [...counts.keys()], counts: out };
}

/** Calls `visit` with each distinct term of a field and its count; returns how many there are. */
function eachCount(field: readonly string[] | CountedTerms, visit: (term: string, tf: number) => void): number {
  if (!Array.isArray(field)) {
    const { terms, counts } = field as CountedTerms;
    for (let i = 0; i < terms.length; i++) visit(terms[i]!, counts[i]!);
    return terms.length;
  }
  const counts = countTerms(field);
  for (const [term, tf] of counts) visit(term, tf);
  return counts.size;
}

/** One indexed term that answers a query word, with the weight MiniSearch would give it. */
export interface Expansion {
  term: string;
  weight: number;
}

/** Per-document results of `score()`, valid until the next call. */
export interface Scores {
  /** Documents with any hit, in the order first reached. */
  docs: number[];
  score: Float64Array;
  /** Bit i set: query word i matched the document. */
  words: Uint32Array;
  /** Bit f set: some query word matched field f. */
  fields: Uint8Array;
  /** `fieldHits[doc * fieldCount + f]`: how many expansion terms matched field f. */
  fieldHits: Uint16Array;
}

/**
 * The whole index as flat arrays, for the persistent cache: restoring it costs one pass over the
 * postings instead of re-tokenising every body.
 */
export interface TermIndexState {
  terms: string[];
  /** `counts[t * fieldCount + f]`: how many postings term t has in field f. */
  counts: Uint32Array;
  /** Every posting, term by term, field by field. */
  postings: Uint32Array;
  /** `lengths[f * capacity + doc]`: distinct terms of the document in field f. */
  lengths: Uint32Array;
  totalLength: number[];
  freeDocs: number[];
  capacity: number;
  count: number;
}

const MAX_TF = 3;
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Query words beyond this many are ignored (the word mask is 32 bits). */
export const MAX_QUERY_WORDS = 32;

/** Terms brought into the vocabulary between two yields of `TermIndex.restoreSteps`. */
const TERMS_PER_STEP = 5_000;

export class TermIndex {
  // The same entries twice: a hash map for exact lookups (the hot path of indexing and scoring)
  // and the radix tree for fuzzy and prefix lookups.
  private readonly entries = new Map<string, TermEntry>();
  private readonly vocabulary = new SearchableMap<TermEntry>();
  private readonly lengths: number[][];
  private readonly totalLength: number[];
  private readonly freeDocs: number[] = [];
  private nextDoc = 0;
  private count = 0;
  // Scratch arrays for scoring, grown with `nextDoc`; `stamp` marks which entries this query wrote.
  private stamp = new Uint32Array(0);
  private generation = 0;
  private scores: Scores = { docs: [], score: new Float64Array(0), words: new Uint32Array(0), fields: new Uint8Array(0), fieldHits: new Uint16Array(0) };

  constructor(readonly fieldCount: number) {
    this.lengths = Array.from({ length: fieldCount }, () => []);
    this.totalLength = new Array<number>(fieldCount).fill(0);
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.count;
  }

  /** Upper bound (exclusive) of document numbers in use. */
  get capacity(): number {
    return this.nextDoc;
  }

  has(term: string): boolean {
    return this.entries.has(term);
  }

  /** Adds a document and returns its number (numbers of removed documents are reused). */
  add(fields: FieldTerms): number {
    const doc = this.freeDocs.pop() ?? this.nextDoc++;
    for (let f = 0; f < this.fieldCount; f++) {
      const distinct = eachCount(fields[f] ?? [], (term, tf) => {
        let entry = this.entries.get(term);
        if (!entry) {
          entry = new Array<PostingList | undefined>(this.fieldCount).fill(undefined);
          this.entries.set(term, entry);
          this.vocabulary.set(term, entry);
        }
        append(entry, f, doc * 4 + Math.min(tf, MAX_TF));
      });
      this.lengths[f]![doc] = distinct;
      this.totalLength[f]! += distinct;
    }
    this.count++;
    return doc;
  }

  /** Removes a document; `fields` must be the terms it was added with. */
  remove(doc: number, fields: FieldTerms): void {
    for (let f = 0; f < this.fieldCount; f++) {
      eachCount(fields[f] ?? [], (term, tf) => {
        const entry = this.entries.get(term);
        if (!entry?.[f]) return;
        const list = entry[f]!;
        const at = list.indexOf(doc * 4 + Math.min(tf, MAX_TF));
        if (at < 0) return;
        // (Unordered: the last posting takes its place. A list restored from the cache shrinks as a
        // view, in place: turning it into an array first copied the long lists of common words, most
        // of one saved file's time at 100k.)
        list[at] = list[list.length - 1]!;
        const remaining = list.length - 1;
        if (Array.isArray(list)) list.pop();
        else {
          const view = list.subarray(0, remaining);
          if (copiedLists.has(list)) copiedLists.add(view);
          entry[f] = view;
        }
        if (!remaining) {
          entry[f] = undefined;
          if (entry.every((l) => !l)) {
            this.entries.delete(term);
            this.vocabulary.delete(term);
          }
        }
      });
      this.totalLength[f]! -= this.lengths[f]![doc] ?? 0;
      this.lengths[f]![doc] = 0;
    }
    this.count--;
    this.freeDocs.push(doc);
  }

  /**
   * Removes documents whose terms are no longer known (documents restored from the cache whose
   * articles changed before the index was brought in): one pass over every posting, so linear in
   * the index's size however many documents go.
   */
  purge(docs: Iterable<number>): void {
    const gone = new Uint8Array(this.nextDoc);
    let n = 0;
    for (const doc of docs) {
      if (doc < this.nextDoc && !gone[doc]) {
        gone[doc] = 1;
        n++;
      }
    }
    if (!n) return;
    for (const [term, entry] of this.entries) {
      let left = false;
      for (let f = 0; f < this.fieldCount; f++) {
        const list = entry[f];
        if (!list) continue;
        let keep = 0;
        for (let i = 0; i < list.length; i++) if (!gone[list[i]! >>> 2]) keep++;
        if (keep === list.length) {
          left = true;
          continue;
        }
        if (!keep) {
          entry[f] = undefined;
          continue;
        }
        const kept: number[] = [];
        for (let i = 0; i < list.length; i++) if (!gone[list[i]! >>> 2]) kept.push(list[i]!);
        entry[f] = kept;
        left = true;
      }
      if (!left) {
        this.entries.delete(term);
        this.vocabulary.delete(term);
      }
    }
    for (let doc = 0; doc < gone.length; doc++) {
      if (!gone[doc]) continue;
      for (let f = 0; f < this.fieldCount; f++) {
        this.totalLength[f]! -= this.lengths[f]![doc] ?? 0;
        this.lengths[f]![doc] = 0;
      }
      this.count--;
      this.freeDocs.push(doc);
    }
  }

  serialize(): TermIndexState {
    const fieldCount = this.fieldCount;
    const terms = [...this.entries.keys()];
    const counts = new Uint32Array(terms.length * fieldCount);
    let total = 0;
    terms.forEach((term, t) => {
      const entry = this.entries.get(term)!;
      for (let f = 0; f < fieldCount; f++) total += counts[t * fieldCount + f] = entry[f]?.length ?? 0;
    });
    const postings = new Uint32Array(total);
    let at = 0;
    for (const term of terms) {
      for (const list of this.entries.get(term)!) if (list) for (let i = 0; i < list.length; i++) postings[at++] = list[i]!;
    }
    const capacity = this.nextDoc;
    const lengths = new Uint32Array(fieldCount * capacity);
    for (let f = 0; f < fieldCount; f++) {
      const fieldLengths = this.lengths[f]!;
      for (let doc = 0; doc < capacity; doc++) lengths[f * capacity + doc] = fieldLengths[doc] ?? 0;
    }
    return { terms, counts, postings, lengths, totalLength: [...this.totalLength], freeDocs: [...this.freeDocs], capacity, count: this.count };
  }

  /**
   * Rebuilds an index from `serialize()`'s output; throws when the state is inconsistent. In steps
   * (a yield after each run of `TERMS_PER_STEP` terms) for a caller that slices its time; `runSteps`
   * (core/steps) runs it at once.
   */
  static *restoreSteps(fieldCount: number, state: TermIndexState): Generator<void, TermIndex> {
    const { terms, counts, postings, lengths, capacity } = state;
    const bad = (why: string) => new Error(`search index in the cache is inconsistent: ${why}`);
    if (counts.length !== terms.length * fieldCount) throw bad('term counts');
    if (lengths.length !== fieldCount * capacity || state.totalLength.length !== fieldCount) throw bad('lengths');
    if (state.count < 0 || state.count + state.freeDocs.length !== capacity) throw bad('document count');
    const index = new TermIndex(fieldCount);
    // One pass over the postings for their document numbers, then views into them per term.
    const maxPosting = capacity * 4;
    for (let i = 0; i < postings.length; i++) if (postings[i]! >= maxPosting) throw bad('document number');
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const entry = new Array<PostingList | undefined>(fieldCount).fill(undefined);
      for (let f = 0; f < fieldCount; f++) {
        const n = counts[t * fieldCount + f]!;
        if (!n) continue;
        if (at + n > postings.length) throw bad('postings');
        entry[f] = postings.subarray(at, at + n);
        at += n;
      }
      const term = terms[t]!;
      if (typeof term !== 'string' || !term || index.entries.has(term)) throw bad('terms');
      index.entries.set(term, entry);
      index.vocabulary.set(term, entry);
      if ((t + 1) % TERMS_PER_STEP === 0) yield;
    }
    if (at !== postings.length) throw bad('postings');
    for (let f = 0; f < fieldCount; f++) {
      const fieldLengths = index.lengths[f]!;
      for (let doc = 0; doc < capacity; doc++) fieldLengths[doc] = lengths[f * capacity + doc]!;
      index.totalLength[f] = state.totalLength[f]!;
    }
    for (const doc of state.freeDocs) index.freeDocs.push(doc);
    index.nextDoc = capacity;
    index.count = state.count;
    return index;
  }

  /**
   * The terms that answer a query word: the word itself when indexed; otherwise terms within
   * `maxEdits` edits and, when `prefix`, terms starting with it (weighted as MiniSearch does).
   */
  expand(word: string, maxEdits: number, prefix: boolean): Expansion[] {
    if (this.entries.has(word)) return [{ term: word, weight: 1 }];
    const out = new Map<string, number>();
    if (maxEdits > 0) {
      for (const [term, [, distance]] of this.vocabulary.fuzzyGet(word, maxEdits)) {
        out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    if (prefix) {
      for (const [term] of this.vocabulary.atPrefix(word)) {
        const distance = term.length - word.length;
        out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    return [...out].map(([term, weight]) => ({ term, weight }));
  }

  /**
   * Scores documents for query words given as their expansions: BM25+ per field times the field's
   * boost and the expansion's weight, summed. `allowed`, when given, limits the documents scored.
   */
  score(words: Expansion[][], boosts: readonly number[], allowed?: Uint8Array): Scores {
    this.ensureScratch();
    const gen = ++this.generation;
    const { stamp } = this;
    const { score, words: wordMask, fields: fieldMask, fieldHits } = this.scores;
    const docs: number[] = [];
    const n = this.count;
    const fieldCount = this.fieldCount;
    for (let w = 0; w < words.length && w < MAX_QUERY_WORDS; w++) {
      const bit = 1 << w;
      for (const { term, weight } of words[w]!) {
        const entry = this.entries.get(term);
        if (!entry) continue;
        for (let f = 0; f < fieldCount; f++) {
          const list = entry[f];
          if (!list) continue;
          const lengths = this.lengths[f]!;
          const avg = this.totalLength[f]! / Math.max(1, n) || 1;
          const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
          const factor = weight * boosts[f]! * idf;
          const norm = BM25.k * (1 - BM25.b);
          const lengthFactor = (BM25.k * BM25.b) / avg;
          for (let i = 0; i < list.length; i++) {
            const posting = list[i]!;
            const doc = posting >>> 2;
            if (allowed && !allowed[doc]) continue;
            const tf = posting & 3;
            const bm25 = BM25.d + (tf * (BM25.k + 1)) / (tf + norm + lengthFactor * lengths[doc]!);
            if (stamp[doc] !== gen) {
              stamp[doc] = gen;
              score[doc] = 0;
              wordMask[doc] = 0;
              fieldMask[doc] = 0;
              // (a loop: TypedArray#fill is a builtin call, slow for six entries)
              for (let k = doc * fieldCount, end = k + fieldCount; k < end; k++) fieldHits[k] = 0;
              docs.push(doc);
            }
            score[doc] = score[doc]! + factor * bm25;
            wordMask[doc] = wordMask[doc]! | bit;
            fieldMask[doc] = fieldMask[doc]! | (1 << f);
            fieldHits[doc * fieldCount + f] = fieldHits[doc * fieldCount + f]! + 1;
          }
        }
      }
    }
    this.scores.docs = docs;
    return this.scores;
  }

  private ensureScratch(): void {
    if (this.stamp.length >= this.nextDoc) return;
    const size = Math.max(1024, this.nextDoc * 2);
    this.stamp = new Uint32Array(size);
    this.generation = 0;
    this.scores = {
      docs: [],
      score: new Float64Array(size),
      words: new Uint32Array(size),
      fields: new Uint8Array(size),
      fieldHits: new Uint16Array(size * this.fieldCount),
    };
  }
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
