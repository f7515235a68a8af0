// The sidebar's library model, without VS Code: which groups (country, person, outlet, year) each
// article belongs to, the sorted group list, the sorted articles of a group, the text filter, and —
// for each corpus change — which groups need refreshing. Everything is computed lazily and cached
// until a change touches it, so a change to one article never re-sorts the whole corpus.

import { compareArticles, type CorpusChange } from './corpus';
import { asciiFold } from './keys';
import type { Article } from '../types';

/** How a view groups articles. The Countries view uses country/outlet/year, People person/outlet/year. */
export type GroupMode = 'country' | 'person' | 'outlet' | 'year';

export const GROUP_MODES: readonly GroupMode[] = ['country', 'person', 'outlet', 'year'];

export function isGroupMode(value: unknown): value is GroupMode {
  return typeof value === 'string' && (GROUP_MODES as readonly string[]).includes(value);
}

/**
 * The group of articles with nothing to group by (no country, no person, no outlet, no year): shown
 * last, so no article is ever missing from a view.
 */
export const UNKNOWN_GROUP = '';

/** "TASS" and "Tass " are one outlet: compare folded, lower-cased, single-spaced. */
export function outletGroupId(outlet: string | null): string {
  if (!outlet) return UNKNOWN_GROUP;
  return asciiFold(outlet).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "2025-05-07" -> "2025"; "--02-19" (no year) and null -> UNKNOWN_GROUP. */
export function yearGroupId(date: string | null): string {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : UNKNOWN_GROUP;
}

/**
 * The ids of the groups an article belongs to under a mode, in the article's own order (by mentions). `personGroup`:
 * the group a person's id goes in (the corpus puts a surname-only person in their one full person's).
 */
export function groupIdsOf(article: Pick<Article, 'countries' | 'persons' | 'outlet' | 'date'>, mode: GroupMode,
  personGroup?: (id: string) => string): string[] {
  switch (mode) {
    case 'country': return orUnknown(unique(article.countries.map((c) => c.code)));
    case 'person': return orUnknown(unique(article.persons.map((p) => (personGroup ? personGroup(p.id) : p.id))));
    case 'outlet': return [outletGroupId(article.outlet)];
    case 'year': return [yearGroupId(article.date)];
  }
}

/** The name a group shows when nothing better is known (the host passes canonical names). */
export function defaultGroupName(mode: GroupMode, id: string, member: Article | undefined): string {
  switch (mode) {
    case 'country':
      return id === UNKNOWN_GROUP ? 'No country' : member?.countries.find((c) => c.code === id)?.name ?? id;
    case 'person':
      return id === UNKNOWN_GROUP ? 'No person named' : member?.persons.find((p) => p.id === id)?.name ?? id;
    case 'outlet':
      return id === UNKNOWN_GROUP ? 'Unknown outlet' : (member?.outlet?.replace(/\s+/g, ' ').trim() || id);
    case 'year':
      return id === UNKNOWN_GROUP ? 'No year' : id;
  }
}

// ---- sorting and filtering -------------------------------------------------------------------------

export interface GroupRow {
  mode: GroupMode;
  id: string;
  name: string;
  /** The name folded for sorting (accents and case ignored); derived from `name` when absent. */
  sortKey?: string;
  /** Articles in the group. */
  total: number;
  /** Articles shown under the current filter (= total when there is none). */
  shown: number;
}


/**
 * Group order: by article count (descending), then by name. Years are chronological instead (newest
 * first), which is what a reader of a year list expects. The unknown group always comes last.
 */
export function compareGroups(a: GroupRow, b: GroupRow): number {
  const unknownA = a.id === UNKNOWN_GROUP, unknownB = b.id === UNKNOWN_GROUP;
  if (unknownA !== unknownB) return unknownA ? 1 : -1;
  if (a.mode === 'year' && b.mode === 'year') return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  if (b.shown !== a.shown) return b.shown - a.shown;
  const ka = a.sortKey ?? normalizeForFilter(a.name), kb = b.sortKey ?? normalizeForFilter(b.name);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Text compared by the filter: accents folded, lower case, single spaces. */
export function normalizeForFilter(text: string): string {
  return asciiFold(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The filter's terms: words, or "quoted phrases"; every term must match. */
export function parseFilter(text: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const term = normalizeForFilter(m[1] ?? m[2] ?? '');
    if (term) terms.push(term);
  }
  return terms;
}

/** Whether every term occurs in one of the (already normalized) haystacks. */
export function matchesTerms(terms: readonly string[], ...haystacks: string[]): boolean {
  return terms.every((term) => haystacks.some((h) => h.includes(term)));
}

/** What the filter searches in an article: label, title, key, date, outlet, file, countries, persons. */
export function articleFilterText(article: Article): string {
  return normalizeForFilter([
    article.label, article.title ?? '', article.key, article.date ?? '', article.outlet ?? '', article.file,
    ...article.countries.flatMap((c) => [c.code, c.name]),
    ...article.persons.flatMap((p) => [p.name, ...p.variants]),
  ].join(' \u0001 '));
}

/**
 * Where the filter's terms occur in a label, as [start, end) ranges, for highlighting. Empty when
 * folding changed the text's length (positions would not line up).
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = asciiFold(text).toLowerCase();
  if (folded.length !== text.length || !terms.length) return [];
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let i = folded.indexOf(term); i >= 0 && term; i = folded.indexOf(term, i + term.length)) ranges.push([i, i + term.length]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The search query that finds a group's articles (the search feature's filter syntax). */
export function searchQuery(mode: GroupMode, id: string, name: string): string {
  const quote = (s: string) => (/[\s"]/.test(s) ? `"${s.replace(/"/g, '')}"` : s);
  switch (mode) {
    case 'country': return `country:${id}`;
    case 'person': return `person:${quote(name)}`;
    case 'outlet': return `outlet:${quote(name)}`;
    case 'year': return `year:${id}`;
  }
}

/**
 * The `dossier.articles` glob for a folder chosen in the workspace: `seeds/2024` ->
 * `seeds/2024/**\/*.{txt,md}`, the folder itself -> `**\/*.{txt,md}`. Glob characters in folder
 * names are matched literally.
 */
export function articlesGlob(relativeFolder: string): string {
  const escaped = relativeFolder.split('/').filter((p) => p && p !== '.').map((part) => part.replace(/[*?{}[\]]/g, (c) => `[${c}]`)).join('/');
  return escaped ? `${escaped}/**/*.{txt,md}` : '**/*.{txt,md}';
}

// ---- the model -------------------------------------------------------------------------------------

/** What the model reads: the Corpus satisfies it. */
export interface LibrarySource {
  keys(): Iterable<string>;
  get(key: string): Article | undefined;
  /**
   * The person group an id goes in: the corpus's full person for a surname-only one ("putin" → "vladimir-putin",
   * when the library knows one Putin), else the id. The corpus reports the articles whose group this moves as changed.
   */
  personGroupId?(id: string): string;
}

/** Host-provided names and searchable text for groups (canonical person names, country demonyms…). */
export interface GroupNaming {
  name?(mode: GroupMode, id: string, member: Article | undefined): string | undefined;
  /** Extra text the filter matches for a group (person variants, country code and demonym). */
  filterText?(mode: GroupMode, id: string): string;
}

/** What the view must refresh after a change: everything (groups appeared, vanished or moved), or some groups. */
export type Refresh = { all: true } | { all: false; groups: string[] };

export class LibraryModel {
  private modeValue: GroupMode;
  private filterValue = '';
  private terms: string[] = [];
  private readonly groupsByKey = new Map<string, readonly string[]>();
  private readonly keysByGroup = new Map<string, Set<string>>();
  private groupRows: GroupRow[] | null = null;
  /** Name and count of each group as last listed, to tell a row refresh from a re-sort. */
  private listed = new Map<string, { name: string; shown: number }>();
  private readonly articleCache = new Map<string, Article[]>();
  /** Keys of a group the filter shows, unsorted (what the group list counts). */
  private readonly matchCache = new Map<string, string[]>();
  private readonly nameCache = new Map<string, { name: string; sortKey: string }>();
  private readonly filterTextCache = new Map<string, string>();
  private readonly groupFilterTextCache = new Map<string, string>();

  constructor(private readonly source: LibrarySource, mode: GroupMode, private readonly naming: GroupNaming = {}) {
    this.modeValue = mode;
    this.rebuild();
  }

  get mode(): GroupMode {
    return this.modeValue;
  }

  get filter(): string {
    return this.filterValue;
  }

  get filtered(): boolean {
    return this.terms.length > 0;
  }

  /** The filter's parsed terms (for highlighting). */
  get filterTerms(): readonly string[] {
    return this.terms;
  }

  /** The number of articles shown under the filter (each counted once, whatever its groups). */
  shownArticleCount(): number {
    if (!this.filtered) return this.groupsByKey.size;
    const keys = new Set<string>();
    for (const group of this.groups()) for (const article of this.articles(group.id)) keys.add(article.key);
    return keys.size;
  }

  setMode(mode: GroupMode): void {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    this.rebuild();
  }

  setFilter(text: string): void {
    this.filterValue = text.trim();
    this.terms = parseFilter(this.filterValue);
    this.invalidateAll();
  }

  /** Re-reads every article (after a mode change, or when the host lost track). */
  rebuild(): void {
    this.groupsByKey.clear();
    this.keysByGroup.clear();
    this.filterTextCache.clear();
    for (const key of this.source.keys()) {
      const article = this.source.get(key);
      if (article) this.add(key, article);
    }
    this.invalidateAll();
  }

  /** Applies one corpus change; says what the view must refresh. */
  apply(change: CorpusChange): Refresh {
    const touched = new Set<string>();
    for (const key of [...change.removed, ...change.changed]) {
      this.filterTextCache.delete(key);
      for (const group of this.remove(key)) touched.add(group);
    }
    for (const key of [...change.added, ...change.changed]) {
      const article = this.source.get(key);
      if (article) for (const group of this.add(key, article)) touched.add(group);
    }
    for (const group of touched) {
      this.articleCache.delete(group);
      this.matchCache.delete(group);
      this.nameCache.delete(group);
      this.groupFilterTextCache.delete(group);
    }
    if (touched.size === 0) return { all: false, groups: [] };
    // Under a filter, any change may show or hide groups: cheap enough to re-list.
    let all = this.filtered || this.groupRows === null;
    if (!all) {
      for (const group of touched) {
        const before = this.listed.get(group);
        const members = this.keysByGroup.get(group);
        if (!before || !members || before.shown !== members.size || before.name !== this.cachedName(group).name) {
          all = true;
          break;
        }
      }
    }
    if (all) {
      this.groupRows = null;
      return { all: true };
    }
    return { all: false, groups: [...touched] };
  }

  /** The groups, sorted, with at least one article shown under the filter. Cached. */
  groups(): GroupRow[] {
    if (this.groupRows) return this.groupRows;
    const rows: GroupRow[] = [];
    for (const [id, keys] of this.keysByGroup) {
      const shown = this.filtered ? this.matchingKeys(id).length : keys.size;
      if (shown === 0) continue;
      const { name, sortKey } = this.cachedName(id);
      rows.push({ mode: this.modeValue, id, name, sortKey, total: keys.size, shown });
    }
    rows.sort(compareGroups);
    this.groupRows = rows;
    this.listed = new Map(rows.map((r) => [r.id, { name: r.name, shown: r.shown }]));
    return rows;
  }

  group(id: string): GroupRow | undefined {
    return this.groups().find((g) => g.id === id);
  }

  /** The articles of a group shown under the filter, newest first. Cached per group. */
  articles(groupId: string): Article[] {
    const cached = this.articleCache.get(groupId);
    if (cached) return cached;
    const result: Article[] = [];
    for (const key of this.matchingKeys(groupId)) {
      const article = this.source.get(key);
      if (article) result.push(article);
    }
    result.sort(compareArticles);
    this.articleCache.set(groupId, result);
    return result;
  }

  /** The keys of a group the filter shows, in no particular order. Cached per group. */
  private matchingKeys(groupId: string): string[] {
    const cached = this.matchCache.get(groupId);
    if (cached) return cached;
    const keys = this.keysByGroup.get(groupId);
    const result: string[] = [];
    if (keys) {
      const groupText = this.filtered ? this.groupFilterText(groupId) : '';
      // Terms the group itself matches need not be found in each article.
      const terms = this.filtered ? this.terms.filter((t) => !groupText.includes(t)) : [];
      for (const key of keys) {
        if (terms.length) {
          const article = this.source.get(key);
          if (!article || !matchesTerms(terms, this.articleFilterText(key, article))) continue;
        }
        result.push(key);
      }
    }
    this.matchCache.set(groupId, result);
    return result;
  }

  /** The groups an article is in (in the article's own order: most mentioned first). */
  groupsOf(key: string): readonly string[] {
    return this.groupsByKey.get(key) ?? [];
  }

  /** The group under which to reveal an article: its first group where the filter shows it. */
  revealGroup(key: string): string | undefined {
    for (const group of this.groupsOf(key)) {
      if (!this.filtered || this.articles(group).some((a) => a.key === key)) return group;
    }
    return undefined;
  }

  // ---- internals ---------------------------------------------------------------------------------

  private cachedName(id: string): { name: string; sortKey: string } {
    let entry = this.nameCache.get(id);
    if (!entry) {
      const name = this.groupName(id);
      entry = { name, sortKey: normalizeForFilter(name) };
      this.nameCache.set(id, entry);
    }
    return entry;
  }

  private groupName(id: string): string {
    const member = this.firstMember(id);
    return this.naming.name?.(this.modeValue, id, member) ?? defaultGroupName(this.modeValue, id, member);
  }

  private firstMember(id: string): Article | undefined {
    const keys = this.keysByGroup.get(id);
    if (!keys) return undefined;
    for (const key of keys) {
      const article = this.source.get(key);
      if (article) return article;
    }
    return undefined;
  }

  private groupFilterText(id: string): string {
    let text = this.groupFilterTextCache.get(id);
    if (text === undefined) {
      text = normalizeForFilter(`${this.groupName(id)} ${this.naming.filterText?.(this.modeValue, id) ?? ''}`);
      this.groupFilterTextCache.set(id, text);
    }
    return text;
  }

  private articleFilterText(key: string, article: Article): string {
    let text = this.filterTextCache.get(key);
    if (text === undefined) {
      text = articleFilterText(article);
      this.filterTextCache.set(key, text);
    }
    return text;
  }

  private add(key: string, article: Article): readonly string[] {
    const groups = groupIdsOf(article, this.modeValue, this.source.personGroupId ? (id) => this.source.personGroupId!(id) : undefined);
    this.groupsByKey.set(key, groups);
    for (const group of groups) {
      let set = this.keysByGroup.get(group);
      if (!set) this.keysByGroup.set(group, (set = new Set()));
      set.add(key);
    }
    return groups;
  }

  private remove(key: string): readonly string[] {
    const groups = this.groupsByKey.get(key) ?? [];
    this.groupsByKey.delete(key);
    for (const group of groups) {
      const set = this.keysByGroup.get(group);
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) this.keysByGroup.delete(group);
    }
    return groups;
  }

  private invalidateAll(): void {
    this.groupRows = null;
    this.articleCache.clear();
    this.matchCache.clear();
    this.nameCache.clear();
    this.groupFilterTextCache.clear();
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function orUnknown(ids: string[]): string[] {
  return ids.length ? ids : [UNKNOWN_GROUP];
}
