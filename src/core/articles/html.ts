// A saved web page -> the fields of its record. The page's own metadata (htmlMetadata.ts) gives
// title, date, outlet, URL and author; Mozilla's Readability (Firefox Reader View) over linkedom's
// light DOM finds the main text, so navigation, related-article lists, cookie banners and footers
// are not body and name no persons or countries. The main text then goes through the text reader
// (`parseArticle`) like any `.txt` article, with the metadata as its front matter, so datelines,
// dated URLs and the other text rules apply unchanged.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockText, type TextNode } from './blockText';
import { decodeArticleBytes } from './decode';
import { readPageMetadata } from './htmlMetadata';
import { withFrontMatter } from './metadataText';
import { parseArticle, type ParsedArticle } from './reader';


export interface HtmlRead {
  parsed: ParsedArticle | null;
  author: string | null;
  warning: string | null;
}

/** The part of linkedom's document used here (the project compiles without the DOM library). */
interface PageDocument {
  body: TextNode | null;
  querySelectorAll(selector: string): { forEach(fn: (node: { remove(): void }) => void): void };
}

const parsePage = (html: string) => (parseHTML(html) as unknown as { document: PageDocument }).document;

/**
 * `hints`: what a container said of the page (a web archive's part: its charset, its address), used where the
 * page itself says nothing (no `<meta charset>`, no canonical link).
 */
export function readHtmlArticle(bytes: Uint8Array, maxBytes: number, hints: { charset?: string | null; url?: string | null } = {}): HtmlRead {
  const decoded = decodeHtmlBytes(bytes, maxBytes, hints.charset ?? null);
  if (decoded.text === null) return { parsed: null, author: null, warning: decoded.warning };
  const warnings: string[] = decoded.warning ? [decoded.warning] : [];
  // linkedom builds a document only from a whole page: a fragment is given one.
  const html = /<html[\s>]/i.test(decoded.text) ? decoded.text : `<!doctype html><html><head></head><body>${decoded.text}</body></html>`;
  const document = parsePage(html);
  const metadata = readPageMetadata(document as never, html, (message) => { if (!warnings.includes(message)) warnings.push(message); });

  let main = '';
  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability rewrites the DOM it is given; the metadata was read first.
    article = new Readability(document as never, { charThreshold: 200 }).parse();
    if (article?.content) main = blockText(parsePage(`<!doctype html><html><body>${article.content}</body></html>`).body!);
  } catch (error) {
    warnings.push(`Reader View could not read it (${(error as Error)?.message ?? String(error)}): the whole page was read`);
  }
  if (main.length < 200) {
    // Too little text for Reader View (a short statement): the whole body, minus page furniture.
    const page = parsePage(html);
    for (const selector of ['nav', 'header', 'footer', 'aside', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]',
      '[id*="cookie" i]', '[class*="cookie" i]', '[class*="consent" i]', 'amp-sidebar', 'amp-consent']) {
      page.querySelectorAll(selector).forEach((node) => node.remove());
    }
    main = page.body ? blockText(page.body) : '';
  }
  const title = metadata.title ?? (article?.title ? article.title.trim() : null);
  const author = metadata.author ?? readerByline(article?.byline);
  const text = withFrontMatter({ ...metadata, title, url: metadata.url ?? hints.url ?? null, date: metadata.date ?? article?.publishedTime ?? null },
    dropLeadingTitle(main, title));
  if (!text.replace(/^---[\s\S]*?\n---\n/, '').trim() && !title) {
    return { parsed: null, author: null, warning: 'skipped: the page has no text' };
  }
  return { parsed: parseArticle(text), author, warning: warnings.length ? warnings.join('; ') : null };
}

/** Honours `<meta charset>` (and the http-equiv form); otherwise UTF-8, then Windows-1252 with a warning. */
export function decodeHtmlBytes(bytes: Uint8Array, maxBytes: number, charsetHint: string | null = null): { text: string | null; warning: string | null } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = (/<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})/i.exec(head)?.[1] ?? charsetHint)?.toLowerCase();
  if (label && bytes.byteLength <= maxBytes && !/^utf-?8$/.test(label) && !bytes.includes(0)) {
    try {
      return { text: new TextDecoder(label).decode(bytes), warning: null };
    } catch {
      // An unknown label: fall through to UTF-8 detection, which says so if that fails too.
    }
  }
  return decodeArticleBytes(bytes, maxBytes);
}

/**
 * Reader View's byline without its "By", or null when it took a label for one: a sidebar's
 * "Authors" heading or a lone "Posted by" names nobody.
 */
export function readerByline(byline: string | null | undefined): string | null {
  const name = (byline ?? '').replace(/^by\s+/i, '').trim();
  return name && !/^(?:by|authors?|posted(?: by)?|written by|contributors?|staff)$/i.test(name) ? name : null;
}

/** Reader View usually repeats the headline as the first block. */
function dropLeadingTitle(text: string, title: string | null): string {
  if (!title) return text;
  const firstBreak = text.indexOf('\n\n');
  const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const same = (a: string) => a.replace(/\s+/g, ' ').trim().toLowerCase();
  return same(first) === same(title) ? text.slice(first.length).trimStart() : text;
}
