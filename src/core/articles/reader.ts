// One article file's text -> the fields of its record. Articles come in inconsistent shapes (Markdown
// with a `# *Title*` and page debris, wire copy with a `CITY, Month D (AGENCY) --` dateline, a title
// line over plain paragraphs, YAML front matter), so the rules below look for each fact in the few
// places it is written, in order of trust, and never take a date or an outlet from a body sentence.

import { countWords, firstWords } from './words';
import { MONTH_PATTERN, dateFromUrl, isoDate, monthNumber, parseDateText, yearOf } from './dates';
import { normaliseText } from './decode';
import { parseFrontMatter } from './frontMatter';
import { knownSiteSuffix, outletFromUrl } from './outlets';
import { readZones } from './zones';
import { trimChars } from './trim';
import { readNoteFields } from './noteFields';

export interface ParsedArticle {
  title: string | null;
  label: string;
  date: string | null;
  outlet: string | null;
  url: string | null;
  /** Byline or front matter `author`; several authors joined with ", ". */
  author: string | null;
  /** Cleaned body text: paragraphs separated by blank lines, dateline kept, debris and title removed. */
  body: string;
  excerpt: string;
  words: number;
  explicitKey: string | null;
  /**
   * Text that is not body but still names people and places: related-article headlines and photo
   * captions. Entity extraction reads it; the body, excerpt and word count do not.
   */
  asides: string[];
}

const EXCERPT_WORDS = 40;
const LABEL_CHARS = 80;

// ---- line classification -------------------------------------------------------------------------

const URL_RE = /^<?(https?:\/\/[^\s<>]+)>?$/i;
const RULE_RE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
const IMAGE_PLACEHOLDER_RE = /^[*_]*\s*image not found or type unknown\s*[*_]*$/i;
const MD_IMAGE_RE = /^!\[[^\]]*\]\([^)]*\)$/;
/** A line of tags only: `#Omnivore`, `#diplomacy #cuba` (a heading has a space after its `#`). */
const HASHTAGS_RE = /^#[\p{L}\p{N}_/-]+(?:[ \t]+#[\p{L}\p{N}_/-]+)*$/u;
/** A read-it-later export's link line: `[Read Original](https://…)`, `[Read on Omnivore](…)`, `[View source](…)`. */
const EXPORT_LINK_RE = /^\[((?:read|view|open)(?: the| on| in)? [^\]]{1,30}|original(?: article)?|source)\]\((https?:\/\/[^\s()]{1,2048})\)$/i;
const RELATED_RE = /^[*_]*(?:related content|related|read more|see also)\s*:/i;
const SOCIAL_DEBRIS_RE = /^(?:website\s*\|\s*\+\s*posts|share this:?|follow us.*|advertisement|click here.*)$/i;
const TAIL_FIELD_RE = /^(?:general|regions?|tags?|topics?|categories|category|keywords)\s*:.{0,120}$/i;
/**
 * Headings of what follows a page's article: its comments ("2 comments", "Leave a Reply", "Join the Conversation")
 * and lists of other posts ("Related posts", "Recent Articles also in Sub-Saharan Africa"). In a whole-page copy or a
 * printed page they open the tail; the names and countries there are the site's, not the article's. (Tested on a
 * line of at most 100 characters, emphasis and heading marks off.)
 */
