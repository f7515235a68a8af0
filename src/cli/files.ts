// Finding and loading article files from folders on disk for the CLI (the extension uses
// vscode.workspace.findFiles and workspace.fs instead, and indexes the same set). Skips node_modules
// and dot-folders, as the README says. Symbolic links are followed as VS Code's search follows them;
// each real folder is walked once and each real file indexed once, so a link loop ends and a file
// reached by two paths is one article. Whatever cannot be walked or read is warned about, once, with
// its reason: nothing is skipped silently. Sizes are checked by `fstat` before a bounded read.

import * as fs from 'fs';
import * as path from 'path';
import { articleFormat, FORMAT_EXTENSIONS, withoutSavedPageAssets } from '../core/articles';
import { tooLargeMessage } from '../core/articles/decode';
import { Corpus } from '../core/library/corpus';
import { UsageError } from './args';

/** Every extension the readers know (core/articles: text, HTML, PDF). */
export const ARTICLE_EXTENSIONS = new Set(Object.values(FORMAT_EXTENSIONS).flat().map((e) => `.${e}`));

export interface FoundFile {
  /** The absolute path, as text (a name that is not UTF-8 has its bytes as `%XX`): the file's identity. */
  absolute: string;
  /** Relative to the folder given, with forward slashes (`\uFFFD` for bytes of a name that is not UTF-8). */
  relative: string;
  /** The path to open: a Buffer when the name is not valid UTF-8, so the file is still found. */
  fsPath: string | Buffer;
}

export type WalkWarning = (location: string, shown: string, message: string) => void;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/** A directory entry's name as display text and as identity text, and whether it is valid UTF-8. */
function entryName(name: Buffer): { shown: string; identity: string; valid: boolean } {
  try {
    const text = utf8Strict.decode(name);
    return { shown: text, identity: text, valid: true };
  } catch {
    const identity = [...name].map((b) => (b >= 0x80 || b === 0x25 ? `%${b.toString(16).toUpperCase()}` : String.fromCharCode(b))).join('');
    return { shown: utf8Lossy.decode(name), identity, valid: false };
  }
}

/** "permission denied (EACCES)": what an error code means, for a warning. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', ENOENT: 'it no longer exists',
    ENAMETOOLONG: 'the path is longer than the system allows', ELOOP: 'a loop of symbolic links',
    EMFILE: 'too many open files', ENFILE: 'too many open files', EIO: 'an input/output error',
    ENOTDIR: 'a part of the path is not a folder', EISDIR: 'it is a folder', EAGAIN: 'it is not ready to be read',
  };
  if (code) return words[code] ? `${words[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}

function kindOf(stat: fs.Stats | fs.Dirent<Buffer>): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The real path as identity text (bytes as Latin-1: lossless, whatever the name's encoding). */
function realPath(fsPath: string | Buffer): string {
  // (.native: the JavaScript realpathSync turns a Buffer path into text and loses bytes that are not UTF-8.)
  return fs.realpathSync.native(fsPath, { encoding: 'buffer' }).toString('latin1');
}

interface Folder {
  fsPath: string | Buffer;
  absolute: string;
  relative: string;
  /** Real paths of this folder and its ancestors, to tell a loop from a folder reached twice. */
  ancestors: Set<string>;
}

export function findFiles(root: string, extensions = ARTICLE_EXTENSIONS, warn: WalkWarning = () => {}): FoundFile[] {
  const found: FoundFile[] = [];
  const walkedFolders = new Set<string>();
  const byRealPath = new Map<string, FoundFile>();
  const shownOf = (relative: string) => relative || '.';
  // Depth first in name order, with an explicit stack: a very deep tree cannot overflow the call stack.
  const stack: Folder[] = [{ fsPath: root, absolute: root, relative: '', ancestors: new Set() }];
  while (stack.length) {
    const folder = stack.pop()!;
    let real: string;
    let entries: fs.Dirent<Buffer>[];
    try {
      real = realPath(folder.fsPath);
      if (folder.ancestors.has(real)) {
        warn(folder.absolute, shownOf(folder.relative) + '/', `skipped folder: a symbolic link loop (it leads back to ${real})`);
        continue;
      }
      if (walkedFolders.has(real)) continue; // reached by another path: its articles are indexed there
      walkedFolders.add(real);
      entries = fs.readdirSync(folder.fsPath, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      warn(folder.absolute, shownOf(folder.relative) + '/', `skipped folder: ${reasonOf(error)}`);
      continue;
    }
    const ancestors = new Set(folder.ancestors).add(real);
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    const subfolders: Folder[] = [];
    for (const entry of entries) {
      const name = entryName(entry.name);
      if (name.shown.startsWith('.') || name.shown === 'node_modules') continue;
      const fsPath = name.valid && typeof folder.fsPath === 'string'
        ? path.join(folder.fsPath, name.shown)
        : Buffer.concat([Buffer.from(folder.fsPath), Buffer.from(path.sep), entry.name]);
      const absolute = path.join(folder.absolute, name.identity);
      const relative = folder.relative ? `${folder.relative}/${name.shown}` : name.shown;
      const isArticleName = extensions.has(path.extname(name.shown).toLowerCase());
      let stat: fs.Stats | fs.Dirent<Buffer> = entry;
      if (entry.isSymbolicLink()) {
        try {
          stat = fs.statSync(fsPath);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          warn(absolute, relative, code === 'ENOENT' ? 'skipped: a broken symbolic link (its target does not exist)' : `skipped: ${reasonOf(error)}`);
          continue;
        }
      }
      if (stat.isDirectory()) {
        subfolders.push({ fsPath, absolute, relative, ancestors });
        continue;
      }
      if (!isArticleName) continue;
      if (!stat.isFile()) {
        warn(absolute, relative, `skipped: ${kindOf(stat)}`);
        continue;
      }
      let realFile: string;
      try {
        realFile = realPath(fsPath);
      } catch (error) {
        warn(absolute, relative, `skipped: ${reasonOf(error)}`);
        continue;
      }
      // The same file by several paths (links) is one article, under the first of its paths in
      // name order: the one the extension keeps too.
      const file = { absolute, relative, fsPath };
      const earlier = byRealPath.get(realFile);
      if (!earlier || relative < earlier.relative) byRealPath.set(realFile, file);
      found.push(file);
    }
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!);
  }
  const kept = new Set(byRealPath.values());
  return found.filter((file) => kept.has(file));
}

