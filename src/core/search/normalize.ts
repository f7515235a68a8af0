// Terms as search compares them: ASCII-folded, lower-cased and run through a small transliteration
// normaliser, so that the spellings sources use for the same name meet in one term before any fuzzy
// matching: Sergey / Serguei / Sergei → "sergi", Ryabkov / Riabkov → "riabkov", Zakharova /
// Zajarova stay one edit apart, Dmitry / Dmitrii → "dmitri". The same function runs at indexing and
// at query time, so the normalised form never needs to be readable.

import { asciiFold } from '../keys';

/** Words and numbers, with their offsets in the text. */
const WORD_RE = /[\p{L}\p{N}]+/gu;

export interface Token {
  text: string;
  start: number;
  end: number;
}

export function tokenize(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

const LETTER_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_RE.test(text[i]!);
}

/** Words with offsets (a hand-written scanner: the hot path of passage finding). */
export function tokensWithOffsets(text: string, firstLetters?: Uint8Array): Token[] {
  const out: Token[] = [];
  let start = -1;
  let keep = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const word = i < text.length && isWordChar(code, text, i);
    if (word && start < 0) {
      start = i;
      // Words starting with an ASCII letter not in `firstLetters` are skipped (not sliced).
      keep = !firstLetters || code >= 128 || firstLetters[code] === 1;
    } else if (!word && start >= 0) {
      if (keep) out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The normalised form of one word (may be "" for words that fold to nothing). */
export function normalizeTerm(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let t = asciiFold(word).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t.length > 3) {
    t = t
      .replace(/^ye/, 'e') // Yevgeny / Evgeny
      .replace(/gu(?=[ei])/g, 'g') // Serguei / Sergei (Spanish and French spellings)
      .replace(/sch/g, 'sh') // Mischustin / Mishustin
      .replace(/kh/g, 'h') // Zakharova / Zaharova, Khamenei / Hamenei
      .replace(/ph/g, 'f')
      .replace(/ck/g, 'k') // blockade / blokade
      .replace(/w/g, 'v') // Wladimir / Vladimir
      .replace(/ou/g, 'u') // Rouhani / Ruhani, Choukri / Chukri
      .replace(/y/g, 'i') // Ryabkov / Riabkov, Dmitry / Dmitri
      .replace(/ei/g, 'i') // Sergey / Sergei → sergi
      .replace(/(.)\1+/g, '$1'); // Assad / Asad, Dmitrii / Dmitri, Mohammed / Mohamed
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, t);
  return t;
}

/** Words too common to be worth indexing in body text. */
export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he',
  'her', 'his', 'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'our', 'she', 'that', 'the', 'their', 'they',
  'this', 'to', 'was', 'we', 'were', 'which', 'will', 'with', 'would',
]);

/** How many edits a query word of this length may be away from an indexed term. */
export function maxEdits(term: string): number {
  return term.length <= 3 ? 0 : term.length <= 5 ? 1 : 2;
}

/** Levenshtein distance, or `max + 1` as soon as it is known to exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** Whether an indexed term answers a query word: equal, within `maxEdits`, or (when `prefix`) starting with it. */
export function termMatches(queryTerm: string, indexed: string, prefix: boolean): boolean {
  if (!queryTerm) return false;
  if (queryTerm === indexed) return true;
  if (prefix && queryTerm.length >= 2 && indexed.startsWith(queryTerm)) return true;
  const max = maxEdits(queryTerm);
  return max > 0 && boundedDistance(queryTerm, indexed, max) <= max;
}
