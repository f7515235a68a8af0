// The map of the library: persons and countries as nodes (the most-covered ones, by articles),
// linked when articles name both, weighted by how many do. Aggregated here, in the extension host,
// so the webview gets only the nodes and edges it draws, however large the corpus.
//
// Once per corpus: a `NetworkIndex` counts every article's persons, countries and person–country
// pairs, then follows the corpus's change events, taking back what a changed or removed article
// had counted and counting its new version — so the whole library's network costs a sort of the
// node counts, not a pass over 100,000 articles. A filtered network (one country, a year range)
// counts the articles that pass, found through the index's own country index, in two passes: count
// nodes, keep the top `limit`, then count the edges among those only. Results are kept per options
// until the corpus changes.

import { countryInfo } from '../entities';
import type { Corpus } from '../library/corpus';
import type { Article } from '../types';
import { yearOf } from './dossier';

export interface NetworkOptions {
  /** Keep only articles about this country (ISO code). */
  country?: string | null;
  /** Inclusive year range; undated articles are left out when either end is set. */
  fromYear?: number | null;
  toYear?: number | null;
  /** How many nodes at most (the most-covered first). */
  limit?: number;
}

export interface NetworkNode {
  /** `p:<person id>` or `c:<country code>`. */
  id: string;
  kind: 'person' | 'country';
  /** The person's id or the country's code. */
  ref: string;
  name: string;
  flag: string;
  articles: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Articles naming both. */
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Articles that passed the filters. */
  articles: number;
  /** Nodes there were before the top `limit` were kept. */
  totalNodes: number;
  /** Years that dated articles span (for the filter's bounds), over the whole corpus. */
  years: { min: number; max: number } | null;
}

export const NETWORK_NODE_LIMIT = 150;
/** The strongest links only: more lines than this add no reading, only drawing time. */
export const NETWORK_EDGE_LIMIT = 1500;

type Counts = Map<string, number>;

function bump(map: Counts, id: string, by: number): void {
  const n = (map.get(id) ?? 0) + by;
  if (n) map.set(id, n);
  else map.delete(id);
}

/** The corpus's network counts, kept current by its change events. */
export class NetworkIndex {
  /** What each article counted: the article object itself (an edit replaces it, never mutates it). */
  private readonly counted = new Map<string, Article>();
  private readonly personCounts: Counts = new Map();
  private readonly countryCounts: Counts = new Map();
  /** Person id → country code → articles naming both. */
  private readonly pairCounts = new Map<string, Counts>();
  private readonly keysByCountry = new Map<string, Set<string>>();
  private readonly yearCounts = new Map<number, number>();
  private readonly results = new Map<string, Network>();

  constructor(private readonly corpus: Corpus) {
    this.recount();
    corpus.onDidChange((change) => {
      this.results.clear();
      for (const key of [...change.removed, ...change.changed, ...change.added]) {
        const before = this.counted.get(key);
        if (before) this.count(before, -1);
        const now = corpus.get(key);
        if (now) this.count(now, 1);
      }
      // The events are the only input: should they ever disagree with the corpus, count afresh.
      if (this.counted.size !== corpus.size) this.recount();
    });
  }

  private recount(): void {
    for (const map of [this.counted, this.personCounts, this.countryCounts, this.pairCounts, this.keysByCountry, this.yearCounts]) map.clear();
    for (const article of this.corpus.articles()) this.count(article, 1);
  }

  private count(article: Article, by: 1 | -1): void {
    if (by > 0) this.counted.set(article.key, article);
    else this.counted.delete(article.key);
    const year = yearOf(article.date);
    if (year !== null) {
      const n = (this.yearCounts.get(year) ?? 0) + by;
      if (n) this.yearCounts.set(year, n);
      else this.yearCounts.delete(year);
    }
    for (const c of article.countries) {
      bump(this.countryCounts, c.code, by);
      let keys = this.keysByCountry.get(c.code);
      if (!keys) this.keysByCountry.set(c.code, (keys = new Set()));
      if (by > 0) keys.add(article.key);
      else if (keys.delete(article.key) && !keys.size) this.keysByCountry.delete(c.code);
    }
    for (const p of article.persons) {
      bump(this.personCounts, p.id, by);
      let pairs = this.pairCounts.get(p.id);
      if (!pairs) this.pairCounts.set(p.id, (pairs = new Map()));
      for (const c of article.countries) bump(pairs, c.code, by);
      if (!pairs.size) this.pairCounts.delete(p.id);
    }
  }

  private years(): Network['years'] {
    let min = Infinity, max = -Infinity;
    for (const year of this.yearCounts.keys()) {
      if (year < min) min = year;
      if (year > max) max = year;
    }
    return min <= max ? { min, max } : null;
  }

  /** The countries the corpus covers, most-covered first, at most `limit` (for the network's country filter). */
  countries(limit: number): { code: string; name: string; flag: string; articles: number }[] {
    return [...this.countryCounts].map(([code, articles]) => {
      const info = countryInfo(code);
      const any = this.keysByCountry.get(code)?.values().next().value;
      const name = info?.name ?? (any !== undefined ? this.counted.get(any)?.countries.find((c) => c.code === code)?.name : undefined) ?? code;
      return { code, name, flag: info?.flag ?? '', articles };
    }).sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
  }

