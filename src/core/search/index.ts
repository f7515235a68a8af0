// Fuzzy search over the corpus: one MiniSearch inverted index (fields title, persons, countries,
// outlet, year, body; BM25 with per-field boosts; fuzzy + prefix expansion on a radix tree) over
// terms run through `normalizeTerm` (ASCII folding and transliteration), plus small posting maps
// for the `person:` / `country:` / `outlet:` / `year:` filters. Built on first use, then kept up
// to date from `corpus.onDidChange` one article at a time (never rebuilt per change).
//
// Ranking: articles matching more of the query's words first; then hits in title, persons,
// countries, outlet or year above body-only hits; then relevance (BM25, in 5 % buckets so that
// near-equal scores count as ties); then newer first.

import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { countryInfo } from '../entities';
import type { Article } from '../types';
import { normalizeTerm, STOP_WORDS, termMatches, tokenize, tokensWithOffsets, maxEdits } from './normalize';
import { parseQuery, type QueryFilter } from './query';

export { parseQuery, filterQuery, type ParsedQuery, type QueryFilter, type FilterField } from './query';
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

/** What the index needs from the corpus (the `Corpus` class satisfies it). */
export interface SearchableCorpus {
  get(key: string): Article | undefined;
  articles(): Article[];
  person?(id: string): { name: string } | undefined;
  onDidChange(listener: (change: { added: string[]; changed: string[]; removed: string[] }) => void): { dispose(): void };
}

interface Doc {
  id: string;
  title: string;
  persons: string;
  countries: string;
  outlet: string;
  year: string;
  body: string;
}

interface PersonInfo {
  id: string;
  name: string;
  tokens: string[];
}

interface CountryEntry {
  code: string;
  name: string;
  tokens: string[];
}

interface DocInfo {
  persons: PersonInfo[];
  countries: CountryEntry[];
  outletTokens: string[];
  year: string | null;
  sortDate: string;
  /** The date as YYYYMMDD (0 when unknown, month/day only when the year is missing). */
  dateNum: number;
}

const FIELDS = ['title', 'persons', 'countries', 'outlet', 'year', 'body'] as const;
const BOOST = { title: 3, persons: 3, countries: 2, outlet: 2, year: 1, body: 1 };
const FIELD_PRIORITY: MatchedField[] = ['title', 'person', 'country', 'outlet', 'year', 'body'];
const PASSAGE_CHARS = 100;

/** A token → article keys map for one kind of filter. */
class Postings {
  private readonly map = new Map<string, Set<string>>();

  add(tokens: Iterable<string>, key: string): void {
    for (const token of tokens) {
      let set = this.map.get(token);
      if (!set) this.map.set(token, (set = new Set()));
      set.add(key);
    }
  }

  delete(tokens: Iterable<string>, key: string): void {
    for (const token of tokens) {
      const set = this.map.get(token);
      if (!set) continue;
      set.delete(key);
      if (!set.size) this.map.delete(token);
    }
  }

  /** Keys of articles holding a token that answers `query` (exactly, fuzzily or by prefix). */
  keysFor(query: string, exactOnly = false): Set<string> {
    const keys = new Set<string>();
    if (exactOnly) {
      for (const key of this.map.get(query) ?? []) keys.add(key);
      return keys;
    }
    for (const [token, set] of this.map) if (termMatches(query, token, true)) for (const key of set) keys.add(key);
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

function normalizedTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    const t = normalizeTerm(word);
    if (t) out.push(t);
  }
  return out;
}

function processTerm(term: string, field?: string): string | null {
  if (field === 'body') return term; // already normalised by bodyTerms
  if (STOP_WORDS.has(term.toLowerCase())) return null;
  return normalizeTerm(term) || null;
}

/** Term frequency counted up to this: BM25 saturates anyway, and it keeps the index small. */
const MAX_TF = 3;

/**
 * The body as the index sees it: normalised terms, stop words dropped, each term repeated at most
 * MAX_TF times (indexing ~40 % fewer tokens with the same ranking in practice).
 */
