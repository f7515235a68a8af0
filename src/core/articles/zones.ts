// The header and footer zones of an article file: the short lines above the first paragraph of
// prose and below the last one. Saved pages put their metadata and furniture there — banners,
// breadcrumbs, the outlet's name, date lines, bylines, "Share" / "Print" / "Tags" lines — and the
// reader must take the facts from them and keep them out of the title and the body.
//
// One pass over the lines, each classified by anchored patterns on that one short line (nothing
// here runs a pattern over a paragraph of prose), so the cost is linear in the file.

import { parseByline } from './byline';
import { parseDateLabel, parseDateLine, type DateLabel } from './dateLines';
import { DOMAIN_LINE_RE, isKnownOutletName, isOutletLine, knownOutletOfLine, outletFromHost } from './outlets';
import { EMPHASIS_AND_SPACE, trimChars } from './trim';

export interface Zones {
  /** Line indexes that are metadata or furniture: neither title nor body. */
  consumed: Set<number>;
  /** The first publication date line in the header, else in the footer. */
  date: string | null;
  /** An "Updated …" date line, used only when nothing else dates the article. */
  updatedDate: string | null;
  author: string | null;
  /** An outlet named by a line of its own (first/last line, a tagline, a domain line, a byline's tail). */
  outlet: string | null;
  /** The headline under a site's menus (a whole-page copy): the menus and the headline are consumed. */
  headline: string | null;
}

// A saved page's menus and footer can run to dozens of short lines before the headline or after
// the text (a whole-page copy puts the site's footer first when the article is an overlay).
const HEADER_LINES = 80;
/**
 * A whole-page copy's menus can run to hundreds of short lines before the text (a site's list of every
 * country): the header goes on past HEADER_LINES, up to this many, while no line is prose, if prose follows (a
 * text that is all short lines keeps the usual header). Its lines are read for facts like the usual header's: the
 * first date line wins, and the article's is printed near its headline, above the menus.
 */
const MENU_HEADER_LINES = 5000;
const FOOTER_LINES = 80;

