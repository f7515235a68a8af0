// The record shapes every part of Dossier shares: the reader fills them, the corpus indexes them,
// the features and the CLI read them. One place, so the JSON shape and the UI never drift apart.

/** A country an article is about. `code` is ISO 3166-1 alpha-2 (or a documented pseudo-code). */
export interface CountryMention {
  code: string;
  name: string;
  mentions: number;
}

/** A person named in an article, already resolved to a corpus-wide identity (`id`). */
export interface PersonMention {
  /** Stable across runs and articles: the same person gets the same id everywhere. */
  id: string;
  /** Canonical name: the fullest common form. */
  name: string;
  /** Every surface form seen in this article ("Serguei Lavrov", "Lavrov"). */
  variants: string[];
  mentions: number;
}

/** What `dossier index --json` prints for one article (version 1 of the shape). */
export interface ArticleRecord {
  key: string;
  /** Path relative to the indexed folder, with forward slashes. */
  file: string;
  title: string | null;
  label: string;
  /** ISO 8601 at the precision the text gives: 2025-05-07, 2025-05, 2025, or --02-19. */
  date: string | null;
  outlet: string | null;
  url: string | null;
  /** Byline or front matter `author` ("Jane Doe, John Roe"); null when the file names none. Added after v1's first fields. */
  author: string | null;
  excerpt: string;
  words: number;
  countries: CountryMention[];
  persons: PersonMention[];
}

/** An indexed article: the record plus what features need but the JSON does not carry. */
export interface Article extends ArticleRecord {
  /** The cleaned body text (page debris removed), used by search and hovers. */
  body: string;
  /** A key set explicitly in YAML front matter (`key:`), which wins over the derived one. */
  explicitKey: string | null;
  /** The key derived from content before uniqueness suffixes. */
  baseKey: string;
  /** Where the file lives for the host (a URI string in the extension, an absolute path in the CLI). */
  location: string;
  /**
   * What the file is: absent or `text` for `.txt`/`.md`; `html` and `pdf` articles are shown as their
   * extracted text (`body`), since the file itself is not readable text.
   */
  format?: 'text' | 'html' | 'pdf';
}

/** A problem with one input file; indexing goes on. */
export interface ReadWarning {
  file: string;
  message: string;
}
