// One scanner for Pandoc citations in Markdown: every cited key with its range, for hovers,
// definitions, references, diagnostics, the preview, Insert Citation and the CLI's check. It follows
// Pandoc's Markdown reader (Text.Pandoc.Parsing.Citations): `[@key]`, `[@key, p. 3]`,
// `[see @a; @b]`, `[-@key]`, in-text `@key`, `@{key}`; a key starts with a letter, digit or `_` and
// holds letters, digits, `_` and *internal* punctuation `:.#$%&-+?<>~/` (followed by a letter, digit
// or `_`; `:` and `/` also before a `/`), so a trailing `.`, `,`, `;` or `:` is never part of it; an
// `@` right after a word (`name@example.com`, `x.@y`) or a backslash starts no citation. No
// citations in YAML front matter, fenced or indented code, code spans, math, HTML comments, URLs,
// autolinks or link destinations. Offsets are UTF-16 (JavaScript string) offsets; `\r\n` is fine.

export interface Span {
  /** Offsets in the text: `start` inclusive, `end` exclusive. */
  start: number;
  end: number;
  /** Zero-based line and character (UTF-16) of `start` and of `end`. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface CitationOccurrence {
  key: string;
  /** Offsets of the key itself (without `@`, `-` or braces). */
  start: number;
  end: number;
  /** Line and character of `start`; a key never spans lines, so it ends at `endCharacter` on `line`. */
  line: number;
  character: number;
  endCharacter: number;
  /** Offset of the `@`, and the end of the whole `@key` / `@{key}` token (after the closing brace). */
  at: number;
  tokenEnd: number;
  /** `@{key}` form. */
  braced: boolean;
  /** The enclosing `[...]` citation (brackets included), or null for an in-text citation. */
  bracket: Span | null;
  /** `[-@key]`: the author is suppressed (only inside a citation bracket, as in Pandoc). */
  suppressAuthor: boolean;
  /** Listed in the front matter's `nocite` field (nocite.ts): in the bibliography, not in the text. */
  nocite?: true;
}

const ALNUM = /^[\p{L}\p{N}]$/u;
const INTERNAL_PUNCT = ':.#$%&-+?<>~/';

function isAlnum(ch: string): boolean {
  return ch.length > 0 && ALNUM.test(ch);
}

/** Pandoc's `regchar`: a letter, digit or `_`. */
export function isKeyChar(ch: string): boolean {
  return ch === '_' || isAlnum(ch);
}

/** The code point starting at `i` (one or two UTF-16 units), or '' past the end. */
function charAt(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The code point ending just before `i`, or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low < 0xe000 && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high < 0xdc00) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** Whether `text[i]` is escaped by an odd number of backslashes before it. */
function isEscaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/**
 * Pandoc's `notAfterString`: an `@` right after a word — letters and digits, and a single `.` after
 * them (`name@example.com`, `first.last@x.org`, `x.@y`) — or escaped as `\@` starts no citation;
 * after anything else (space, `[`, `(`, `;`, `-`, `_`, quotes…) it may.
 */
export function canStartCitation(text: string, at: number): boolean {
  if (isEscaped(text, at)) return false;
  const before = charBefore(text, at);
  if (isAlnum(before)) return false;
  if (before === '.' && isAlnum(charBefore(text, at - 1))) return false;
  return true;
}

/** Longest `@{...}` key read (Pandoc has no limit; real keys are far shorter). */
const MAX_BRACED_KEY = 500;

interface KeyToken {
  key: string;
  keyStart: number;
  keyEnd: number;
  tokenEnd: number;
  braced: boolean;
}

/**
 * Reads a key just after an `@` at `i`: Pandoc's `simpleCiteIdentifier`, or `{...}` (balanced, no
 * spaces). `wildcard` lets a key start with `*`, as Pandoc's does for `nocite: "@*"` (in the text a
 * `@*` citation is dropped by citeproc, so the body scanner does not read it).
 */
