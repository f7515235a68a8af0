// The per-file work of indexing, as one pure function: a file's bytes → the article it holds (or why
// it was skipped). The corpus calls it for single files; worker threads call it for large cold
// scans (`extractWorker.ts`), so readers of other formats plug in here once, for both paths.

import { decodeArticleBytes } from '../articles/decode';
import { parseArticle } from '../articles/reader';
import { extractEntities } from '../entities';
import type { Article } from '../types';
import { deriveBaseKey } from './keys';

/** An article before the corpus gives it a key, a display path and a location. */
export type ExtractedArticle = Omit<Article, 'key' | 'file' | 'location'>;

/**
 * What one file yields. `article` is null when the file is skipped (empty, binary, too large), and
 * `warning` then says why; a warning can also come with an article (text read as Windows-1252).
 * Plain data: it crosses worker boundaries by structured clone and is stored in the cache as JSON.
 */
export interface Extracted {
  article: ExtractedArticle | null;
  warning: string | null;
}

export function extractArticle(content: Uint8Array | string, maxBytes: number): Extracted {
  let text: string | null;
  let warning: string | null = null;
  if (typeof content === 'string') text = content;
  else ({ text, warning } = decodeArticleBytes(content, maxBytes));
  if (text !== null && !text.replace(/^\uFEFF/, '').trim()) {
    text = null;
    warning = 'skipped: the file is empty';
  }
  if (text === null) return { article: null, warning };

  const parsed = parseArticle(text);
  // Related-article headlines and captions name people too ("Diosdado Cabello in Russia"), so
  // extraction reads them after the body.
  const entityText = parsed.asides.length ? `${parsed.body}\n\n${parsed.asides.join('\n\n')}` : parsed.body;
  const entities = extractEntities({ title: parsed.title, body: entityText, outlet: parsed.outlet });
  return {
    warning,
    article: {
      title: parsed.title,
      label: parsed.label,
      date: parsed.date,
      outlet: parsed.outlet,
      url: parsed.url,
      excerpt: parsed.excerpt,
      words: parsed.words,
      countries: entities.countries,
      persons: entities.persons,
      body: parsed.body,
      explicitKey: parsed.explicitKey,
      baseKey: deriveBaseKey(parsed),
    },
  };
}
