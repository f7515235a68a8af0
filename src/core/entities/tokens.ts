// Splitting article text into word tokens with positions, shared by the country and person passes.
// A hand-written scanner over character codes (ASCII fast paths, a lazily filled table for other
// characters): this runs over every word of every article, so it avoids regexes and keeps the
// strings it makes to the words themselves (a one-space gap, the commonest, is a shared constant).

import { memoizeString } from '../memo';

export interface Token {
  /** The word as written, without a possessive ending or a trailing full stop. */
  text: string;
  /** Accent-folded, lower-cased form for lookups. */
  key: string;
  start: number;
  end: number;
  /** Punctuation or space between the previous token and this one ("" when adjacent). */
  gap: string;
  possessive: boolean;
  /** First letter upper case. */
  capitalised: boolean;
  /** Two or more letters, all upper case ("MOSCOW", "US"). */
  allCaps: boolean;
  /** First token of a sentence, a quotation, a line or a heading. */
  sentenceStart: boolean;
  /** Scratch space for the person pass (lexicon bits of this word), -1 until computed. */
  flags: number;
}

const NON_ASCII_RE = /[^\x00-\x7f]/;

const foldMemo = memoizeString((text) => foldUncached(text));

/** Accent-folded lower case; ASCII words skip the memo (lower-casing them is cheaper than a lookup). */
export function fold(text: string): string {
  return NON_ASCII_RE.test(text) ? foldMemo(text) : text.toLowerCase();
}

function foldUncached(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‐]/g, (c) => (c === '’' ? "'" : '-')).toLowerCase();
}

// Character classes: 1 word character (letter, mark, digit), 2 upper-case letter (also a word
// character), 0 anything else. Filled on first sight for non-ASCII code units.
const CLASS = new Uint8Array(0x10000);
const KNOWN = new Uint8Array(0x10000);
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER_RE = /^\p{Lu}$/u;
for (let c = 0; c < 128; c++) {
  KNOWN[c] = 1;
  if (c >= 65 && c <= 90) CLASS[c] = 2;
  else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) CLASS[c] = 1;
}

function classOf(c: number): number {
  if (KNOWN[c]) return CLASS[c]!;
  KNOWN[c] = 1;
  // Surrogates: a letter outside the BMP is rare in news text; count both halves as word characters.
  const ch = String.fromCharCode(c);
  const cls = c >= 0xd800 && c <= 0xdfff ? 1 : UPPER_RE.test(ch) ? 2 : WORD_CHAR_RE.test(ch) ? 1 : 0;
  CLASS[c] = cls;
  return cls;
}

/** The kept word text[start, end) is (lower-case ASCII), as the set's own string; "" for a kept hyphenated
 *  word ("al-Assad"), which the caller slices; null when the word is dropped. */
function keptWord(keep: KeepTable, text: string, start: number, end: number): string | null {
  const length = end - start;
  if (length > MAX_KEPT) return null;
  // Most words fail on (length, first letter, last letter) before anything else.
  if (!keep.filter[signature(length, text.charCodeAt(start), text.charCodeAt(end - 1))]) {
    for (let i = start + 1; i < end - 1; i++) if (text.charCodeAt(i) === 45) return '';
    return null;
  }
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) return '';
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  return keptByHash(keep, text, start, length, hash);
}

/** The set's own string equal to text[start, start + length), whose hash (as in tableFor) is `hash`; else null. */
function keptByHash(keep: KeepTable, text: string, start: number, length: number, hash: number): string | null {
  const candidates = keep.byHash.get(hash);
  if (!candidates) return null;
  // Compare characters: no string is made for a word that is dropped, nor for one that is kept.
  outer: for (const word of candidates) {
    if (word.length !== length) continue;
    for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) continue outer;
    return word;
  }
  return null;
}

const MAX_KEPT = 15;
const signature = (length: number, first: number, last: number) => (length * 128 + (first & 127)) * 128 + (last & 127);

interface KeepTable {
  filter: Uint8Array;
  byHash: Map<number, string[]>;
}

const tables = new WeakMap<ReadonlySet<string>, KeepTable>();

function tableFor(keep: ReadonlySet<string>): KeepTable {
  let table = tables.get(keep);
  if (!table) {
    table = { filter: new Uint8Array((MAX_KEPT + 1) * 128 * 128), byHash: new Map() };
    for (const word of keep) {
      if (word.length > MAX_KEPT) continue;
      table.filter[signature(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1))] = 1;
      let hash = 0;
      for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
      const list = table.byHash.get(hash);
      if (list) list.push(word);
      else table.byHash.set(hash, [word]);
    }
    tables.set(keep, table);
  }
  return table;
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 0x2010;