export function readKey(text: string, i: number, wildcard = false): KeyToken | null {
  if (text[i] === '{') {
    // Bounded: an unclosed `@{` would otherwise read to the end of the text from every `@{` in it.
    let depth = 0;
    for (let j = i; j < text.length && j <= i + MAX_BRACED_KEY; j++) {
      const c = text[j]!;
      // No spaces (Pandoc) and no `@`: a key never holds one, and stopping there keeps the reads from
      // successive `@{` apart, so a note full of unclosed ones is still read in linear time.
      if (c === '@' || /\s/.test(c)) return null;
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        // `@{}` is a citation with an empty key to Pandoc; nothing to look up, so not one here.
        return j === i + 1 ? null : { key: text.slice(i + 1, j), keyStart: i + 1, keyEnd: j, tokenEnd: j + 1, braced: true };
      }
    }
    return null;
  }
  const first = charAt(text, i);
  if (!isKeyChar(first) && !(wildcard && first === '*')) return null;
  let j = i + first.length;
  for (;;) {
    const c = charAt(text, j);
    if (!c) break;
    if (isKeyChar(c)) {
      j += c.length;
      continue;
    }
    if (!INTERNAL_PUNCT.includes(c)) break;
    const next = charAt(text, j + 1);
    if (isKeyChar(next) || ((c === ':' || c === '/') && next === '/')) j++;
    else break;
  }
  return { key: text.slice(i, j), keyStart: i, keyEnd: j, tokenEnd: j, braced: false };
}

// ---------------------------------------------------------------------------------------------
// Block structure: front matter, fenced and indented code; the rest is prose in paragraphs.

interface Analysis {
  /** Sorted, non-overlapping ranges where no citation can be. */
  excluded: [number, number][];
  /** Prose paragraphs (start, end): where inline syntax — brackets, code spans — lives. */
  paragraphs: [number, number][];
  /** Matched `[...]` pairs in prose, with whether they are a link/image/span rather than a citation. */
  brackets: { start: number; end: number; link: boolean }[];
}

/** YAML front matter at the very start (Pandoc's metadata block); `nocite.ts` reads its `nocite` field. */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function analyze(text: string): Analysis {
  const excluded: [number, number][] = [];
  const paragraphs: [number, number][] = [];
  let offset = 0;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    excluded.push([0, front[0].length]);
    offset = front[0].length;
  }
  let fence: { char: string; length: number; start: number } | null = null;
  const closers = new FenceClosers(text, offset);
  let paragraph: [number, number] | null = null;
  // An indented line is code only where a paragraph cannot continue and outside list items.
  let codeMayStart = true;
  let inIndentedCode = false;
  let inList = false;
  let previousBlank = true;
  const closeParagraph = () => {
    if (paragraph) paragraphs.push(paragraph);
    paragraph = null;
  };
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    // Blockquote markers do not change what the line is.
    const body = line.slice(/^(?: {0,3}>[ \t]?)*/.exec(line)![0].length);
    const blank = body.trim() === '';
    const indent = indentWidth(body);
    if (fence) {
      const close = /^[ \t]*(`+|~+)[ \t]*$/.exec(body);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        excluded.push([fence.start, Math.min(next, text.length)]);
        fence = null;
        codeMayStart = true;
      }
    } else if (!blank && indent >= 4 && !inList && (codeMayStart || inIndentedCode)) {
      closeParagraph();
      excluded.push([offset, Math.min(next, text.length)]);
      inIndentedCode = true;
    } else {
      const open = /^[ \t]*(`{3,}|~{3,})(.*)$/.exec(body);
      if (!blank) inIndentedCode = false;
      if (open && (indent < 4 || inList) && !(open[1]![0] === '`' && open[2]!.includes('`')) && closers.closedAfter(next, open[1]!)) {
        closeParagraph();
        fence = { char: open[1]![0]!, length: open[1]!.length, start: offset };
      } else if (blank) {
        closeParagraph();
        codeMayStart = true;
      } else {
        if (LIST_ITEM.test(body)) inList = true;
        else if (indent === 0 && previousBlank) inList = false;
        const heading = ATX_HEADING.test(body);
        if (heading) closeParagraph();
        if (paragraph) paragraph[1] = lineEnd;
        else paragraph = [offset, lineEnd];
        if (heading) closeParagraph();
        codeMayStart = heading;
      }
    }
    previousBlank = blank;
    if (next > text.length) break;
    offset = next;
  }
  closeParagraph();

  const brackets: Analysis['brackets'] = [];
  for (const [start, end] of paragraphs) inline(text, start, end, excluded, brackets);
  // (indexOf, not /<!--[\s\S]*?-->/g: once one comment is unclosed, none after it closes either.)
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', open)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    excluded.push([open, close + 3]);
    open = close + 3;
  }
  return { excluded: merge(excluded), paragraphs, brackets };
}

