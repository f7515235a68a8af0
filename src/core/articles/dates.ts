// Parsing the few date shapes that articles put in date lines, datelines, front matter and URLs into
// ISO 8601 at the precision given: 2025-05-07, 2025-05, 2025, or --02-19 (month and day, no year).
// A general natural-language parser (chrono-node) was considered: it finds dates in any sentence,
// which is exactly what must NOT happen here (a date in the body is not the article's date), and the
// shapes at the places we look are few. So these rules are small and explicit.

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names as a regex alternation (full names before abbreviations so the longest wins). */
export const MONTH_PATTERN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(month: number, day: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year !== null && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28 + (year === null ? 1 : 0),
    31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] ?? 0);
}

const plausibleYear = (y: number) => y >= 1800 && y <= 2200;

/** Builds the ISO form from parts; returns null when the parts do not make a real date. */
export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year !== null && !plausibleYear(year)) return null;
  if (month === null) return year === null ? null : String(year);
  if (month < 1 || month > 12) return null;
  if (day === null) return year === null ? null : `${year}-${pad(month)}`;
  if (!validDay(month, day, year)) return null;
  return year === null ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/** Parses a whole date value (a front-matter field, a "Date:" line). */
export function parseDateText(raw: string): string | null {
  const s = raw.trim().replace(/^["']|["']$/g, '').trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  m = /^--(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(null, Number(m[1]), Number(m[2]));
  // "May 7, 2025", "Thursday, May 7, 2025", "May 7", "May 2025"
  m = new RegExp(`^(?:[A-Za-z]+,\\s*)?(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i').exec(s);
  if (m) return isoDate(m[3] ? Number(m[3]) : null, monthNumber(m[1]!), Number(m[2]));
  m = new RegExp(`^(${MONTH_PATTERN})\\s+(\\d{4})$`, 'i').exec(s);
  if (m) return isoDate(Number(m[2]), monthNumber(m[1]!), null);
  // "7 May 2025", "7 May", "7th May 2025"
  m = new RegExp(`^(?:[A-Za-z]+,\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})(?:,?\\s+(\\d{4}))?\\b`, 'i').exec(s);
  if (m) return isoDate(m[3] ? Number(m[3]) : null, monthNumber(m[2]!), Number(m[1]));
  // "07.05.2025" / "07/05/2025": day first, as most of the world writes it, unless the first part cannot be a day.
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]), b = Number(m[2]), y = Number(m[3]);
    return b > 12 ? isoDate(y, a, b) : isoDate(y, b, a);
  }
  return null;
}

/** A date in a URL path: /2025/05/07/, /2025-05-07-, /20250507/, or /2025/05/. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /(?:^|[/_-])((?:18|19|20|21)\d{2})[/_-](\d{2})[/_-](\d{2})(?=$|[/_.-])/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:18|19|20|21)\d{2})\/(\d{2})(?=\/)/.exec(path);
  if (m) return isoDate(Number(m[1]), Number(m[2]), null);
  return null;
}

/** The year of an ISO partial date, or null. */
export function yearOf(date: string | null): string | null {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}
