// A PDF -> the fields of its record. pdf.js (through unpdf's self-contained build, loaded the first
// time a PDF is read) gives the text items of each page with their positions; they are put back into
// lines and paragraphs in reading order (a two-column page is read column by column), then go through
// the text reader like a `.txt` article. Title, author and date come from the document's info and
// XMP metadata when they are plausible ("Microsoft Word - draft3.docx" is not a title), else from
// the first page's text by the reader's rules.

import { parseDateText } from './dates';
import { joinNames, withFrontMatter } from './metadataText';
import { canonicalOutlet, splitPageTitle } from './htmlMetadata';
import { outletFromUrl } from './outlets';
import { dropRunningLines, madeByBrowser } from './printedPages';
import { parseArticle, type ParsedArticle } from './reader';

export interface PdfRead {
  parsed: ParsedArticle | null;
  author: string | null;
  warning: string | null;
}

/** One positioned run of text on a page (pdf.js `TextItem`, in PDF units, origin bottom-left). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

type PdfJs = typeof import('unpdf');
let pdfjs: Promise<PdfJs> | null = null;
/** Loads pdf.js once, on the first PDF: a workspace without PDFs never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('unpdf');
  return pdfjs;
}

/** Pages read at most: a 2,000-page report is indexed by its first pages rather than stalling. */
const MAX_PAGES = 300;

export async function readPdfArticle(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<PdfRead> {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  if (bytes.byteLength > maxBytes) {
    return { parsed: null, author: null, warning: `skipped: ${mb(bytes.byteLength)} MB is over the ${mb(maxBytes)} MB limit for a PDF` };
  }
  const { getDocumentProxy } = await loadPdfJs();
  let document: Awaited<ReturnType<PdfJs['getDocumentProxy']>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, useSystemFonts: false, verbosity: 0 } as never);
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { parsed: null, author: null, warning: 'skipped: the PDF is encrypted (it needs a password to open)' };
    return { parsed: null, author: null, warning: `skipped: not a readable PDF (${(error as Error).message ?? String(error)})` };
  }
  try {
    const warnings: string[] = [];
    const pages: string[] = [];
    const pageCount = Math.min(document.numPages, MAX_PAGES);
    if (document.numPages > MAX_PAGES) warnings.push(`only the first ${MAX_PAGES} of ${document.numPages} pages were read`);
    for (let n = 1; n <= pageCount; n++) {
      try {
        const page = await document.getPage(n);
        const content = await page.getTextContent();
        const items: PlacedText[] = [];
        for (const item of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
          if (typeof item.str !== 'string' || !item.transform) continue;
          items.push({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width ?? 0, height: item.height || Math.abs(item.transform[3]!) || 10 });
        }
        pages.push(pageText(items, page.view[2]! - page.view[0]!));
        page.cleanup();
      } catch (error) {
        warnings.push(`page ${n} could not be read (${(error as Error).message ?? String(error)})`);
      }
    }
    const metadata = await documentMetadata(document);
    // A browser's print header and footer (or a report's running lines) are on every page: not text.
    const running = dropRunningLines(pages);
    const printed = running.printed || madeByBrowser(metadata.creator, metadata.producer);
    const text = running.pages.filter((p) => p.trim()).join('\n\n');
    if (!text.trim()) {
      // A scan: no text layer. Indexed by its file name, so it can still be found and cited.
      const title = fileName.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '');
      return {
        parsed: parseArticle(withFrontMatter({ title: metadata.title ?? title, date: metadata.date }, '')),
        author: metadata.author,
        warning: ['it has no text layer (a scan?): indexed by its file name', ...warnings].join('; '),
      };
    }
    // A printed web page's document title is the page's <title>, site name and all ("… | The White
    // House"); its print header gives it too when the metadata has none.
    const url = running.url;
    const pageTitle = metadata.title ?? (running.headerTitle && plausibleTitle(running.headerTitle) ? running.headerTitle : null);
    const split = pageTitle && printed ? splitPageTitle(pageTitle, null, url ? outletFromUrl(url) : null) : null;
    const title = split ? split.headline : pageTitle;
    // …and its site part names the outlet, as a saved page's does (before a sponsor's line in the text).
    const outlet = split?.site ? canonicalOutlet(split.site, url) : null;
    // The text's own date (a dateline, a "Date:" line) first: a creation date is often only when the
    // file was exported. The creation date fills in when the text gives none — never for a page a
    // browser printed, where it is the day of printing.
    const dropped = dropTitleLine(text, title, printed);
    const parsed = parseArticle(withFrontMatter({ title: dropped.heading ?? title, url, outlet }, dropped.text));
    if (parsed.date === null && metadata.date && !printed) parsed.date = metadata.date;
    return { parsed, author: metadata.author, warning: warnings.length ? warnings.join('; ') : null };
  } finally {
    void document.destroy();
  }
}

