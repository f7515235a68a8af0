// The map of the library: persons and countries as nodes (the most-covered ones, by articles),
// linked when articles name both, weighted by how many do. Aggregated here, in the extension host,
// so the webview gets only the nodes and edges it draws, however large the corpus. Two passes over
// the articles that pass the filters: count nodes, keep the top `limit`, then count the edges among
// those only — linear in the entity mentions of the filtered articles.

import { countryInfo } from '../entities';
import type { Corpus } from '../library/corpus';
import type { Article } from '../types';

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

/** The year of an ISO date, without a regular expression (this runs once per article). */
function fastYear(date: string | null): number | null {
  if (!date || date.length < 4) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    year = year * 10 + c;
  }
  return year;
}

export function buildNetwork(corpus: Corpus, options: NetworkOptions = {}): Network {
  const limit = options.limit ?? NETWORK_NODE_LIMIT;
  const yearFiltered = options.fromYear != null || options.toYear != null;
  const selected: Article[] = [];
  // Counts by raw id, persons and countries apart (no string building per mention).
  const personCounts = new Map<string, number>();
  const countryCounts = new Map<string, number>();
  let minYear = Infinity, maxYear = -Infinity;
  for (const article of corpus.articles()) {
    const year = fastYear(article.date);
    if (year !== null) {
      if (year < minYear) minYear = year;
      if (year > maxYear) maxYear = year;
    }
    if (yearFiltered) {
      if (year === null) continue;
      if (options.fromYear != null && year < options.fromYear) continue;
      if (options.toYear != null && year > options.toYear) continue;
    }
    if (options.country) {
      let about = false;
      for (const c of article.countries) if (c.code === options.country) { about = true; break; }
      if (!about) continue;
    }
    selected.push(article);
    for (const p of article.persons) personCounts.set(p.id, (personCounts.get(p.id) ?? 0) + 1);
    for (const c of article.countries) countryCounts.set(c.code, (countryCounts.get(c.code) ?? 0) + 1);
  }
  const ranked: [string, number][] = [];
  for (const [id, n] of personCounts) ranked.push([`p:${id}`, n]);
  for (const [code, n] of countryCounts) ranked.push([`c:${code}`, n]);
  const top = ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  // Kept nodes get small indices; an edge is the number personIndex * limit + countryIndex.
  const personIndex = new Map<string, number>(), countryIndex = new Map<string, number>();
  top.forEach(([id], i) => (id.startsWith('p:') ? personIndex : countryIndex).set(id.slice(2), i));
  const weights = new Map<number, number>();
  const width = Math.max(1, top.length);
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
  const nodes = top.map(([id, articles]): NetworkNode => {
    const kind = id.startsWith('p:') ? 'person' : 'country';
    const ref = id.slice(2);
    const name = kind === 'person' ? corpus.person(ref)?.name ?? ref : countryInfo(ref)?.name ?? ref;
    return { id, kind, ref, name, flag: kind === 'country' ? countryInfo(ref)?.flag ?? '' : '', articles };
  });
  const edges = [...weights].map(([edge, weight]) => {
    return { source: top[Math.floor(edge / width)]![0], target: top[edge % width]![0], weight };
  }).sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1)).slice(0, NETWORK_EDGE_LIMIT);
  return {
    nodes,
    edges,
    articles: selected.length,
    totalNodes: ranked.length,
    years: minYear <= maxYear ? { min: minYear, max: maxYear } : null,
  };
}