const FURNITURE_RE = new RegExp('^(?:' + [
  'share', 'share this(?: article| story| page)?:?', 'print', 'print this page', 'email', 'e-mail', 'tweet', 'facebook', 'twitter',
  'whatsapp', 'linkedin', 'copy link', 'jump to navigation(?: jump to search)?', 'jump to search', 'skip to (?:main )?content',
  'menu', 'search', 'subscribe', 'sign in', 'log in', 'advertisement', 'sources?', 'related(?: articles| stories| content)?:?',
  'read more', 'listen to this article', 'back to top', 'top', 'comments', 'show comments', 'close', 'toggle navigation',
  '(?:categories|category|tags?|topics?|keywords|filed under)\\s*:.{0,200}',
  'an official website of the .{1,60}', 'here[\'’]s how you know', 'official websites use \\.gov.{0,80}',
  'secure \\.gov websites use https.{0,80}', 'this page has been automatically archived.{0,120}', 'got a correction\\?.{0,160}',
  'please note that the listed sources may no longer be available online\\.?',
  // archived government sites' banner; a site's section names, kickers and tail links
  'this is historical material .{1,200}', 'briefing room', 'statements (?:and|&) releases', 'briefings (?:and|&) statements',
  'speeches (?:and|&) remarks', '(?:press|news) releases?', 'press briefings?', 'press statements?', 'fact sheets?', 'readouts?',
  'presidential actions', 'news', 'latest news', 'top stories', 'events', 'see also', 'text version', 'publication status',
  'published in section:.{0,60}', 'direct link:?.{0,80}', 'send by email', 'next post', 'previous post', 'stay connected',
  'sign up', 'privacy policy', 'copyright policy', 'accessibility statement', 'to search this site,? enter a search term',
  // a bullet or bar left alone between a date and a section tag
  '[•·|–—]',
].join('|') + ')$', 'i');
/** A time alone under a date line ("22:00", "9:31 AM", "10:00 GMT"). */
const TIME_ONLY_RE = /^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$/i;
/** A street address under an organisation's name in a contact block ("1600 Pennsylvania Ave NW"). */
const STREET_RE = /^\d{1,6}[A-Za-z]? (?:[\p{Lu}\d][\p{L}\d.'-]* ){1,5}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Place|Pl|Square|Sq|Drive|Dr|Lane|Ln|Way|Court|Ct|Plaza|Parkway|Pkwy)\.?(?: [NS][EW]?\.?| [EW]\.?)?,?$/u;
/** `Home > News > World`, `Home › Briefing Room › Statements`: two to seven short segments. */
const BREADCRUMB_RE = /^[^>›»\n]{1,40}(?:\s[>›»]\s[^>›»\n]{1,40}){1,6}$/;
/** `From Wikinews, the free news source you can write!`, `From Wikipedia, the free encyclopedia`. */
const EXCERPT_RE = /^>\s*#{1,6}\s*excerpt\s*$/i;
const RULE_RE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
const TAGLINE_RE = /^From (\p{Lu}[\p{L}\p{N}.&' -]{1,40}), the [^\n]{1,80}$/u;

function wordCount(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A line of prose: long, or a full sentence. Zones end at the first (header) and last (footer). */
function isProse(line: string): boolean {
  const words = wordCount(line);
  // Headlines can run to 40 words ("Statement by H.E. Dr. … at the 66th Session of the General
  // Assembly of the United Nations"), but end without a full stop.
  if (words >= 60) return true;
  // A teaser cut short ("Maroc : Après le discours, amour et haine pour Obama...", a linked post's title) is no sentence.
  if (words < 25 && (line.endsWith('...') || line.endsWith('…'))) return false;
  return words >= 10 && /[.!?"”’)\]:]$/.test(line);
}

/**
 * Whether line `i` opens or continues a paragraph wrapped over lines (a PDF's or a hard-wrapped text's): it is long
 * (10 words or more), the line after it is part of the same block, and the block ends a sentence. Such a line is
 * prose though it ends mid-sentence ("… It is outlawed in many"); a wrapped headline ends no sentence, and a
 * headline over its date line ("Talks with … / November 18, 2005", no blank line between) is no paragraph. Each block's
 * end is found once (the calls come in line order), so the header's walk stays linear.
 */
const SENTENCE_END_RE = /[.!?]["”’)]?$/;

function wrappedParagraphs(lines: string[]): (i: number) => boolean {
  let blockEnd = -1;
  let endsSentence = false;
  return (i) => {
    if (i + 1 >= lines.length || lines[i + 1] === '' || wordCount(lines[i]!) < 10) return false;
    // (A teaser cut short with "…" ends its line: it does not run on into the next.)
    if (lines[i]!.endsWith('...') || lines[i]!.endsWith('…')) return false;
    // (The next line goes on with the paragraph: long too, or its end. A headline over a date line is no paragraph.)
    if (wordCount(lines[i + 1]!) < 10 && !SENTENCE_END_RE.test(lines[i + 1]!.trim())) return false;
    if (i > blockEnd) {
      let end = i;
      while (end + 1 < lines.length && lines[end + 1] !== '') end++;
      blockEnd = end;
      endsSentence = SENTENCE_END_RE.test(lines[end]!.trim());
    }
    return endsSentence;
  };
}

/**
 * Whether the prose line at `i` stands alone among menus: of the next BLURB_LOOKAHEAD non-empty lines none is prose
 * and most are short (three words or fewer). Looks ahead a bounded number of lines.
 */
const BLURB_LOOKAHEAD = 8;
function blurbAt(lines: string[], i: number, prose: (line: string) => boolean): boolean {
  let seen = 0, short = 0;
  for (let j = i + 1; j < lines.length && seen < BLURB_LOOKAHEAD; j++) {
    const line = lines[j]!;
    if (line === '') continue;
    seen++;
    if (prose(line)) return false;
    if (wordCount(line) <= 3) short++;
  }
  return seen === BLURB_LOOKAHEAD && short >= BLURB_LOOKAHEAD - 2;
}

/** An outlet's name and a date, split by a comma, bar or middle dot, in either order; null for anything else. */
function outletAndDate(line: string): { outlet: string | null; date: string } | null {
  const bare = stripEmphasis(line);
  for (const sep of [' | ', ' · ', ' • ', ', ']) {
    // The outlet first (split at the first separator: the date may hold a comma), or the date first (at the last).
    const first = bare.indexOf(sep), last = bare.lastIndexOf(sep);
    for (const [at, outletFirst] of [[first, true], [last, false]] as const) {
      if (at <= 0) continue;
      const outletPart = (outletFirst ? bare.slice(0, at) : bare.slice(at + sep.length)).trim();
      const datePart = (outletFirst ? bare.slice(at + sep.length) : bare.slice(0, at)).trim();
      if (!outletPart || outletPart.split(' ').length > 6 || /\d/.test(outletPart)) continue;
      if (!(knownOutletOfLine(outletPart) || isOutletLine(outletPart))) continue;
      const dated = parseDateLine(datePart);
      if (dated && !dated.yearOnly) return { outlet: knownOutletOfLine(outletPart) ?? outletPart, date: dated.date };
    }
  }
  // "Moscow, March 3, 2024", "Jane Doe, March 3, 2024": a place's or a writer's name, then the date (which it gives).
  const comma = bare.indexOf(', ');
  if (comma > 0 && PLACE_OR_NAME_RE.test(bare.slice(0, comma))) {
    const dated = parseDateLine(bare.slice(comma + 2));
    if (dated && !dated.yearOnly) return { outlet: null, date: dated.date };
  }
  return null;
}

/** One to four capitalised words (a place, a writer), no digits. */
const PLACE_OR_NAME_RE = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}$/u;

export function isFurniture(line: string): boolean {
  const bare = trimChars(line, EMPHASIS_AND_SPACE);
  return bare.length <= 240 && (FURNITURE_RE.test(bare) || BREADCRUMB_RE.test(bare));
}

/** `titleKnown`: the title comes from elsewhere (front matter, a PDF's metadata): no header line need be the headline. */
export function readZones(lines: string[], titleKnown = false): Zones {
  const zones: Zones = { consumed: new Set(), date: null, updatedDate: null, author: null, outlet: null, headline: null };
  const header: number[] = [];
  let excerpt = false;
  const wrapped = wrappedParagraphs(lines);
  let reachedProse = false;
  let headerShort = 0;
  for (let i = 0; i < lines.length && header.length < MENU_HEADER_LINES; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    // MarkDownload's `> ## Excerpt` block (the page's description, not the text) and rules.
    if (EXCERPT_RE.test(line)) excerpt = true;
    else if (!(excerpt && line.startsWith('>'))) excerpt = false;
    if (excerpt || RULE_RE.test(line)) {
      zones.consumed.add(i);
      continue;
    }
    // Furniture first: an archive banner is a sentence, not the text.
    if ((isProse(line) || wrapped(i)) && !isFurniture(line)) {
      // A sentence alone among a whole-page copy's menus (the site's blurb: "We translate Global Voices into many
      // languages…", then more menus) is no start of the text: the text goes on with prose.
      if (!(headerShort >= 6 && headerShort * 2 >= header.length && blurbAt(lines, i, isProse))) {
        reachedProse = true;
        break;
      }
    }
    header.push(i);
    if (wordCount(line) <= 3) headerShort++;
  }
  // Menus past the usual header count only when the text comes after them.
  if (header.length > HEADER_LINES && !reachedProse) header.length = HEADER_LINES;
  const footer: number[] = [];
  const firstProse = header.length ? header[header.length - 1]! + 1 : 0;
  for (let i = lines.length - 1; i >= firstProse && footer.length < FOOTER_LINES; i--) {
    if (lines[i] === '') continue;
    if (isProse(lines[i]!) && !isFurniture(lines[i]!)) break;
    footer.push(i);
  }
  // The footer in reading order: a label line ("Publication date:") precedes its date.
  footer.reverse();

  let headerOutlet: string | null = null;
  let footerOutlet: string | null = null;
  let taglineOutlet: string | null = null;
  /** An outlet line over a street address in the footer's contact block ("The White House" / "1600 Pennsylvania Ave NW"). */
  let addressOutlet: string | null = null;
  /** The first line in either zone that is exactly a known outlet's name (a site menu's "The White House"). */
  let knownOutlet: string | null = null;
  let footerDate: string | null = null;
  let footerPublished: string | null = null;
  let headerYear: string | null = null;
  /** A "Created:" line's date (a notes app's clip date): the article's only when nothing else dates it. */
  let createdDate: string | null = null;
  let label: DateLabel | null = null;
  let labelAt = -1;
  const classify = (i: number, inHeader: boolean): boolean => {
    const line = lines[i]!;
    const tagline = TAGLINE_RE.exec(line);
    if (tagline) {
      taglineOutlet ??= tagline[1]!.trim();
      return true;
    }
    if (isFurniture(line) || TIME_ONLY_RE.test(line)) return true;
    const ownLabel = parseDateLabel(line);
    if (ownLabel) {
      label = ownLabel;
      labelAt = i;
      return true;
    }
    const date = parseDateLine(line, labelAt >= 0 && nextLine(lines, labelAt) === i ? label : null);
    if (date) {
      if (date.author) zones.author ??= date.author;
      // "March 3, 2024 · Reuters": a known outlet after the date.
      const tailOutlet = date.tail ? knownOutletOfLine(date.tail) : null;
      if (tailOutlet) (inHeader ? (headerOutlet ??= tailOutlet) : (footerOutlet ??= tailOutlet));
      if (date.created) createdDate ??= date.date;
      else if (date.updated) zones.updatedDate ??= date.date;
      // A year alone is a copyright year as often as a date (a whole-page copy can put the footer
      // first): in the header it dates the article only when nothing else does; in the footer never.
      else if (date.yearOnly) { if (inHeader) headerYear ??= date.date; }
      else if (inHeader) zones.date ??= date.date;
      else if (date.published) footerPublished ??= date.date;
      // (the date line nearest the end, as when the footer was read from the end)
      else footerDate = date.date;
      return true;
    }
    // "Reuters, March 3, 2024", "The Guardian | 3 March 2024": an outlet and a date on one line. ("March 3, 2024 ·
    // Reuters" is a date line above, its tail a known outlet's name.)
    const pair = line.length <= 120 ? outletAndDate(line) : null;
    if (pair) {
      if (inHeader) zones.date ??= pair.date;
      if (pair.outlet) (inHeader ? (headerOutlet ??= pair.outlet) : (footerOutlet ??= pair.outlet));
      return true;
    }
    const byline = parseByline(line);
    if (byline) {
      zones.author ??= byline.author;
      if (byline.outlet) headerOutlet ??= byline.outlet;
      // "By Jane Doe | March 3, 2024", "By Jane Doe, March 3, 2024": the byline's date.
      if (byline.date && inHeader) zones.date ??= byline.date;
      return true;
    }
    if (DOMAIN_LINE_RE.test(line)) {
      const outlet = outletFromHost(line.replace(/\/$/, ''));
      if (outlet) (inHeader ? (headerOutlet ??= outlet) : (footerOutlet ??= outlet));
      return true;
    }
    return false;
  };

  const headerRest: number[] = [];
  /** The first header line that gave a date or a byline (a headline is printed right above them). */
  let firstFact = -1;
  for (let h = 0; h < header.length; h++) {
    const i = header[h]!;
    if (classify(i, true)) {
      zones.consumed.add(i);
      if (firstFact < 0 && (zones.date !== null || zones.author !== null)) firstFact = i;
    } else headerRest.push(i);
  }
  for (const i of headerRest) {
    const named = knownOutletOfLine(stripEmphasis(lines[i]!));
    if (named) { knownOutlet ??= named; break; }
  }
  // A whole-page copy opens with the site's menus, a run of short lines, and the headline is the
  // last long line above the text (menus, "Events", then "Telephone conversation with …", then
  // the text). The menus are neither title nor body.
  let short = 0;
  for (const i of header) if (wordCount(lines[i]!) <= 3) short++;
  if (header.length >= 6 && short * 2 >= header.length) {
    const headlineLike = (line: string) => wordCount(line) >= 4 && !isOutletLine(stripEmphasis(line)) && line.length <= 320 && !/[.,;:]$/.test(line);
    let found = false;
    // The line right above the header's date line or byline ("Headline" / "Thursday, June 11th, 2009" / "by …"):
    // the page prints its headline over its date (what follows may be a standfirst, or more menus).
    const above = firstFact >= 0 && !titleKnown ? headerRest.filter((i) => i < firstFact).pop() : undefined;
    const menusAfter = above !== undefined && headerRest.length - headerRest.indexOf(above) - 1 >= 6;
    if (above !== undefined && nextLine(lines, above) <= firstFact && headlineLike(lines[above]!)) {
      zones.headline = lines[above]!;
      const k = headerRest.indexOf(above);
      for (let m = 0; m <= k; m++) zones.consumed.add(headerRest[m]!);
      headerRest.splice(0, k + 1);
      found = true;
    }
    for (let k = headerRest.length - 1; !found && k >= Math.max(0, headerRest.length - 3); k--) {
      const line = lines[headerRest[k]!]!;
      if (!headlineLike(line)) continue;
      zones.headline = line;
      for (let m = 0; m <= k; m++) zones.consumed.add(headerRest[m]!);
      headerRest.splice(0, k + 1);
      found = true;
      break;
    }
    // With the title known (a printed page's headline was found and cut off above it), or found above the date
    // line, a header of menus under it (categories, "Countries:" lists, "This post is also available in:" links)
    // is furniture, as a footer's is.
    if ((!found && titleKnown) || (found && menusAfter)) {
      const inParagraph = paragraphLines(lines, headerRest);
      const kept: number[] = [];
      for (const i of headerRest) {
        // (A "Source: …" field stays for the reader; "Sénégal : les pêcheurs…", French spacing, is a linked title.)
        if (!inParagraph.has(i) && !lines[i]!.includes('://') && !/^\p{L}[\p{L} ]{0,28}\p{L}:\s/u.test(lines[i]!)) zones.consumed.add(i);
        else kept.push(i);
      }
      headerRest.splice(0, headerRest.length, ...kept);
    }
  }
  // The outlet as the first line, above the headline ("Wikinews", "United Nations").
  if (headerRest.length >= 2 && isOutletLine(stripEmphasis(lines[headerRest[0]!]!))) {
    headerOutlet ??= stripEmphasis(lines[headerRest[0]!]!);
    zones.consumed.add(headerRest[0]!);
  }
  // …or the line right under the headline, as government and agency pages print the issuing office
  // ("Office of the Spokesperson", "The White House"): with the headline first, then the office.
  else if (headerRest.length >= 2 && headerRest[1] === nextLine(lines, headerRest[0]!) && isOutletLine(stripEmphasis(lines[headerRest[1]!]!))) {
    headerOutlet ??= stripEmphasis(lines[headerRest[1]!]!);
    zones.consumed.add(headerRest[1]!);
  }
  const footerRest: number[] = [];
  for (const i of footer) if (!zones.consumed.has(i)) { if (classify(i, false)) zones.consumed.add(i); else footerRest.push(i); }
  footerRest.reverse();
  // The outlet as the last line ("The White House", "Wikinews"); footerRest runs from the end.
  if (footerRest.length && isOutletLine(stripEmphasis(lines[footerRest[0]!]!))) {
    footerOutlet ??= stripEmphasis(lines[footerRest[0]!]!);
    zones.consumed.add(footerRest[0]!);
  }
  for (let k = footerRest.length - 1; k >= 0; k--) {
    const line = stripEmphasis(lines[footerRest[k]!]!);
    const below = nextLine(lines, footerRest[k]!);
    if (addressOutlet === null && below >= 0 && lines[below]!.length <= 80 && STREET_RE.test(lines[below]!) && isOutletLine(line)) addressOutlet = line;
    if (knownOutlet === null && isKnownOutletName(line)) knownOutlet = line;
  }
  // A footer of menus (a run of short lines: tag lists, share menus, the site's links) is furniture
  // as a whole, as the header's menus are: its names are links, not what the article names.
  let footerShort = 0;
  for (const i of footer) if (wordCount(lines[i]!) <= 3) footerShort++;
  // (Lines that carry a fact the reader takes later stay: an address, a "Source:" field.)
  // (…and a line of a paragraph stays: a PDF's or a wrapped text's paragraphs end in a short line
  // — "Schroeder." — but a block of lines with a sentence-long one among them is text, not a menu.)
  if (footer.length >= 6 && footerShort * 2 >= footer.length) {
    const inParagraph = paragraphLines(lines, footerRest);
    for (const i of footerRest) if (!inParagraph.has(i) && !lines[i]!.includes('://') && !/^[\p{L} ]{2,30}:\s/u.test(lines[i]!)) zones.consumed.add(i);
  }
  zones.date ??= footerPublished ?? footerDate ?? headerYear ?? createdDate;
  // A contact block names the publisher; otherwise a name the domain table knows beats a line that
  // only looks like an outlet's ("Presidential Executive Office 2020" under a page of "President of Russia").
  const lineOutlet = footerOutlet ?? headerOutlet ?? taglineOutlet;
  const known = [footerOutlet, headerOutlet, taglineOutlet].find((o) => o && isKnownOutletName(o)) ?? null;
  zones.outlet = addressOutlet ?? known ?? (lineOutlet && knownOutlet && !isKnownOutletName(lineOutlet) ? knownOutlet : lineOutlet ?? knownOutlet);
  return zones;
}

/** Which of the lines `at` are in a block of consecutive lines that ends a sentence and of which at least half have more than 8 words. */
function paragraphLines(lines: string[], at: readonly number[]): Set<number> {
  const out = new Set<number>();
  const long = new Map<number, boolean>(); // block start -> it has a long line
  const startOf = new Map<number, number>(); // line -> its block's first line (one walk back per block)
  for (const i of [...at].sort((a, b) => a - b)) {
    let start = i;
    while (start > 0 && lines[start - 1] !== '' && !startOf.has(start - 1)) start--;
    if (start > 0 && lines[start - 1] !== '') start = startOf.get(start - 1)!;
    startOf.set(i, start);
    let has = long.get(start);
    if (has === undefined) {
      let end = start;
      let count = 0, longLines = 0;
      for (let j = start; j < lines.length && lines[j] !== ''; j++) {
        count++;
        if (wordCount(lines[j]!) > 8) longLines++;
        end = j;
      }
      // …and that ends a sentence (menus and credit lines do not). At least half its lines are long: a page's
      // hundreds of menu lines run on into its text with no blank line between are no paragraph.
      has = longLines > 0 && longLines * 2 >= count && /[.!?]["”’)]?$/.test(lines[end]!.trim());
      long.set(start, has);
    }
    if (has) out.add(i);
  }
  return out;
}

/** The index of the first non-empty line after `i` (or -1). */
function nextLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j] !== '') return j;
  return -1;
}

function stripEmphasis(line: string): string {
  return trimChars(line, '*_');
}