const KICKER_RE = /^(?:for immediate release|(?:press|news|media) release|press statement|statement|communiqu[eé])$/i;

/**
 * The title from the metadata printed again near the top, and a kicker over it, are not body; on a
 * printed web page the headline may follow pages of the site's menus, and its text starts after it.
 * Returns the text without them and the title as the page prints it (typographic quotes as shown:
 * the <title> may have others).
 */
export function dropTitleLine(text: string, title: string | null, printed: boolean): { text: string; heading: string | null } {
  const lines = text.split('\n');
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
  // (Within its first lines; a printed page's headline may follow pages of menus: anywhere, the first one.)
  const within = printed ? lines.length : 6;
  // The headline may wrap over a few lines ("President Vladimir Putin had / a telephone conversation …").
  let at = -1, span = 0, heading: string | null = null;
  const wanted = title ? flat(title) : '';
  for (let i = 0; wanted && i < Math.min(within, lines.length) && at < 0; i++) {
    let joined = '';
    for (let k = 0; k < 8 && i + k < lines.length; k++) {
      const line = lines[i + k]!.trim();
      if (!line) {
        if (joined) continue; // a blank line inside a wrapped headline (a big font's line gap)
        break;
      }
      joined = joined ? `${joined} ${line}` : line;
      const f = flat(joined);
      if (f === wanted) {
        at = i;
        span = k + 1;
        heading = joined.replace(/\s+/g, ' ').trim();
        break;
      }
      if (!wanted.startsWith(f)) break;
    }
  }
  if (at >= 0) {
    if (printed) lines.splice(0, at + span);
    else lines.splice(at, span);
  }
  // "PRESS RELEASE" says what kind of document it is, not what it is about.
  while (lines.length && (KICKER_RE.test(lines[0]!.trim()) || !lines[0]!.trim())) lines.shift();
  return { text: lines.join('\n'), heading };
}

// ---- metadata ------------------------------------------------------------------------------------

interface PdfMetadata {
  title: string | null;
  author: string | null;
  date: string | null;
  /** The program that made the document ("Microsoft Word", a browser's user agent) and the one that wrote the PDF. */
  creator: string | null;
  producer: string | null;
}

async function documentMetadata(document: { getMetadata(): Promise<{ info: unknown; metadata: { get(name: string): unknown } | null }> }): Promise<PdfMetadata> {
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const meta = await document.getMetadata();
    info = (meta.info ?? {}) as Record<string, unknown>;
    xmp = meta.metadata;
  } catch (error) {
    // Broken metadata is common in generated PDFs; the text still gives title and date.
    console.warn('Dossier: unreadable PDF metadata', error);
  }
  const text = (value: unknown): string | null => {
    const list = Array.isArray(value) ? value : [value];
    const strings = list.filter((v): v is string => typeof v === 'string').map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return strings.length ? strings.join('; ') : null;
  };
  const title = [text(xmp?.get('dc:title')), text(info.Title)].find((t) => t && plausibleTitle(t)) ?? null;
  const authorValue = [text(xmp?.get('dc:creator')), text(info.Author)].find((a) => a && plausibleAuthor(a)) ?? null;
  const date = [pdfDate(text(xmp?.get('xmp:createdate'))), pdfDate(text(info.CreationDate))].find(Boolean) ?? null;
  return { title, author: authorValue ? joinNames(authorValue.split(/\s*;\s*/)) : null, date,
    creator: text(xmp?.get('xmp:creatortool')) ?? text(info.Creator), producer: text(xmp?.get('pdf:producer')) ?? text(info.Producer) };
}

