// Sentence boundaries in an article's cleaned body, for the dossier's "what the source says" lines.
// A sentence ends at a line break (unless it is a soft wrap, below), or at . ! ? … (with any closing
// quotes or brackets after it) followed by white space and a capital letter, an opening quote or a
// digit — unless the full stop closes an abbreviation ("Mr.", "Gen.", "U.S.", an initial "H.").
//
// The scans jump from one possible end (. ! ? … or a line break) to the next with the engine's own
// search (`STOP`, one character class: it cannot backtrack), so a dossier's first open, which runs
// this code before the engine has compiled it, does not walk every character in interpreted code;
// each possible end is then tested on character codes (no strings made for ASCII text).
//
// Soft wraps. A hard-wrapped plain-text article (or a PDF's text) breaks its paragraphs wherever a line
// was full; such a break is read as a space, so the sentence runs on over it and ends at its . ! ? …
// as on one line. Which breaks those are the entity layer decides (`softWraps` in entities/tokens.ts:
// line width, list items, headings, tables, blank lines), computed once per body by the caller and
// passed in (each function here computes it itself when not given it). One more break is read as a
// space here: in a text that has soft wraps, the break after a full stop that closes an abbreviation or
// an initial ("Mr.", "Gen.", "H.") at the end of a long line, before a line that starts with a letter —
// softWraps keeps every line that ends in a full stop, but on one line "Mr. Smith" ends no sentence.
// Every other break ends the sentence as before. Whether a break is hard is decided in constant time.

import { MIN_WRAP_WIDTH, softWraps } from '../entities/tokens';

/** The soft wraps of a text, as `softWraps` gives them: the positions of its "\n"s that are wraps. */
export type SoftWraps = ReadonlySet<number> | null;

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Words after which a full stop is no sentence end, folded to lower case without the stop. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'rev',
  'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'fig', 'vol',
  'pres', 'amb', 'sec', 'min', 'u.s', 'u.k', 'u.n', 'e.u',
]);

/** Closing quotes and brackets that may follow a sentence's terminator: " ' ” ’ ) ] ». */
function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93 || code === 0xbb;
}

/** Opening quotes and brackets a sentence may start with: " ' “ ‘ ( [ « ¿ ¡. */
function isOpener(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201c || code === 0x2018 || code === 40 || code === 91 || code === 0xab || code === 0xbf || code === 0xa1;
}

/** Whether the character (one UTF-16 unit) at `i` is an upper-case letter. */
function isUpperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // ASCII without allocating; other scripts by case mapping.
  if (code < 128) return code >= 65 && code <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A cased letter (one with distinct upper and lower forms) at `i`. */
function isCasedLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const ch = text[i]!;
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** What `/\s/` matches (white space and line terminators), on one UTF-16 unit. */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** No abbreviation in the list is longer than this: longer words need no slice to be told apart. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Whether the full stop at `stop` closes an initial ("H.") or a known abbreviation ("Gen.", "U.S."). */
function closesAbbreviation(text: string, stop: number): boolean {
  // The word before it: letters and inner full stops, at most 12 characters back — but a word
  // longer than every abbreviation is none, so no further back than that.
  let start = stop;
  while (start > 0 && stop - start < 12 && stop - start <= LONGEST_ABBREVIATION) {
    if (text.charCodeAt(start - 1) === 46 || isCasedLetterAt(text, start - 1)) start--;
    else break;
  }
  const length = stop - start;
  // (Lower-casing never shortens a word; it lengthens a dotted capital I, which then is no initial.)
  if (length === 1) return (text.charCodeAt(stop - 1) < 128 || text[stop - 1]!.toLowerCase().length === 1) && isUpperAt(text, stop - 1);
  return length > 1 && length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(start, stop).toLowerCase());
}

function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** A line that ends in an abbreviation is taken for a wrapped one when it is at least this long (the least
 *  width at which softWraps finds wraps at all). */
const WRAPPED_LINE = MIN_WRAP_WIDTH;

/** Spaces and a carriage return at the end of a line (before its "\n"), at most this many, are looked past. */
const TRAILING_LOOK = 8;

/**
 * Whether the "\n" at `nl` follows a full stop that closes an abbreviation at the end of a long line and
 * comes before a line that starts with a letter: read as a space (see the head of this file). Bounded work.
 */
