// Pandoc's `nocite` metadata: keys that go into the bibliography without being cited in the text,
//
//   ---
//   nocite: |
//     @tass2025-cuba-russia-reliable, @dpa-cuban-foreign-minister
//   ---
//
// and `@*` for every entry. Pandoc reads the field's value (a string, or a list of strings) as
// Markdown and takes the citations in it. So the value is found here by a small YAML reader — block
// scalars `|` and `>`, double- and single-quoted and plain strings, `[...]` and `- ` lists — that
// keeps each character's offset in the note, and is then read by the same scanner as the text: what
// is a citation there (`@a, @b`, `[@a; @b]`, `@{a}`; not `me@a` or `` `@a` ``) is one here, and every
// key comes back with its exact range, for diagnostics, hovers, definitions and references.
//
// Only the front matter at the top of the note is read (the block the scanner skips). A value YAML
// rejects — unquoted `nocite: @a` or `[@*]` (`@` cannot start a plain YAML string), an unclosed
// quote — gives no keys: Pandoc stops there with "YAML parse exception" and renders nothing.

import { FRONT_MATTER, LineMap, scanCitations, type CitationOccurrence } from './scanner';

export interface NociteCitations {
  /** The keys listed (not `@*`), in order, with offsets and positions in the note; `nocite: true`. */
  citations: CitationOccurrence[];
  /** Each `@*` listed: offsets of its `@` and of the end of the token. */
  wildcards: { at: number; tokenEnd: number }[];
  /** Whether `@*` is listed: every entry goes into the bibliography. */
  all: boolean;
}

/** What a note cites: its `nocite` keys (first: the front matter is at the top), then those in the text. */
export interface NoteCitationScan {
  citations: CitationOccurrence[];
  /** `nocite: "@*"`: the note's bibliography holds every article. */
  all: boolean;
}

export function scanNoteCitations(text: string): NoteCitationScan {
  const nocite = scanNocite(text);
  return { citations: [...nocite.citations, ...scanCitations(text)], all: nocite.all };
}

const KEY = /^(?:nocite|"nocite"|'nocite')[ \t]*:(?=[ \t]|\r?$)/m;