/**
 * The bytes of an article file, read only after `fstat` says it is a regular file within the limit,
 * and never more than the limit (a file that grows while read is caught). Opened non-blocking, so a
 * file replaced by a FIFO after it was listed cannot stall the read.
 */
export function readArticleFile(fsPath: string | Buffer, maxBytes: number): { bytes: Uint8Array } | { warning: string } {
  let fd: number;
  try {
    fd = fs.openSync(fsPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { warning: `skipped: ${reasonOf(error)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { warning: `skipped: ${kindOf(stat)}` };
    if (stat.size > maxBytes) return { warning: tooLargeMessage(stat.size, maxBytes) };
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > maxBytes) return { warning: tooLargeMessage(length, maxBytes) + ' (it grew while read)' };
        // It grew but is still within the limit: read on, in a larger buffer.
        const larger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        return readRest(fd, larger, length, maxBytes);
      }
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { warning: `skipped: ${reasonOf(error)}` };
  } finally {
    fs.closeSync(fd);
  }
}

function readRest(fd: number, buffer: Buffer, length: number, maxBytes: number): { bytes: Uint8Array } | { warning: string } {
  for (;;) {
    const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return { bytes: buffer.subarray(0, length) };
    length += n;
    if (length > maxBytes) return { warning: tooLargeMessage(length, maxBytes) + ' (it grew while read)' };
  }
}

/** Why VS Code's file search cannot list a name (found by the integration test), or null. */
export function unlistableName(file: FoundFile): string | null {
  if (typeof file.fsPath !== 'string') return 'bytes that are not UTF-8';
  if (/[\n\r]/.test(file.relative)) return 'a line break';
  return null;
}

export function checkFolder(folder: string): string {
  const absolute = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such folder: ${folder}` : `cannot read ${folder}: ${reasonOf(error)}`);
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
  corpus.batch(() => {
    for (const input of inputs) {
      const absolute = path.resolve(input);
      let files: FoundFile[];
      let prefix = '';
      if (fs.existsSync(absolute) && !fs.statSync(absolute).isDirectory()) {
        files = [{ absolute, relative: path.basename(absolute), fsPath: absolute }];
      } else {
        prefix = inputs.length > 1 ? path.basename(absolute) + '/' : '';
        files = findFiles(checkFolder(input), ARTICLE_EXTENSIONS, (location, shown, message) => corpus.reportUnreadable(location, prefix + shown, message));
        // The files of a "Save Page As… complete" folder beside their page are not articles.
        files = withoutSavedPageAssets(files, (f) => f.relative);
      }
      for (const file of files) {
        const shown = prefix + file.relative;
        const read = readArticleFile(file.fsPath, corpus.limits[articleFormat(file.absolute)]);
        if ('warning' in read) corpus.reportUnreadable(file.absolute, shown, read.warning);
        else if (corpus.upsert(file.absolute, shown, read.bytes) && unlistableName(file)) {
          corpus.addNotice(file.absolute, shown, `indexed, but VS Code's search cannot list this file name (${unlistableName(file)}), so the extension will not see it: rename it`);
        }
      }
    }
  });
  return corpus;
}

/** Runs `then` once the corpus holds every file (PDFs are parsed asynchronously): synchronously when none is pending. */
export function whenRead<T>(corpus: Corpus, then: () => T): T | Promise<T> {
  return corpus.reading ? corpus.settled().then(then) : then();
}