const FILE_NAME_RE = /\.(?:docx?|rtf|odt|pages|indd|qxp|pdf|txt|xlsx?|pptx?|tex|html?|ai|psd|wpd)$/i;
const SOFTWARE_PREFIX_RE = /^(?:microsoft (?:word|powerpoint|excel)|untitled|document\d*|print|layout|slide|page|new document)\b/i;

/**
 * A file path, not a title: a backslash, a leading slash or "~/", or a word with two slashes or more
 * ("Love/Hate Affair" and "24/7" are titles).
 */
const PATH_RE = /\\|^~?\/|\/[^\s/]*\//;

/** Whether a document title is a real title rather than a tool's placeholder or a file name. */
export function plausibleTitle(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && title.length <= 300 && !FILE_NAME_RE.test(title) && !SOFTWARE_PREFIX_RE.test(title)
    && !/^[\w-]+$/.test(title) && !PATH_RE.test(title);
}

const NOT_AUTHORS_RE = /^(?:admin(?:istrator)?|user|owner|author|unknown|windows user|default|guest|pc|staff|test|[a-z]{1,3}\d*)$/i;

export function plausibleAuthor(author: string): boolean {
  return /\p{L}{2}/u.test(author) && author.length <= 200 && !NOT_AUTHORS_RE.test(author.trim()) && !/@|https?:|\.(?:com|org|net)\b/i.test(author)
    && !/\b(?:microsoft|adobe|acrobat|latex|pdf|windows)\b/i.test(author);
}

/** "D:20250507093000+02'00'" (the info dictionary) or ISO (XMP) -> an ISO date, or null. */
export function pdfDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  const iso = m && !value.includes('-') ? parseDateText([m[1], m[2], m[3]].filter(Boolean).join('-')) : parseDateText(value);
  return iso && Number(iso.slice(0, 4)) >= 1990 ? iso : null;
}

// ---- layout --------------------------------------------------------------------------------------

interface Line {
  y: number;
  height: number;
  items: PlacedText[];
}

/** A page's text items -> its text: lines top to bottom, paragraphs at wider gaps, columns one after the other. */
export function pageText(items: PlacedText[], pageWidth: number): string {
  const placed = items.filter((i) => i.str.trim() !== '');
  if (!placed.length) return '';
  // A header or a footer line set apart by a wide margin (a browser's print date and title, its URL
  // and page counter; a report's running title) is read whole, in place, and has no say in the
  // columns: "https://… 2/2" must not make a second column of "2/2".
  const all = groupLines(placed);
  const usual = usualGap(all);
  const apart = (a: Line, b: Line) => usual > 0 && a.y - b.y > usual * 2.5;
  const head = all.length > 2 && apart(all[0]!, all[1]!) ? all[0]! : null;
  const foot = all.length > 2 && apart(all[all.length - 2]!, all[all.length - 1]!) ? all[all.length - 1]! : null;
  const body = all.slice(head ? 1 : 0, foot ? -1 : undefined).flatMap((line) => line.items);
  const text = bodyText(body, pageWidth);
  return [head ? lineString(head) : '', text, foot ? lineString(foot) : ''].filter(Boolean).join('\n\n');
}