const TAIL_SECTION_RE = /^(?:(?:\d+\s+|one\s+)?(?:comments?|responses?|replies|reader comments)(?:\s*\(\d+\))?|(?:leave|post|add|write) (?:a|your) (?:reply|comment|response)|join the (?:conversation|discussion)|comments are closed\.?|(?:related|recent|similar|popular|recommended|latest|more) (?:posts|articles|stories|links)(?: .{1,60})?|you (?:may|might) also like|most (?:read|popular|viewed))$/i;
/** Words of text a page's tail heading must follow (one near the top is the site's menu). */
const TAIL_AFTER_WORDS = 150;
const CAPTION_RE = /\b(?:photo|photograph|file photo|image|picture|credit|courtesy)\b/i;
const SOURCE_FIELD_RE = /^(?:source\s*url|source|url|link|original|publisher|outlet|published (?:by|in))\s*:\s*(.+)$/i;
const DATE_FIELD_RE = /^(?:date|published|publication date|posted|posted on|updated)\s*:?\s+(.+)$/i;
const DATE_PREFIX_RE = /^date[:\s]+(\d{4}-\d{2}-\d{2})\b[\s.,:-]*/i;
const TITLE_FIELD_RE = /^(?:title|headline)\s*:\s*(.+)$/i;
/** "Russia FlagMoscow - ...": a flag image's alt text glued in front of the dateline. */
const GLUED_FLAG_RE = /^(?:[A-Z][\p{L}'-]+ ){0,3}[A-Z][\p{L}'-]+ Flag(?=\p{Lu})/u;

/**
 * Removes Markdown emphasis and link syntax, keeping the words. Every pattern here runs in time
 * linear in the text (articles are untrusted and up to the size limit): a match attempt never scans
 * past the next opener of its own kind (`[`, `<`, `**`, `__`, `*`/`_`), so attempts from different
 * openers read disjoint stretches of text. Link text and destinations therefore hold no brackets.
 */
export function stripInlineMarkdown(s: string): string {
  // Most paragraphs hold no Markdown mark at all: then every replace below is the identity.
  if (!s.includes('[') && !s.includes('<') && !s.includes('*') && !s.includes('_')) return trimEmphasisMarks(s);
  return trimEmphasisMarks(s
    .replace(/!\[([^[\]]*)\]\((?:[^()[\]\s]|\([^()[\]\s]*\))*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\((?:[^()[\]\s]|\([^()[\]\s]*\))*\)/g, '$1')
    .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/\*\*(?=\S)((?:[^*]|\*(?!\*))*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)((?:[^_]|_(?!_))*?\S)__/g, '$1')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?=$|[^\w*])/g, '$1$2'));
}

/** Drops `*` and `_` runs at both ends, then spaces (a loop: `/[*_]+$/` is quadratic on long runs). */
function trimEmphasisMarks(s: string): string {
  let start = 0, end = s.length;
  while (start < end && (s[start] === '*' || s[start] === '_')) start++;
  while (end > start && (s[end - 1] === '*' || s[end - 1] === '_')) end--;
  return s.slice(start, end).trim();
}

/** Two titles that differ only in case, spacing and typographic quotes. */
function sameText(a: string, b: string): boolean {
  const flat = (t: string) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  return flat(a) === flat(b);
}

/** `# Title ##` -> `Title`: the closing hashes and spaces are cut by a loop, not a backtracking pattern. */
function headingText(line: string): string | null {
  const m = /^#{1,3}\s+/.exec(line);
  if (!m) return null;
  let end = line.length;
  while (end > m[0].length && line[end - 1] === '#') end--;
  const text = line.slice(m[0].length, end).trim();
  return text || null;
}

/** The text's lines, each trimmed, with every run of spaces, tabs and no-break spaces one space. */
export function collapsedLines(text: string): string[] {
  // One replace over the whole text (no run crosses a line break), then a trim per line: a
  // quarter of the time of collapsing line by line (10k bench articles: 13 against 50 µs each).
  return text.replace(SPACE_RUN_RE, ' ').split('\n').map((line) => line.trim());
}
/** A run of two or more, or one that is not a plain space (a single space stays as it is). */
const SPACE_RUN_RE = /[\u00a0\u2007\u202f\t ]{2,}|[\u00a0\u2007\u202f\t]/g;

/** A bold-only or emphasis-only line: `**Radio Habana Cuba**`, `*Photo: Minrex*`. */
function emphasisOnly(line: string): string | null {
  const m = /^(\*\*|__|\*|_)(.+)\1$/.exec(line);
  return m ? m[2]!.trim() : null;
}

function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  // Official titles run long ("Statement by H.E. Dr. … of the Republic of Austria at the 66th
  // Session of the General Assembly of the United Nations": 37 words); prose ends with a stop.
  return line.length <= 320 && words >= 2 && words <= 48 && !/[.,;:]$/.test(line) && !URL_RE.test(line);
}

// ---- datelines -----------------------------------------------------------------------------------

