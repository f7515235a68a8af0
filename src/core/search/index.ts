// Fuzzy search over the corpus: one inverted index (`TermIndex`: fields title, persons, countries,
// outlet, year, body; BM25 with per-field boosts; fuzzy + prefix expansion on MiniSearch's radix
// tree) over terms run through `normalizeTerm` (ASCII folding and transliteration), plus small
// posting maps for the `person:` / `country:` / `outlet:` / `year:` filters. Built on first use,
// then kept up to date from `corpus.onDidChange` one article at a time (never rebuilt per change).
//
// Ranking: articles matching more of the query's words first; then hits in title, persons,
// countries, outlet or year above body-only hits; then relevance (BM25, in 5 % buckets so that
// near-equal scores count as ties); then newer first.

import SearchableMap from 'minisearch/SearchableMap';
import { countryInfo } from '../entities';
import type { Article } from '../types';
import { bodyTerms, normalizeTerm, STOP_WORDS, termMatches, tokenize, tokensWithOffsets, maxEdits } from './normalize';
import { takeBodyTerms } from '../library/extract';
import { parseQuery, type QueryFilter } from './query';
import { MAX_QUERY_WORDS, TermIndex, type Expansion, type FieldTerms, type TermIndexState } from './termIndex';

export { parseQuery, filterQuery, pendingFilter, completeFilter, type ParsedQuery, type QueryFilter, type FilterField, type PendingFilter } from './query';
export { FacetSuggester, type Facet, type FacetField, type FacetCorpus } from './facets';
export { normalizeTerm, tokenize } from './normalize';

export type MatchedField = 'title' | 'person' | 'country' | 'outlet' | 'year' | 'body' | 'none';

export interface SearchResult {
  key: string;
  /** Higher is better; comparable within one query only. */
  score: number;
  /** Where the query matched best. */
  matchedField: MatchedField;
  /** About 100 characters of the body around the best match, or the matched person / country / outlet. */
  passage: string;
  /** Body text to find and select when the article is opened (the passage without ellipses), or null. */
  reveal: string | null;
  /** Character ranges of `article.label` that matched, for highlighting: [start, end) pairs. */
  titleMatches: [number, number][];
}

export interface SearchOptions {
  /** At most this many results (default 50). */
  limit?: number;
}

/** What `search` needs to turn ranked keys into results: terms to highlight and passages from filters. */
interface Ranking {
  keys: string[];
  toResults(): SearchResult[];
}

/** What the index needs from the corpus (the `Corpus` class satisfies it). */
export interface SearchableCorpus {
  get(key: string): Article | undefined;
  articles(): readonly Article[];
  /** Number of articles, and their keys in no order (passes that need no sort: a sort of 100k took 0.35 s). */
  readonly size: number;
  keys(): IterableIterator<string>;
  person?(id: string): { name: string } | undefined;
  /** The surname-only persons a full person is ("putin" for "vladimir-putin": `Corpus.surnameIdsOf`). */
  surnameIdsOf?(id: string): readonly string[];
  /** The full person a surname-only person is, when the library knows exactly one (`Corpus.surnameLink`). */
  surnameLink?(id: string): string | null;
  /** Articles naming a person (`Corpus.articlesForPerson`), for the surname-only ones of a `person:` filter. */
  articlesForPerson?(id: string, options: { sorted: false }): readonly Article[];
  onDidChange(listener: (change: { added: string[]; changed: string[]; removed: string[] }) => void): { dispose(): void };
}

/** A built index as plain data (`SearchIndex.serialize`). */
export interface SearchIndexState {
  terms: TermIndexState;
  /** Article keys and their document numbers in `terms`. */
  keys: string[];
  docs: Uint32Array;
}

interface PersonInfo extends Described {
  readonly id: string;
  readonly name: string;
}

interface CountryEntry extends Described {
  readonly code: string;
  readonly name: string;
  /** The description of the code alone (`country:cu`). */
  readonly codeEntry: Described;
}

interface DocInfo {
  /** The document number in the term index. */
  doc: number;
  /** The article as indexed: its terms are recomputed from it to remove it from the index. */
  article: Article;
  persons: PersonInfo[];
  countries: CountryEntry[];
  outlet: Described;
  year: string | null;
  sortDate: string;
  /** The date as YYYYMMDD (0 when unknown, month/day only when the year is missing). */
  dateNum: number;
}

const FIELDS = ['title', 'persons', 'countries', 'outlet', 'year', 'body'] as const;
const BOOSTS = [3, 3, 2, 2, 1, 1];
const BODY = FIELDS.indexOf('body');
const FIELD_PRIORITY: MatchedField[] = ['title', 'person', 'country', 'outlet', 'year', 'body'];
const PASSAGE_CHARS = 100;