// Soft wraps. A PDF's text, and a hard-wrapped plain-text article (an e-mail, a Project Gutenberg text, a
// terminal's copy), keeps its visual lines: a paragraph is broken wherever the line was full, often inside a
// name ("the German Chancellor, Gerhard / Schroeder"). A careful reader reads such a break as a space. A line
// break is a soft wrap when the line before it
//   - does not end a sentence (. ! ? : ; … with any closing quotes or brackets after them),
//   - is no heading, table row or quotation ("#", "|", ">" first; a run of three spaces or a tab inside), and
//   - was full: with the next line's first word it would reach 80 % of the text's line width, the length
//     90 % of its lines stay within (a date line, a byline, a headline, a menu entry are short lines; a
//     text whose paragraphs are one line each has a width of hundreds of characters, so none of its
//     breaks is a wrap, nor is any in a text whose lines are all shorter than 40 characters);
// and the next line is no list item ("- ", "* ", "+ ", "• ", "› ", "1. ", "2) "), heading, table row or
// quotation either. A blank line is always a break. Two passes over the lines, each character seen a
// bounded number of times; no regular expression.

const WRAP_RATIO = 0.8;
export const MIN_WRAP_WIDTH = 40;
const WIDTH_CAP = 1024;

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;

/** The positions of the line breaks of `text` that are soft wraps (see above); null when there are none. */
export function softWraps(text: string): Set<number> | null {
  const soft = findSoftWraps(text);
  // A huge text's line table is not kept for the next one.
  if (bounds.length > 3 * 4096) bounds = new Int32Array(3 * 256);
  return soft;
}

function findSoftWraps(text: string): Set<number> | null {
  const n = text.length;
  const first = text.indexOf('\n');
  if (first < 0) return null;
  // Pass 1: each line's content [start, end) without its surrounding spaces; and whether any break could be a
  // wrap at all (two non-blank lines, the first not ending a sentence, the second no list item), which most
  // texts' breaks (blank lines between one-line paragraphs) are not.
  let lines = 0;
  let nonBlank = 0;
  let candidates = 0;
  for (let from = 0; from <= n; lines++) {
    let to = lines === 0 ? first : text.indexOf('\n', from);
    if (to < 0) to = n;
    let start = from;
    while (start < to && isSpace(text.charCodeAt(start))) start++;
    let end = to;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (3 * lines + 3 > bounds.length) {
      const grown = new Int32Array(2 * bounds.length + 3 * lines + 3);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[3 * lines] = from;
    bounds[3 * lines + 1] = start;
    bounds[3 * lines + 2] = end;
    if (end > start) {
      nonBlank++;
      const previousStart = lines ? bounds[3 * lines - 2]! : 0, previousEnd = lines ? bounds[3 * lines - 1]! : 0;
      if (previousEnd > previousStart && !endsSentence(text, previousStart, previousEnd) && !listItemAt(text, start, end)) candidates++;
    }
    from = to + 1;
  }
  if (!candidates || nonBlank < 2) return null;
  // The width: the least length that 90 % of the non-blank lines do not exceed.
  counts.fill(0);
  for (let k = 0; k < lines; k++) {
    const from = bounds[3 * k]!, end = bounds[3 * k + 2]!;
    if (end > bounds[3 * k + 1]!) counts[Math.min(end - from, WIDTH_CAP)]!++;
  }
  let width = 0;
  for (let seen = 0, want = Math.ceil(0.9 * nonBlank); width < WIDTH_CAP; width++) {
    seen += counts[width]!;
    if (seen >= want) break;
  }
  if (width < MIN_WRAP_WIDTH) return null;
  // Pass 2: the breaks that are wraps.
  let soft: Set<number> | null = null;
  for (let k = 0; k + 1 < lines; k++) {
    const from = bounds[3 * k]!, start = bounds[3 * k + 1]!, end = bounds[3 * k + 2]!;
    const nextFrom = bounds[3 * k + 3]!, nextStart = bounds[3 * k + 4]!, nextEnd = bounds[3 * k + 5]!;
    if (end <= start || nextEnd <= nextStart || endsSentence(text, start, end) || listItemAt(text, nextStart, nextEnd)) continue;
    let word = nextStart;
    while (word < nextEnd && !isSpace(text.charCodeAt(word))) word++;
    if (end - from + 1 + (word - nextStart) < WRAP_RATIO * width) continue;
    if (plainLineAt(text, start, end) && plainLineAt(text, nextStart, nextEnd)) (soft ??= new Set()).add(nextFrom - 1);
  }
  return soft;
}

/** Scratch space of softWraps, kept between calls: three numbers a line (its start, its content's start and end). */
let bounds = new Int32Array(3 * 256);
const counts = new Uint32Array(WIDTH_CAP + 1);

/** A line of running text: not a heading, table row or quotation, no run of three spaces or a tab inside. */
function plainLineAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const c0 = text.charCodeAt(start);
  if (c0 === 35 /* # */ || c0 === 124 /* | */ || c0 === 62 /* > */) return false;
  let spaces = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) return false;
    if (c === 32 || c === 0xa0) {
      if (++spaces === 3) return false;
    } else spaces = 0;
  }
  return true;
}

