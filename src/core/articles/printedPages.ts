// The lines a printer puts on every page of a PDF, and what they say. A page a browser printed
// ("Save as PDF", the way many people keep an article) has a header line with the print date and
// the page's title and a footer line with the page's address and "1/3" (Chrome, Edge); Firefox and
// Safari put the title, the address, "Page 1 of 3" and the print date in the same two places. A
// report has a running title or page number there. None of it is the article's text, and the print
// date is not its date; the address is the article's URL.

export interface RunningLines {
  /** The pages without their running lines. */
  pages: string[];
  /** The web address a running line gives (a browser's print footer or header), or null. */
  url: string | null;
  /** The title a browser's print header gives after its date stamp, or null. */
  headerTitle: string | null;
  /** The running lines have a browser's print shape: the dates the PDF carries are when it was printed. */
  printed: boolean;
}

/** A line longer than this is body text, never a running line (and no pattern below runs on more). */
const MAX_RUNNING_LINE = 600;

// Each pattern is anchored at one end and repeats only bounded pieces or one character class: linear on any line.
const STAMP = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
/** A print stamp opening a line: "12/2/26, 2:02 PM", "02.12.26, 14:02", "2026-12-02 14:02:09". */
const STAMP_START_RE = new RegExp(`^${STAMP}(?=\\s|$)`);
/** …or closing it (Firefox's footer: "Page 1 of 3 … 12/2/26, 2:02 PM"). */
const STAMP_END_RE = new RegExp(`(?:^|\\s)${STAMP}$`);
/** A page counter closing a line: "1/3", "1 / 3", "Page 1 of 3", "Seite 1 von 3". */
const COUNTER_END_RE = /(?:^|\s)(?:(?:page|seite|página|pagina)\s)?\d{1,4}\s?(?:\/|of|von|de|sur|di)\s?\d{1,4}$/i;
/** …or opening it. */
const COUNTER_START_RE = /^(?:page|seite|página|pagina)\s\d{1,4}\s(?:of|von|de|sur|di)\s\d{1,4}(?=\s|$)/i;
const URL_TOKEN_RE = /(?:^|\s)((?:https?|file):\/\/[^\s<>"]+)/i;

interface Signals {
  stampStart: RegExpExecArray | null;
  stampEnd: boolean;
  counter: boolean;
  address: RegExpExecArray | null;
}

function signals(line: string): Signals {
  return {
    stampStart: STAMP_START_RE.exec(line),
    stampEnd: STAMP_END_RE.test(line),
    counter: COUNTER_END_RE.test(line) || COUNTER_START_RE.test(line),
    address: URL_TOKEN_RE.exec(line),
  };
}

/** A browser's print header or footer: its stamp then the title (Chrome's header), or two of stamp, counter and address. */
function browserLine(line: string, s: Signals): boolean {
  if (s.stampStart && line.length > s.stampStart[0].length + 1) return true;
  return Number(!!(s.stampStart || s.stampEnd)) + Number(s.counter) + Number(!!s.address) >= 2;
}

/**
 * Drops from each page its first and last line when they are running lines: the same line (page
 * numbers and dates aside) at the same end of at least two pages, or — on any page — a line in a
 * browser's print shape (a date stamp before the title; or two of a date stamp, a page counter and a
 * web address).
 */
export function dropRunningLines(pages: readonly string[]): RunningLines {
  const split = pages.map((page) => page.split('\n'));
  const ends = split.map((lines) => {
    let top = 0;
    while (top < lines.length && !lines[top]!.trim()) top++;
    let bottom = lines.length - 1;
    while (bottom > top && !lines[bottom]!.trim()) bottom--;
    return { top: top < lines.length ? top : -1, bottom: top < lines.length && bottom > top ? bottom : -1 };
  });
  const mask = (line: string) => line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const counts = (which: 'top' | 'bottom') => {
    const seen = new Map<string, number>();
    split.forEach((lines, i) => {
      const at = ends[i]![which];
      if (at < 0 || lines[at]!.length > MAX_RUNNING_LINE) return;
      const key = mask(lines[at]!);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
    return seen;
  };
  const topCounts = counts('top');
  const bottomCounts = counts('bottom');
  let url: string | null = null;
  let headerTitle: string | null = null;
  let printed = false;
  const out = split.map((lines, i) => {
    const drop = new Set<number>();
    for (const which of ['top', 'bottom'] as const) {
      const at = ends[i]![which];
      if (at < 0) continue;
      const line = lines[at]!.trim();
      if (line.length > MAX_RUNNING_LINE) continue;
      const repeated = (which === 'top' ? topCounts : bottomCounts).get(mask(line))! >= 2;
      const s = signals(line);
      const browser = browserLine(line, s);
      if (!repeated && !browser) continue;
      drop.add(at);
      if (browser) printed = true;
      // A long address is shortened with an ellipsis in some browsers' footers: no URL then.
      if (s.address && url === null && /^https?:/i.test(s.address[1]!) && !/…|\.\.\./.test(s.address[1]!)) url = s.address[1]!;
      if (s.stampStart && which === 'top' && headerTitle === null) {
        const rest = line.slice(s.stampStart[0].length).trim();
        if (rest && !URL_TOKEN_RE.test(rest)) headerTitle = rest;
      }
    }
    return drop.size ? lines.filter((_, k) => !drop.has(k)).join('\n') : pages[i]!;
  });
  return { pages: out, url, headerTitle, printed };
}

/** Whether a PDF's Creator / Producer say a web browser made it (its dates are when it was printed). */
export function madeByBrowser(creator: string | null, producer: string | null): boolean {
  return /Mozilla\/5\.0|\b(?:Chrome|Firefox|Safari)\/\d/.test(creator ?? '') || /^Skia\/PDF\b/.test(producer ?? '');
}
