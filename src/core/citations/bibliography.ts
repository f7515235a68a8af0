// Bibliographies of articles: CSL-JSON (what Pandoc, Quarto and Zotero read) and BibTeX (LaTeX
// users and Pandoc alike). Only the date parts an article gives are written.

import type { ArticleRecord } from '../types';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type BibArticle = Pick<ArticleRecord, 'key' | 'title' | 'label' | 'date' | 'outlet' | 'url'>;

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
  'container-title'?: string;
  issued?: { 'date-parts': number[][] } | { literal: string };
  URL?: string;
}

export function toCslItem(article: BibArticle): CslItem {
  const item: CslItem = { id: article.key, type: 'article-newspaper', title: article.title ?? article.label };
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
  return JSON.stringify(articles.map(toCslItem), null, 2) + '\n';
}

/** Escapes text for a BibTeX field value: LaTeX specials become commands; braces stay balanced. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => ({
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', '$': '\\$', '#': '\\#', '_': '\\_',
    '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  })[c]!).replace(/\s+/g, ' ').trim();
}

/**
 * One `@article` per article, as Better BibTeX writes newspaper articles: `journal` (BibTeX) is the
 * outlet, `year`/`month` what is known, `date` the ISO form for biblatex, `url` verbatim. Titles are
 * double-braced so styles keep their capitals; non-ASCII letters stay UTF-8 (biber, bibtex8 and
 * Pandoc read them).
 */
export function toBibtex(articles: BibArticle[]): string {
  return articles.map((article) => {
    const fields: [string, string][] = [['title', `{${escapeBibtex(article.title ?? article.label)}}`]];
    if (article.outlet) fields.push(['journal', escapeBibtex(article.outlet)]);
    const { year, month, day } = dateParts(article.date);
    if (year !== null) fields.push(['year', String(year)]);
    if (month !== null) fields.push(['month', BIBTEX_MONTHS[month - 1]!]);
    if (year !== null && article.date) fields.push(['date', article.date]);
    else if (month !== null) fields.push(['note', `${MONTH_NAMES[month - 1]}${day !== null ? ` ${day}` : ''}, year unknown`]);
    if (article.url) fields.push(['url', article.url.replace(/[{}\\]/g, encodeURIComponent)]);
    const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
    return `@article{${article.key},\n${body}\n}\n`;
  }).join('\n');
}
