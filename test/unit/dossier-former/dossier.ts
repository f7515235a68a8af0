// The former definition (commit 542b612), kept unchanged as the reference the dossier's property tests
// compare the current aggregation with: same entries in the same order, same co-mentions and outlets.

// Everything the library says about one person or country: the articles that name them in date
// order (undated last) with the sentences that do, who and where else those articles name (with
// counts), and the outlets that cover them. Pure data for the panel, built from the corpus's
// indexes: the work is linear in the subject's articles, never in the corpus.

import { countryInfo } from '../../../src/core/entities';
import type { Corpus } from '../../../src/core/library/corpus';
import type { Article } from '../../../src/core/types';
import { mentionSentences, type DossierSubject, type MentionSentence } from './mentions';

export type { DossierSubject } from './mentions';

export interface DossierEntry {
  key: string;
  title: string;
  date: string | null;
  /** The year as a number when the date has one (for the year filter and the grouping). */
  year: number | null;
  outlet: string | null;
  file: string;
  url: string | null;
  /** How often the article names the subject (the extractor's count). */
  mentions: number;
  /**
   * The sentences that name the subject. Found when first read (then kept per article object), so
   * a dossier of thousands of articles costs only the sentences of the rows that are shown.
   */
  readonly sentences: MentionSentence[];
}

/** An entry whose sentences are looked for only when read. */
class LazyEntry implements DossierEntry {
  readonly #article: Article;
  readonly #subject: DossierSubject;
  readonly key: string;
  readonly title: string;
  readonly date: string | null;
  readonly year: number | null;
  readonly outlet: string | null;
  readonly file: string;
  readonly url: string | null;
  readonly mentions: number;

  constructor(article: Article, subject: DossierSubject, mentions: number) {
    this.#article = article;
    this.#subject = subject;
    this.key = article.key;
    this.title = article.title ?? article.label;
    this.date = article.date;
    this.year = yearOf(article.date);
    this.outlet = article.outlet;
    this.file = article.file;
    this.url = article.url;
    this.mentions = mentions;
  }

  get sentences(): MentionSentence[] {
    return mentionSentences(this.#article, this.#subject);
  }
}

export interface CoMention {
  /** A person's id or a country's code. */
  id: string;
  kind: 'person' | 'country';
  name: string;
  /** Articles of this dossier that name them too. */
  count: number;
}

export interface OutletCount {
  name: string;
  count: number;
}

export interface Dossier {
  subject: DossierSubject;
  name: string;
  /** Other forms of the name (persons) or the flag emoji and code (countries), for the header. */
  variants: string[];
  flag: string;
  /** Oldest first; undated articles last, by key. */
  entries: DossierEntry[];
  persons: CoMention[];
  countries: CoMention[];
  outlets: OutletCount[];
  /** Articles without an outlet, not counted in `outlets`. */
  unknownOutlet: number;
}

export function subjectId(subject: DossierSubject): string {
  return subject.kind === 'person' ? subject.id : subject.code;
}

/** The subject's display name, or null when the corpus does not know it (any more). */
export function subjectName(corpus: Corpus, subject: DossierSubject): string | null {
  if (subject.kind === 'person') return corpus.person(subject.id)?.name ?? null;
  const articles = corpus.articlesForCountry(subject.code);
  if (!articles.length) return null;
  return countryInfo(subject.code)?.name ?? articles[0]!.countries.find((c) => c.code === subject.code)?.name ?? subject.code;
}

function subjectArticles(corpus: Corpus, subject: DossierSubject): Article[] {
  return subject.kind === 'person' ? corpus.articlesForPerson(subject.id) : corpus.articlesForCountry(subject.code);
}

/** Dated articles oldest first (a year before its months, a month before its days), undated last. */
export function compareChronologically(a: { date: string | null; key: string }, b: { date: string | null; key: string }): number {
  const da = chronoKey(a.date), db = chronoKey(b.date);
  if (da !== db) return da < db ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function chronoKey(date: string | null): string {
  if (!date) return '\uffff';
  // A month and day without a year ("--02-19") goes after every dated article, before the undated.
  return date.startsWith('--') ? `\ufffe${date}` : date;
}

/** The year of an ISO date, without a regular expression (this runs once per article). */
export function yearOf(date: string | null): number | null {
  if (!date || date.length < 4) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    year = year * 10 + digit;
  }
  return year;
}

/** Builds the dossier, or null when no article names the subject. */
export function buildDossier(corpus: Corpus, subject: DossierSubject): Dossier | null {
  const name = subjectName(corpus, subject);
  if (name === null) return null;
  const articles = subjectArticles(corpus, subject);
  const person = subject.kind === 'person' ? corpus.person(subject.id) : undefined;
  const entries: DossierEntry[] = [];
  const persons = new Map<string, CoMention>();
  const countries = new Map<string, CoMention>();
  const outlets = new Map<string, number>();
  let unknownOutlet = 0;
  for (const article of articles) {
    const own = subject.kind === 'person'
      ? article.persons.find((p) => p.id === subject.id)
      : article.countries.find((c) => c.code === subject.code);
    entries.push(new LazyEntry(article, subject, own?.mentions ?? 0));
    for (const p of article.persons) {
      if (subject.kind === 'person' && p.id === subject.id) continue;
      count(persons, p.id, 'person', () => corpus.person(p.id)?.name ?? p.name);
    }
    for (const c of article.countries) {
      if (subject.kind === 'country' && c.code === subject.code) continue;
      count(countries, c.code, 'country', () => countryInfo(c.code)?.name ?? c.name);
    }
    if (article.outlet) outlets.set(article.outlet, (outlets.get(article.outlet) ?? 0) + 1);
    else unknownOutlet++;
  }
  entries.sort(compareChronologically);
  const byCount = (a: { count: number; name: string }, b: { count: number; name: string }) => b.count - a.count || a.name.localeCompare(b.name);
  const info = subject.kind === 'country' ? countryInfo(subject.code) : undefined;
  return {
    subject,
    name,
    variants: person ? person.variants.filter((v) => v !== name) : [],
    flag: info?.flag ?? '',
    entries,
    persons: [...persons.values()].sort(byCount),
    countries: [...countries.values()].sort(byCount),
    outlets: [...outlets].map(([outletName, n]) => ({ name: outletName, count: n })).sort(byCount),
    unknownOutlet,
  };
}

function count(map: Map<string, CoMention>, id: string, kind: CoMention['kind'], name: () => string): void {
  const found = map.get(id);
  if (found) found.count++;
  else map.set(id, { id, kind, name: name(), count: 1 });
}