function wrapsAfterAbbreviation(text: string, nl: number): boolean {
  let stop = nl - 1;
  while (stop >= 0 && nl - stop <= TRAILING_LOOK && (isSpace(text.charCodeAt(stop)) || text.charCodeAt(stop) === 13)) stop--;
  if (stop < 1 || text.charCodeAt(stop) !== 46 || isTerminator(text.charCodeAt(stop - 1))) return false;
  if (!closesAbbreviation(text, stop)) return false;
  // A long line: no line break in the WRAPPED_LINE characters before the stop.
  if (stop < WRAPPED_LINE) return false;
  for (let j = stop - 1; j >= stop - WRAPPED_LINE; j--) if (isLineBreak(text.charCodeAt(j))) return false;
  let next = nl + 1;
  while (next < text.length && next - nl <= TRAILING_LOOK && isSpace(text.charCodeAt(next))) next++;
  return next < text.length && isCasedLetterAt(text, next);
}

/**
 * Whether the line break at `i` (a "\n", or a "\r") ends a sentence: always without soft wraps; with them,
 * unless it is one (or the "\r" before one), or the break after an abbreviation that wrapsAfterAbbreviation
 * reads as a space.
 */
export function hardBreakAt(text: string, i: number, soft: SoftWraps): boolean {
  if (!soft) return true;
  let nl = i;
  if (text.charCodeAt(i) === 13) {
    if (text.charCodeAt(i + 1) !== 10) return true;
    nl = i + 1;
  }
  return !soft.has(nl) && !wrapsAfterAbbreviation(text, nl);
}

/** The characters a sentence can end at: one class, no quantifier (no backtracking), matched natively. */
const STOP = /[.!?\u2026\n\r]/g;

/** The first terminator or line break at or after `from`, or -1. Linear: it reads up to what it finds. */
export function nextStop(text: string, from: number): number {
  if (from >= text.length) return -1;
  STOP.lastIndex = from;
  return STOP.test(text) ? STOP.lastIndex - 1 : -1;
}

/**
 * When the terminator at `i` ends a sentence, where that sentence ends (after the run of
 * terminators and closing quotes); otherwise -1. `soft`: the text's soft wraps (none when not given).
 */
export function sentenceEndAt(text: string, i: number, soft: SoftWraps = null): number {
  const n = text.length;
  const code = text.charCodeAt(i);
  if (!isTerminator(code)) return -1;
  let end = i + 1;
  // "..." and "?!" end together.
  while (end < n && isTerminator(text.charCodeAt(end))) end++;
  while (end < n && isCloser(text.charCodeAt(end))) end++;
  if (end >= n) return end;
  const after = text.charCodeAt(end);
  // A break read as a space can only follow an abbreviation's full stop (softWraps keeps every line that
  // ends in . ! ? …), which on one line ends no sentence either.
  if (isLineBreak(after)) return hardBreakAt(text, end, soft) ? end : -1;
  if (!isSpace(after)) return -1;
  let next = end + 1;
  while (next < n && isSpace(text.charCodeAt(next))) next++;
  if (next >= n) return end;
  const following = text.charCodeAt(next);
  if (!(isUpperAt(text, next) || isOpener(following) || isDigit(following) || isLineBreak(following))) return -1;
  // An initial ("H. W. Bush") or a known abbreviation does not end the sentence.
  if (code === 46 && end === i + 1 && closesAbbreviation(text, i)) return -1;
  return end;
}

/** The end of the run of terminators that starts at `i`. */
function runEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isTerminator(text.charCodeAt(j))) j++;
  return j;
}

