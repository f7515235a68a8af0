// The article card: the same Markdown in hovers, tree tooltips and completion documentation.
// Everything taken from an article is untrusted: it is escaped so it can never form a link, an
// image, HTML or a command; the only link a card carries is built here from the key.

import { displayDate } from './articles/displayDate';
import type { Article } from './types';
import { MAX_SHOWN_CHARS, plainText } from './untrusted';

/**
 * Escapes text so Markdown renders it literally (no emphasis, links, images, HTML, autolinks or
 * `$(icon)`), on one line without bidi overrides or controls, cut at `max` characters.
 */
export function escapeMarkdown(text: string, max = MAX_SHOWN_CHARS): string {
  return plainText(text, max)
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:@=$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * A URL as a Markdown link destination: everything but unreserved and the URL delimiters is
 * percent-encoded (`(`, `)`, `<`, `>`, `[`, `]`, quotes, backslashes, spaces), so the destination
 * cannot end early and start a second link or an image. (`encodeURIComponent` leaves `(` and `)`.)
 */
export function markdownLinkDestination(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (c) => {
    const bytes = new TextEncoder().encode(c);
    return [...bytes].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
  });
}

/** A flag emoji from an ISO 3166-1 alpha-2 code (regional indicator symbols); empty for pseudo-codes. */
export function flagEmoji(code: string): string {
  if (!/^[A-Z]{2}$/.test(code) || code === 'SU') return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/**
 * "7 May 2025 · TASS" (the date as people read it, see displayDate), with what is missing left
 * out; `iso` keeps the ISO date ("2025-05-07 · TASS"), as the CLI prints it.
 */
export function dateOutlet(article: Pick<Article, 'date' | 'outlet'>, format: 'display' | 'iso' = 'display'): string {
  return [format === 'iso' ? article.date : displayDate(article.date), article.outlet].filter(Boolean).join(' · ');
}

/** Only http(s) URLs are shown as links; anything else (javascript:, command:, file:) is dropped. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface CardOptions {
  /** A command URI that opens the article, e.g. `command:dossier.openArticle?...`; omitted when null. */
  openCommandUri: string | null;
  /** Canonical person names by id (the corpus view), falling back to the article's own. */
  personName?: (id: string) => string | undefined;
  /** Cited-in lines or other extra Markdown the caller built itself (already safe). */
  footer?: string;
}

export function articleCardMarkdown(article: Article, options: CardOptions): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(article.title ?? article.label)}**`);
  const meta = dateOutlet(article);
  lines.push(`${meta ? escapeMarkdown(meta) + ' · ' : ''}\`@${article.key.replace(/`/g, '')}\``);
  if (article.author) lines.push(`by ${escapeMarkdown(article.author)}`);
  if (article.countries.length) {
    lines.push(article.countries.map((c) => `${flagEmoji(c.code)} ${escapeMarkdown(c.name)}`.trim()).join(', '));
  }
  if (article.persons.length) {
    const names = article.persons.map((p) => escapeMarkdown(options.personName?.(p.id) ?? p.name));
    lines.push(`*${names.join(', ')}*`);
  }
  if (article.excerpt) lines.push(escapeMarkdown(article.excerpt, 2 * MAX_SHOWN_CHARS));
  const links: string[] = [];
  if (options.openCommandUri) links.push(`[Open article](${options.openCommandUri} "Open the article")`);
  const url = safeHttpUrl(article.url);
  if (url) links.push(`[Source](${markdownLinkDestination(url)})`);
  if (links.length) lines.push(links.join(' · '));
  if (options.footer) lines.push(options.footer);
  return lines.join('\n\n');
}