const PLACE = `[\\p{Lu}][\\p{L}'.-]*(?:[ -][\\p{Lu}][\\p{L}'.-]*){0,3}(?:, [\\p{Lu}][\\p{L}.]*(?: [\\p{Lu}][\\p{L}.]*){0,2})?`;
const DAY_MONTH = `(?:(${MONTH_PATTERN}) (\\d{1,2})|(\\d{1,2}) (${MONTH_PATTERN}))(?:,? (\\d{4}))?`;
const AGENCY = `(?:\\(([^()]{1,40})\\)|/([^/]{1,40})/)`;
const SEP = `(?:--|—|–|-|:)`;
/** `Havana, February 19 (RHC) --`, `MOSCOW, May 7. /TASS/.`, `Jakarta (ANTARA) –`, `Moscow - `. */
const DATELINE_RE = new RegExp(`^(${PLACE})(?:,? ${DAY_MONTH})?\\.? ?(?:${AGENCY}(\\.? ?${SEP} ?|\\.? ?)|${SEP} )`, 'u');

interface Dateline {
  length: number;
  date: string | null;
  agency: string | null;
}

export function parseDateline(paragraph: string): Dateline | null {
  const m = DATELINE_RE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!;
  const agency = (m[7] ?? m[8] ?? '').trim() || null;
  const monthName = m[2] ?? m[5];
  const day = m[3] ?? m[4];
  const hasDate = monthName !== undefined && day !== undefined;
  // Without an agency or a date, only accept a short place name before a dash ("Moscow - ..."),
  // not the first words of an ordinary sentence.
  if (!agency && !hasDate && (place.split(/[ ,]+/).length > 2 || /:$/.test(m[0].trim()))) return null;
  if (agency && !/^[\p{L}][\p{L}\p{N} .&'-]*$/u.test(agency)) return null;
  // An agency in brackets with nothing after it but the text ("Sydney, Australia (STL.News) Thomas
  // Sam…") only after a place that reads as one: "City, Region" or in capitals ("BEIJING (Reuters)").
  // Otherwise it is the opening words of a sentence with an abbreviation: "French Formula One (F1)
  // driver…", "Representative Marcy Kaptur (D Ohio) said…".
  const separated = /\S/.test(m[9] ?? '') || !!m[8];
  if (agency && !hasDate && !separated && !place.includes(',') && place !== place.toUpperCase()) return null;
  const date = hasDate ? isoDate(m[6] ? Number(m[6]) : null, monthNumber(monthName!), Number(day)) : null;
  return { length: m[0].length, date, agency };
}

// ---- the parse -----------------------------------------------------------------------------------

/** Blanks a page's tail (comments, other posts: TAIL_SECTION_RE) from its heading on, once the text has begun. */
function dropPageTail(lines: string[]): void {
  // Words (as spaces + 1 per line, lines are collapsed) before a heading may end the text.
  let words = 0;
  let i = 0;
  for (; i < lines.length && words < TAIL_AFTER_WORDS; i++) words += lines[i] === '' ? 0 : spacesIn(lines[i]!) + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.length > 100 || !mayOpenTailHeading(line)) continue;
    if (TAIL_SECTION_RE.test(trimChars(line.replace(/^#{1,6}\s+/, ''), '*_ '))) {
      for (let k = i; k < lines.length; k++) lines[k] = '';
      return;
    }
  }
}

function spacesIn(line: string): number {
  let n = 0;
  for (let at = line.indexOf(' '); at !== -1; at = line.indexOf(' ', at + 1)) n++;
  return n;
}

/** The first letter after heading and emphasis marks can open a TAIL_SECTION_RE heading (a cheap filter: most lines cannot). */
function mayOpenTailHeading(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === '#' || line[i] === '*' || line[i] === '_' || line[i] === ' ')) i++;
  const c = line.charCodeAt(i) | 32;
  // 0-9 (| 32 keeps them), and the first letters of TAIL_SECTION_RE's alternatives.
  return (c >= 48 && c <= 57) || TAIL_FIRST_LETTERS.includes(String.fromCharCode(c));
}
const TAIL_FIRST_LETTERS = 'acjlmoprswy';

export function parseArticle(rawText: string): ParsedArticle {
  const text = normaliseText(rawText);
  const front = parseFrontMatter(text);
  const lines = collapsedLines(front.rest);

  let title: string | null = front.fields.title ? stripInlineMarkdown(front.fields.title) : null;
  let date: string | null = front.fields.date ? parseDateText(front.fields.date) : null;
  let outlet: string | null = front.fields.outlet ?? null;
  let url: string | null = front.fields.url && URL_RE.test(front.fields.url) ? front.fields.url : null;
  let sourceOutlet: string | null = null;
  let trailingOutlet: string | null = null;
  let urlDate: string | null = null;
  // Logseq's page properties and Readwise's Metadata bullets: front matter written into the text.
  const note = readNoteFields(lines);
  if (title === null && note.title) title = stripInlineMarkdown(note.title);
  date ??= note.date ? parseDateText(note.date) : null;
  if (url === null && note.url && URL_RE.test(note.url)) url = note.url;
  else if (url === null && note.url && !outlet && note.url.split(/\s+/).length <= 8) outlet = note.url; // `source:: Reuters`
  outlet ??= note.outlet ?? null;

  // The trailing outlet line: the last non-empty line, bold and short (`**Radio Habana Cuba**`).
  let last = lines.length - 1;
  while (last >= 0 && (lines[last] === '' || TAIL_FIELD_RE.test(lines[last]!) || SOCIAL_DEBRIS_RE.test(lines[last]!))) last--;
  const lastBold = last >= 0 ? emphasisOnly(lines[last]!) : null;
  if (lastBold && lastBold.split(/\s+/).length <= 6 && !/[.!?]$/.test(lastBold) && !CAPTION_RE.test(lastBold)) {
    trailingOutlet = stripInlineMarkdown(lastBold);
    lines[last] = '';
  }

  // Header and footer lines (date lines, bylines, outlet lines, banners, breadcrumbs, Share/Print)
  // give their facts and leave the text, so they are neither title nor body.
  // The page's tail first, so that the footer read next is the article's own (its "Posted by", its Share line).
  dropPageTail(lines);
  const zones = readZones(lines, title !== null);
  for (const i of zones.consumed) lines[i] = '';
  date ??= zones.date;
  if (title === null && zones.headline) title = stripInlineMarkdown(headingText(zones.headline) ?? zones.headline);

  const kept: string[] = [];
  const asides: string[] = [];
  let seenContent = false;
  for (let line of lines) {
    if (line === '') {
      kept.push('');
      continue;
    }
    const prefix = DATE_PREFIX_RE.exec(line);
    if (prefix) {
      date ??= parseDateText(prefix[1]!);
      line = line.slice(prefix[0].length);
      if (!line) continue;
    }
    if (RELATED_RE.test(line)) {
      asides.push(stripInlineMarkdown(line.replace(RELATED_RE, '')));
      continue;
    }
    if (RULE_RE.test(line) || IMAGE_PLACEHOLDER_RE.test(line) || MD_IMAGE_RE.test(line)
      || SOCIAL_DEBRIS_RE.test(line) || TAIL_FIELD_RE.test(line)) continue;
    const urlLine = URL_RE.exec(line);
    if (urlLine) {
      url ??= urlLine[1]!;
      continue;
    }
    const source = SOURCE_FIELD_RE.exec(line);
    if (source && source[1]!.length <= 300) {
      const value = source[1]!.trim();
      const asUrl = URL_RE.exec(value);
      if (asUrl) url ??= asUrl[1]!;
      else if (value.split(/\s+/).length <= 8) sourceOutlet ??= stripInlineMarkdown(value);
      else { kept.push(line); seenContent = true; }
      continue;
    }
    const dateField = !seenContent || kept.length < 3 ? DATE_FIELD_RE.exec(line) : null;
    if (dateField && parseDateText(dateField[1]!)) {
      date ??= parseDateText(dateField[1]!);
      continue;
    }
    const bold = emphasisOnly(line);
    if (bold !== null && CAPTION_RE.test(bold) && bold.split(/\s+/).length <= 30) {
      asides.push(stripInlineMarkdown(bold));
      continue;
    }
    if (/^(?:photo|photograph|image)\s*(?:by|:)/i.test(line)) continue;
    if (!seenContent && title === null) {
      const heading = headingText(line) ?? TITLE_FIELD_RE.exec(line)?.[1];
      if (heading) {
        title = stripInlineMarkdown(heading);
        continue;
      }
    }
    // Before the text: the title again as a heading (front matter, then `# Title`), a line of tags only
    // (`#Omnivore #diplomacy`), and an export's links to the page (`[Read Original](https://…)`: the URL).
    if (!seenContent) {
      const heading = headingText(line);
      if (heading !== null && title !== null && sameText(stripInlineMarkdown(heading), title)) continue;
      if (line.length <= 300 && HASHTAGS_RE.test(line)) continue;
      const link = line.length <= 2100 ? EXPORT_LINK_RE.exec(line) : null;
      if (link) {
        if (/original|source|article/i.test(link[1]!)) url ??= link[2]!;
        continue;
      }
    }
    kept.push(line.replace(GLUED_FLAG_RE, ''));
    seenContent = true;
  }

  let paragraphs = splitParagraphs(kept);
  // A first paragraph that is one short line without closing punctuation is the headline.
  if (title === null && paragraphs.length > 1) {
    const first = paragraphs[0]!;
    if (!first.includes('\n') && looksLikeHeadline(first) && !parseDateline(first + ' ')) {
      title = stripInlineMarkdown(first);
      paragraphs = paragraphs.slice(1);
    }
  }
  paragraphs = paragraphs.map((p) => stripInlineMarkdown(p.replace(/^#{1,6}\s+/gm, '').replace(/^>\s?/gm, '')));

  const firstParagraph = paragraphs[0] ?? '';
  const dateline = parseDateline(firstParagraph);
  if (dateline?.date) {
    if (date === null) date = dateline.date;
  }
  if (url) urlDate = dateFromUrl(url);
  if (date === null) date = urlDate ?? zones.updatedDate;
  else if (date.startsWith('--') && urlDate && yearOf(urlDate) && urlDate.slice(4, 10).startsWith(date.slice(1, 7))) {
    // The dateline gives month and day; a dated URL agreeing with them gives the year.
    date = urlDate.length >= 10 ? urlDate : `${yearOf(urlDate)}${date.slice(1)}`;
  }

  // A browser tab's title kept as the headline ("Talks to resume next month | Reuters"): the outlet's name off it,
  // when nothing else names the outlet (a page whose own site is another keeps "… – Reuters" whole).
  const tabTitle = title && outlet === null ? knownSiteSuffix(title) : null;
  if (tabTitle) {
    title = tabTitle.headline;
    outlet = tabTitle.outlet;
  }

  const lastParagraph = paragraphs[paragraphs.length - 1] ?? '';
  const closingAgency = /\((\p{L}[\p{L}\p{N} .&'-]{0,24})\)\.?$/u.exec(lastParagraph)?.[1] ?? null;
  outlet = firstNonEmpty(outlet, trailingOutlet, zones.outlet, sourceOutlet, dateline?.agency ?? null,
    closingAgency && closingAgency.split(' ').length <= 3 ? closingAgency : null, url ? outletFromUrl(url) : null);

  const body = paragraphs.join('\n\n').trim();
  const lead = (firstParagraph.slice(dateline?.length ?? 0) + '\n\n' + paragraphs.slice(1).join('\n\n')).trim();
  const lead_ = firstWords(lead, EXCERPT_WORDS);
  const excerpt = lead_.words.join(' ') + (lead_.more ? '…' : '');
  const label = title ?? truncate(firstSentence(lead), LABEL_CHARS);

  return {
    title: title || null,
    label: label || '(untitled)',
    date,
    outlet,
    url,
    author: front.fields.author ?? note.author ?? zones.author,
    body,
    excerpt,
    words: countWords(body),
    explicitKey: front.fields.key ?? null,
    asides,
  };
}

function splitParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}

function firstNonEmpty(...values: (string | null)[]): string | null {
  for (const v of values) if (v && v.trim()) return v.trim();
  return null;
}

/** The first sentence: up to a sentence end that is not an abbreviation such as "U.S." or "Mr.". */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const re = /[.!?]["”’)]?(?= +["“‘(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(flat))) {
    const before = flat.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/(?:^|[\s.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|No|vs)\.$/u.test(before)) continue;
    return flat.slice(0, m.index + m[0].length);
  }
  return flat;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}
