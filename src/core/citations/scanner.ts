// One scanner for Pandoc citations in Markdown: every cited key with its range, for hovers,
// definitions, references, diagnostics, the preview and the CLI's check. It follows Pandoc's
// rules: `[@key]`, `[@key, p. 3]`, `[see @a; @b]`, `[-@key]`, in-text `@key`, `@{key}`; keys hold
// internal punctuation (`:.#$%&-+?<>~/`) but not a trailing `.`, `,`, `;` or `:`; no citations in
// code spans, fenced or indented code, e-mail addresses, URLs or YAML front matter.

export interface CitationOccurrence {
  key: string;
  /** Offsets of the key itself (without the `@`) in the document text. */
  start: number;
  end: number;
  /** Zero-based line and character of `start`. */
  line: number;
  character: number;
  /** The enclosing `[...]` citation, when the key is in one. */
  bracket: { start: number; end: number } | null;
  /** `[-@key]`: the author is suppressed. */
  suppressAuthor: boolean;
}

const KEY_CHAR = /[\p{L}\p{N}_]/u;
const INTERNAL_PUNCT = ':.#$%&-+?<>~/';

/** Reads a key starting at `i` (just after `@`); returns its end, or -1 when there is none. */
function readKey(text: string, i: number): { key: string; end: number; keyStart: number } | null {
  if (text[i] === '{') {
    const close = text.indexOf('}', i + 1);
    if (close < 0 || close === i + 1 || /[\n{}]/.test(text.slice(i + 1, close))) return null;
    return { key: text.slice(i + 1, close), end: close + 1, keyStart: i + 1 };
  }
  if (!KEY_CHAR.test(text[i] ?? '')) return null;
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (KEY_CHAR.test(c)) j++;
    else if (INTERNAL_PUNCT.includes(c) && KEY_CHAR.test(text[j + 1] ?? '')) j++;
    else break;
  }
  return { key: text.slice(i, j), end: j, keyStart: i };
}

/** Ranges of the text where citations cannot be: front matter, code, URLs, autolinks, HTML comments. */
export function excludedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const front = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (front) ranges.push([0, front[0].length]);
  // Fenced and indented code blocks, line by line.
  const lines = text.split('\n');
  let offset = 0;
  let fence: { char: string; length: number; start: number } | null = null;
  let previousBlank = true;
  let inIndented = false;
  for (const line of lines) {
    const lineEnd = offset + line.length + 1;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`).exec(line);
      if (close) {
        ranges.push([fence.start, lineEnd]);
        fence = null;
      }
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) fence = { char: open[1]![0]!, length: open[1]!.length, start: offset };
      else if (/^(?: {4}|\t)/.test(line) && line.trim() && (previousBlank || inIndented)) {
        ranges.push([offset, lineEnd]);
        inIndented = true;
      } else if (line.trim()) inIndented = false;
    }
    previousBlank = !line.trim();
    offset = lineEnd;
  }
  if (fence) ranges.push([fence.start, text.length]);
  // Code spans: a run of backticks closed by a run of the same length.
  for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) ranges.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) ranges.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(/<[a-z][a-z0-9+.-]*:[^\s<>]*>|\b(?:https?|ftp|mailto):\/\/?[^\s<>()\]]+|\bwww\.[^\s<>()\]]+/gi)) {
    ranges.push([m.index!, m.index! + m[0].length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: [number, number][], offset: number): boolean {
  // Few ranges per note: a linear scan is fine and keeps this simple.
  for (const [s, e] of ranges) {
    if (s > offset) return false;
    if (offset < e) return true;
  }
  return false;
}

/** The `[...]` bracket around `offset` on the same paragraph, if any (no nesting across links). */
function bracketAround(text: string, offset: number): { start: number; end: number } | null {
  let depth = 0;
  let open = -1;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' && text[i - 1] === '\n') break;
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  depth = 0;
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && text[i + 1] === '\n') return null;
    if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) {
        // `[text](url)` is a link, not a citation.
        return text[i + 1] === '(' ? null : { start: open, end: i + 1 };
      }
      depth--;
    }
  }
  return null;
}

export function scanCitations(text: string): CitationOccurrence[] {
  const excluded = excludedRanges(text);
  const result: CitationOccurrence[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const before = text[at - 1] ?? '';
    // name@example.com, a\@b: not citations.
    if (KEY_CHAR.test(before) || before === '\\' || /[.+\-_%]/.test(before) && KEY_CHAR.test(text[at - 2] ?? '')) continue;
    if (inRanges(excluded, at)) continue;
    const read = readKey(text, at + 1);
    if (!read) continue;
    // A trailing '.', ',', ';' or ':' never belongs to the key (handled by readKey's look-ahead).
    for (; scanned < read.keyStart; scanned++) {
      if (text[scanned] === '\n') {
        line++;
        lineStart = scanned + 1;
      }
    }
    const bracket = bracketAround(text, at);
    result.push({
      key: read.key,
      start: read.keyStart,
      end: read.keyStart + read.key.length,
      line,
      character: read.keyStart - lineStart,
      bracket,
      suppressAuthor: before === '-',
    });
    at = read.end - 1;
  }
  return result;
}

export interface CitationContext {
  /** The partial key typed after `@` (may be empty). */
  prefix: string;
  /** Offset of the `@`. */
  atOffset: number;
  /** Whether the `@` is inside a `[...]` (an opening bracket before it on the line, unclosed). */
  inBracket: boolean;
  /** Whether a `]` already closes that bracket after the cursor. */
  closed: boolean;
}

/** What completion needs at the cursor: is it after an `@` that starts a citation? */
export function citationContextAt(text: string, offset: number): CitationContext | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const upto = text.slice(lineStart, offset);
  const m = /(^|[\s\[;(-])@([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u.exec(upto);
  if (!m) return null;
  const atOffset = lineStart + m.index! + m[1]!.length;
  if (inRanges(excludedRanges(text), atOffset)) return null;
  const open = upto.lastIndexOf('[', atOffset - lineStart);
  const closeBefore = upto.lastIndexOf(']', atOffset - lineStart);
  const inBracket = open >= 0 && open > closeBefore;
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
  const closed = inBracket && /^[^\[]*\]/.test(rest);
  return { prefix: m[2]!, atOffset, inBracket, closed };
}

/** The citation occurrence at an offset (the key or its `@`), for hover, definition, references. */
export function citationAt(occurrences: CitationOccurrence[], offset: number): CitationOccurrence | null {
  for (const o of occurrences) if (offset >= o.start - 1 && offset <= o.end) return o;
  return null;
}