/**
 * Whether a fence opened by a run is closed further down (Pandoc reads an unclosed fence as text):
 * one pass over the lines records, for each line, the longest closing run of each kind at or below
 * it, so each opener is answered by a lookup instead of a scan of the rest of the document.
 */
class FenceClosers {
  private readonly lineStarts: number[] = [];
  /** Longest closing run of backticks / tildes on this line or any later one. */
  private readonly backticksFrom: number[] = [];
  private readonly tildesFrom: number[] = [];

  constructor(text: string, from: number) {
    const runs: [string, number][] = [];
    for (let offset = from; offset <= text.length;) {
      let lineEnd = text.indexOf('\n', offset);
      if (lineEnd < 0) lineEnd = text.length;
      const line = text.slice(offset, lineEnd).replace(/\r$/, '');
      const m = /^[ \t]*(`+|~+)[ \t]*$/.exec(line.slice(/^(?: {0,3}>[ \t]?)*/.exec(line)![0].length));
      this.lineStarts.push(offset);
      runs.push(m ? [m[1]![0]!, m[1]!.length] : ['', 0]);
      offset = lineEnd + 1;
    }
    let backticks = 0, tildes = 0;
    for (let k = runs.length - 1; k >= 0; k--) {
      const [char, length] = runs[k]!;
      if (char === '`') backticks = Math.max(backticks, length);
      if (char === '~') tildes = Math.max(tildes, length);
      this.backticksFrom[k] = backticks;
      this.tildesFrom[k] = tildes;
    }
  }

  closedAfter(offset: number, run: string): boolean {
    let lo = 0, hi = this.lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lineStarts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.lineStarts.length) return false;
    return (run[0] === '`' ? this.backticksFrom[lo]! : this.tildesFrom[lo]!) >= run.length;
  }
}

const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*)>/giy;
const BARE_URL = /(?:\b(?:https?|ftp|file):\/\/|\bmailto:|\bwww\.)[^\s<>[\]]*/giy;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;

/** Inline syntax of one paragraph: code spans, math, autolinks, URLs, link destinations, brackets. */
function inline(text: string, start: number, end: number, excluded: [number, number][], brackets: Analysis['brackets']): void {
  const stack: number[] = [];
  let backticks: BacktickRuns | undefined;
  let parens: Map<number, number> | undefined;
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      backticks ??= new BacktickRuns(text, start, end);
      const close = backticks.next(i + n, n);
      if (close >= 0) {
        excluded.push([i, close + n]);
        i = close + n;
      } else i += n;
      continue;
    }
    if (c === '$') {
      const math = mathEnd(text, i, end);
      if (math > 0) {
        excluded.push([i, math]);
        i = math;
        continue;
      }
    }
    if (c === '<') {
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(text);
      if (m && i + m[0].length <= end) {
        excluded.push([i, i + m[0].length]);
        i += m[0].length;
        continue;
      }
    }
    if (c === 'h' || c === 'H' || c === 'f' || c === 'F' || c === 'm' || c === 'M' || c === 'w' || c === 'W') {
      BARE_URL.lastIndex = i;
      const m = BARE_URL.exec(text);
      if (m && !isKeyChar(charBefore(text, i))) {
        const stop = Math.min(i + m[0].length, end);
        excluded.push([i, stop]);
        i = stop;
        continue;
      }
    }
    if (c === '[') {
      const from = indentedLineStart(text, i);
      if (from >= 0) {
        const newline = text.indexOf('\n', i);
        const lineEnd = Math.min(end, newline < 0 ? text.length : newline);
        if (REFERENCE_DEFINITION.test(text.slice(from, lineEnd))) {
          excluded.push([i, lineEnd]);
          i = lineEnd;
          continue;
        }
      }
    }
    if (c === '[') stack.push(i);
    else if (c === ']' && stack.length) {
      const open = stack.pop()!;
      const after = text[i + 1];
      const link = text[open - 1] === '!' || after === '(' || after === '[' || after === '{';
      brackets.push({ start: open, end: i + 1, link });
      if (after === '(') {
        // The destination and title of an inline link: no citations there.
        parens ??= matchingParens(text, start, end);
        const close = parens.get(i + 1) ?? -1;
        if (close > 0) {
          excluded.push([i + 1, close]);
          i = close;
          continue;
        }
      }
    }
    i++;
  }
}

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** The start of the line holding `i` when at most three spaces precede `i` on it, else -1 (a bounded look back). */
function indentedLineStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && i - j < 3 && text[j - 1] === ' ') j--;
  return j === 0 || text[j - 1] === '\n' ? j : -1;
}

