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
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** The word that ends at `end` (exclusive), lower-cased: letters and inner full stops. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 12) {
    const ch = text[start - 1]!;
    if (ch === '.' || ch.toLowerCase() !== ch.toUpperCase()) start--;
    else break;
  }
  return text.slice(start, end).toLowerCase();
}

/** Splits `text` into trimmed, non-empty sentence spans, in order. Linear in the text's length. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start, e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      push(i);
      start = i + 1;
      continue;
    }
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) continue;
    let end = i + 1;
    // "..." and "?!" end together.
    while (end < n && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < n && CLOSERS.has(text[end]!)) end++;
    if (end >= n) continue;
    if (!isSpace(text.charCodeAt(end))) {
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < n && isSpace(text.charCodeAt(next))) next++;
    if (next >= n) continue;
    const following = text[next]!;
    const startsSentence = isUpper(following) || OPENERS.has(following) || isDigit(text.charCodeAt(next));
    if (!startsSentence) {
      i = next - 1;
      continue;
    }
    if (code === 46 && end === i + 1) {
      const word = wordBefore(text, i);
      // An initial ("H. W. Bush") or a known abbreviation does not end the sentence.
      if ((word.length === 1 && isUpper(text[i - 1]!)) || ABBREVIATIONS.has(word)) {
        i = next - 1;
        continue;
      }
    }
    push(end);
    start = end;
    i = next - 1;
  }
  push(n);
  return spans;
}