export function scanNocite(text: string): NociteCitations {
  const result: NociteCitations = { citations: [], wildcards: [], all: false };
  if (!text.includes('nocite')) return result;
  const front = FRONT_MATTER.exec(text);
  if (!front) return result;
  // Between the opening `---` line and the closing `---` / `...` line.
  const start = text.indexOf('\n') + 1;
  const limit = text.lastIndexOf('\n', front[0].replace(/\r?\n$/, '').length - 1) + 1;
  const yaml = new YamlReader(text, limit);
  let value: Value | null = null;
  try {
    // A key given twice: Pandoc takes the last.
    for (let line = start; line >= 0 && line < limit; line = yaml.nextLine(line)) {
      const key = KEY.exec(text.slice(line, yaml.lineEnd(line)));
      if (key) value = yaml.topLevelValue(line + key[0].length);
    }
  } catch (e) {
    if (e instanceof YamlError) return result;
    throw e;
  }
  if (!value) return result;
  const lines = new LineMap(text);
  for (const { text: markdown, offsets } of value.scalars) {
    // Each string is its own Markdown document to Pandoc; a key lies on one line of the note, so
    // its offsets map back one to one (a backslash escape inside a key aside).
    const where = (from: number, to: number) => ({ from: offsets[from]!, to: offsets[to - 1]! + 1 });
    for (const c of scanCitations(markdown, true)) {
      const token = where(c.at, c.tokenEnd);
      if (c.key === '*') {
        result.all = true;
        result.wildcards.push({ at: token.from, tokenEnd: token.to });
        continue;
      }
      const key = where(c.start, c.end);
      const { line, character } = lines.position(key.from);
      const bracket = c.bracket && where(c.bracket.start, c.bracket.end);
      result.citations.push({
        key: c.key,
        start: key.from,
        end: key.to,
        line,
        character,
        endCharacter: character + c.key.length,
        at: token.from,
        tokenEnd: token.to,
        braced: c.braced,
        bracket: bracket ? lines.span(bracket.from, bracket.to) : null,
        suppressAuthor: c.suppressAuthor,
        nocite: true,
      });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The YAML reader: only what a `nocite` value can be. Lines are indented with spaces (YAML forbids
// tabs there); `limit` is the start of the closing `---` line, which nothing reads past.

/** The YAML is invalid: Pandoc fails on the whole document. */
class YamlError extends Error {}

/** A string's value, with the offset in the note of each UTF-16 unit of it. */
interface Scalar {
  text: string;
  offsets: number[];
}

interface Value {
  scalars: Scalar[];
  /** Offset just after the value in the note. */
  end: number;
}

class ScalarBuilder {
  private readonly chars: string[] = [];
  private readonly offsets: number[] = [];
  /** The note's characters from `from` to `to`, as they stand. */
  copy(source: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.add(source[i]!, i);
  }
  /** `text` (an escape's value, a folded line break) standing for the note's characters at `offset`. */
  add(text: string, offset: number): void {
    for (const unit of text.split('')) {
      this.chars.push(unit);
      this.offsets.push(offset);
    }
  }
  trimEnd(): void {
    while (this.chars.length && /[ \t]/.test(this.chars[this.chars.length - 1]!)) {
      this.chars.pop();
      this.offsets.pop();
    }
  }
  done(): Scalar {
    return { text: this.chars.join(''), offsets: this.offsets };
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

class YamlReader {
  constructor(private readonly text: string, private readonly limit: number) {}

  /** End of the line holding `offset` (before its `\r\n` or `\n`). */
  lineEnd(offset: number): number {
    let end = this.text.indexOf('\n', offset);
    if (end < 0) end = this.text.length;
    return end > offset && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** Start of the line after the one holding `offset`, or -1 at the end of the front matter. */
  nextLine(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 || newline + 1 >= this.limit ? -1 : newline + 1;
  }

  private indent(line: number): number {
    let n = 0;
    while (this.text[line + n] === ' ') n++;
    return n;
  }

  private blank(line: number): boolean {
    return this.text.slice(line, this.lineEnd(line)).trim() === '';
  }

  private comment(line: number): boolean {
    return this.text.slice(line, this.lineEnd(line)).trim().startsWith('#');
  }

  /** Whether the character at `offset` is followed by a space, a tab or the end of the line. */
  private spaceAfter(offset: number): boolean {
    return /^(?:[ \t]|\r?\n|$)/.test(this.text.slice(offset + 1, offset + 3));
  }

  private listItem(offset: number): boolean {
    return this.text[offset] === '-' && this.spaceAfter(offset);
  }

  /** A top-level key's value; what follows it must be a comment or the next top-level key. */
  topLevelValue(offset: number): Value | null {
    const value = this.value(offset, 0, true);
    if (!value) return null;
    if (!/^[ \t]*(?:#.*)?$/.test(this.text.slice(value.end, this.lineEnd(value.end)))) throw new YamlError();
    let line = this.nextLine(value.end);
    while (line >= 0 && (this.blank(line) || this.comment(line))) line = this.nextLine(line);
    if (line >= 0 && this.indent(line) > 0) throw new YamlError();
    return value;
  }

  /**
   * The value after a mapping key's `:` or a list item's `-` at `offset`, in a node indented
   * `parent` spaces. `key`: a top-level key's value, which may be a list at its own indentation.
   */
  value(offset: number, parent: number, key: boolean): Value | null {
    let p = offset;
    while (this.text[p] === ' ' || this.text[p] === '\t') p++;
    if (p < this.lineEnd(p) && this.text[p] !== '#') return this.scalar(p, parent);
    // Nothing more on the line: the value is on the next lines (or there is none).
    let line = this.nextLine(p);
    while (line >= 0 && (this.blank(line) || this.comment(line))) line = this.nextLine(line);
    if (line < 0) return null;
    const indent = this.indent(line);
    if (this.listItem(line + indent)) return key && indent >= parent ? this.list(line, indent) : null;
    return indent > parent ? this.scalar(line + indent, parent) : null;
  }

  /** A `- ` list whose items are at `indent`, from the line starting at `line`. */
  private list(line: number, indent: number): Value {
    const scalars: Scalar[] = [];
    let end = line;
    for (let l: number = line; l >= 0;) {
      if (this.blank(l) || this.comment(l)) {
        l = this.nextLine(l);
        continue;
      }
      if (this.indent(l) !== indent || !this.listItem(l + indent)) break;
      const item = this.value(l + indent + 1, indent, false);
      if (item) scalars.push(...item.scalars);
      end = item ? item.end : this.lineEnd(l);
      l = this.nextLine(end);
    }
    return { scalars, end };
  }

  private scalar(p: number, parent: number): Value | null {
    // A tag (`!!str`) or an anchor (`&x`) before the string changes nothing here.
    const properties = /^(?:[!&][^ \t\r\n]*[ \t]+)+/.exec(this.text.slice(p, this.lineEnd(p)));
    if (properties) p += properties[0].length;
    const c = this.text[p]!;
    if (c === '|' || c === '>') return this.block(p, parent);
    if (c === '"' || c === "'") return this.quoted(p);
    if (c === '[') return this.flowList(p);
    // `@` and `` ` `` are reserved: YAML (and so Pandoc) refuses a plain string starting with them.
    if (c === '@' || c === '`') throw new YamlError();
    // A mapping, an alias, a directive, a stray indicator: not a string of citations.
    if ('{*%,]}'.includes(c) || ('-?:'.includes(c) && this.spaceAfter(p))) return null;
    return this.plain(p, parent, false);
  }

  /** A `|` or `>` block scalar whose header is at `p`: the lines indented more than `parent`. */
  private block(p: number, parent: number): Value | null {
    const header = /^[|>]([1-9]?)[+-]?([1-9]?)[ \t]*(?:#.*)?$/.exec(this.text.slice(p, this.lineEnd(p)));
    if (!header) throw new YamlError();
    const folded = this.text[p] === '>';
    const explicit = header[1] || header[2];
    let indent = explicit ? parent + Number(explicit) : -1;
    // Content lines (offsets after the indentation, and line ends) and blank lines (null).
    const lines: ({ from: number; to: number } | null)[] = [];
    let end = this.lineEnd(p);
    for (let line = this.nextLine(p); line >= 0; line = this.nextLine(line)) {
      if (this.blank(line)) {
        lines.push(null);
        continue;
      }
      const own = this.indent(line);
      if (indent < 0) indent = own > parent ? own : Infinity;
      if (own < indent) break;
      end = this.lineEnd(line);
      lines.push({ from: line + indent, to: end });
    }
    const out = new ScalarBuilder();
    // `|` keeps line breaks; `>` folds a break between two lines into a space, unless one of them is
    // more indented; n blank lines between are n line breaks.
    const moreIndented = (l: { from: number }) => /[ \t]/.test(this.text[l.from]!);
    let previous: { from: number; to: number } | null = null;
    let blanks = 0;
    for (const l of lines) {
      if (!l) {
        blanks++;
        continue;
      }
      if (previous) {
        const fold = folded && !moreIndented(previous) && !moreIndented(l);
        out.add(fold ? (blanks ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks + 1), previous.to);
      }
      out.copy(this.text, l.from, l.to);
      previous = l;
      blanks = 0;
    }
    return { scalars: [out.done()], end };
  }

  /** A double- or single-quoted string opening at `p`, possibly over several lines. */
  private quoted(p: number): Value {
    const quote = this.text[p]!;
    const out = new ScalarBuilder();
    for (let i = p + 1; i < this.limit;) {
      const c = this.text[i]!;
      if (c === quote) {
        if (quote === "'" && this.text[i + 1] === "'") {
          out.add("'", i);
          i += 2;
          continue;
        }
        return { scalars: [out.done()], end: i + 1 };
      }
      if (c === '\\' && quote === '"') {
        const next = this.text[i + 1] ?? '';
        if (next === '\n' || next === '\r') {
          // An escaped line break joins the lines without a space.
          i = this.fold(i + 1, out, true);
          continue;
        }
        const hex = HEX_ESCAPES[next];
        if (hex) {
          const digits = this.text.slice(i + 2, i + 2 + hex);
          if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) throw new YamlError();
          out.add(String.fromCodePoint(parseInt(digits, 16)), i);
          i += 2 + hex;
          continue;
        }
        if (ESCAPES[next] === undefined) throw new YamlError();
        out.add(ESCAPES[next]!, i);
        i += 2;
        continue;
      }
      if (c === '\n' || c === '\r') {
        i = this.fold(i, out, false);
        continue;
      }
      out.add(c, i);
      i++;
    }
    throw new YamlError();
  }

  /**
   * A line break inside a quoted or plain string at `i`: trailing spaces go, the break becomes a
   * space (none after a `\` escape), n blank lines become n line breaks, the next line's indentation
   * goes. Returns where the string goes on (the limit when the front matter ends first).
   */
  private fold(i: number, out: ScalarBuilder, escaped: boolean): number {
    if (!escaped) out.trimEnd();
    let line = this.nextLine(i);
    let blanks = 0;
    while (line >= 0 && this.blank(line)) {
      blanks++;
      line = this.nextLine(line);
    }
    if (line < 0) return this.limit;
    if (blanks) out.add('\n'.repeat(blanks), i);
    else if (!escaped) out.add(' ', i);
    return line + /^[ \t]*/.exec(this.text.slice(line))![0].length;
  }

  /**
   * A plain (unquoted) string at `p`: to a ` #` comment or the line's end, going on over lines
   * indented more than `parent`; in a `[...]` list (`flow`), to a `,`, `[`, `]`, `{` or `}`.
   */
  private plain(p: number, parent: number, flow: boolean): Value {
    const out = new ScalarBuilder();
    let i = p;
    for (;;) {
      const eol = this.lineEnd(i);
      let j = i;
      for (; j < eol; j++) {
        const c = this.text[j]!;
        if (c === '#' && /[ \t]/.test(this.text[j - 1]!)) break;
        if (flow && ',[]{}'.includes(c)) break;
        // `a: b` in a string is a mapping YAML does not allow there.
        if (!flow && c === ':' && (j + 1 === eol || /[ \t]/.test(this.text[j + 1]!))) throw new YamlError();
        out.add(c, j);
      }
      out.trimEnd();
      if (j < eol) return { scalars: [out.done()], end: j };
      let next = this.nextLine(eol);
      let blanks = 0;
      while (next >= 0 && this.blank(next)) {
        blanks++;
        next = this.nextLine(next);
      }
      if (next < 0 || this.comment(next) || (!flow && this.indent(next) <= parent)) return { scalars: [out.done()], end: eol };
      out.add(blanks ? '\n'.repeat(blanks) : ' ', eol);
      i = next + /^[ \t]*/.exec(this.text.slice(next))![0].length;
    }
  }

  /** A `[...]` list opening at `p`: its quoted and plain strings. */
  private flowList(p: number): Value {
    const scalars: Scalar[] = [];
    for (let i = p + 1; i < this.limit;) {
      const c = this.text[i]!;
      if (/\s/.test(c) || c === ',') {
        i++;
      } else if (c === '#' && /\s/.test(this.text[i - 1]!)) {
        i = this.lineEnd(i);
      } else if (c === ']') {
        return { scalars, end: i + 1 };
      } else if (c === '"' || c === "'") {
        const item = this.quoted(i);
        scalars.push(...item.scalars);
        i = item.end;
      } else if (c === '@' || c === '`') {
        throw new YamlError();
      } else if (c === '[' || c === '{' || c === '}') {
        // Nested lists and mappings: not a list of strings.
        return { scalars: [], end: i };
      } else {
        const item = this.plain(i, -1, true);
        scalars.push(...item.scalars);
        i = item.end;
      }
    }
    throw new YamlError();
  }
}