/**
 * The backtick runs of one paragraph by length, so finding the run that closes a code span is a
 * lookup: scanning ahead from every opener is quadratic on runs of growing lengths.
 */
class BacktickRuns {
  private readonly startsByLength = new Map<number, number[]>();
  private readonly cursorByLength = new Map<number, number>();

  constructor(text: string, start: number, end: number) {
    for (let j = text.indexOf('`', start); j >= 0 && j < end; j = text.indexOf('`', j)) {
      let m = 0;
      while (text[j + m] === '`') m++;
      let list = this.startsByLength.get(m);
      if (!list) this.startsByLength.set(m, (list = []));
      list.push(j);
      j += m;
    }
  }

  /** The start of the first run of exactly `n` at or after `from`, or -1 (`from` only grows between calls). */
  next(from: number, n: number): number {
    const list = this.startsByLength.get(n);
    if (!list) return -1;
    let k = this.cursorByLength.get(n) ?? 0;
    while (k < list.length && list[k]! < from) k++;
    this.cursorByLength.set(n, k);
    return k < list.length ? list[k]! : -1;
  }
}

/** Pandoc's `tex_math_dollars`: `$$...$$`, or `$x$` (no space inside the dollars, no digit after). */
function mathEnd(text: string, i: number, end: number): number {
  if (isEscaped(text, i)) return -1;
  if (text[i + 1] === '$') {
    const close = text.indexOf('$$', i + 2);
    return close > i + 2 && close < end ? close + 2 : -1;
  }
  const first = text[i + 1];
  if (!first || /\s/.test(first)) return -1;
  for (let j = i + 1; j < end; j++) {
    const c = text[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '\n' && text.slice(j + 1, end).match(/^\s*\n/)) return -1;
    if (c === '$') {
      if (/\s/.test(text[j - 1]!) || /\d/.test(text[j + 1] ?? '')) return -1;
      return j + 1;
    }
  }
  return -1;
}

/**
 * For each `(` of a paragraph, the offset after the `)` that closes it (backslash escapes skipped):
 * what a depth-counting scan from that `(` would find, for all of them in one pass.
 */
function matchingParens(text: string, start: number, end: number): Map<number, number> {
  const closeByOpen = new Map<number, number>();
  const open: number[] = [];
  for (let j = start; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '(') open.push(j);
    else if (c === ')' && open.length) closeByOpen.set(open.pop()!, j + 1);
  }
  return closeByOpen;
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Ranges of the text where citations cannot be (front matter, code, math, comments, URLs…), sorted. */
export function excludedRanges(text: string): [number, number][] {
  return analyze(text).excluded;
}

function inRanges(ranges: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Line/character positions of offsets, by binary search over line starts. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { start, end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  }
}

/**
 * The innermost bracket pair around each offset asked, if it is a citation bracket (not a link,
 * image or span). Brackets come from a stack, so they nest; offsets are asked in increasing order,
 * so one sweep with a stack of the open pairs answers them all (linear, not brackets × citations).
 */
class BracketSweep {
  private readonly sorted: Analysis['brackets'];
  private readonly open: Analysis['brackets'] = [];
  private next = 0;

  constructor(brackets: Analysis['brackets']) {
    this.sorted = [...brackets].sort((a, b) => a.start - b.start);
  }

  at(offset: number): { start: number; end: number } | null {
    while (this.next < this.sorted.length && this.sorted[this.next]!.start < offset) {
      const b = this.sorted[this.next++]!;
      this.popEndedBy(b.start + 1);
      this.open.push(b);
    }
    this.popEndedBy(offset + 1);
    const innermost = this.open[this.open.length - 1];
    return innermost && !innermost.link ? innermost : null;
  }

  /** Drops the pairs that end at or before `offset` (exclusive end <= offset means offset is outside). */
  private popEndedBy(offset: number): void {
    while (this.open.length && this.open[this.open.length - 1]!.end < offset) this.open.pop();
  }
}

