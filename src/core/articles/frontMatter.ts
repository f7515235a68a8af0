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
    // A block list: `author:` followed by `  - "[[Name]]"` lines.
    const items: string[] = [];
    if (raw === '') {
      while (i + 1 < lines.length && /^\s+-\s/.test(lines[i + 1]!)) items.push(lines[++i]!.replace(/^\s+-\s+/, ''));
    } else if (/^\[.*\]$/.test(raw)) {
      items.push(...raw.slice(1, -1).split(','));
      raw = '';
    }
    const values = (items.length ? items : [raw]).map((v) => unquote(v.trim()).replace(/^\[\[([^\]|]*)(?:\|[^\]]*)?\]\]$/, '$1').trim()).filter(Boolean);
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
  const m = /^(["'])(.*)\1$/.exec(value);
  return (m ? m[2]! : value.replace(/\s#.*$/, '')).trim();
}
