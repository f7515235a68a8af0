// Metadata found outside the text (a web page's tags, a PDF's info dictionary) handed to the text
// reader as YAML front matter, so the reader's order of trust applies to every format alike.

import { parseDateText } from './dates';

export interface TextMetadata {
  title?: string | null;
  date?: string | null;
  outlet?: string | null;
  url?: string | null;
}

export function joinNames(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 2 ? unique.join(' and ') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** The metadata as YAML front matter over the text, so the text reader takes it first. */
export function withFrontMatter(metadata: TextMetadata, text: string): string {
  const fields: string[] = [];
  const add = (name: string, value: string | null | undefined) => {
    const flat = value?.replace(/\s+/g, ' ').trim();
    if (flat) fields.push(`${name}: "${flat}"`);
  };
  add('title', metadata.title);
  // Only dates the reader can read are given, so an odd shape falls back to the text's own rules.
  add('date', metadata.date && parseDateText(metadata.date) ? metadata.date : null);
  add('outlet', metadata.outlet);
  add('url', metadata.url && /^https?:\/\/\S+$/i.test(metadata.url) ? metadata.url : null);
  // The reader takes a `# Heading` or a short first line as the title; an empty body keeps none.
  return `${fields.length ? `---\n${fields.join('\n')}\n---\n` : ''}${text.replace(/^---/, '—')}\n`;
}