/** Every citation in a Markdown document, in order. `wildcard`: also `@*` (see readKey). */
export function scanCitations(text: string, wildcard = false): CitationOccurrence[] {
  const result: CitationOccurrence[] = [];
  if (!text.includes('@')) return result;
  const { excluded, brackets } = analyze(text);
  const lines = new LineMap(text);
  const sweep = new BracketSweep(brackets);
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (inRanges(excluded, at) || !canStartCitation(text, at)) continue;
    const read = readKey(text, at + 1, wildcard);
    if (!read) continue;
    const bracket = sweep.at(at);
    const { line, character } = lines.position(read.keyStart);
    result.push({
      key: read.key,
      start: read.keyStart,
      end: read.keyEnd,
      line,
      character,
      endCharacter: character + read.key.length,
      at,
      tokenEnd: read.tokenEnd,
      braced: read.braced,
      bracket: bracket ? lines.span(bracket.start, bracket.end) : null,
      suppressAuthor: !!bracket && text[at - 1] === '-' && canStartCitation(text, at - 1),
    });
    at = read.tokenEnd - 1;
  }
  return result;
}

/** The distinct keys cited in a document, in order of first citation. */
export function citedKeys(text: string): string[] {
  return [...new Set(scanCitations(text).map((c) => c.key))];
}

export interface CitationContext {
  /** The partial key typed between the `@` and the cursor (may be empty). */
  prefix: string;
  /** Offset of the `@`. */
  atOffset: number;
  /** End of the key characters that follow the cursor (== cursor offset when none): the range a completion replaces. */
  keyEnd: number;
  /** Whether the `@` is inside a `[` that is open at the cursor (not a link). */
  inBracket: boolean;
  /** Offset of that `[`, or -1. */
  bracketStart: number;
  /** Whether a `]` closes that bracket after the cursor (on the same line). */
  closed: boolean;
}

/** What completion needs at the cursor: is it just after an `@` (and a partial key) that starts a citation? */
export function citationContextAt(text: string, offset: number): CitationContext | null {
  let i = offset;
  for (let c = charBefore(text, i); c && (isKeyChar(c) || INTERNAL_PUNCT.includes(c)); c = charBefore(text, i)) i -= c.length;
  // A key starts with a letter, digit or `_`: `@.x` is no citation.
  if (i < offset && INTERNAL_PUNCT.includes(text[i]!)) return null;
  const atOffset = i - 1;
  if (text[atOffset] !== '@' || !canStartCitation(text, atOffset)) return null;
  const { excluded } = analyze(text);
  if (inRanges(excluded, atOffset)) return null;
  let keyEnd = offset;
  while (keyEnd < text.length && (isKeyChar(text[keyEnd]!) || (INTERNAL_PUNCT.includes(text[keyEnd]!) && isKeyChar(charAt(text, keyEnd + 1))))) keyEnd++;
  // The open `[` before the `@` in its paragraph, if any.
  let paragraphStart = lineStart(text, atOffset);
  while (paragraphStart > 0) {
    const previous = lineStart(text, paragraphStart - 1);
    if (text.slice(previous, paragraphStart).trim() === '') break;
    paragraphStart = previous;
  }
  const stack: number[] = [];
  for (let j = paragraphStart; j < atOffset; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (inRanges(excluded, j)) continue;
    else if (c === '[') stack.push(j);
    else if (c === ']') stack.pop();
  }
  const bracketStart = stack.length ? stack[stack.length - 1]! : -1;
  const inBracket = bracketStart >= 0 && text[bracketStart - 1] !== '!';
  let closed = false;
  if (inBracket) {
    let depth = 0;
    for (let j = keyEnd; j < text.length && text[j] !== '\n'; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (c === '[') depth++;
      else if (c === ']' && depth-- === 0) {
        closed = true;
        break;
      }
    }
  }
  return { prefix: text.slice(atOffset + 1, offset), atOffset, keyEnd, inBracket, bracketStart: inBracket ? bracketStart : -1, closed };
}

/** The citation occurrence at an offset (on its `@`, key or braces), for hover, definition, references. */
export function citationAt(occurrences: readonly CitationOccurrence[], offset: number): CitationOccurrence | null {
  for (const o of occurrences) if (offset >= o.at && offset <= o.tokenEnd) return o;
  return null;
}
