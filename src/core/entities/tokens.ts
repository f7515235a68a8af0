// Splitting article text into word tokens with positions, shared by the country and person passes.

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
}

// Letter runs joined by single apostrophes or hyphens ("Diaz-Canel", "O'Brien", "Lavrov's"), or
// dotted initials ("H.W."). No nested quantifier over overlapping classes, so no backtracking.
const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

const foldMemo = memoizeString((text) => foldUncached(text));

/** Accent-folded lower case; ASCII words skip the memo (lower-casing them is cheaper than a lookup). */
export function fold(text: string): string {
  return NON_ASCII_RE.test(text) ? foldMemo(text) : text.toLowerCase();
}

function foldUncached(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‐]/g, (c) => (c === '’' ? "'" : '-')).toLowerCase();
}

const SENTENCE_GAP_RE = /[.!?:;"“”‘«»()\n—–]|\s-\s/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD_RE)) {
    let word = m[0];
    const start = m.index!;
    let possessive = false;
    // Character tests rather than regexes: this runs for every word of every article.
    const last = word.charCodeAt(word.length - 1);
    const beforeLast = word.charCodeAt(word.length - 2);
    if (last === 115 /* s */ && (beforeLast === 39 || beforeLast === 0x2019) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (last === 39 || last === 0x2019) word = word.slice(0, -1);
    const gap = text.slice(previousEnd, start);
    const first = word[0] ?? '';
    const capitalised = first !== first.toLowerCase();
    tokens.push({
      text: word,
      key: fold(word),
      start,
      end: start + m[0].length,
      gap,
      possessive,
      capitalised,
      allCaps: capitalised && word.length >= 2 && word === word.toUpperCase(),
      sentenceStart: tokens.length === 0 || (gap !== ' ' && SENTENCE_GAP_RE.test(gap)),
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}
