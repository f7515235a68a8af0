// The former definition (commit 542b612), kept unchanged as the reference the dossier's property tests
// compare the current finder with: same sentences, same highlights, on the seeds and on random text.

// Sentence boundaries in an article's cleaned body, for the dossier's "what the source says" lines.
// One forward scan over character codes (no regular expression runs over article text): a sentence
// ends at a line break, or at . ! ? … (with any closing quotes or brackets after it) followed by
// white space and a capital letter, an opening quote or a digit — unless the full stop closes an
// abbreviation ("Mr.", "Gen.", "U.S.", an initial "H.").

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

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '«', '¿', '¡']);

function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // ASCII without allocating; other scripts by case mapping.
  if (code < 128) return code >= 65 && code <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A cased letter (one with distinct upper and lower forms). */
function isCasedLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** No abbreviation in the list is longer than this: longer words need no slice to be told apart. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Whether the full stop at `stop` closes an initial ("H.") or a known abbreviation ("Gen.", "U.S."). */
function closesAbbreviation(text: string, stop: number): boolean {
  // The word before it: letters and inner full stops, at most 12 characters back.
  let start = stop;
  while (start > 0 && stop - start < 12) {
    const ch = text[start - 1]!;
    if (ch === '.' || isCasedLetter(ch)) start--;
    else break;
  }
  const length = stop - start;
  // (Lower-casing never shortens a word; it lengthens a dotted capital I, which then is no initial.)
  if (length === 1) return text[stop - 1]!.toLowerCase().length === 1 && isUpper(text[stop - 1]!);
  return length > 1 && length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(start, stop).toLowerCase());
}

function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * When the terminator at `i` ends a sentence, where that sentence ends (after the run of
 * terminators and closing quotes); otherwise -1.
 */
export function sentenceEndAt(text: string, i: number): number {
  const n = text.length;
  const code = text.charCodeAt(i);
  if (!isTerminator(code)) return -1;
  let end = i + 1;
  // "..." and "?!" end together.
  while (end < n && isTerminator(text.charCodeAt(end))) end++;
  while (end < n && CLOSERS.has(text[end]!)) end++;
  if (end >= n) return end;
  if (isLineBreak(text.charCodeAt(end))) return end;
  if (!isSpace(text.charCodeAt(end))) return -1;
  let next = end;
  while (next < n && isSpace(text.charCodeAt(next))) next++;
  if (next >= n) return end;
  const following = text[next]!;
  if (!(isUpper(following) || OPENERS.has(following) || isDigit(text.charCodeAt(next)) || isLineBreak(text.charCodeAt(next)))) return -1;
  // An initial ("H. W. Bush") or a known abbreviation does not end the sentence.
  if (code === 46 && end === i + 1 && closesAbbreviation(text, i)) return -1;
  return end;
}

function trimmed(text: string, start: number, end: number): SentenceSpan | null {
  let s = start, e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Splits `text` into trimmed, non-empty sentence spans, in order. Linear in the text's length. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    const span = trimmed(text, start, end);
    if (span) spans.push(span);
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      push(i);
      start = i + 1;
      continue;
    }
    if (!isTerminator(code)) continue;
    const end = sentenceEndAt(text, i);
    if (end < 0) {
      // Skip the rest of this run of terminators, as the boundary test did.
      while (i + 1 < n && isTerminator(text.charCodeAt(i + 1))) i++;
      continue;
    }
    push(end);
    start = end;
    i = end - 1;
  }
  push(n);
  return spans;
}

/**
 * The sentence holding `start..end`, found by scanning outwards from it only (the dossier needs a
 * few sentences of long articles, not all of them). Agrees with splitSentences: the span is the
 * one splitSentences gives that contains the range.
 */
export function sentenceAround(text: string, start: number, end: number): SentenceSpan {
  let from = 0;
  for (let j = start - 1; j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (isLineBreak(code)) { from = j + 1; break; }
    if (isTerminator(code)) {
      // The first terminator of a run decides, as in the forward split.
      let first = j;
      while (first > 0 && isTerminator(text.charCodeAt(first - 1))) first--;
      const e = sentenceEndAt(text, first);
      if (e >= 0 && e <= start) { from = e; break; }
      j = first;
    }
  }
  let to = text.length;
  for (let j = end; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (isLineBreak(code)) { to = j; break; }
    if (isTerminator(code)) {
      const e = sentenceEndAt(text, j);
      if (e >= 0) { to = e; break; }
      while (j + 1 < text.length && isTerminator(text.charCodeAt(j + 1))) j++;
    }
  }
  return trimmed(text, from, to) ?? { start, end };
}
