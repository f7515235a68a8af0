// Markdown notes for `check` and `bib --cited-in`: files given directly, or *.md found in folders.
// A note's citations include the keys of its front matter's `nocite` field (Pandoc's uncited entries).

import * as fs from 'fs';
import * as path from 'path';
import { scanNoteCitations, type CitationOccurrence } from '../core/citations';
import { UsageError } from './args';
import { findFiles } from './files';

export interface NoteCitations {
  file: string;
  citations: CitationOccurrence[];
  /** `nocite: "@*"`: every article belongs in the note's bibliography. */
  all: boolean;
}

export function readNotes(inputs: string[]): NoteCitations[] {
  const notes: NoteCitations[] = [];
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`);
    const files = fs.statSync(input).isDirectory()
      ? findFiles(input, new Set(['.md', '.markdown', '.qmd', '.rmd'])).map((f) => f.absolute)
      : [input];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      notes.push({ file: path.relative(process.cwd(), file) || file, ...scanNoteCitations(text) });
    }
  }
  return notes;
}