function bodyTerms(body: string): string {
  const counts = new Map<string, number>();
  for (const word of tokenize(body)) {
    if (word.length < 4 && STOP_WORDS.has(word.toLowerCase())) continue;
    const t = normalizeTerm(word);
    if (!t) continue;
    const n = counts.get(t) ?? 0;
    if (n < MAX_TF) counts.set(t, n + 1);
  }
  const out: string[] = [];
  for (const [t, n] of counts) for (let i = 0; i < n; i++) out.push(t);
  return out.join(' ');
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
  private mini: MiniSearch<Doc> | null = null;
  private readonly info = new Map<string, DocInfo>();
  private readonly personPostings = new Postings();
  private readonly countryPostings = new Postings();
  private readonly codePostings = new Postings();
  private readonly outletPostings = new Postings();
  private readonly subscription: { dispose(): void };

  constructor(private readonly corpus: SearchableCorpus) {
    this.subscription = corpus.onDidChange((change) => {
      if (!this.mini) return; // not built yet: the first search reads the whole corpus anyway
      for (const key of change.removed) this.drop(key);
      for (const key of [...change.changed, ...change.added]) {
        this.drop(key);
        const article = corpus.get(key);
        if (article) this.addArticle(article);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Whether the index has been built (it is built on the first search, or by `build()`). */
  get built(): boolean {
    return this.mini !== null;
  }

  /** Number of indexed articles. */
  get size(): number {
    return this.info.size;
  }

  /** Builds the index now (otherwise the first search does). */
  build(): void {
    if (this.mini) return;
    this.mini = new MiniSearch<Doc>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize,
      processTerm,
      searchOptions: { processTerm: (term) => term },
    });
    for (const article of this.corpus.articles()) this.addArticle(article);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    this.build();
    const limit = Math.max(1, options.limit ?? 50);
    const parsed = parseQuery(query);
    // Filters first: they narrow what free text is searched in.
    let candidates: Set<string> | null = null;
    const filterTerms = new Set<string>();
    const filterPassage = new Map<string, string>();
    for (const filter of parsed.filters) {
      candidates = intersect(candidates, this.filterKeys(filter, filterTerms, filterPassage));
      if (!candidates.size) return [];
    }

    const words = tokenize(parsed.text);
    const meaningful = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    const terms = [...new Set((meaningful.length ? meaningful : words).map(normalizeTerm).filter(Boolean))];

    if (!terms.length) {
      const articles = candidates
        ? [...candidates].map((k) => this.corpus.get(k)).filter((a): a is Article => !!a)
        : this.corpus.articles();
      articles.sort((a, b) => cmp(sortableDate(b.date), sortableDate(a.date)) || cmp(a.key, b.key));
      const field: MatchedField = parsed.filters[0]?.field ?? 'none';
      return articles.slice(0, limit).map((article) => this.result(article, 0, field, filterTerms, filterPassage.get(article.key)));
    }

    const filter = candidates;
    // A word the index holds is taken as meant: no fuzzy or prefix expansion (which costs a scan of
    // every expanded term's postings). Unknown words are expanded by edit distance, and the last
    // one also as a prefix (the word being typed).
    const known = (term: string) => this.hasTerm(term);
    const hits = this.mini!.search({
      combineWith: 'OR',
      queries: terms.map((term, i) => ({
        queries: [term],
        fuzzy: known(term) ? false : maxEdits(term) || false,
        prefix: !known(term) && i === terms.length - 1 && term.length >= 3,
      })),
    }, {
      fields: [...FIELDS],
      boost: BOOST,
      maxFuzzy: 2,
      filter: filter ? (r) => filter.has(r.id as string) : undefined,
    });
    if (!hits.length) return [];
    const top = hits[0]!.score;
    // One number per hit: words matched, then field tier, then relevance bucket, then date.
    const ranked = hits.map((hit) => {
      let field = 0;
      for (const term in hit.match) {
        const fields = hit.match[term]!;
        if (fields.length > 1 || fields[0] !== 'body') { field = 1; break; }
      }
      const relevance = hit.score / top;
      const matched = Math.min(hit.queryTerms.length, terms.length);
      const order = ((matched * 2 + field) * 21 + Math.round(relevance * 20)) * 1e8 + (this.info.get(hit.id as string)?.dateNum ?? 0);
      return { hit, order, relevance, coverage: matched / terms.length, field };
    });
    ranked.sort((a, b) => b.order - a.order || b.relevance - a.relevance || cmp(a.hit.id as string, b.hit.id as string));
    const results: SearchResult[] = [];
    for (const r of ranked) {
      if (results.length >= limit) break;
      const article = this.corpus.get(r.hit.id as string);
      if (!article) continue;
      const score = Math.round((r.coverage * 100 + r.field * 10 + r.relevance * 9.99) * 100) / 100;
      results.push(this.resultFromHit(article, score, r.hit, filterTerms, filterPassage.get(article.key)));
    }
    return results;
  }

  // ---- indexing ----------------------------------------------------------------------------------

  /** Whether some article holds this (normalised) term. Uses MiniSearch's term map (pinned 7.x). */
  private hasTerm(term: string): boolean {
    const map = (this.mini as unknown as { _index?: { has(t: string): boolean } })._index;
    return map ? map.has(term) : false;
  }

  private addArticle(article: Article): void {
    const persons: PersonInfo[] = article.persons.map((p) => {
      const names = [...new Set([p.name, ...p.variants])];
      return { id: p.id, name: p.name, tokens: [...new Set(names.flatMap(normalizedTokens))] };
    });
    const countries: CountryEntry[] = article.countries.map((c) => {
      const info = countryInfo(c.code);
      const names = [c.name, info?.name, info?.demonym, info?.capital].filter((s): s is string => !!s);
      return { code: c.code.toLowerCase(), name: info?.name ?? c.name, tokens: [...new Set(names.flatMap(normalizedTokens))] };
    });
    const outletText = article.outlet ?? '';
    const outletTokens = [...new Set([...normalizedTokens(outletText), initials(outletText)].filter(Boolean))];
    const year = yearOf(article.date);
    const doc: Doc = {
      id: article.key,
      title: article.title ?? article.label,
      persons: persons.map((p) => p.tokens.join(' ')).join(' ; '),
      countries: countries.map((c) => `${c.code} ${c.tokens.join(' ')}`).join(' ; '),
      outlet: outletTokens.join(' '),
      year: year ?? '',
      body: bodyTerms(article.body),
    };
    this.mini!.add(doc);
    const sortDate = sortableDate(article.date);
    const dateNum = Number((sortDate.replace(/[^0-9]/g, '') + '00000000').slice(0, 8)) || 0;
    this.info.set(article.key, { persons, countries, outletTokens, year, sortDate, dateNum });
    for (const p of persons) this.personPostings.add(p.tokens, article.key);
    for (const c of countries) {
      this.countryPostings.add(c.tokens, article.key);
      this.codePostings.add([c.code], article.key);
    }
    this.outletPostings.add(outletTokens, article.key);
  }

  private drop(key: string): void {
    const info = this.info.get(key);
    if (!info) return;
    if (this.mini!.has(key)) this.mini!.discard(key);
    for (const p of info.persons) this.personPostings.delete(p.tokens, key);
    for (const c of info.countries) {
      this.countryPostings.delete(c.tokens, key);
      this.codePostings.delete([c.code], key);
    }
    this.outletPostings.delete(info.outletTokens, key);
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
        return this.groupFilter(value, this.personPostings, (info) => info.persons, highlight, passage);
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

  /** Articles with one person (or country) whose name answers every word of the value. */
  private groupFilter(
    value: string,
    postings: Postings,
    groups: (info: DocInfo) => { name: string; tokens: string[] }[],
    highlight: Set<string>,
    passage: Map<string, string>,
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
      if (!passage.has(key)) passage.set(key, ('id' in group && this.corpus.person?.(group.id as string)?.name) || group.name);
    }
    return out;
  }

  // ---- results -----------------------------------------------------------------------------------

  private resultFromHit(article: Article, score: number, hit: MiniResult, filterTerms: Set<string>, filterPassage: string | undefined): SearchResult {
    const perField = new Map<string, number>();
    const terms = new Set(filterTerms);
    for (const [term, fields] of Object.entries(hit.match)) {
      terms.add(term);
      for (const f of fields) perField.set(f, (perField.get(f) ?? 0) + 1);
    }
    let best: MatchedField = 'body';
    let bestCount = -1;
    for (const field of FIELD_PRIORITY) {
      const n = perField.get(FIELD_FOR[field]) ?? 0;
      if (n > bestCount) { best = field; bestCount = n; }
    }
    const matchedTerms = new Set(Object.keys(hit.match));
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
    const hit = (tokens: string[]) => tokens.some((t) => terms.has(t));
    if (field === 'person') {
      const person = info.persons.find((p) => hit(p.tokens));
      return person ? this.corpus.person?.(person.id)?.name ?? person.name : null;
    }
    if (field === 'country') return info.countries.find((c) => hit(c.tokens) || terms.has(c.code))?.name ?? null;
    if (field === 'outlet') return article.outlet;
    if (field === 'year') return info.year;
    return null;
  }
}

const FIELD_FOR: Record<MatchedField, string> = { title: 'title', person: 'persons', country: 'countries', outlet: 'outlet', year: 'year', body: 'body', none: '' };

/** Raw first letters that `normalizeTerm` may turn into the key (ye→e, y→i, w→v, kh→h, ph→f). */
const FIRST_LETTER_SOURCES: Record<string, string> = { e: 'ey', i: 'iy', v: 'vw', h: 'hk', f: 'fp' };

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
  // Only words whose first letter can normalise to a matched term's first letter are normalised.
  const firstLetters = new Uint8Array(128);
  for (const term of terms) {
    const c = term.charCodeAt(0);
    for (const raw of FIRST_LETTER_SOURCES[String.fromCharCode(c)] ?? String.fromCharCode(c)) {
      firstLetters[raw.charCodeAt(0)] = 1;
      firstLetters[raw.toUpperCase().charCodeAt(0)] = 1;
    }
  }
  for (const token of tokensWithOffsets(body, firstLetters)) {
    const t = normalizeTerm(token.text);
    if (terms.has(t)) hits.push({ start: token.start, end: token.end, term: t });
  }
  if (!hits.length) return null;
  let bestI = 0, bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= PASSAGE_CHARS; j++) seen.add(hits[j]!.term);
    if (seen.size > bestCount) { bestCount = seen.size; bestI = i; }
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
