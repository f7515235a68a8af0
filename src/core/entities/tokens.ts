// Splitting article text into word tokens with positions, shared by the country and person passes.

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

const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}'’\-‐]*[\p{L}\p{M}\p{N}])?(?:[’']s\b)?/gu;

const foldCache = new Map<string, string>();

export function fold(text: string): string {
  let key = foldCache.get(text);
  if (key === undefined) {
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(text, (key = foldUncached(text)));
  }
  return key;
}

function foldUncached(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‐]/g, (c) => (c === '’' ? "'" : '-')).toLowerCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD_RE)) {
    let word = m[0];
    const start = m.index!;
    let possessive = false;
    if (/[’']s$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/[’']$/.test(word)) word = word.slice(0, -1);
    const gap = text.slice(previousEnd, start);
    const first = word[0] ?? '';
    const prev = tokens[tokens.length - 1];
    tokens.push({
      text: word,
      key: fold(word),
      start,
      end: start + m[0].length,
      gap,
      possessive,
      capitalised: first !== first.toLowerCase(),
      allCaps: word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase(),
      sentenceStart: !prev || /[.!?:;"“”‘«»()\n—–]|\s-\s/.test(gap),
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}
