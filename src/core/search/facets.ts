// Suggestions for a filter value being typed in the search box (`person:lavr`, `country:venez`,
// `outlet:ta`): the corpus's persons (with every variant of their names), countries (name, demonym,
// capital, code) and outlets, ranked by fuse.js. fuse.js is the design card's fuzzy scorer and is
// good at short strings; over whole articles it took seconds a query (see README), over names it
// takes about a millisecond. Persons are first narrowed to those with a name word starting with the
// letter of a typed word (typos rarely touch the first letter), so a corpus with tens of thousands
// of names still answers as you type.

import Fuse from 'fuse.js';
import { countryInfo } from '../entities';
import { asciiFold } from '../library/keys';
import type { Article } from '../types';
import { tokenize } from './normalize';

export type FacetField = 'person' | 'country' | 'outlet';

export interface Facet {
  field: FacetField;
  /** What goes after `field:` (a person's name, a country's code, an outlet's name). */
  value: string;
  /** How the suggestion reads: the person's name, the country's name, the outlet. */
  label: string;
  /** Other names it is known by (variants; demonym and capital of a country). */
  also: string[];
  /** Articles it is in. */
  count: number;
}

/** What the suggester needs from the corpus (the `Corpus` class satisfies it). */
export interface FacetCorpus {
  persons(): { id: string; name: string; variants: string[]; articles: string[] }[];
  /** The full person a surname-only person is, when the library knows exactly one (`Corpus.surnameLink`). */
  surnameLink?(id: string): string | null;
  countries(): { code: string; name: string; articles: string[] }[];
  keys(): Iterable<string>;
  get(key: string): Article | undefined;
  onDidChange(listener: () => void): { dispose(): void };
}

interface Entry {
  facet: Facet;
  /** Searched by fuse.js: the label, then every other name, accents folded. */
  names: string[];
}

const FUSE_OPTIONS = {
  keys: [{ name: 'names', weight: 1 }],
  threshold: 0.34,
  ignoreLocation: true,
  includeScore: true,
  ignoreDiacritics: true,
};
/** Persons are narrowed by first letters only when there are more than this many. */
const NARROW_ABOVE = 1000;
/** fuse.js indexes kept at once (one per field, and per set of first letters for many persons). */
const MAX_INDEXES = 40;
/** Suggestions scoring more than this above the best one are dropped (fuse.js scores: 0 = exact, 1 = none). */
const RELATIVE_CUT = 0.15;

export class FacetSuggester {
  private entries: Map<FacetField, Entry[]> | null = null;
  private readonly fuses = new Map<string, Fuse<Entry>>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly corpus: FacetCorpus) {
    // Rebuilt lazily: a change only drops what was built.
    this.subscription = corpus.onDidChange(() => {
      this.entries = null;
      this.fuses.clear();
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Up to `limit` facets of `field` for the typed `text`, best first; the most frequent when `text` is empty. */
  suggest(field: FacetField, text: string, limit = 6): Facet[] {
    const entries = this.entriesOf(field);
    const typed = text.trim();
    if (!typed) return entries.slice(0, limit).map((e) => e.facet);
    // A country code typed as such ("VE", "ve") comes first.
    const exact = field === 'country' && /^[a-z]{2}$/i.test(typed) ? entries.filter((e) => e.facet.value === typed.toUpperCase()) : [];
    const fuse = this.fuseFor(field, entries, typed);
    const results = fuse.search(asciiFold(typed), { limit: limit * 3 });
    // Far worse than the best is noise ("lav" is somewhere in many names); near-equal scores are
    // ties, broken by how many articles the facet is in.
    const best = results[0]?.score ?? 0;
    const found = results.filter((r) => (r.score ?? 0) <= best + RELATIVE_CUT)
      .sort((a, b) => Math.round((a.score ?? 0) * 20) - Math.round((b.score ?? 0) * 20) || b.item.facet.count - a.item.facet.count)
      .map((r) => r.item);
    return [...new Set([...exact, ...found])].slice(0, limit).map((e) => e.facet);
  }

  private fuseFor(field: FacetField, entries: Entry[], typed: string): Fuse<Entry> {
    // One fuse.js index per field, or per field and set of first letters (kept until the corpus changes).
    let cacheKey: string = field;
    let candidates = () => entries;
    if (field === 'person' && entries.length > NARROW_ABOVE) {
      const letters = [...new Set(tokenize(asciiFold(typed).toLowerCase()).map((w) => w[0]!))].sort();
      cacheKey = `${field}:${letters.join('')}`;
      candidates = () => entries.filter((e) => e.names.some((n) => tokenize(n).some((w) => letters.includes(w[0]!.toLowerCase()))));
    }
    let fuse = this.fuses.get(cacheKey);
    if (!fuse) {
      if (this.fuses.size >= MAX_INDEXES) this.fuses.clear();
      this.fuses.set(cacheKey, (fuse = new Fuse(candidates(), FUSE_OPTIONS)));
    }
    return fuse;
  }

  private entriesOf(field: FacetField): Entry[] {
    this.entries ??= new Map();
    let entries = this.entries.get(field);
    if (!entries) this.entries.set(field, (entries = this.build(field)));
    return entries;
  }

  private build(field: FacetField): Entry[] {
    const entry = (facet: Facet): Entry => ({ facet, names: [facet.label, ...facet.also].map(asciiFold) });
    if (field === 'person') {
      // A surname-only person the library links to one full person ("Putin" to Vladimir Putin) is
      // no suggestion of its own: its articles count for that person, whose filter finds them.
      const persons = this.corpus.persons();
      const linked = new Map<string, string[][]>();
      const own = persons.filter((p) => {
        const to = this.corpus.surnameLink?.(p.id) ?? null;
        if (to === null) return true;
        const lists = linked.get(to);
        if (lists) lists.push(p.articles);
        else linked.set(to, [p.articles]);
        return false;
      });
      const entries = own.map((p) => {
        const more = linked.get(p.id);
        const count = more ? new Set([...p.articles, ...more.flat()]).size : p.articles.length;
        return entry({ field, value: p.name, label: p.name, also: p.variants.filter((v) => v !== p.name), count });
      });
      // (The corpus's order, most articles first, again once linked articles have been counted in.)
      return linked.size ? entries.sort((a, b) => b.facet.count - a.facet.count || a.facet.label.localeCompare(b.facet.label)) : entries;
    }
    if (field === 'country') {
      return this.corpus.countries().map((c) => {
        const info = countryInfo(c.code);
        const also = [info?.demonym, info?.capital, c.code].filter((s): s is string => !!s && s !== c.name);
        return entry({ field, value: c.code, label: c.name, also, count: c.articles.length });
      });
    }
    const counts = new Map<string, number>();
    for (const key of this.corpus.keys()) {
      const outlet = this.corpus.get(key)?.outlet;
      if (outlet) counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([outlet, count]) => entry({ field, value: outlet, label: outlet, also: [], count }));
  }
}
