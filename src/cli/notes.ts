// Markdown notes for `check` and `bib --cited-in`: files given directly, or *.md found in folders.
// A note's citations include the keys of its front matter's `nocite` field (Pandoc's uncited entries).

import * as fs from 'fs';
import * as path from 'path';
import { scanNoteCitations, type CitationOccurrence } from '../core/citations';
import { UsageError } from './args';
import { terminalText } from '../core/untrusted';
import { findFiles, readArticleFile } from './files';

/** Notes are the user's own writing; the limit only guards against a mistaken path (a disk image). */
const NOTE_MAX_BYTES = 64 * 1024 * 1024;

export interface NoteCitations {
  file: string;
  citations: CitationOccurrence[];
  /** `nocite: "@*"`: every article belongs in the note's bibliography. */
  all: boolean;
}

export function readNotes(inputs: string[], err: (text: string) => void = () => {}): NoteCitations[] {
  const notes: NoteCitations[] = [];
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`);
    const files = fs.statSync(input).isDirectory()
      ? findFiles(input, new Set(['.md', '.markdown', '.qmd', '.rmd']), (_, shown, message) => err(terminalText(`warning: ${shown}: ${message}`))).map((f) => f.fsPath)
      : [input];
    for (const file of files) {
      const shown = path.relative(process.cwd(), file.toString()) || file.toString();
      const read = readArticleFile(file, NOTE_MAX_BYTES);
      if ('warning' in read) {
        err(terminalText(`warning: ${shown}: ${read.warning}`));
        continue;
      }
      const text = new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      notes.push({ file: shown, ...scanNoteCitations(text) });
    }
  }
  return notes;
}