/** The line ends with sentence punctuation, closing quotes and brackets after it allowed. */
function endsSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  for (; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (!(c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a)) break;
  }
  if (i < start) return true;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2026;
}

/** A list item's first line: "- ", "* ", "+ ", "• ", "› ", "– ", "— " or a number and "." or ")" before a space. */
function listItemAt(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c === 45 || c === 42 || c === 43 || c === 0x2022 || c === 0x203a || c === 0x2013 || c === 0x2014 || c === 0xb7) return true;
  let i = start;
  while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === start || i - start > 3 || i + 1 >= end) return false;
  const after = text.charCodeAt(i);
  return (after === 46 || after === 41) && isSpace(text.charCodeAt(i + 1));
}

/** Sentence punctuation in a gap: . ! ? : ; quotes, brackets, line breaks (not soft wraps), dashes, or " - ". */
function sentenceGap(text: string, from: number, to: number, soft: Set<number> | null): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 10:
        if (!soft || !soft.has(i)) return true;
        break;
      case 46: case 33: case 63: case 58: case 59: case 34: case 40: case 41:
      case 0x201c: case 0x201d: case 0x2018: case 0xab: case 0xbb: case 0x2014: case 0x2013:
        return true;
      case 45:
        if (i > from && i + 1 < to && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) return true;
    }
  }
  return false;
}

/** Whether the word at `start` opens a sentence: sentence punctuation right before it, after the last word seen
 *  (kept or dropped: `lastWordEnd`); `previousEnd` and `gap` are the last kept word's end and the gap from it. */
function sentenceStartAt(text: string, start: number, previousEnd: number, lastWordEnd: number, gap: string,
  soft: Set<number> | null): boolean {
  return lastWordEnd === 0 || (lastWordEnd === previousEnd ? gap !== ' ' && sentenceGap(text, previousEnd, start, soft)
    : sentenceGap(text, lastWordEnd, start, soft));
}

/** The text between two words; the common ones (" ", ", ", ". ", "") are shared constants, not new strings. A gap
 *  of white space around one soft wrap is one space, as the reader reads it. */
function gapOf(text: string, from: number, to: number, soft: Set<number> | null): string {
  const length = to - from;
  if (length === 1) {
    const c = text.charCodeAt(from);
    if (c === 32) return ' ';
    if (c === 10 && soft && soft.has(from)) return ' ';
  } else if (length === 2 && text.charCodeAt(from + 1) === 32) {
    const c = text.charCodeAt(from);
    if (c === 44) return ', ';
    if (c === 46) return '. ';
  } else if (length === 0) return '';
  if (soft && length <= 8) {
    let breaks = 0;
    let wrap = true;
    for (let i = from; i < to && wrap; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) wrap = ++breaks === 1 && soft.has(i);
      else wrap = isSpace(c);
    }
    if (wrap && breaks === 1) return ' ';
  }
  return text.slice(from, to);
}

/** What a token takes from its word as written: a pure function of text[start, end). */
interface Word {
  /** text[start, end) itself, to compare with. */
  raw: string;
  text: string;
  key: string;
  possessive: boolean;
  capitalised: boolean;
  allCaps: boolean;
}

// The words seen, by a hash of text[start, end): the vocabulary of a corpus repeats, so most words are found here
// without slicing, lower-casing or folding them again, and every token of a word shares one text and one key string
// (whose hashes the later Map and Set lookups of both passes then compute once, not once a token). Cleared when it
// grows past WORDS_LIMIT, which keeps memory flat on huge corpora. A hash's bucket holds at most BUCKET_LIMIT words
// (a word past it is made afresh each time): words that share a hash ("Aa…" and "BB…") would otherwise make every
// look-up scan a bucket as long as the text, quadratic on a hostile file.
const words = new Map<number, Word | Word[]>();
let wordCount = 0;
const WORDS_LIMIT = 100_000;
const BUCKET_LIMIT = 8;

