// The per-file work of indexing, as pure functions: a file's bytes → the article it holds (or why
// it was skipped). Reading goes through the articles' one entry point (`readArticleFile`, by the
// file's extension: text, web page, PDF), then entities and the base key are derived here. The
// corpus calls it for single files; worker threads call it for large cold scans (`src/node/extractWorker.ts`),
// so every format is extracted the same way on both paths.

import { readArticleFile, readArticleFileSync, type ArticleRead, type FormatLimits } from '../articles';
import { extractEntities } from '../entities';
import type { Article } from '../types';
import { deriveBaseKey } from './keys';
import { bodyTerms } from '../search/normalize';
import { countedTerms, type CountedTerms } from '../search/termIndex';

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
  /**
   * The body's search terms counted (each distinct term once, space-separated — terms are letters
   * and digits only — with `bodyCounts` how often each occurs), when the extraction ran in a worker
   * asked for them: the search index then neither tokenises the body again on the host's thread (at
   * 10k articles, ~4 s of a first open) nor counts its terms (at 100k, ~8 s with splitting them).
   */
  bodyTerms?: string;
  bodyCounts?: Uint8Array;
  /**
   * Why a file handed over by its path (`ExtractFileAt`) could not be read; `article` is then null
   * and the caller reports it as it reports its own reads.
   */
  readProblem?: ReadProblem;
}

/** A local file's read that gave no bytes: skipped (with why), gone, or failed. */
/** A read that gave no bytes: skipped with a reason, gone, or an error (with its errno code, `EACCES`, when it has one). */
export type ReadProblem = { skipped: string } | { missing: true } | { error: string; code?: string };

/** `extracted` with its body's search terms, counted (`Extracted.bodyTerms`, `bodyCounts`). */
export function withBodyTerms(extracted: Extracted): Extracted {
  if (extracted.article) {
    const counted = countedTerms(bodyTerms(extracted.article.body));
    extracted.bodyTerms = counted.terms.join(' ');
    extracted.bodyCounts = counted.counts;
  }
  return extracted;
}

/**
 * Body terms an extraction counted, by the article they were counted for, until the search index
 * takes them (once: an article changed later is a new object, tokenised anew).
 */
const precomputed = new WeakMap<object, { terms: string; counts: Uint8Array }>();

export function keepBodyTerms(article: object, terms: string, counts: Uint8Array): void {
  precomputed.set(article, { terms, counts });
}

export function takeBodyTerms(article: object): CountedTerms | undefined {
  const kept = precomputed.get(article);
  if (kept === undefined) return undefined;
  precomputed.delete(article);
  return { terms: kept.terms ? kept.terms.split(' ') : [], counts: kept.counts };
}

/** Entities and the base key for what a reader gave. */
export function extractRead(read: ArticleRead): Extracted {
  const parsed = read.parsed;
  if (parsed === null) return { article: null, warning: read.warning };
  // Related-article headlines and captions name people too ("Diosdado Cabello in Russia"), so
  // extraction reads them after the body.
  const entityText = parsed.asides.length ? `${parsed.body}\n\n${parsed.asides.join('\n\n')}` : parsed.body;
  const entities = extractEntities({ title: parsed.title, body: entityText, outlet: parsed.outlet });
  return {
    warning: read.warning,
    article: {
      title: parsed.title,
      label: parsed.label,
      date: parsed.date,
      outlet: parsed.outlet,
      url: parsed.url,
      author: read.author ?? parsed.author,
      excerpt: parsed.excerpt,
      words: parsed.words,
      countries: entities.countries,
      persons: entities.persons,
      body: parsed.body,
      explicitKey: parsed.explicitKey,
      baseKey: deriveBaseKey(parsed),
      format: read.format,
    },
  };
}

/** A text or HTML file, synchronously (a PDF needs `extractArticle`). */
export function extractArticleSync(path: string, content: Uint8Array | string, limits?: FormatLimits): Extracted {
  return extractRead(readArticleFileSync(path, content, limits));
}

/** Any article file; never rejects on bad content (that becomes a warning). */
export async function extractArticle(path: string, content: Uint8Array | string, limits?: FormatLimits): Promise<Extracted> {
  return extractRead(await readArticleFile(path, content, limits));
}

export interface ExtractFile {
  /** The file's path or URI: its extension chooses the reader. */
  path: string;
  bytes: Uint8Array;
}

/** A local file for a worker to read itself (`path` as in `ExtractFile`; `fsPath` where it is on disk). */
export interface ExtractFileAt {
  path: string;
  fsPath: string;
}

/** One file, never rejecting: a reader that throws skips the file with the reason. */
export function extractSafely(file: ExtractFile, limits: FormatLimits): Promise<Extracted> {
  return extractArticle(file.path, file.bytes, limits).catch((error: unknown): Extracted => (
    { article: null, warning: `skipped: the reader failed (${(error as Error)?.message ?? String(error)})` }));
}
