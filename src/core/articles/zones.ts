// The header and footer zones of an article file: the short lines above the first paragraph of
// prose and below the last one. Saved pages put their metadata and furniture there — banners,
// breadcrumbs, the outlet's name, date lines, bylines, "Share" / "Print" / "Tags" lines — and the
// reader must take the facts from them and keep them out of the title and the body.
//
// One pass over the lines, each classified by anchored patterns on that one short line (nothing
// here runs a pattern over a paragraph of prose), so the cost is linear in the file.

import { parseByline } from './byline';
import { parseDateLine } from './dateLines';
import { DOMAIN_LINE_RE, isOutletLine, outletFromHost } from './outlets';
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
}

const HEADER_LINES = 20;
const FOOTER_LINES = 15;

const FURNITURE_RE = new RegExp('^(?:' + [
  'share', 'share this(?: article| story| page)?:?', 'print', 'print this page', 'email', 'e-mail', 'tweet', 'facebook', 'twitter',
  'whatsapp', 'linkedin', 'copy link', 'jump to navigation(?: jump to search)?', 'jump to search', 'skip to (?:main )?content',
  'menu', 'search', 'subscribe', 'sign in', 'log in', 'advertisement', 'sources?', 'related(?: articles| stories| content)?:?',
  'read more', 'listen to this article', 'back to top', 'top', 'comments', 'show comments', 'close', 'toggle navigation',
  '(?:categories|category|tags?|topics?|keywords|filed under)\\s*:.{0,200}',
  'an official website of the .{1,60}', 'here[\'’]s how you know', 'official websites use \\.gov.{0,80}',
  'secure \\.gov websites use https.{0,80}', 'this page has been automatically archived.{0,120}', 'got a correction\\?.{0,160}',
  'please note that the listed sources may no longer be available online\\.?',
].join('|') + ')$', 'i');
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
  return words >= 10 && /[.!?"”’)\]:]$/.test(line);
}

export function isFurniture(line: string): boolean {
  const bare = trimChars(line, EMPHASIS_AND_SPACE);
  return bare.length <= 240 && (FURNITURE_RE.test(bare) || BREADCRUMB_RE.test(bare));
}

export function readZones(lines: string[]): Zones {
  const zones: Zones = { consumed: new Set(), date: null, updatedDate: null, author: null, outlet: null };
  const header: number[] = [];
  let excerpt = false;
  for (let i = 0; i < lines.length && header.length < HEADER_LINES; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    // MarkDownload's `> ## Excerpt` block (the page's description, not the text) and rules.
    if (EXCERPT_RE.test(line)) excerpt = true;
    else if (!(excerpt && line.startsWith('>'))) excerpt = false;
    if (excerpt || RULE_RE.test(line)) {
      zones.consumed.add(i);
      continue;
    }
    if (isProse(line)) break;
    header.push(i);
  }
  const footer: number[] = [];
  const firstProse = header.length ? header[header.length - 1]! + 1 : 0;
  for (let i = lines.length - 1; i >= firstProse && footer.length < FOOTER_LINES; i--) {
    if (lines[i] === '') continue;
    if (isProse(lines[i]!)) break;
    footer.push(i);
  }

  let headerOutlet: string | null = null;
  let footerOutlet: string | null = null;
  let taglineOutlet: string | null = null;
  let footerDate: string | null = null;
  const classify = (i: number, inHeader: boolean): boolean => {
    const line = lines[i]!;
    const tagline = TAGLINE_RE.exec(line);
    if (tagline) {
      taglineOutlet ??= tagline[1]!.trim();
      return true;
    }
    if (isFurniture(line)) return true;
    const date = parseDateLine(line);
    if (date) {
      if (date.updated) zones.updatedDate ??= date.date;
      else if (inHeader) zones.date ??= date.date;
      else footerDate ??= date.date;
      return true;
    }
    const byline = parseByline(line);
    if (byline) {
      zones.author ??= byline.author;
      if (byline.outlet) headerOutlet ??= byline.outlet;
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
  for (const i of header) if (classify(i, true)) zones.consumed.add(i); else headerRest.push(i);
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
  // The outlet as the last line ("The White House", "Wikinews"); footerRest runs from the end.
  if (footerRest.length && isOutletLine(stripEmphasis(lines[footerRest[0]!]!))) {
    footerOutlet ??= stripEmphasis(lines[footerRest[0]!]!);
    zones.consumed.add(footerRest[0]!);
  }
  zones.date ??= footerDate;
  zones.outlet = footerOutlet ?? headerOutlet ?? taglineOutlet;
  return zones;
}

/** The index of the first non-empty line after `i` (or -1). */
function nextLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j] !== '') return j;
  return -1;
}

function stripEmphasis(line: string): string {
  return trimChars(line, '*_');
}
