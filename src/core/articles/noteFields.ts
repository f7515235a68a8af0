// Fields that notes apps and read-it-later exports write into the text itself rather than into YAML
// front matter: Logseq's page properties (`title:: …`, `source:: …` lines at the top of a page) and
// Readwise's export (a `## Metadata` heading over `- Author: [[…]]`, `- Full Title: …`, `- URL: …`
// bullets, then `## Highlights`). They are read as front matter is, and are neither title nor body.
// One pass over at most the first FIELD_LINES lines; anchored patterns on short lines only.

export interface NoteFields {
  title?: string;
  date?: string;
  url?: string;
  author?: string;
  outlet?: string;
}

const FIELD_LINES = 60;
const MAX_FIELD_LINE = 500;

type Field = keyof NoteFields;
const FIELD_NAMES: Record<string, Field> = {
  title: 'title', 'full title': 'title', 'full_title': 'title',
  url: 'url', source: 'url', 'source url': 'url', link: 'url', 'original url': 'url',
  author: 'author', authors: 'author', by: 'author',
  date: 'date', published: 'date', 'published date': 'date', 'date published': 'date', 'publication date': 'date',
  site: 'outlet', publisher: 'outlet', outlet: 'outlet', 'site name': 'outlet',
};

/** `title:: Talks to resume` (Logseq). */
const PROPERTY_RE = /^([A-Za-z][\w -]{0,30})::[ \t]*(.*)$/;
/** `- Author: [[Jane Doe]]` under a Metadata heading (Readwise). */
const BULLET_RE = /^[-*][ \t]+([A-Za-z][\w -]{0,30}):[ \t]*(.*)$/;
/** `## Metadata`, `**Metadata**`. */
const METADATA_HEADING_RE = /^(?:#{1,6}[ \t]+)?(?:\*\*)?metadata(?:\*\*)?:?$/i;
/** Readwise's section headings over the highlights: not text. */
const HIGHLIGHTS_HEADING_RE = /^#{1,6}[ \t]+(?:highlights(?: first synced by #readwise.*)?|new highlights added .{1,60})$/i;

function cleanValue(raw: string): string {
  // `[[Jane Doe]]` (a wiki link), `#articles` (a tag), surrounding quotes.
  return raw.trim().replace(/^\[\[([^\]|]{1,200})(?:\|[^\]]{0,200})?\]\]$/, '$1').replace(/^"(.*)"$/, '$1').trim();
}

/** Reads and blanks (in `lines`) the note fields near the top; returns what they give. */
export function readNoteFields(lines: string[]): NoteFields {
  const fields: NoteFields = {};
  const set = (name: string, value: string) => {
    const field = FIELD_NAMES[name.trim().toLowerCase()];
    const v = cleanValue(value);
    if (field && v && fields[field] === undefined) fields[field] = v;
  };
  const end = Math.min(lines.length, FIELD_LINES);
  // Logseq: properties on the first lines of the page.
  let i = 0;
  while (i < end && lines[i] === '') i++;
  let properties = 0;
  for (; i < end; i++) {
    const line = lines[i]!;
    if (line === '') break;
    const m = line.length <= MAX_FIELD_LINE ? PROPERTY_RE.exec(line) : null;
    if (!m) break;
    set(m[1]!, m[2]!);
    lines[i] = '';
    properties++;
  }
  if (properties) return fields;
  // Readwise: a Metadata heading and its bullets; the Highlights heading after them.
  for (let h = 0; h < end; h++) {
    const line = lines[h]!;
    if (line === '' || line.length > 40 || !METADATA_HEADING_RE.test(line.trim())) continue;
    let k = h + 1;
    let bullets = 0;
    while (k < lines.length && (lines[k] === '' || (lines[k]!.length <= MAX_FIELD_LINE && BULLET_RE.test(lines[k]!)))) {
      const m = lines[k] === '' ? null : BULLET_RE.exec(lines[k]!);
      if (m) {
        set(m[1]!, m[2]!);
        lines[k] = '';
        bullets++;
      }
      k++;
    }
    if (bullets) {
      lines[h] = '';
      if (k < lines.length && HIGHLIGHTS_HEADING_RE.test(lines[k]!.trim())) lines[k] = '';
    }
    break;
  }
  return fields;
}
