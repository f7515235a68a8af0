// The map of the library: persons and countries as nodes (the most-covered ones, by articles),
// linked when articles name both, weighted by how many do. Aggregated here, in the extension host,
// so the webview gets only the nodes and edges it draws, however large the corpus. Two passes over
// the articles that pass the filters: count nodes, keep the top `limit`, then count the edges among
// those only — linear in the entity mentions of the filtered articles.

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

function passes(article: Article, options: NetworkOptions): boolean {
  if (options.country && !article.countries.some((c) => c.code === options.country)) return false;
  if (options.fromYear != null || options.toYear != null) {
    const year = yearOf(article.date);
    if (year === null) return false;
    if (options.fromYear != null && year < options.fromYear) return false;
    if (options.toYear != null && year > options.toYear) return false;
  }
  return true;
}

export function buildNetwork(corpus: Corpus, options: NetworkOptions = {}): Network {
  const limit = options.limit ?? NETWORK_NODE_LIMIT;
  const source = options.country ? corpus.articlesForCountry(options.country) : corpus.articles();
  const selected: Article[] = [];
  const counts = new Map<string, number>();
  let minYear = Infinity, maxYear = -Infinity;
  for (const article of corpus.articles()) {
    const year = yearOf(article.date);
    if (year !== null) {
      if (year < minYear) minYear = year;
      if (year > maxYear) maxYear = year;
    }
  }
  for (const article of source) {
    if (!passes(article, options)) continue;
    selected.push(article);
    for (const p of article.persons) counts.set(`p:${p.id}`, (counts.get(`p:${p.id}`) ?? 0) + 1);
    for (const c of article.countries) counts.set(`c:${c.code}`, (counts.get(`c:${c.code}`) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  const kept = new Set(top.map(([id]) => id));
  const weights = new Map<string, number>();
  for (const article of selected) {
    for (const p of article.persons) {
      const pid = `p:${p.id}`;
      if (!kept.has(pid)) continue;
      for (const c of article.countries) {
        const cid = `c:${c.code}`;
        if (!kept.has(cid)) continue;
        const edge = `${pid}\u0000${cid}`;
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
    const [s, t] = edge.split('\u0000') as [string, string];
    return { source: s, target: t, weight };
  }).sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1)).slice(0, NETWORK_EDGE_LIMIT);
  return {
    nodes,
    edges,
    articles: selected.length,
    totalNodes: counts.size,
    years: minYear <= maxYear ? { min: minYear, max: maxYear } : null,
  };
}