function trimmed(text: string, start: number, end: number): SentenceSpan | null {
  let s = start, e = end;
  while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
  while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * Splits `text` into trimmed, non-empty sentence spans, in order. Linear in the text's length. `soft`:
 * the text's soft wraps (computed here when not given).
 */
export function splitSentences(text: string, soft: SoftWraps = softWraps(text)): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span) spans.push(span);
  };
  for (let i = nextStop(text, 0); i >= 0; i = nextStop(text, i + 1)) {
    if (isLineBreak(text.charCodeAt(i))) {
      if (hardBreakAt(text, i, soft)) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    const end = sentenceEndAt(text, i, soft);
    if (end < 0) {
      // Skip the rest of this run of terminators, as the boundary test did.
      i = runEnd(text, i) - 1;
      continue;
    }
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return spans;
}

/**
 * Where the sentence holding a place at `start` begins, scanning back one character at a time from
 * just before `below` (the place itself, or a point after which there is no valid end before it).
 */
function startBefore(text: string, start: number, below: number, soft: SoftWraps): number {
  for (let j = below - 1; j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (isLineBreak(code)) {
      if (hardBreakAt(text, j, soft)) return j + 1;
      continue;
    }
    if (isTerminator(code)) {
      // The first terminator of a run decides, as in the forward split.
      let first = j;
      while (first > 0 && isTerminator(text.charCodeAt(first - 1))) first--;
      const e = sentenceEndAt(text, first, soft);
      if (e >= 0 && e <= start) return e;
      j = first;
    }
  }
  return 0;
}

/**
 * Where the sentence holding a place at `start` begins: the possible ends in `from..start` are found
 * forward with the native search and the nearest valid one wins, as the backward scan would decide;
 * only when there is none is the text before `from` read, backwards (the result is startBefore's
 * whatever `from` is; `from` only saves reading the text again: the end of the sentence before).
 */
function startAfter(text: string, start: number, from: number, soft: SoftWraps): number {
  // The possible ends (a hard line break, a run of terminators) in from..start, then tested nearest first.
  const candidates = scratch;
  candidates.length = 0;
  for (let j = nextStop(text, from); j >= 0 && j < start; j = nextStop(text, j + 1)) {
    if (isLineBreak(text.charCodeAt(j))) {
      if (hardBreakAt(text, j, soft)) candidates.push(j);
      continue;
    }
    candidates.push(j);
    j = runEnd(text, j) - 1;
  }
  for (let k = candidates.length - 1; k >= 0; k--) {
    const j = candidates[k]!;
    if (isLineBreak(text.charCodeAt(j))) return j + 1;
    // The first terminator of a run decides (a run may begin before `from`).
    let first = j;
    while (first > 0 && isTerminator(text.charCodeAt(first - 1))) first--;
    const e = sentenceEndAt(text, first, soft);
    if (e >= 0 && e <= start) return e;
  }
  return from > 0 ? startBefore(text, start, from, soft) : 0;
}

/** Reused by startAfter (no array made per mention). */
const scratch: number[] = [];

/** Where the sentence holding a place that ends at `end` ends (before trimming). */
function endAfter(text: string, end: number, soft: SoftWraps): number {
  for (let j = nextStop(text, end); j >= 0; j = nextStop(text, j + 1)) {
    if (isLineBreak(text.charCodeAt(j))) {
      if (hardBreakAt(text, j, soft)) return j;
      continue;
    }
    const e = sentenceEndAt(text, j, soft);
    if (e >= 0) return e;
    j = runEnd(text, j) - 1;
  }
  return text.length;
}

/**
 * The sentence holding `start..end`, found by scanning outwards from it only (the dossier needs a
 * few sentences of long articles, not all of them). Agrees with splitSentences: the span is the
 * one splitSentences gives that contains the range. `soft`: the text's soft wraps (when not given,
 * found here, which reads the whole text once: a caller with several places passes them).
 */
export function sentenceAround(text: string, start: number, end: number, soft: SoftWraps = softWraps(text)): SentenceSpan {
  return trimmed(text, startBefore(text, start, start, soft), endAfter(text, end, soft)) ?? { start, end };
}

/**
 * The sentence holding each of `ranges` (in text order), each as sentenceAround gives it, in one
 * forward pass over the text: a range's sentence start is looked for from the end of the sentence
 * before it on. A range that starts inside the sentence of the range before it gets that same span
 * object (so a caller tells "another mention in the same sentence" by identity). `soft`: the text's
 * soft wraps (found here when not given).
 */
export function sentencesAround(text: string, ranges: readonly { start: number; end: number }[],
  soft: SoftWraps = softWraps(text)): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let floor = 0;
  let current: SentenceSpan | null = null;
  for (const range of ranges) {
    if (current && range.start < current.end && range.start >= current.start) {
      spans.push(current);
      continue;
    }
    // A range before the last sentence's end (out of order): look back from it, as sentenceAround does.
    const from = range.start >= floor ? startAfter(text, range.start, floor, soft) : startBefore(text, range.start, range.start, soft);
    const to = endAfter(text, range.end, soft);
    current = trimmed(text, from, to) ?? { start: range.start, end: range.end };
    spans.push(current);
    if (to > floor) floor = to;
  }
  return spans;
}
