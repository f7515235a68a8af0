// Everything the library says about one person or country: the articles that name them in date
// order (undated last) with the sentences that do, who and where else those articles name (with
// counts), and the outlets that cover them. Pure data for the panel, built from the corpus's
// indexes: the work is linear in the subject's articles, never in the corpus.

import { countryInfo } from '../entities';
import type { Corpus } from '../library/corpus';
import type { Article } from '../types';
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

/** In no order: the dossier sorts them chronologically itself (the corpus's newest-first sort was a third of a person's build). */
function subjectArticles(corpus: Corpus, subject: DossierSubject): Article[] {
  return subject.kind === 'person' ? corpus.articlesForPerson(subject.id, { sorted: false, bySurname: true }) : corpus.articlesForCountry(subject.code, { sorted: false });
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

/**
 * A name for the subject without asking the corpus for its articles (a panel's title before its
 * dossier is built): a country's articles come sorted, which costs a large country hundreds of ms.
 */
export function subjectTitle(corpus: Corpus, subject: DossierSubject): string {
  if (subject.kind === 'person') return corpus.person(subject.id)?.name ?? subject.id;
  return countryInfo(subject.code)?.name ?? subjectName(corpus, subject) ?? subject.code;
}

/** Builds the dossier, or null when no article names the subject. */
export function buildDossier(corpus: Corpus, subject: DossierSubject): Dossier | null {
  const person = subject.kind === 'person' ? corpus.person(subject.id) : undefined;
  if (subject.kind === 'person' && !person) return null;
  // The articles are asked for once (subjectName would ask for a country's again).
  const articles = subjectArticles(corpus, subject);
  if (subject.kind === 'country' && !articles.length) return null;
  // (A code the country table does not know takes its name from the newest article, as before.)
  const name = subject.kind === 'person' ? person!.name : countryInfo(subject.code)?.name ?? subjectName(corpus, subject) ?? subject.code;
  const ownId = subject.kind === 'person' ? subject.id : subject.code;
  const entries: DossierEntry[] = [];
  const persons = new Map<string, CoMention>();
  const countries = new Map<string, CoMention>();
  const outlets = new Map<string, number>();
  let unknownOutlet = 0;
  // The subject's surname-only ids ("putin" for Vladimir Putin, where the library knows one Putin): an article naming
  // the person only so ("President Putin said …") is in the dossier, with its own forms found in its sentences.
  const surnames = subject.kind === 'person' ? new Set(articles.length ? corpus.surnameIdsOf(subject.id) : []) : new Set<string>();
  // One plain loop per list, no function made per mention; the entries are sorted once, below.
  for (let a = articles.length - 1; a >= 0; a--) {
    const article = articles[a]!;
    // The subject's own count: its first entry in the article (as `find` gave it).
    let mentions = -1;
    let articleSubject: DossierSubject = subject;
    for (const p of article.persons) {
      if (subject.kind === 'person' && p.id === ownId) {
        if (mentions < 0) mentions = p.mentions;
        continue;
      }
      if (surnames.has(p.id)) {
        if (mentions < 0) {
          mentions = p.mentions;
          if (!article.persons.some((q) => q.id === ownId)) articleSubject = { kind: 'person', id: p.id };
        }
        continue;
      }
      const found = persons.get(p.id);
      if (found) found.count++;
      else persons.set(p.id, { id: p.id, kind: 'person', name: corpus.person(p.id)?.name ?? p.name, count: 1 });
    }
    for (const c of article.countries) {
      if (subject.kind === 'country' && c.code === ownId) {
        if (mentions < 0) mentions = c.mentions;
        continue;
      }
      const found = countries.get(c.code);
      if (found) found.count++;
      else countries.set(c.code, { id: c.code, kind: 'country', name: countryInfo(c.code)?.name ?? c.name, count: 1 });
    }
    entries.push(new LazyEntry(article, articleSubject, Math.max(mentions, 0)));
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

