// The one entry point from a file to its record fields, chosen by the file's extension: plain text
// and Markdown (reader.ts), saved web pages (html.ts), PDFs (pdf.ts). The CLI and the extension both
// come through here (by way of the corpus). It is pure — bytes and a name in, fields out, no I/O —
// so it can run in a worker.

import { decodeArticleBytes, DEFAULT_MAX_BYTES, tooLargeMessage } from './decode';
import { readHtmlArticle } from './html';
import { readMhtml } from './mhtml';
import { readPdfArticle } from './pdf';
import { parseArticle, type ParsedArticle } from './reader';

export type ArticleFormat = 'text' | 'html' | 'pdf';

/** Size limits per format, in bytes: a 40 MB PDF is normal, a 40 MB web page is not. */
export interface FormatLimits {
  text: number;
  html: number;
  pdf: number;
}

export const DEFAULT_LIMITS: FormatLimits = { text: DEFAULT_MAX_BYTES, html: 20 * 1024 * 1024, pdf: 100 * 1024 * 1024 };

/** The file extensions (lower case, no dot) read as each format. */
export const FORMAT_EXTENSIONS: Record<ArticleFormat, readonly string[]> = {
  text: ['txt', 'md', 'markdown'],
  html: ['html', 'htm', 'xhtml', 'mhtml', 'mht'],
  pdf: ['pdf'],
};

const FORMAT_BY_EXTENSION = new Map<string, ArticleFormat>(
  (Object.entries(FORMAT_EXTENSIONS) as [ArticleFormat, readonly string[]][]).flatMap(([format, exts]) => exts.map((e) => [e, format] as const)));

/** A web page saved as one MIME file (".mhtml", ".mht"): read through its text/html part. */
export function isWebArchive(path: string): boolean {
  return /\.mht(?:ml)?$/i.test(path.replace(/[?#].*$/, ''));
}

/** The format of a file by its name's extension; text for anything else (the settings chose the file). */
export function articleFormat(path: string): ArticleFormat {
  const name = path.replace(/[?#].*$/, '');
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return (dot > slash ? FORMAT_BY_EXTENSION.get(name.slice(dot + 1).toLowerCase()) : undefined) ?? 'text';
}

/** `readArticleFile` run elsewhere (the extension's worker thread), for the formats that cost most. */
export type OffThreadReader = (path: string, bytes: Uint8Array, limits: FormatLimits) => Promise<ArticleRead>;

/** What reading one file gives: the fields (null when it is skipped) and a message for the user. */
export interface ArticleRead {
  format: ArticleFormat;
  parsed: ParsedArticle | null;
  author: string | null;
  warning: string | null;
}

/** Reads a text or HTML file synchronously; PDFs need `readArticleFile`. */
export function readArticleFileSync(path: string, content: Uint8Array | string, limits: FormatLimits = DEFAULT_LIMITS): ArticleRead {
  const format = articleFormat(path);
  if (format === 'pdf') return { format, parsed: null, author: null, warning: 'skipped: a PDF is read from its bytes, asynchronously (readArticleFile)' };
  if (format === 'html') {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    if (isWebArchive(path)) {
      if (bytes.byteLength > limits.html) return { format, parsed: null, author: null, warning: tooLargeMessage(bytes.byteLength, limits.html) };
      const archive = readMhtml(bytes);
      if ('error' in archive) return { format, parsed: null, author: null, warning: `skipped: a web archive Dossier cannot read: ${archive.error}` };
      return emptyToSkipped({ format, ...readHtmlArticle(archive.page.html, limits.html, { charset: archive.page.charset, url: archive.page.url }) });
    }
    return emptyToSkipped({ format, ...readHtmlArticle(bytes, limits.html) });
  }
  let text: string | null;
  let warning: string | null = null;
  if (typeof content === 'string') text = content;
  else ({ text, warning } = decodeArticleBytes(content, limits.text));
  if (text !== null && !text.replace(/^\uFEFF/, '').trim()) return { format, parsed: null, author: null, warning: 'skipped: the file is empty' };
  return { format, parsed: text === null ? null : parseArticle(text), author: null, warning };
}

/** Reads any article file. Never rejects on bad content: that becomes a warning. */
export async function readArticleFile(path: string, content: Uint8Array | string, limits: FormatLimits = DEFAULT_LIMITS): Promise<ArticleRead> {
  if (articleFormat(path) !== 'pdf') return readArticleFileSync(path, content, limits);
  if (typeof content === 'string') return readArticleFileSync(path, content, limits);
  try {
    return { format: 'pdf', ...(await readPdfArticle(content, path, limits.pdf)) };
  } catch (error) {
    // pdf.js failing in a way readPdfArticle did not foresee: the file is skipped, indexing goes on.
    return { format: 'pdf', parsed: null, author: null, warning: `skipped: the PDF could not be read (${(error as Error)?.message ?? String(error)})` };
  }
}

function emptyToSkipped(read: ArticleRead): ArticleRead {
  if (read.parsed && !read.parsed.body.trim() && !read.parsed.title) return { ...read, parsed: null, warning: read.warning ?? 'skipped: the file is empty' };
  return read;
}

/**
 * Drops the files of "Save Page As… (complete)" folders: `page_files/…` beside `page.html` holds the
 * page's images, scripts and framed ads, not articles. A `_files` folder without its page is kept.
 * Linear in the number of paths.
 */
export function withoutSavedPageAssets<T>(files: readonly T[], pathOf: (file: T) => string): T[] {
  const pages = new Set<string>();
  for (const file of files) {
    const path = pathOf(file);
    if (articleFormat(path) === 'html') pages.add(path.replace(/\.[^./\\]+$/, ''));
  }
  if (!pages.size) return [...files];
  return files.filter((file) => {
    const path = pathOf(file);
    for (let end = path.indexOf('_files/'); end >= 0; end = path.indexOf('_files/', end + 1)) {
      if (pages.has(path.slice(0, end))) return false;
    }
    return true;
  });
}