/** A person, country, country code or outlet as articles name it: its filter tokens (shared, never mutated). */
interface Described {
  readonly tokens: readonly string[];
}

/**
 * For one kind of filter: token → the descriptions holding it (with a radix tree for fuzzy and
 * prefix lookup) → the keys of the articles that name them. A description is shared by every
 * article naming that person (or country, or outlet) alike, so its tokens are added once, when its
 * first article comes; an article adds one key per description, not one per token.
 */
class Postings {
  private readonly byToken = new Map<string, Set<Described>>();
  private readonly tree = new SearchableMap<Set<Described>>();
  private readonly keysOf = new Map<Described, Set<string>>();

  add(described: Described, key: string): void {
    let keys = this.keysOf.get(described);
    if (!keys) {
      keys = new Set();
      this.keysOf.set(described, keys);
      for (const token of described.tokens) {
        let set = this.byToken.get(token);
        if (!set) {
          set = new Set();
          this.byToken.set(token, set);
          this.tree.set(token, set);
        }
        set.add(described);
      }
    }
    keys.add(key);
  }

  delete(described: Described, key: string): void {
    const keys = this.keysOf.get(described);
    if (!keys) return;
    keys.delete(key);
    if (keys.size) return;
    this.keysOf.delete(described);
    for (const token of described.tokens) {
      const set = this.byToken.get(token);
      if (!set) continue;
      set.delete(described);
      if (!set.size) {
        this.byToken.delete(token);
        this.tree.delete(token);
      }
    }
  }

  clear(): void {
    this.byToken.clear();
    this.tree.clear();
    this.keysOf.clear();
  }

  /** Keys of articles holding a token that answers `query` (exactly, fuzzily or by prefix: `termMatches`). */
  keysFor(query: string, exactOnly = false): Set<string> {
    const keys = new Set<string>();
    const take = (set: Set<Described> | undefined) => {
      for (const described of set ?? []) for (const key of this.keysOf.get(described) ?? []) keys.add(key);
    };
    if (exactOnly || !query) {
      take(this.byToken.get(query));
      return keys;
    }
    const edits = maxEdits(query);
    if (edits > 0) for (const [, [set]] of this.tree.fuzzyGet(query, edits)) take(set);
    else take(this.byToken.get(query));
    if (query.length >= 2) for (const [, set] of this.tree.atPrefix(query)) take(set);
    return keys;
  }
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  if (!a) return b;
  const out = new Set<string>();
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) out.add(k);
  return out;
}

/**
 * Names, outlets and countries repeat across thousands of articles: their tokens are kept by text
 * (bounded; cleared when full), so restoring or building the index normalises each name once.
 */
const tokenMemo = new Map<string, readonly string[]>();
const TOKEN_MEMO_MAX = 100_000;

function normalizedTokens(text: string): readonly string[] {
  const known = tokenMemo.get(text);
  if (known) return known;
  if (tokenMemo.size >= TOKEN_MEMO_MAX) tokenMemo.clear();
  const out = computeNormalizedTokens(text);
  tokenMemo.set(text, out);
  return out;
}

function computeNormalizedTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    const t = normalizeTerm(word);
    if (t) out.push(t);
  }
  return out;
}

/** Terms of a short field: normalised, stop words dropped. */
function fieldTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    if (STOP_WORDS.has(word.toLowerCase())) continue;
    const t = normalizeTerm(word);
    if (t) out.push(t);
  }
  return out;
}


function yearOf(date: string | null): string | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? m[1]! : null;
}

/** Dates without a year sort after dated ones (as in the corpus). */
function sortableDate(date: string | null): string {
  if (!date) return '';
  return date.startsWith('--') ? '0000' + date.slice(1) : date;
}

function initials(text: string): string {
  const words = tokenize(text);
  return words.length > 1 ? words.map((w) => w[0]!.toLowerCase()).join('') : '';
}

export class SearchIndex {
  private terms: TermIndex | null = null;
  /** A state from the cache not brought in yet, with the articles it was taken from (`restoreLater`). */
  private pending: { state: SearchIndexState; restored: ReadonlySet<Article>; log?: (message: string) => void; steps?: Generator<void, void> } | null = null;
  private readonly info = new Map<string, DocInfo>();
  /** Article key and date (`DocInfo.dateNum`) by document number. */
  private readonly keys: string[] = [];
  private readonly dateNums: number[] = [];
  private readonly personPostings = new Postings();
  private readonly countryPostings = new Postings();
  private readonly codePostings = new Postings();
  private readonly outletPostings = new Postings();
  private readonly subscription: { dispose(): void };

