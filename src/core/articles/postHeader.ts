// A blog post's own header on a saved page with no metadata tags (WordPress and most blog engines
// before Open Graph): the headline is a heading whose link is the post's permalink, marked
// `rel="bookmark"` (`<h2 class="post-title"><a href="…/2009/06/11/slug/" rel="bookmark">Headline</a></h2>`),
// and the lines just under it are the post's byline block: a date line ("Thursday, June 11th, 2009
// @ 10:57 UTC") and a byline ("by Jane Doe"). Sidebars, "recent posts" lists and comments hold
// bookmark links and dates too, so only a heading's link counts, only one the page's <title> names
// (a list of posts has many headings and a <title> naming none), and only the few lines right after it.

import { blockText, type TextNode } from './blockText';
import { parseByline } from './byline';
import { parseDateLine } from './dateLines';

export interface PostHeader {
  headline: string | null;
  url: string | null;
  date: string | null;
  author: string | null;
}

export interface HeaderNode extends TextNode {
  parentNode: HeaderNode | null;
  nextSibling: HeaderNode | null;
  childNodes: ArrayLike<HeaderNode>;
  getAttribute?(name: string): string | null;
}

interface HeaderDocument {
  querySelectorAll(selector: string): ArrayLike<HeaderNode>;
}

/** Lines after the headline read for the date and the byline; the walk's node budget. */
const MAX_LINES = 6;
const MAX_STEPS = 200;
/** A line this long is the post's text: the header is over. */
const PROSE_LINE = 200;
/** Characters of a <title> or a heading compared: no real headline is longer. */
const MAX_TITLE = 600;
const HEADINGS = new Set(['h1', 'h2', 'h3']);
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'form', 'select']);

/** Letters and digits only, lower case: "Obama’s" and "Obama's" compare equal. */
export const folded = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The post's headline, permalink, date line and byline, or nulls. `pageTitle`: the page's <title>. */
export function readPostHeader(document: HeaderDocument, pageTitle: string | null): PostHeader {
  const none: PostHeader = { headline: null, url: null, date: null, author: null };
  const links = document.querySelectorAll('h1 a[rel~="bookmark"], h2 a[rel~="bookmark"], h3 a[rel~="bookmark"]');
  // Both sides capped, so a page of many headings under a huge <title> costs linear time, not their product.
  const titleKey = pageTitle ? folded(pageTitle.slice(0, MAX_TITLE)) : null;
  let link: HeaderNode | null = null;
  for (let i = 0; i < links.length && !link; i++) {
    const key = folded((links[i]!.textContent ?? '').slice(0, MAX_TITLE));
    if (key && (titleKey === null ? links.length === 1 : titleKey.includes(key))) link = links[i]!;
  }
  if (!link) return none;
  let heading: HeaderNode = link;
  while (heading.parentNode && !HEADINGS.has(heading.nodeName.toLowerCase())) heading = heading.parentNode;
  const href = link.getAttribute?.('href')?.trim() ?? '';
  const header: PostHeader = { ...none, headline: clean(link.textContent) || null, url: /^https?:\/\/\S+$/i.test(href) ? href : null };

  // The lines after the heading in document order: its next siblings, then its parents' next siblings.
  let node: HeaderNode = heading;
  let lines = 0;
  for (let steps = 0; lines < MAX_LINES && steps < MAX_STEPS; steps++) {
    while (!node.nextSibling && node.parentNode) node = node.parentNode;
    if (!node.nextSibling) break;
    node = node.nextSibling;
    if (node.nodeType !== 3 && (node.nodeType !== 1 || NOT_TEXT.has(node.nodeName.toLowerCase()))) continue;
    const text = node.nodeType === 3 ? clean(node.textContent) : blockText(node);
    let over = false;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (line.length > PROSE_LINE || ++lines > MAX_LINES) {
        over = true;
        break;
      }
      const dateLine = header.date === null ? parseDateLine(line) : null;
      if (dateLine && !dateLine.updated && !dateLine.yearOnly) header.date = dateLine.date;
      else if (header.author === null) header.author = parseByline(line)?.author ?? null;
    }
    if (over) break;
  }
  return header;
}
