// Parsing the few date shapes that articles put in date lines, datelines, front matter and URLs into
// ISO 8601 at the precision given: 2025-05-07, 2025-05, 2025, or --02-19 (month and day, no year).
// A general natural-language parser (chrono-node) was considered: it finds dates in any sentence,
// which is exactly what must NOT happen here (a date in the body is not the article's date), and the
// shapes at the places we look are few. So these rules are small and explicit.

/**
 * Month names: English (and its abbreviations), then French, German, Spanish, Portuguese and Italian, the
 * languages of much of the foreign press a researcher keeps ("3 mars 2024", "3. März 2024", "3 de marzo de 2024").
 */
const MONTH_NAMES: [number, string][] = [
  [1, 'january jan janvier januar jänner enero janeiro gennaio'],
  [2, 'february feb février fevrier februar febrero fevereiro febbraio'],
  [3, 'march mar mars märz maerz marzo março marco'],
  [4, 'april apr avril abril aprile'],
  [5, 'may mai mayo maio maggio'],
  [6, 'june jun juin juni junio junho giugno'],
  [7, 'july jul juillet juli julio julho luglio'],
  [8, 'august aug août aout agosto'],
  [9, 'september sep sept septembre septiembre setiembre setembro settembre'],
  [10, 'october oct octobre oktober octubre outubro ottobre'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec décembre decembre dezember diciembre dezembro dicembre'],
];
const MONTHS: Record<string, number> = Object.fromEntries(MONTH_NAMES.flatMap(([n, names]) => names.split(' ').map((name) => [name, n])));

/** Month names as a regex alternation (longest first, so that the longest wins; matched case-insensitively). */
// (Capitalised, as the names are written: a case-insensitive regex takes "MARCH" and "mars" too; the datelines'
// regex, case-sensitive, takes "March" and "Mars" only, as it always has.)
export const MONTH_PATTERN = `(?:${Object.keys(MONTHS).sort((a, b) => b.length - a.length).map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})\\.?`;

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
  m = new RegExp(`^(?:\\p{L}+,\\s*)?(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])`, 'iu').exec(s);
  if (m) return isoDate(m[3] ? Number(m[3]) : null, monthNumber(m[1]!), Number(m[2]));
  m = new RegExp(`^(${MONTH_PATTERN})\\s+(?:de\\s+)?(\\d{4})$`, 'iu').exec(s);
  if (m) return isoDate(Number(m[2]), monthNumber(m[1]!), null);
  // "7 May 2025", "7 May", "7th May 2025"; "3. März 2024", "3 de marzo de 2024", "1er mars 2024"
  m = new RegExp(`^(?:\\p{L}+,\\s*)?(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s+(?:de\\s+)?(${MONTH_PATTERN})(?:,?\\s+(?:de\\s+)?(\\d{4}))?(?![\\p{L}\\d])`, 'iu').exec(s);
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
