// A literature note from an article (the Obsidian Citations habit): a template with `{{key}}`,
// `{{title}}`, `{{date}}`, `{{outlet}}`, `{{url}}`, `{{author}}`, `{{persons}}`, `{{countries}}` and
// `{{excerpt}}` filled from the article. Article text is untrusted: in the Markdown body it is
// escaped (no links, HTML, citations or emphasis can come from it); inside the template's YAML front
// matter it is made safe for a double-quoted YAML string. A line whose placeholders are all empty
// is dropped, so an article without a URL gives no "URL: <>" line. Unknown placeholders are kept
// as written and reported once.

import { safeHttpUrl } from '../card';
import type { Article } from '../types';
import { briefDate, escapeInlineMarkdown } from './brief';

export const TEMPLATE_FIELDS = ['key', 'title', 'date', 'outlet', 'url', 'author', 'persons', 'countries', 'excerpt'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const DEFAULT_NOTE_TEMPLATE = `---
title: "{{title}}"
source: "@{{key}}"
---

# {{title}}

[@{{key}}]

- Date: {{date}}
- Outlet: {{outlet}}
- Author: {{author}}
- Source: <{{url}}>
- Persons: {{persons}}
- Countries: {{countries}}

> {{excerpt}}

## Notes

`;

export interface FilledTemplate {
  text: string;
  /** Placeholders the template uses that Dossier does not know (kept as written). */
  unknown: string[];
}

/** The raw values of an article's fields (before escaping); empty when the article does not say. */
export function templateValues(article: Article, personName: (id: string) => string | undefined = () => undefined): Record<TemplateField, string> {
  return {
    key: article.key,
    title: article.title ?? article.label,
    date: article.date ? briefDate(article.date) : '',
    outlet: article.outlet ?? '',
    url: safeHttpUrl(article.url) ?? '',
    author: article.author ?? '',
    persons: article.persons.map((p) => personName(p.id) ?? p.name).join(', '),
    countries: article.countries.map((c) => c.name).join(', '),
    excerpt: article.excerpt,
  };
}

function yamlSafe(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Where the template's leading YAML front matter ends (0 when it has none). */
function frontMatterEnd(template: string): number {
  if (!template.startsWith('---\n') && !template.startsWith('---\r\n')) return 0;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(template.slice(3));
  return close ? 3 + close.index + close[0].length : 0;
}

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function fillTemplate(template: string, values: Record<TemplateField, string>): FilledTemplate {
  const known = new Set<string>(TEMPLATE_FIELDS);
  const unknown = new Set<string>();
  const yamlEnd = frontMatterEnd(template);
  const lines: string[] = [];
  let offset = 0;
  for (const line of template.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    let placeholders = 0, empty = 0;
    const filled = line.replace(PLACEHOLDER_RE, (whole, name: string) => {
      const field = name.toLowerCase();
      if (!known.has(field)) {
        unknown.add(name);
        return whole;
      }
      placeholders++;
      const value = values[field as TemplateField];
      if (!value) empty++;
      if (field === 'key' || field === 'url' || field === 'date') return value;
      return lineStart < yamlEnd ? yamlSafe(value) : escapeInlineMarkdown(value);
    });
    if (placeholders > 0 && empty === placeholders) continue;
    lines.push(filled);
  }
  return { text: lines.join('\n'), unknown: [...unknown] };
}

/** A file name for the article's note: its key (keys are safe file names: letters, digits, - and _). */
export function noteFileName(key: string): string {
  return `${key.replace(/[^\p{L}\p{N}_.:-]+/gu, '-').replace(/:/g, '-')}.md`;
}
