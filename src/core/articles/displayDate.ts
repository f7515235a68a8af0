// Dates for people: the UI shows "7 May 2025", "May 2025", "2025" and, for a month and day without
// a year, "19 Feb" — in the order of the user's locale — where JSON, CSL and the CLI keep ISO 8601
// (2025-05-07, 2025-05, 2025, --02-19).

let displayLocale = 'en-GB';
/** A locale asked for and not yet tried (trying loads its data: ~40 ms, so not during activation). */
let requestedLocale: string | null = null;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Sets the locale the UI writes dates in (the extension passes `vscode.env.language`). Plain "en",
 * VS Code's default, reads as day-month order ("19 Feb"); "en-US" and other tags are used as given.
 * The tag is checked when the first date is written.
 */
export function setDisplayLocale(locale: string | undefined): void {
  requestedLocale = !locale || locale.toLowerCase() === 'en' ? 'en-GB' : locale;
  formatters.clear();
}

function settledLocale(): string {
  if (requestedLocale !== null) {
    try {
      new Intl.DateTimeFormat(requestedLocale);
      displayLocale = requestedLocale;
    } catch {
      displayLocale = 'en-GB'; // a tag Intl does not know (VS Code's "qps-ploc" …): day-month English
    }
    requestedLocale = null;
  }
  return displayLocale;
}

function format(options: Intl.DateTimeFormatOptions, date: Date): string {
  const id = JSON.stringify(options);
  let formatter = formatters.get(id);
  if (!formatter) formatters.set(id, (formatter = new Intl.DateTimeFormat(settledLocale(), { ...options, timeZone: 'UTC' })));
  return formatter.format(date);
}

/** The ISO partial date as people read it; anything unparsable is returned as given. */
export function displayDate(iso: string | null): string {
  if (!iso) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return format({ day: 'numeric', month: 'short', year: 'numeric' }, new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return format({ month: 'short', year: 'numeric' }, new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1)));
  // A leap year, so that --02-29 is a real day.
  m = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (m) return format({ day: 'numeric', month: 'short' }, new Date(Date.UTC(2000, +m[1]! - 1, +m[2]!)));
  return iso;
}