function bodyText(placed: PlacedText[], pageWidth: number): string {
  if (!placed.length) return '';
  const gutter = findGutter(placed, pageWidth);
  if (gutter === null) return linesToText(groupLines(placed));
  // Text crossing the gutter (a headline across both columns) stays in place; below it, the left
  // column is read, then the right one.
  const lines = groupLines(placed);
  const out: string[] = [];
  let left: PlacedText[] = [];
  let right: PlacedText[] = [];
  const flushColumns = () => {
    if (left.length) out.push(linesToText(groupLines(left)));
    if (right.length) out.push(linesToText(groupLines(right)));
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.items.some((i) => i.x < gutter && i.x + i.width > gutter)) {
      flushColumns();
      out.push(linesToText([line]));
    } else for (const item of line.items) (item.x < gutter ? left : right).push(item);
  }
  flushColumns();
  return out.filter(Boolean).join('\n\n');
}

/**
 * The x of a vertical band in the middle of the page that almost no text crosses (a headline over
 * both columns may) and that has plenty of text on both sides, or null for a one-column page.
 */
function findGutter(items: PlacedText[], pageWidth: number): number | null {
  const BIN = 2;
  const bins = Math.max(1, Math.ceil(pageWidth / BIN));
  // Coverage per 2-point band, by a difference array: linear in items plus bands.
  const delta = new Array<number>(bins + 1).fill(0);
  for (const item of items) {
    const from = Math.max(0, Math.floor(item.x / BIN));
    const to = Math.min(bins, Math.ceil((item.x + Math.max(item.width, 0)) / BIN));
    if (to <= from) continue;
    delta[from]!++;
    delta[to]!--;
  }
  const allowed = Math.max(1, Math.floor(items.length * 0.05));
  const lo = Math.floor((pageWidth * 0.3) / BIN), hi = Math.ceil((pageWidth * 0.7) / BIN);
  let coverage = 0;
  let runStart = -1;
  let best: { at: number; width: number } | null = null;
  for (let b = 0; b <= bins; b++) {
    coverage += delta[b] ?? 0;
    const open = b < bins && b >= lo && b <= hi && coverage <= allowed;
    if (open && runStart < 0) runStart = b;
    if (!open && runStart >= 0) {
      const width = (b - runStart) * BIN;
      if (width >= 8 && (!best || width > best.width)) best = { at: ((runStart + b) / 2) * BIN, width };
      runStart = -1;
    }
  }
  if (!best) return null;
  const gutter = best.at;
  let leftCount = 0, rightCount = 0;
  for (const i of items) {
    if (i.x + i.width <= gutter) leftCount++;
    else if (i.x >= gutter) rightCount++;
  }
  return leftCount >= items.length * 0.2 && rightCount >= items.length * 0.2 ? gutter : null;
}

/** Items on (nearly) the same baseline form a line; lines sorted top to bottom, items left to right. */
function groupLines(items: PlacedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.max(2, Math.min(line.height, item.height) * 0.5)) {
      line.items.push(item);
      line.height = Math.max(line.height, item.height);
    } else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

function lineString(line: Line): string {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    // pdf.js gives words or runs; a visible gap between them is a space.
    if (text && item.x - end > item.height * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The line spacing: the most common gap between lines (ties: the smaller); paragraphs are wider. */
function usualGap(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round(lines[i - 1]!.y - lines[i]!.y);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let usual = 0, seen = 0;
  for (const [gap, count] of counts) if (count > seen || (count === seen && gap < usual)) [usual, seen] = [gap, count];
  return usual;
}

/** Lines -> text, a blank line where the gap to the next line is clearly wider than the line spacing. */
function linesToText(lines: Line[]): string {
  const usual = usualGap(lines);
  let text = '';
  lines.forEach((line, i) => {
    const s = lineString(line);
    if (!s) return;
    if (text) {
      const gap = lines[i - 1]!.y - line.y;
      text += usual && gap > usual * 1.4 ? '\n\n' : '\n';
    }
    text += s;
  });
  return text;
}
