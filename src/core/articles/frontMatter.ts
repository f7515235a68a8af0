// YAML front matter at the top of a Markdown article. Only flat `name: value` fields are read (the
// ones a record needs); anything richer is ignored rather than pulling a YAML parser into the bundle.

export interface FrontMatterFields {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  key?: string;
}

export interface FrontMatter {
  fields: FrontMatterFields;
  /** The text after the front matter (the whole text when there is none). */
  rest: string;
}

const ALIASES: Record<string, keyof FrontMatterFields> = {
  title: 'title', headline: 'title',
  date: 'date', published: 'date', 'publication-date': 'date', issued: 'date',
  outlet: 'outlet', source: 'outlet', publisher: 'outlet', publication: 'outlet', site: 'outlet',
  'container-title': 'outlet', journal: 'outlet', newspaper: 'outlet',
  url: 'url', link: 'url', 'source-url': 'url', source_url: 'url',
  key: 'key', citekey: 'key', 'citation-key': 'key', citation_key: 'key',
};

/** Pandoc's citation-key shape: starts with a letter, digit or _, internal punctuation allowed. */
export const CITATION_KEY_RE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;

export function parseFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m || m[1]!.split('\n').length > 200) return { fields: {}, rest: text };
  const fields: FrontMatterFields = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const field = ALIASES[kv[1]!.toLowerCase()];
    const value = unquote(kv[2]!.trim());
    if (!field || !value || fields[field] !== undefined) continue;
    if (field === 'key' && !CITATION_KEY_RE.test(value)) continue;
    fields[field] = value;
  }
  return { fields, rest: text.slice(m[0].length) };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return (m ? m[2]! : value.replace(/\s#.*$/, '')).trim();
}