function wordAt(text: string, start: number, end: number, kept: string | null, ascii: boolean, upperInside: boolean,
  lowerInside: boolean, capitalised: boolean): Word {
  const length = end - start;
  let hash = length;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const found = words.get(hash);
  if (found !== undefined) {
    if (!Array.isArray(found)) {
      if (sameChars(found.raw, text, start, length)) return found;
    } else {
      for (const w of found) if (sameChars(w.raw, text, start, length)) return w;
    }
  }
  const w = newWord(text, start, end, kept, ascii, upperInside, lowerInside, capitalised);
  if (Array.isArray(found) && found.length >= BUCKET_LIMIT) return w;
  if (++wordCount > WORDS_LIMIT) {
    words.clear();
    wordCount = 1;
    words.set(hash, w);
  } else if (found === undefined) words.set(hash, w);
  else if (Array.isArray(found)) found.push(w);
  else words.set(hash, [found, w]);
  return w;
}

function sameChars(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function newWord(text: string, start: number, end: number, kept: string | null, ascii: boolean, upperInside: boolean,
  lowerInside: boolean, capitalised: boolean): Word {
  const raw = kept && end - start === kept.length ? kept : text.slice(start, end);
  let word = raw;
  if (!ascii && word.includes('\\')) word = word.replace(/\\(?=['’])/g, '');
  let possessive = false;
  const last = word.charCodeAt(word.length - 1);
  const beforeLast = word.charCodeAt(word.length - 2);
  if (last === 115 /* s */ && (beforeLast === 39 || beforeLast === 0x2019) && word.length > 2) {
    word = word.slice(0, -2);
    possessive = true;
  } else if (last === 39 || last === 0x2019) word = word.slice(0, -1);
  const key = ascii ? (capitalised || upperInside ? word.toLowerCase() : word) : fold(word);
  const allCaps = capitalised && word.length >= 2 && (ascii ? (word.length === end - start ? !lowerInside : !/[a-z]/.test(word)) : word === word.toUpperCase());
  return { raw, text: word, key, possessive, capitalised, allCaps };
}

/**
 * The words of `text`. With `keepLowercase`, a lower-case word is kept only when its key is in that set
 * (or it is hyphenated: "al-Assad"): the entity passes look at lower-case words only as titles, particles,
 * prepositions and verbs around names, and most words of an article are none of those. A dropped word
 * still shows in the next token's `gap`, so no two words around it ever look adjacent.
 */
export function tokenize(text: string, keepLowercase?: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let previousEnd = 0;
  let lastWordEnd = 0;
  const keepTable = keepLowercase ? tableFor(keepLowercase) : undefined;
  const soft = softWraps(text);
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    const cls0 = c0 < 128 ? CLASS[c0]! : classOf(c0);
    if (!cls0) {
      i++;
      continue;
    }
    // Fast path for the commonest word, a plain lower-case ASCII one ("railway", "would"), which the set
    // mostly does not keep: one pass over its letters that hashes them as it goes, and a dropped word is done
    // with at once. Whatever else the word may be (letters joined by an apostrophe or a hyphen, an escaped
    // apostrophe, a capital, a digit or a non-ASCII letter right after the letters; the "s" of a lone "'s")
    // takes the general way below from the word's start, as does a kept word ("the", "of").
    if (keepTable && c0 >= 97 && c0 <= 122) {
      let j = i + 1;
      let hash = c0;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 97 || c > 122) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        j++;
      }
      const after = j < n ? text.charCodeAt(j) : 32;
      const plain = after < 128 && CLASS[after] === 0 && after !== 39 && after !== 45 && after !== 92
        && !(j - i === 1 && c0 === 115 && text.charCodeAt(i - 1) === 39);
      if (plain) {
        const length = j - i;
        const kept = length > MAX_KEPT || !keepTable.filter[signature(length, c0, text.charCodeAt(j - 1))]
          ? null : keptByHash(keepTable, text, i, length, hash);
        // A kept one is its own text and key, lower case, no possessive (what the general way gives it).
        if (kept !== null) {
          const gap = gapOf(text, previousEnd, i, soft);
          tokens.push({ text: kept, key: kept, start: i, end: j, gap, possessive: false, capitalised: false, allCaps: false,
            sentenceStart: sentenceStartAt(text, i, previousEnd, lastWordEnd, gap, soft), flags: -1 });
          previousEnd = j;
        }
        lastWordEnd = j;
        i = j;
        continue;
      }
    }
    const start = i;
    let ascii = c0 < 128;
    let upperInside = false;
    let lowerInside = false;
    // Dotted initials: "U.S.", "H.W." (two or more upper-case letter + full stop pairs).
    if (cls0 === 2 && text.charCodeAt(i + 1) === 46 && i + 3 < n && classOf(text.charCodeAt(i + 2)) === 2 && text.charCodeAt(i + 3) === 46) {
      i += 4;
      while (i + 1 < n && classOf(text.charCodeAt(i)) === 2 && text.charCodeAt(i + 1) === 46) i += 2;
      upperInside = true;
      if (text.charCodeAt(start) >= 128) ascii = false;
    } else {
      i++;
      for (;;) {
        while (i < n) {
          const c = text.charCodeAt(i);
          const cls = c < 128 ? CLASS[c]! : classOf(c);
          if (!cls) break;
          if (c >= 128) ascii = false;
          else if (cls === 2) upperInside = true;
          else if (c >= 97) lowerInside = true;
          i++;
        }
        // An apostrophe a page escaped ("People\'s Republic", from a script's string): as if unescaped.
        if (i + 2 < n && text.charCodeAt(i) === 92 && isJoiner(text.charCodeAt(i + 1))) {
          const next = text.charCodeAt(i + 2);
          if ((next < 128 ? CLASS[next]! : classOf(next)) !== 0) {
            ascii = false;
            i += 2;
            continue;
          }
        }
        // Letter runs joined by single apostrophes or hyphens ("Diaz-Canel", "O'Brien", "Lavrov's").
        if (i + 1 < n && isJoiner(text.charCodeAt(i))) {
          const next = text.charCodeAt(i + 1);
          if ((next < 128 ? CLASS[next]! : classOf(next)) !== 0) {
            if (text.charCodeAt(i) >= 128) ascii = false;
            i++;
            continue;
          }
        }
        break;
      }
    }
    const end = i;
    let kept: string | null = null;
    if (keepLowercase && cls0 !== 2 && ascii && !upperInside) {
      // Lower-case ASCII word: look it up without making a string for it when it is not kept.
      const wordEnd = text.charCodeAt(end - 1) === 39 ? end - 1 : text.charCodeAt(end - 2) === 39 && text.charCodeAt(end - 1) === 115 ? end - 2 : end;
      kept = keptWord(keepTable!, text, start, wordEnd);
      if (kept === null) {
        lastWordEnd = end;
        continue;
      }
    }
    const w = wordAt(text, start, end, kept, ascii, upperInside, lowerInside, cls0 === 2);
    const gap = gapOf(text, previousEnd, start, soft);
    // A sentence starts after sentence punctuation right before this word (not before a dropped word).
    const sentenceStart = sentenceStartAt(text, start, previousEnd, lastWordEnd, gap, soft);
    tokens.push({
      text: w.text,
      key: w.key,
      start,
      end,
      gap,
      possessive: w.possessive,
      capitalised: w.capitalised,
      allCaps: w.allCaps,
      sentenceStart,
      flags: -1,
    });
    previousEnd = end;
    lastWordEnd = end;
  }
  return tokens;
}

const tableCopy = { encoder: new TextEncoder(), decoder: new TextDecoder() };
const SURROGATE_RE = /[\uD800-\uDFFF]/;

/**
 * `tokenize` for a text that comes from a table, a name list or a look-up rather than from an article: the country
 * tables' phrases, a country's or a person's forms for the dossier's matcher, a word looked up in the gazetteer. It
 * tokenises a fresh copy of the text. Such texts are often string literals (or short strings from JSON.parse), which
 * V8 keeps as internalised strings, a representation an article's text does not have. The country tables are built
 * on first use, inside the first article's person pass, and tokenising their literals as they were made V8 compile
 * the tokenizer's character reads for both kinds: every later article was tokenised more slowly. bench/entities.ts,
 * five alternating pairs: extraction 0.49-0.66 ms an article before, 0.36-0.49 ms with the copy; real dev-set text
 * tokenised at 33-45 ns a character before, 17-20 ns with it. A copy costs about a microsecond; callers make one per
 * table entry or per distinct looked-up text (cached). A text with surrogates is tokenised as it is: the UTF-8 round
 * trip would turn a lone one into U+FFFD.
 */
export function tokenizeTableText(text: string, keepLowercase?: ReadonlySet<string>): Token[] {
  return tokenize(SURROGATE_RE.test(text) ? text : tableCopy.decoder.decode(tableCopy.encoder.encode(text)), keepLowercase);
}

/** The words' keys joined by single spaces: how phrase tables (gazetteer, dossier matchers) key a run of tokens. */
export function phraseKey(tokens: readonly Token[]): string {
  return tokens.map((t) => t.key).join(' ');
}
