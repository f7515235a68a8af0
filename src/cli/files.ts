// Finding and loading article files from folders on disk for the CLI (the extension uses
// vscode.workspace.fs instead). Skips node_modules and dot-folders, as the README says.

import * as fs from 'fs';
import * as path from 'path';
import { FORMAT_EXTENSIONS, withoutSavedPageAssets } from '../core/articles';
import { Corpus } from '../core/library/corpus';
import { UsageError } from './args';

/** Every extension the readers know (core/articles: text, HTML, PDF). */
export const ARTICLE_EXTENSIONS = new Set(Object.values(FORMAT_EXTENSIONS).flat().map((e) => `.${e}`));

export interface FoundFile {
  absolute: string;
  /** Relative to the folder given, with forward slashes. */
  relative: string;
}

export function findFiles(root: string, extensions = ARTICLE_EXTENSIONS): FoundFile[] {
  const found: FoundFile[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile() && extensions.has(path.extname(entry.name).toLowerCase())) {
        found.push({ absolute, relative: path.relative(root, absolute).split(path.sep).join('/') });
      }
    }
  };
  walk(root);
  return found;
}

export function checkFolder(folder: string): string {
  const absolute = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UsageError(`no such folder: ${folder}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  return absolute;
}

/**
 * Indexes every article under the folders (or single files) given. With several folders, `file`
 * is prefixed by the folder's name so that paths stay unambiguous.
 */
export function loadCorpus(inputs: string[]): Corpus {
  const corpus = new Corpus();
  const roots = inputs.map((input) => {
    const absolute = path.resolve(input);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isFile()) {
      return { files: [{ absolute, relative: path.basename(absolute) }] };
    }
    return { files: withoutSavedPageAssets(findFiles(checkFolder(input)), (f) => f.relative), prefix: inputs.length > 1 ? path.basename(absolute) + '/' : '' };
  });
  corpus.batch(() => {
    for (const root of roots) {
      for (const file of root.files) {
        const shown = ('prefix' in root ? root.prefix ?? '' : '') + file.relative;
        let bytes: Uint8Array;
        try {
          bytes = fs.readFileSync(file.absolute);
        } catch (error) {
          // Deleted or unreadable between listing and reading: say so and go on.
          corpus.reportUnreadable(file.absolute, shown, (error as NodeJS.ErrnoException).code ?? String(error));
          continue;
        }
        corpus.upsert(file.absolute, shown, bytes);
      }
    }
  });
  return corpus;
}

/** Runs `then` once the corpus holds every file (PDFs are parsed asynchronously): synchronously when none is pending. */
export function whenRead<T>(corpus: Corpus, then: () => T): T | Promise<T> {
  return corpus.reading ? corpus.settled().then(then) : then();
}