  constructor(private readonly corpus: SearchableCorpus) {
    this.subscription = corpus.onDidChange((change) => {
      if (!this.terms) return; // not built yet: the first search reads the whole corpus anyway
      for (const key of change.removed) this.drop(key);
      for (const key of [...change.changed, ...change.added]) {
        const article = corpus.get(key);
        // Already indexed as it is (restored from the cache together with the corpus).
        if (article && this.info.get(key)?.article === article) continue;
        this.drop(key);
        if (article) this.addArticle(article);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Whether the index has been built (it is built on the first search, or by `build()`). */
  get built(): boolean {
    return this.terms !== null && this.pending === null;
  }

  /** Whether a state from the cache waits to be brought in (`restoreLater`). */
  get restorePending(): boolean {
    return this.pending !== null;
  }

  /** Number of indexed articles. */
  get size(): number {
    this.build();
    return this.info.size;
  }

  /** Builds the index now (otherwise the first search does); brings in a state `restoreLater` left. */
  build(): void {
    if (this.pending) {
      // (Also finishes a restore that `buildInSlices` has begun.)
      while (this.pending && !this.restoreStep()) { /* the next step */ }
    }
    if (this.terms) return;
    this.terms = new TermIndex(FIELDS.length);
    for (const article of this.corpus.articles()) this.addArticle(article);
  }

  /**
   * `build()` in time slices: a state `restoreLater` left is brought in a step at a time (a run of
   * terms, of documents), `pause()` awaited whenever a slice has run `sliceMs`. A search meanwhile
   * finishes it at once. Without a pending state it is `build()`.
   */
  async buildInSlices(pause: () => Promise<void>, sliceMs: number): Promise<void> {
    let sliceStart = performance.now();
    while (this.pending) {
      if (this.restoreStep()) break;
      if (performance.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    this.build();
  }

  /** One step of bringing in the pending state; true when it is done (in, or given up and logged). */
  private restoreStep(): boolean {
    const pending = this.pending!;
    try {
      pending.steps ??= this.restoreSteps(pending.state, pending.restored);
      if (!pending.steps.next().done) return false;
    } catch (error) {
      // Checked by the cache's checksum, so a bug, not a damaged file: index from the corpus instead.
      pending.log?.(`Search index from the cache not used (${(error as Error).message}); indexing the articles again.`);
      this.clear();
      this.terms = null;
    }
    this.pending = null;
    return true;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    return this.rank(query, options).toResults();
  }

  /** The keys `search` would return, in order, without passages (completion and pickers need no more). */
  searchKeys(query: string, options: SearchOptions = {}): string[] {
    return this.rank(query, options).keys;
  }

  private rank(query: string, options: SearchOptions): Ranking {
    this.build();
    const none: Ranking = { keys: [], toResults: () => [] };
    const terms = this.terms!;
    const limit = Math.max(1, options.limit ?? 50);
    const parsed = parseQuery(query);
    // Filters first: they narrow what free text is searched in.
    let candidates: Set<string> | null = null;
    const filterTerms = new Set<string>();
    const filterPassage = new Map<string, string>();
    for (const filter of parsed.filters) {
      candidates = intersect(candidates, this.filterKeys(filter, filterTerms, filterPassage));
      if (!candidates.size) return none;
    }

    const words = tokenize(parsed.text);
    const meaningful = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    const queryWords = [...new Set((meaningful.length ? meaningful : words).map(normalizeTerm).filter(Boolean))].slice(0, MAX_QUERY_WORDS);

    if (!queryWords.length) {
      // Newest first (a heap: the whole corpus is never sorted for the empty query).
      const newest = new TopK<{ key: string; date: string }>(limit, (a, b) => cmp(b.date, a.date) || cmp(a.key, b.key));
      for (const key of candidates ?? this.info.keys()) {
        const date = this.info.get(key)?.sortDate;
        if (date === undefined) continue;
        const worst = newest.worst();
        if (worst && date < worst.date) continue;
        newest.push({ key, date });
      }
      const field: MatchedField = parsed.filters[0]?.field ?? 'none';
      const keys = newest.sorted().map(({ key }) => key);
      return {
        keys,
        toResults: () => keys.flatMap((key) => {
          const article = this.corpus.get(key);
          return article ? [this.result(article, 0, field, filterTerms, filterPassage.get(key))] : [];
        }),
      };
    }

    // A word the index holds is taken as meant: no fuzzy or prefix expansion. Unknown words are
    // expanded by edit distance, and the last one also as a prefix (the word being typed).
    const expansions: Expansion[][] = queryWords.map((word, i) =>
      terms.expand(word, maxEdits(word), i === queryWords.length - 1 && word.length >= 3));
    let allowed: Uint8Array | undefined;
    if (candidates) {
      allowed = new Uint8Array(terms.capacity);
      for (const key of candidates) {
        const info = this.info.get(key);
        if (info) allowed[info.doc] = 1;
      }
    }
    const scores = terms.score(expansions, BOOSTS, allowed);
    if (!scores.docs.length) return none;

    // One number per hit: words matched, then field tier, then relevance bucket, then date; the
    // best `limit` are kept in a small heap (no object per hit).
    let top = 0;
    for (const doc of scores.docs) {
      const s = scores.score[doc]! * popcount(scores.words[doc]!); // MiniSearch's "quality" factor
      scores.score[doc] = s;
      if (s > top) top = s;
    }
    const bodyOnly = 1 << BODY;
    const heap = new TopK<Ranked>(limit, (a, b) => b.order - a.order || b.relevance - a.relevance || cmp(a.key, b.key));
    for (const doc of scores.docs) {
      const matched = popcount(scores.words[doc]!);
      const field = scores.fields[doc] !== bodyOnly ? 1 : 0;
      const relevance = top > 0 ? scores.score[doc]! / top : 0;
      const order = ((matched * 2 + field) * 21 + Math.round(relevance * 20)) * 1e8 + (this.dateNums[doc] ?? 0);
      const worst = heap.worst();
      if (worst && (order < worst.order || (order === worst.order && relevance < worst.relevance))) continue;
      heap.push({ doc, key: this.keys[doc]!, order, relevance, coverage: matched / queryWords.length, field, wordMask: scores.words[doc]! });
    }
    const ranked = heap.sorted();
    // Per-field hit counts are copied now: the score arrays are reused by the next query.
    const perField = ranked.map((r) => Array.from(scores.fieldHits.subarray(r.doc * FIELDS.length, (r.doc + 1) * FIELDS.length)));
    return {
      keys: ranked.map((r) => r.key),
      toResults: () => ranked.flatMap((r, i) => {
        const article = this.corpus.get(r.key);
        if (!article) return [];
        const score = Math.round((r.coverage * 100 + r.field * 10 + r.relevance * 9.99) * 100) / 100;
        const matchedTerms = new Set<string>();
        for (let w = 0; w < expansions.length; w++) {
          if (r.wordMask & (1 << w)) for (const e of expansions[w]!) matchedTerms.add(e.term);
        }
        return [this.resultFromHit(article, score, perField[i]!, matchedTerms, filterTerms, filterPassage.get(article.key))];
      }),
    };
  }

  // ---- indexing ----------------------------------------------------------------------------------

  private addArticle(article: Article): void {
    const info = describe(article, 0);
    info.doc = this.terms!.add(articleTerms(article, info.persons, info.countries, info.outlet.tokens, info.year, true));
    this.register(info);
  }

  /** Everything but the term index, for a document already in it (added, or restored from the cache). */
  private register(info: DocInfo): void {
    const { article, doc } = info;
    this.keys[doc] = article.key;
    this.dateNums[doc] = info.dateNum;
    this.info.set(article.key, info);
    for (const p of info.persons) this.personPostings.add(p, article.key);
    for (const c of info.countries) {
      this.countryPostings.add(c, article.key);
      this.codePostings.add(c.codeEntry, article.key);
    }
    this.outletPostings.add(info.outlet, article.key);
  }

  // ---- persistence -------------------------------------------------------------------------------

  /** The built index as plain data for the persistent cache (null when not built yet). */
  serialize(): SearchIndexState | null {
    if (this.pending) this.build();
    if (!this.terms) return null;
    const keys: string[] = [];
    const docs = new Uint32Array(this.info.size);
    for (const [key, info] of this.info) docs[keys.push(key) - 1] = info.doc;
    return { terms: this.terms.serialize(), keys, docs };
  }

  /**
   * Replaces the index by a serialised one (restored from the same cache as the corpus; no body is
   * tokenised again), but only when the index is first needed (a search, `build()`, `serialize()`):
   * a reopened window shows its views from the restored corpus without waiting for the search
   * index. Call it with the corpus holding the restored articles and before their change event
   * goes out. Articles that change meanwhile are not searched under their cached terms: their
   * documents are purged and they are indexed as they are then.
   */
  restoreLater(state: SearchIndexState, log?: (message: string) => void, restoredArticles?: ReadonlySet<Article>): void {
    // `restoredArticles`: the articles the state was taken from, when they go into the corpus after
    // this call (a restore in slices fills the set as it goes); otherwise they are in it now.
    let restored = restoredArticles;
    if (!restored) {
      const now = new Set<Article>();
      for (const key of state.keys) {
        const article = this.corpus.get(key);
        if (article) now.add(article);
      }
      restored = now;
    }
    this.clear();
    this.terms = null;
    this.pending = { state, restored, log };
  }

  /**
   * Brings in a state whose `restored` articles are those it was taken from; throws, leaving the
   * index as it was, when the state does not fit together.
   */
  private *restoreSteps(state: SearchIndexState, restored: ReadonlySet<Article>): Generator<void, void> {
    const terms = yield* TermIndex.restoreSteps(FIELDS.length, state.terms);
    if (state.keys.length !== state.docs.length || state.keys.length !== terms.size) throw new Error('search index in the cache does not match its articles');
    const infos: DocInfo[] = [];
    const seen = new Set<number>();
    const stale: number[] = [];
    for (let i = 0; i < state.keys.length; i++) {
      const article = this.corpus.get(state.keys[i]!);
      const doc = state.docs[i]!;
      if (doc >= terms.capacity || seen.has(doc)) throw new Error(`search index in the cache does not match its articles (${state.keys[i]})`);
      seen.add(doc);
      if (!article || !restored.has(article)) stale.push(doc); // changed or gone since the restore
      else infos.push(describe(article, doc));
      if ((i + 1) % DOCS_PER_STEP === 0) yield;
    }
    // Nothing below throws: the index is filled from here on. Until `terms` is set, change events
    // are not followed (the index is not built): the comparison after it catches up on them.
    this.clear();
    for (let i = 0; i < infos.length; i++) {
      this.register(infos[i]!);
      if ((i + 1) % DOCS_PER_STEP === 0) yield;
    }
    terms.purge(stale);
    // From here on change events are followed (a search still finishes the steps first).
    this.terms = terms;
    // Articles changed or gone while the steps ran (the corpus holds another object, or none).
    let work = 0;
    for (const [key, info] of [...this.info]) {
      const now = this.corpus.get(key);
      // (An entry the change events replaced after a yield is as it is now.)
      if (now !== info.article && this.info.get(key) === info) {
        this.drop(key);
        if (now) this.addArticle(now);
        work += ADD_COST;
      }
      if (++work >= DOCS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    // Articles added or changed since the restore (their terms counted here: a few ms each).
    if (stale.length || this.info.size !== this.corpus.size) {
      for (const key of [...this.corpus.keys()]) {
        // (The keys are those before the yields: one since removed, or indexed by its change event, is passed over.)
        const article = this.corpus.get(key);
        if (!article || this.info.has(key)) continue;
        this.addArticle(article);
        if ((work += ADD_COST) >= DOCS_PER_STEP) {
          work = 0;
          yield;
        }
      }
    }
  }

  private clear(): void {
    this.info.clear();
    this.keys.length = 0;
    this.dateNums.length = 0;
    for (const postings of [this.personPostings, this.countryPostings, this.codePostings, this.outletPostings]) postings.clear();
  }

  private drop(key: string): void {
    const info = this.info.get(key);
    if (!info) return;
    this.terms!.remove(info.doc, articleTerms(info.article, info.persons, info.countries, info.outlet.tokens, info.year));
    this.keys[info.doc] = '';
    for (const p of info.persons) this.personPostings.delete(p, key);
    for (const c of info.countries) {
      this.countryPostings.delete(c, key);
      this.codePostings.delete(c.codeEntry, key);
    }
    this.outletPostings.delete(info.outlet, key);
    this.info.delete(key);
  }

  // ---- filters -----------------------------------------------------------------------------------

  private filterKeys(filter: QueryFilter, highlight: Set<string>, passage: Map<string, string>): Set<string> {
    const value = filter.value;
    switch (filter.field) {
      case 'year': {
        const range = /^(\d{4})(?:\s*(?:-|\.\.)\s*(\d{4}))?$/.exec(value);
        if (!range) return new Set();
        const from = range[1]!, to = range[2] ?? range[1]!;
        const keys = new Set<string>();
        for (const [key, info] of this.info) if (info.year && info.year >= from && info.year <= to) keys.add(key);
        return keys;
      }
      case 'country': {
        if (/^[a-z]{2}$/i.test(value)) {
          const code = value.toLowerCase();
          const keys = this.codePostings.keysFor(code, true);
          for (const key of keys) {
            const c = this.info.get(key)?.countries.find((x) => x.code === code);
            if (c) {
              c.tokens.forEach((t) => highlight.add(t));
              if (!passage.has(key)) passage.set(key, c.name);
            }
          }
          return keys;
        }
        return this.groupFilter(value, this.countryPostings, (info) => info.countries, highlight, passage);
      }
      case 'person':
        return this.personFilter(value, highlight, passage);
      case 'outlet': {
        const tokens = normalizedTokens(value);
        const joined = tokens.join('');
        let keys: Set<string> | null = null;
        for (const t of tokens) keys = intersect(keys, this.outletPostings.keysFor(t));
        if (tokens.length > 1) for (const k of this.outletPostings.keysFor(joined)) (keys ??= new Set()).add(k);
        return keys ?? new Set();
      }
    }
  }

  /**
   * Articles naming a person whose name answers every word of the value, and the articles naming
   * that person by surname only when the library knows one person of that surname (`person:"vladimir
   * putin"` finds "President Putin said…" as the dossier and the sidebar do). Looked up when asked,
   * so a link that comes or goes with a file needs nothing re-indexed.
   */
  private personFilter(value: string, highlight: Set<string>, passage: Map<string, string>): Set<string> {
    const matched = new Set<string>();
    const keys = this.groupFilter(value, this.personPostings, (info) => info.persons, highlight, passage, matched);
    const corpus = this.corpus;
    if (!corpus.surnameIdsOf || !corpus.articlesForPerson) return keys;
    for (const id of matched) {
      for (const single of corpus.surnameIdsOf(id)) {
        for (const article of corpus.articlesForPerson(single, { sorted: false })) {
          const info = this.info.get(article.key);
          // (Indexed: the search index may be behind the corpus while a library is read.)
          if (!info || keys.has(article.key)) continue;
          keys.add(article.key);
          for (const p of info.persons) if (p.id === single) p.tokens.forEach((t) => highlight.add(t));
          if (!passage.has(article.key)) passage.set(article.key, corpus.person?.(id)?.name ?? id);
        }
      }
    }
    return keys;
  }

  /** Articles with one person (or country) whose name answers every word of the value (their ids into `matchedIds`). */
  private groupFilter(
    value: string,
    postings: Postings,
    groups: (info: DocInfo) => readonly { name: string; tokens: readonly string[] }[],
    highlight: Set<string>,
    passage: Map<string, string>,
    matchedIds?: Set<string>,
  ): Set<string> {
    const tokens = normalizedTokens(value);
    if (!tokens.length) return new Set();
    let keys: Set<string> | null = null;
    for (const t of tokens) {
      keys = intersect(keys, postings.keysFor(t));
      if (!keys.size) return keys;
    }
    const out = new Set<string>();
    for (const key of keys!) {
      const info = this.info.get(key);
      if (!info) continue;
      const group = groups(info).find((g) => tokens.every((t) => g.tokens.some((gt) => termMatches(t, gt, true))));
      if (!group) continue;
      out.add(key);
      group.tokens.forEach((t) => highlight.add(t));
      const id = 'id' in group ? group.id as string : null;
      if (id !== null) matchedIds?.add(id);
      // A surname-only person the library links to one full person is shown as that person.
      const shownId = id === null ? null : this.corpus.surnameLink?.(id) ?? id;
      if (!passage.has(key)) passage.set(key, (shownId !== null && this.corpus.person?.(shownId)?.name) || group.name);
    }
    return out;
  }

  // ---- results -----------------------------------------------------------------------------------

  private resultFromHit(
    article: Article,
    score: number,
    perField: ArrayLike<number>,
    matchedTerms: Set<string>,
    filterTerms: Set<string>,
    filterPassage: string | undefined,
  ): SearchResult {
    let best: MatchedField = 'body';
    let bestCount = -1;
    for (const field of FIELD_PRIORITY) {
      const n = perField[FIELDS.indexOf(FIELD_FOR[field])] ?? 0;
      if (n > bestCount) { best = field; bestCount = n; }
    }
    const terms = new Set([...filterTerms, ...matchedTerms]);
    return this.result(article, score, best, terms, filterPassage, matchedTerms);
  }

  private result(article: Article, score: number, matchedField: MatchedField, highlight: Set<string>, filterPassage?: string, queryTerms?: Set<string>): SearchResult {
    const titleMatches: [number, number][] = [];
    for (const token of tokensWithOffsets(article.label)) {
      if (highlight.has(normalizeTerm(token.text))) titleMatches.push([token.start, token.end]);
    }
    const found = findPassage(article.body, queryTerms && queryTerms.size ? queryTerms : highlight);
    let passage: string;
    let reveal: string | null = null;
    if (found) ({ passage, reveal } = found);
    else passage = filterPassage ?? this.fieldPassage(article, matchedField, queryTerms ?? highlight) ?? clip(article.excerpt, PASSAGE_CHARS);
    return { key: article.key, score, matchedField, passage, reveal, titleMatches };
  }

  /** The person / country / outlet / year that matched, when the body did not. */
  private fieldPassage(article: Article, field: MatchedField, terms: Set<string>): string | null {
    const info = this.info.get(article.key);
    if (!info) return null;
    const hit = (tokens: readonly string[]) => tokens.some((t) => terms.has(t));
    if (field === 'person') {
      const person = info.persons.find((p) => hit(p.tokens));
      return person ? this.corpus.person?.(this.corpus.surnameLink?.(person.id) ?? person.id)?.name ?? person.name : null;
    }
    if (field === 'country') return info.countries.find((c) => hit(c.tokens) || terms.has(c.code))?.name ?? null;
    if (field === 'outlet') return article.outlet;
    if (field === 'year') return info.year;
    return null;
  }
}

const FIELD_FOR: Record<MatchedField, (typeof FIELDS)[number]> = {
  title: 'title', person: 'persons', country: 'countries', outlet: 'outlet', year: 'year', body: 'body', none: 'body',
};

/** Per field (in `FIELDS` order), the terms the index holds for an article. */
/**
 * What the index keeps of an article besides its terms (cheap: no body is read). Its persons,
 * countries and outlet are descriptions shared with every other article naming them alike (kept by
 * content, bounded), so restoring or building the index of a large library normalises each name
 * once and allocates little per article.
 */
function describe(article: Article, doc: number): DocInfo {
  const persons = article.persons.map(personInfo);
  const countries = article.countries.map(countryEntry);
  const outlet = outletEntry(article.outlet ?? '');
  const year = yearOf(article.date);
  const sortDate = sortableDate(article.date);
  const dateNum = Number((sortDate.replace(/[^0-9]/g, '') + '00000000').slice(0, 8)) || 0;
  return { doc, article, persons, countries, outlet, year, sortDate, dateNum };
}

const DESCRIPTIONS_MAX = 50_000;
/** Documents described or registered between two steps of a restore (`buildInSlices`). */
const DOCS_PER_STEP = 1_000;
/** An article indexed anew during a restore, in documents described (its body's terms are counted). */
const ADD_COST = 50;
/** Persons by their variants array: articles restored from the cache share one array per person. */
const personBySameVariants = new WeakMap<readonly string[], PersonInfo>();
const personMemo = new Map<string, PersonInfo>();
const countryMemo = new Map<string, CountryEntry>();
const outletMemo = new Map<string, Described>();

function remembered<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= DESCRIPTIONS_MAX) memo.clear();
    memo.set(key, (value = make()));
  }
  return value;
}

function personInfo(p: { id: string; name: string; variants: readonly string[] }): PersonInfo {
  const same = personBySameVariants.get(p.variants);
  if (same && same.id === p.id && same.name === p.name) return same;
  const info = remembered(personMemo, `${p.id}\u0000${p.name}\u0000${p.variants.join('\u0000')}`, () => {
    const names = [...new Set([p.name, ...p.variants])];
    return { id: p.id, name: p.name, tokens: [...new Set(names.flatMap(normalizedTokens))] };
  });
  personBySameVariants.set(p.variants, info);
  return info;
}

function countryEntry(c: { code: string; name: string }): CountryEntry {
  return remembered(countryMemo, `${c.code}\u0000${c.name}`, () => {
    const info = countryInfo(c.code);
    const names = [c.name, info?.name, info?.demonym, info?.capital].filter((s): s is string => !!s);
    const code = c.code.toLowerCase();
    return { code, name: info?.name ?? c.name, tokens: [...new Set(names.flatMap(normalizedTokens))], codeEntry: { tokens: [code] } };
  });
}

function outletEntry(outlet: string): Described {
  return remembered(outletMemo, outlet, () => ({ tokens: [...new Set([...normalizedTokens(outlet), initials(outlet)].filter(Boolean))] }));
}

/** `forIndexing`: the body's terms may come from the extraction (computed in a worker), once. */
function articleTerms(article: Article, persons: readonly PersonInfo[], countries: readonly CountryEntry[], outletTokens: readonly string[], year: string | null,
  forIndexing = false): FieldTerms {
  return [
    fieldTerms(article.title ?? article.label),
    persons.flatMap((p) => p.tokens),
    countries.flatMap((c) => [c.code, ...c.tokens]),
    outletTokens,
    year ? [year] : [],
    forIndexing ? takeBodyTerms(article) ?? bodyTerms(article.body) : bodyTerms(article.body),
  ];
}

interface Ranked {
  doc: number;
  key: string;
  order: number;
  relevance: number;
  coverage: number;
  field: number;
  wordMask: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The best `k` items under `compare` (negative = first is better), kept in a binary heap whose root is the worst. */
class TopK<T> {
  private readonly items: T[] = [];

  constructor(private readonly k: number, private readonly compare: (a: T, b: T) => number) {}

  /** The worst item kept, once `k` are kept (anything not better need not be pushed). */
  worst(): T | undefined {
    return this.items.length < this.k ? undefined : this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    if (items.length < this.k) {
      items.push(item);
      this.up(items.length - 1);
    } else if (this.compare(item, items[0]!) < 0) {
      items[0] = item;
      this.down(0);
    }
  }

  sorted(): T[] {
    return [...this.items].sort(this.compare);
  }

  // The heap keeps the worst item at the root: "worse" = compare(a, b) > 0.
  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) <= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let worst = i;
      if (l < items.length && this.compare(items[l]!, items[worst]!) > 0) worst = l;
      if (r < items.length && this.compare(items[r]!, items[worst]!) > 0) worst = r;
      if (worst === i) break;
      [items[i], items[worst]] = [items[worst]!, items[i]!];
      i = worst;
    }
  }
}

/**
 * The raw letters `normalizeTerm` may turn into a term's first letter (ye→e, ei→i, y→i, w→v,
 * kh→h, ph→f, ck→k, ou→u) and into its last (y→i, w→v, ph→f); any other letter stays itself.
 */
const FIRST_LETTER_SOURCES: Record<string, string> = { e: 'ey', i: 'iye', v: 'vw', h: 'hk', f: 'fp', k: 'kc', u: 'uo' };
const LAST_LETTER_SOURCES: Record<string, string> = { i: 'iy', v: 'vw', f: 'fh' };

/** Marks, by character code, the letters (both cases) that can become `letter` in a term. */
function markSources(marks: Uint8Array, letter: string, sources: Record<string, string>): void {
  for (const raw of sources[letter] ?? letter) {
    marks[raw.charCodeAt(0)] = 1;
    marks[raw.toUpperCase().charCodeAt(0)] = 1;
  }
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(' ', max);
  return flat.slice(0, space > max / 2 ? space : max) + '…';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The ~100-character window of `body` holding the most distinct matched terms (earliest on ties),
 * cut at word boundaries and kept within one paragraph.
 */
export function findPassage(body: string, terms: Set<string>): { passage: string; reveal: string } | null {
  if (!terms.size || !body) return null;
  const hits: { start: number; end: number; term: string }[] = [];
  // Only words that can normalise to a matched term are normalised: by first and last letter and length.
  const firstLetters = new Uint8Array(128);
  const lastLetters = new Uint8Array(128);
  let minLength = Infinity;
  for (const term of terms) {
    if (!term) continue;
    markSources(firstLetters, term[0]!, FIRST_LETTER_SOURCES);
    markSources(lastLetters, term[term.length - 1]!, LAST_LETTER_SOURCES);
    minLength = Math.min(minLength, term.length);
  }
  for (const token of tokensWithOffsets(body, firstLetters, minLength, lastLetters)) {
    const t = normalizeTerm(token.text);
    if (terms.has(t)) hits.push({ start: token.start, end: token.end, term: t });
  }
  if (!hits.length) return null;
  // A sliding window over the hits (two pointers): [i, j) are the hits within PASSAGE_CHARS of hit i.
  let bestI = 0, bestCount = 0;
  const inWindow = new Map<string, number>();
  for (let i = 0, j = 0; i < hits.length; i++) {
    if (j < i) j = i;
    while (j < hits.length && hits[j]!.end - hits[i]!.start <= PASSAGE_CHARS) {
      inWindow.set(hits[j]!.term, (inWindow.get(hits[j]!.term) ?? 0) + 1);
      j++;
    }
    if (inWindow.size > bestCount) { bestCount = inWindow.size; bestI = i; }
    if (j > i) {
      const left = inWindow.get(hits[i]!.term)! - 1;
      if (left) inWindow.set(hits[i]!.term, left);
      else inWindow.delete(hits[i]!.term);
    }
  }
  const first = hits[bestI]!;
  let last = first;
  for (let j = bestI; j < hits.length && hits[j]!.end - first.start <= PASSAGE_CHARS; j++) last = hits[j]!;
  // Paragraph bounds around the match.
  const paraStart = body.lastIndexOf('\n', first.start) + 1;
  let paraEnd = body.indexOf('\n', last.end);
  if (paraEnd < 0) paraEnd = body.length;
  const slack = Math.max(0, PASSAGE_CHARS - (last.end - first.start));
  let start = Math.max(paraStart, first.start - Math.floor(slack / 3));
  let end = Math.min(paraEnd, last.end + slack - (first.start - start));
  // Snap to word boundaries.
  if (start > paraStart) {
    const space = body.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  if (end < paraEnd) {
    const space = body.lastIndexOf(' ', end);
    if (space > last.end) end = space;
  }
  const reveal = body.slice(start, end).replace(/\s+/g, ' ').trim();
  const passage = (start > paraStart ? '…' : '') + reveal + (end < paraEnd ? '…' : '');
  return { passage, reveal };
}
