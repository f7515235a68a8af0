// Bibliographies of articles: CSL-JSON (what Pandoc, Quarto and Zotero read) and BibTeX (LaTeX
// users and Pandoc alike). Only the date parts an article gives are written.
//
// A date without a year (`--02-19`, from a dateline like "Havana, February 19"): CSL's date-parts
// must start with a year, so it is written as `{"literal": "February 19"}` — valid CSL that Pandoc's
// citeproc prints as given ("Radio Habana Cuba February 19"), where omitting `issued` would print
// "n.d." and lose what the article says, and a guessed year would be wrong.

import type { ArticleRecord } from '../types';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type BibArticle = Pick<ArticleRecord, 'key' | 'title' | 'label' | 'date' | 'outlet' | 'url'> & { author?: string | null };

/** CSL's name object: family and given parts, or a literal for names that do not split so. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The record's author field ("Jane Doe, John Roe") as separate names. */
export function authorNames(author: string | null | undefined): string[] {
  return (author ?? '').split(/\s*[,;]\s*|\s+and\s+/).map((n) => n.trim()).filter(Boolean);
}

const ORGANISATION_WORDS = new Set(['office', 'department', 'ministry', 'agency', 'press', 'news', 'staff', 'service', 'bureau', 'council', 'committee', 'secretariat', 'embassy', 'government', 'desk', 'team', 'editors', 'editorial', 'board', 'house']);

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'al', 'arap', 'ibn', 'dos', 'das']);

/** "Antony J. Blinken" → family "Blinken", given "Antony J."; "Daniel arap Moi" keeps "arap Moi". */
export function cslName(name: string): CslName {
  const words = name.split(/\s+/);
  // A one-word name, or one that reads as an organisation ("Press Office of the Ministry & Co",
  // "U.S. Department of State"): kept whole, never split into given and family parts.
  if (words.length < 2 || words.length > 5 || words.some((w) => w === '&' || (!PARTICLES.has(w.toLowerCase()) && /^\p{Ll}/u.test(w)))) return { literal: name };
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()))) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

export function dateParts(date: string | null): DateParts {
  const m = date ? /^(?:(\d{4})|-)-?(\d{2})?-?(\d{2})?$/.exec(date) : null;
  if (!m) return { year: null, month: null, day: null };
  return { year: m[1] ? Number(m[1]) : null, month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] } | { literal: string };
  URL?: string;
}

export function toCslItem(article: BibArticle): CslItem {
  const item: CslItem = { id: article.key, type: 'article-newspaper', title: article.title ?? article.label };
  const authors = authorNames(article.author);
  if (authors.length) item.author = authors.map(cslName);
  if (article.outlet) item['container-title'] = article.outlet;
  const { year, month, day } = dateParts(article.date);
  if (year !== null) {
    item.issued = { 'date-parts': [[year, ...(month !== null ? [month, ...(day !== null ? [day] : [])] : [])]] };
  } else if (month !== null) {
    // CSL date-parts must start with a year; a month and day without one are kept as a literal
    // ("February 19") rather than dropped or given a made-up year.
    item.issued = { literal: `${MONTH_NAMES[month - 1]}${day !== null ? ` ${day}` : ''}` };
  }
  if (article.url) item.URL = article.url;
  return item;
}

export function toCslJson(articles: BibArticle[]): string {
  // Date parts on one line, as Zotero and Pandoc write them.
  return JSON.stringify(articles.map(toCslItem), null, 2)
    .replace(/"date-parts": \[\s*\[([\d,\s]*)\]\s*\]/g, (_, parts: string) => `"date-parts": [[${parts.split(',').map((p) => p.trim()).join(', ')}]]`) + '\n';
}

/** Escapes text for a BibTeX field value: LaTeX specials become commands; braces stay balanced. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => ({
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', '$': '\\$', '#': '\\#', '_': '\\_',
    '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  })[c]!).replace(/\s+/g, ' ').trim();
}

/**
 * One `@article` per article with `entrysubtype = {newspaper}` — what Better BibTeX writes for a
 * newspaper article, and what biblatex styles and Pandoc (which reads it as CSL `article-newspaper`)
 * expect; plain BibTeX styles ignore the field and print a journal article. `journal` is the outlet
 * (biblatex takes it as `journaltitle`); `year` and `month` are what is known, `date` the ISO form
 * biblatex prefers; a month and day without a year go to `month` and `note`. Titles are
 * double-braced so styles keep a headline's capitals (proper nouns we cannot tell apart); LaTeX's
 * specials are escaped; non-ASCII letters stay UTF-8 (biber, bibtex8 and Pandoc read them); `url`
 * is verbatim with only braces and backslashes percent-encoded.
 */
export function toBibtex(articles: BibArticle[]): string {
  return articles.map((article) => {
    const fields: [string, string][] = [];
    // BibTeX names: "Family, Given" joined with " and ", so "Jane Doe and John Roe" parse right.
    const authors = authorNames(article.author).map(cslName)
      .map((n) => ('literal' in n ? `{${escapeBibtex(n.literal)}}` : `${escapeBibtex(n.family)}, ${escapeBibtex(n.given ?? '')}`));
    if (authors.length) fields.push(['author', authors.join(' and ')]);
    fields.push(['title', `{${escapeBibtex(article.title ?? article.label)}}`]);
    if (article.outlet) fields.push(['journal', escapeBibtex(article.outlet)]);
    fields.push(['entrysubtype', 'newspaper']);
    const { year, month, day } = dateParts(article.date);
    if (year !== null && article.date) fields.push(['date', article.date]);
    if (year !== null) fields.push(['year', String(year)]);
    if (month !== null) fields.push(['month', BIBTEX_MONTHS[month - 1]!]);
    if (year === null && month !== null) fields.push(['note', `${MONTH_NAMES[month - 1]}${day !== null ? ` ${day}` : ''}, year unknown`]);
    if (article.url) fields.push(['url', article.url.replace(/[{}\\]/g, encodeURIComponent)]);
    const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
    return `@article{${article.key},\n${body}\n}\n`;
  }).join('\n');
}
