// YAML front matter at the top of a Markdown article. Only flat `name: value` fields and simple lists
// (`name:` then `  - value` lines, or `[a, b]`) are read — the ones a record needs, in the shapes
// web clippers write (Obsidian Web Clipper: `source:` URL, `published:`, `author:` list of
// `"[[Name]]"`, MarkDownload: `source:`, `author:`); anything richer is ignored rather than pulling
// a YAML parser into the bundle.

export interface FrontMatterFields {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  key?: string;
  /** Authors, joined with ", " (a clipper's list, or a single `author:` value). */
  author?: string;
}

export interface FrontMatter {
  fields: FrontMatterFields;
  /** The text after the front matter (the whole text when there is none). */
  rest: string;
}

const ALIASES: Record<string, keyof FrontMatterFields> = {
  title: 'title', headline: 'title',
  date: 'date', published: 'date', 'publication-date': 'date', publication_date: 'date', issued: 'date', date_published: 'date',
  published_time: 'date', published_at: 'date', pubdate: 'date',
  // `source:` is an outlet name in hand-written front matter, but the page URL in clippers': both are
  // read by `parseFrontMatter` below by the value's shape.
  outlet: 'outlet', source: 'outlet', publisher: 'outlet', publication: 'outlet', site: 'outlet', site_name: 'outlet',
  sitename: 'outlet', 'site-name': 'outlet', 'container-title': 'outlet', journal: 'outlet', newspaper: 'outlet',
  author: 'author', authors: 'author', byline: 'author', creator: 'author',
  url: 'url', link: 'url', 'source-url': 'url', source_url: 'url',
  key: 'key', citekey: 'key', 'citation-key': 'key', citation_key: 'key',
};

/** Pandoc's citation-key shape: starts with a letter, digit or _, internal punctuation allowed. */
export const CITATION_KEY_RE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;

export function parseFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m || m[1]!.split('\n').length > 200) return { fields: {}, rest: text };
  const fields: FrontMatterFields = {};
  const lines = m[1]!.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(lines[i]!);
    if (!kv) continue;
    const name = kv[1]!.toLowerCase();
    const field = ALIASES[name];
    let raw = kv[2]!.trim();
    // A double-quoted scalar continued on the next lines, as YAML writers fold long titles
    // (`title: "Readout of … Boris Johnson\` / `  \ of the United\_Kingdom"`).
    if (raw.startsWith('"') && !closedQuote(raw)) {
      let joined = raw;
      for (let k = i + 1; k < lines.length && k <= i + 20; k++) {
        joined += '\n' + lines[k]!;
        if (endsWithQuote(lines[k]!.trim())) {
          raw = joined;
          i = k;
          break;
        }
      }
    }
    // A block scalar (`title: |` or `>`, with a chomping or indentation indicator: `|-`, `>+`, `|2`) as read-it-later
    // exports write long values (Omnivore's `title: |` / `  Talks to resume next month`): its more-indented lines.
    // (Taken as it is: no quotes, escapes, comments or list brackets are read inside a block.)
    let block = false;
    if (/^[|>][+-]?\d?[+-]?$/.test(raw)) {
      const blockLines: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || /^\s/.test(lines[i + 1]!))) blockLines.push(lines[++i]!.trim());
      raw = blockLines.join(' ').trim();
      block = true;
    } else if (raw !== '' && !raw.startsWith('"') && !raw.startsWith("'") && !raw.startsWith('[')) {
      // A plain scalar continued on more-indented lines (`title: Talks to resume` / `  next month`).
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!) && !/^\s+-\s/.test(lines[i + 1]!) && !/^\s+[\w-]+\s*:(?:\s|$)/.test(lines[i + 1]!)) {
        raw += ' ' + lines[++i]!.trim();
      }
    }
    // A block list: `author:` followed by `  - "[[Name]]"` lines.
    const items: string[] = [];
    if (!block && raw === '') {
      while (i + 1 < lines.length && /^\s+-\s/.test(lines[i + 1]!)) items.push(lines[++i]!.replace(/^\s+-\s+/, ''));
    } else if (!block && /^\[.*\]$/.test(raw)) {
      items.push(...raw.slice(1, -1).split(','));
      raw = '';
    }
    const values = (items.length ? items : [raw]).map((v) => (block ? collapse(v) : unquote(v.trim())).replace(/^\[\[([^\]|]*)(?:\|[^\]]*)?\]\]$/, '$1').trim()).filter(Boolean);
    if (!field || !values.length) continue;
    if (name === 'source' && URL_VALUE_RE.test(values[0]!)) {
      fields.url ??= values[0]!;
      continue;
    }
    if (fields[field] !== undefined) continue;
    const value = field === 'author' ? values.join(', ') : values[0]!;
    if (field === 'key' && !CITATION_KEY_RE.test(value)) continue;
    fields[field] = value;
  }
  return { fields, rest: text.slice(m[0].length) };
}

const URL_VALUE_RE = /^https?:\/\/\S+$/i;

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return collapse(doubleQuoted(value.slice(1, -1)));
  // (A folded line break is whitespace, which `collapse` makes one space: `/\s*\n\s*/` here was quadratic in a run of spaces.)
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return collapse(value.slice(1, -1).replace(/''/g, "'"));
  return collapse(value.replace(/\s#.*$/, ''));
}

/** Whether a text ends with a `"` that no odd run of backslashes escapes. */
function endsWithQuote(text: string): boolean {
  if (!text.endsWith('"')) return false;
  let slashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/** Whether the value on a field's own line is a whole double-quoted scalar (`"…"`, not just its opening). */
function closedQuote(raw: string): boolean {
  return raw.length >= 2 && endsWithQuote(raw);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ', _: '\u00a0', N: '\u0085', L: '\u2028', P: '\u2029', '0': '', a: '', b: '', e: '', f: '', r: '', v: '' };

/**
 * The text of a YAML double-quoted scalar (without its quotes): escapes (`\"`, `\_` a no-break space,
 * `\u2019`), an escaped line break (`\` at a line's end joins the lines), other line breaks folded
 * to a space. One pass over the characters.
 */
function doubleQuoted(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\n') {
      // Folding: a line break and the next line's indentation are one space.
      while (i + 1 < body.length && (body[i + 1] === ' ' || body[i + 1] === '\t')) i++;
      let end = out.length;
      while (end > 0 && (out[end - 1] === ' ' || out[end - 1] === '\t')) end--;
      out = out.slice(0, end) + ' ';
      continue;
    }
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const next = body[++i]!;
    if (next === '\n') {
      while (i + 1 < body.length && (body[i + 1] === ' ' || body[i + 1] === '\t')) i++;
      continue;
    }
    const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hex) {
      const digits = body.slice(i + 1, i + 1 + hex);
      if (/^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
        const code = parseInt(digits, 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
        i += hex;
        continue;
      }
    }
    out += ESCAPES[next] ?? next;
  }
  return out;
}

/** No-break and other spaces are plain spaces in a record's fields; runs collapse. */
function collapse(value: string): string {
  return value.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}
