// What the dossier panel shows of a dossier: the entries that pass the filters (year range,
// outlet, text), grouped by year or month when long, one page of rows at a time. A country can
// have tens of thousands of articles: the filters run here (in the extension host), the webview
// gets counts for the whole and rows a page at a time, and only the rows sent need their
// sentences (the text filter needs them all, so it runs in slices that yield between them).

import type { Dossier, DossierEntry } from './dossier';
import type { MentionSentence } from './mentions';

export interface DossierFilters {
  fromYear: number | null;
  toYear: number | null;
  /** Only this outlet; null for all. */
  outlet: string | null;
  /** Words the title, outlet, key or a sentence must contain (case-insensitive); '' for none. */
  text: string;
}

export const NO_FILTERS: DossierFilters = Object.freeze({ fromYear: null, toYear: null, outlet: null, text: '' });

/** Rows a page holds: enough to fill a tall screen several times, few enough to draw at once. */
export const DOSSIER_PAGE_SIZE = 200;

export type GroupMode = 'none' | 'month' | 'year';

/** One timeline row, as plain data for the webview: an entry with its sentences read. */
export interface DossierRow extends Omit<DossierEntry, 'sentences'> {
  sentences: MentionSentence[];
  /** The heading the row goes under ('' when the timeline is not grouped). */
  group: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function metaPasses(entry: DossierEntry, filters: DossierFilters): boolean {
  if (filters.outlet !== null && (entry.outlet ?? '') !== filters.outlet) return false;
  if (filters.fromYear !== null && (entry.year === null || entry.year < filters.fromYear)) return false;
  if (filters.toYear !== null && (entry.year === null || entry.year > filters.toYear)) return false;
  return true;
}

function textPasses(entry: DossierEntry, needle: string): boolean {
  if (needle.includes('\n')) {
    // Fields are joined by line breaks: only then can a needle span two of them.
    return [entry.title, entry.outlet ?? '', entry.key, ...entry.sentences.map((s) => s.text)].join('\n').toLocaleLowerCase().includes(needle);
  }
  // The cheap fields first: an entry found by its title needs no sentences.
  if (entry.title.toLocaleLowerCase().includes(needle) || (entry.outlet ?? '').toLocaleLowerCase().includes(needle) || entry.key.toLocaleLowerCase().includes(needle)) return true;
  for (const sentence of entry.sentences) if (sentence.text.toLocaleLowerCase().includes(needle)) return true;
  return false;
}

/** Whether the entry passes the filters (the text filter reads its sentences). */
export function entryPasses(entry: DossierEntry, filters: DossierFilters): boolean {
  return metaPasses(entry, filters) && (!filters.text || textPasses(entry, filters.text.toLocaleLowerCase()));
}

/** The entries that pass the filters, in timeline order. */
export function filterEntries(entries: readonly DossierEntry[], filters: DossierFilters): DossierEntry[] {
  return entries.filter((entry) => entryPasses(entry, filters));
}

/** Lets the event loop run (the extension host keeps answering while a long filter runs). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `filterEntries` in slices of `sliceSize` entries, yielding between them; gives null when
 * `cancelled()` turns true (a newer filter replaced this one). Without a text filter it is one pass.
 */
export async function filterEntriesSliced(entries: readonly DossierEntry[], filters: DossierFilters, cancelled: () => boolean, sliceSize = 500): Promise<DossierEntry[] | null> {
  if (!filters.text) return filterEntries(entries, filters);
  const passed: DossierEntry[] = [];
  for (let from = 0; from < entries.length; from += sliceSize) {
    if (from > 0) await yieldToEventLoop();
    if (cancelled()) return null;
    const to = Math.min(entries.length, from + sliceSize);
    for (let i = from; i < to; i++) if (entryPasses(entries[i]!, filters)) passed.push(entries[i]!);
  }
  return passed;
}

/** Reads every entry's sentences in slices, yielding between them (before a brief of them all). */
export async function loadSentencesSliced(entries: readonly DossierEntry[], cancelled: () => boolean = () => false, sliceSize = 500): Promise<boolean> {
  for (let from = 0; from < entries.length; from += sliceSize) {
    if (from > 0) await yieldToEventLoop();
    if (cancelled()) return false;
    for (let i = from; i < Math.min(entries.length, from + sliceSize); i++) void entries[i]!.sentences;
  }
  return true;
}

/** Long timelines get headings: by year, or by month when they span one year; 12 rows or fewer none. */
export function groupMode(entries: readonly DossierEntry[]): GroupMode {
  if (entries.length <= 12) return 'none';
  let year: number | null = null;
  for (const entry of entries) {
    if (entry.year === null) continue;
    if (year === null) year = entry.year;
    else if (entry.year !== year) return 'year';
  }
  return 'month';
}

export function groupLabel(entry: Pick<DossierEntry, 'date'>, mode: GroupMode): string {
  if (mode === 'none') return '';
  const { date } = entry;
  if (!date) return 'Undated';
  if (date.startsWith('--')) return 'Year unknown';
  if (mode === 'year') return date.slice(0, 4);
  return date.length >= 7 ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : date.slice(0, 4);
}

/** Rows `offset` to `offset + limit` of the filtered entries (their sentences found now). */
export function pageRows(entries: readonly DossierEntry[], mode: GroupMode, offset: number, limit = DOSSIER_PAGE_SIZE): DossierRow[] {
  return entries.slice(offset, offset + limit).map((entry) => ({
    key: entry.key,
    title: entry.title,
    date: entry.date,
    year: entry.year,
    outlet: entry.outlet,
    file: entry.file,
    url: entry.url,
    mentions: entry.mentions,
    sentences: entry.sentences,
    group: groupLabel(entry, mode),
  }));
}

/** How many co-mentioned persons and countries the panel lists (the counts say how many more). */
export const CO_MENTION_LIMIT = 30;

/** The dossier's header and side lists, for the whole dossier (not the filters): plain data. */
export interface DossierSummary {
  subject: Dossier['subject'];
  name: string;
  variants: string[];
  flag: string;
  articles: number;
  persons: Dossier['persons'];
  personsTotal: number;
  countries: Dossier['countries'];
  countriesTotal: number;
  outlets: Dossier['outlets'];
  unknownOutlet: number;
  /** The years the dated entries span, oldest first (for the year filter). */
  years: number[];
}

export function dossierSummary(dossier: Dossier): DossierSummary {
  const years = new Set<number>();
  for (const entry of dossier.entries) if (entry.year !== null) years.add(entry.year);
  return {
    subject: dossier.subject,
    name: dossier.name,
    variants: dossier.variants,
    flag: dossier.flag,
    articles: dossier.entries.length,
    persons: dossier.persons.slice(0, CO_MENTION_LIMIT),
    personsTotal: dossier.persons.length,
    countries: dossier.countries.slice(0, CO_MENTION_LIMIT),
    countriesTotal: dossier.countries.length,
    outlets: dossier.outlets,
    unknownOutlet: dossier.unknownOutlet,
    years: [...years].sort((a, b) => a - b),
  };
}