  /** The network for these options (shared: callers must not change it). */
  network(options: NetworkOptions = {}): Network {
    const limit = options.limit ?? NETWORK_NODE_LIMIT;
    const cacheKey = `${options.country ?? ''}|${options.fromYear ?? ''}|${options.toYear ?? ''}|${limit}`;
    let result = this.results.get(cacheKey);
    if (!result) {
      const filtered = options.country || options.fromYear != null || options.toYear != null;
      result = filtered ? this.filteredNetwork(options, limit) : this.wholeNetwork(limit);
      this.results.set(cacheKey, result);
    }
    return result;
  }

  private wholeNetwork(limit: number): Network {
    const top = rank(this.personCounts, this.countryCounts, limit);
    const kept = new Set(top.ranked.map(([id]) => id));
    const edges: NetworkEdge[] = [];
    for (const [id] of top.ranked) {
      if (!id.startsWith('p:')) continue;
      for (const [code, weight] of this.pairCounts.get(id.slice(2)) ?? []) {
        if (kept.has(`c:${code}`)) edges.push({ source: id, target: `c:${code}`, weight });
      }
    }
    return this.result(top.ranked, edges, this.counted.size, top.total);
  }

  private filteredNetwork(options: NetworkOptions, limit: number): Network {
    const yearFiltered = options.fromYear != null || options.toYear != null;
    const candidates = options.country ? this.keysByCountry.get(options.country) ?? new Set<string>() : this.counted.keys();
    const selected: Article[] = [];
    const personCounts: Counts = new Map(), countryCounts: Counts = new Map();
    for (const key of candidates) {
      const article = this.counted.get(key)!;
      if (yearFiltered) {
        const year = yearOf(article.date);
        if (year === null) continue;
        if (options.fromYear != null && year < options.fromYear) continue;
        if (options.toYear != null && year > options.toYear) continue;
      }
      selected.push(article);
      for (const p of article.persons) bump(personCounts, p.id, 1);
      for (const c of article.countries) bump(countryCounts, c.code, 1);
    }
    const top = rank(personCounts, countryCounts, limit);
    // Kept nodes get small indices; an edge is the number personIndex * width + countryIndex.
    const personIndex = new Map<string, number>(), countryIndex = new Map<string, number>();
    top.ranked.forEach(([id], i) => (id.startsWith('p:') ? personIndex : countryIndex).set(id.slice(2), i));
    const weights = new Map<number, number>();
    const width = Math.max(1, top.ranked.length);
    for (const article of selected) {
      for (const p of article.persons) {
        const pi = personIndex.get(p.id);
        if (pi === undefined) continue;
        for (const c of article.countries) {
          const ci = countryIndex.get(c.code);
          if (ci === undefined) continue;
          const edge = pi * width + ci;
          weights.set(edge, (weights.get(edge) ?? 0) + 1);
        }
      }
    }
    const edges = [...weights].map(([edge, weight]) => ({ source: top.ranked[Math.floor(edge / width)]![0], target: top.ranked[edge % width]![0], weight }));
    return this.result(top.ranked, edges, selected.length, top.total);
  }

  private result(ranked: [string, number][], edges: NetworkEdge[], articles: number, totalNodes: number): Network {
    const nodes = ranked.map(([id, count]): NetworkNode => {
      const kind = id.startsWith('p:') ? 'person' : 'country';
      const ref = id.slice(2);
      const name = kind === 'person' ? this.corpus.person(ref)?.name ?? ref : countryInfo(ref)?.name ?? ref;
      return { id, kind, ref, name, flag: kind === 'country' ? countryInfo(ref)?.flag ?? '' : '', articles: count };
    });
    edges.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
    return { nodes, edges: edges.slice(0, NETWORK_EDGE_LIMIT), articles, totalNodes, years: this.years() };
  }
}

/** The `limit` most-covered nodes (`p:<id>` / `c:<code>`, by articles, then by id), and how many there were. */
function rank(personCounts: Counts, countryCounts: Counts, limit: number): { ranked: [string, number][]; total: number } {
  const ranked: [string, number][] = [];
  for (const [id, n] of personCounts) ranked.push([`p:${id}`, n]);
  for (const [code, n] of countryCounts) ranked.push([`c:${code}`, n]);
  return { ranked: ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit), total: ranked.length };
}

const indexes = new WeakMap<Corpus, NetworkIndex>();

/** The corpus's network index, made on first use and kept current from then on. */
export function networkIndex(corpus: Corpus): NetworkIndex {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, (index = new NetworkIndex(corpus)));
  return index;
}

/** The co-mention network of the corpus (counted once per corpus, then kept current; see NetworkIndex). */
export function buildNetwork(corpus: Corpus, options: NetworkOptions = {}): Network {
  return networkIndex(corpus).network(options);
}
