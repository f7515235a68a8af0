// Terms as search compares them: ASCII-folded, lower-cased and run through a small transliteration
// normaliser, so that the spellings sources use for the same name meet in one term before any fuzzy
// matching: Sergey / Serguei / Sergei → "sergi", Ryabkov / Riabkov → "riabkov", Zakharova /
// Zajarova stay one edit apart, Dmitry / Dmitrii → "dmitri". The same function runs at indexing and
// at query time, so the normalised form never needs to be readable.

import { asciiFold } from '../library/keys';

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

/**
 * Words with offsets (a hand-written scanner: the hot path of passage finding). Filters, to
 * normalise fewer words: with `firstLetters` / `lastLetters`, words starting / ending with an
 * ASCII letter not marked there are skipped; with `minLength`, all-ASCII words shorter than that
 * are skipped (normalising never lengthens them). Words with other characters are always kept.
 */
export function tokensWithOffsets(text: string, firstLetters?: Uint8Array, minLength = 0, lastLetters?: Uint8Array): Token[] {
  const out: Token[] = [];
  let start = -1;
  let keep = true;
  let ascii = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const word = i < text.length && isWordChar(code, text, i);
    if (word && start < 0) {
      start = i;
      ascii = true;
      keep = !firstLetters || code >= 128 || firstLetters[code] === 1;
    } else if (!word && start >= 0) {
      if (keep && (!ascii || (i - start >= minLength && (!lastLetters || lastLetters[text.charCodeAt(i - 1)] === 1)))) {
        out.push({ text: text.slice(start, i), start, end: i });
      }
      start = -1;
    }
    if (code >= 128) ascii = false;
  }
  return out;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The normalised form of one word (may be "" for words that fold to nothing). */
export function normalizeTerm(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const t = rewrite(isAsciiWord(word) ? word.toLowerCase() : romanize(asciiFold(word).toLowerCase()).replace(/[^a-z0-9]/g, ''));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, t);
  return t;
}

/**
 * Cyrillic and Greek letters in Latin, the way English-language sources spell names (Лавров →
 * lavrov, Рябков → ryabkov, Київ → kyiv, Τσίπρας → tsipras), so a search in either script finds
 * both; the rewrites below then bring the spellings together. Letters with diacritics (й, ё, ї, ά)
 * arrive here already decomposed by `asciiFold`. (The `transliteration` package does every script
 * but adds 190 KB to the extension; letter-by-letter mapping only helps these two alphabets.)
 */
const ROMAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', є: 'ye', ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj',
  ћ: 'c', џ: 'dz', ѕ: 'dz',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff]/;
const NON_LATIN_ALL = /[\u0370-\u03ff\u0400-\u04ff]/g;

function romanize(text: string): string {
  return NON_LATIN.test(text) ? text.replace(NON_LATIN_ALL, (c) => ROMAN[c] ?? '') : text;
}

/** Only ASCII letters and digits (what `tokenize` yields for English text): no folding needed. */
function isAsciiWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32; // lower-cases letters; digits stay in 48..57 | 32 = 48..57
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return word.length > 0;
}

/**
 * The transliteration rewrites, in order. Each runs only when its pattern occurs (`includes` is
 * far cheaper than a regular expression that does not match, and most words match none): this
 * is on the hot path of indexing and of finding passages.
 */
function rewrite(t: string): string {
  if (t.length <= 3) return t;
  if (t.startsWith('ye')) t = t.slice(1); // Yevgeny / Evgeny
  if (t.includes('gu')) t = t.replace(/gu(?=[ei])/g, 'g'); // Serguei / Sergei (Spanish and French spellings)
  if (t.includes('sch')) t = t.replace(/sch/g, 'sh'); // Mischustin / Mishustin
  if (t.includes('kh')) t = t.replace(/kh/g, 'h'); // Zakharova / Zaharova, Khamenei / Hamenei
  if (t.includes('ph')) t = t.replace(/ph/g, 'f');
  if (t.includes('ck')) t = t.replace(/ck/g, 'k'); // blockade / blokade
  if (t.includes('w')) t = t.replace(/w/g, 'v'); // Wladimir / Vladimir
  if (t.includes('ou')) t = t.replace(/ou/g, 'u'); // Rouhani / Ruhani, Choukri / Chukri
  if (t.includes('y')) t = t.replace(/y/g, 'i'); // Ryabkov / Riabkov, Dmitry / Dmitri
  if (t.includes('ei')) t = t.replace(/ei/g, 'i'); // Sergey / Sergei → sergi
  if (hasDoubled(t)) t = t.replace(/(.)\1+/g, '$1'); // Assad / Asad, Dmitrii / Dmitri, Mohammed / Mohamed
  return t;
}

function hasDoubled(t: string): boolean {
  for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) === t.charCodeAt(i - 1)) return true;
  return false;
}

/** The body as the search index sees it: normalised terms, short stop words dropped. */
export function bodyTerms(body: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(body)) {
    if (word.length < 4 && STOP_WORDS.has(word.toLowerCase())) continue;
    const t = normalizeTerm(word);
    if (t) out.push(t);
  }
  return out;
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
