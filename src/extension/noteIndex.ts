// Citations in the workspace's Markdown notes: a per-document cache of scanned citations, kept
// current from open editors (as you type) and from the file watcher (for closed files). References,
// the sidebar's "cited in" rows and the bibliography's "cited in the workspace" scope ask it.
// The keys of a note's `nocite` front matter count as citations of it (they are in its bibliography,
// and the editor shows them like the others); `nocite: "@*"` only widens the exported bibliography.

import * as vscode from 'vscode';
import { scanNoteCitations, type CitationOccurrence, type NoteCitationScan } from '../core/citations';
import type { CitingNote, CitingNotesSource } from './sidebar/citingNotes';
import type { WorkspaceIndex } from './workspaceIndex';

const NOTE_GLOB = '**/*.{md,markdown,qmd,rmd}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const NOTHING: NoteCitationScan = { citations: [], all: false };

export function isNoteDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown|qmd|rmd)$/i.test(document.uri.path);
}

export class NoteIndex implements CitingNotesSource, vscode.Disposable {
  private readonly citationsByNote = new Map<string, CitationOccurrence[]>();
  private readonly notesByKey = new Map<string, Set<string>>();
  /** Notes whose `nocite` holds `@*`. */
  private readonly notesCitingAll = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<readonly string[] | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private ready: Promise<void>;

  constructor(private readonly index: WorkspaceIndex) {
    const watcher = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFromDisk(uri)),
      watcher.onDidChange((uri) => {
        // Open documents are tracked from their text, which is newer than the disk.
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) void this.refreshFromDisk(uri);
      }),
      watcher.onDidDelete((uri) => this.set(uri.toString(), NOTHING)),
      // A folder of notes moved, renamed or deleted: one event for the folder, none for its notes.
      index.folders.onDidDelete((uri) => this.forgetUnder(uri)),
      index.folders.onDidCreateFolder((files) => {
        for (const file of files) if (/\.(?:md|markdown|qmd|rmd)$/i.test(file.path)) void this.refreshFromDisk(file);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (this.isNote(e.document)) this.setFromDocument(e.document); }),
      vscode.workspace.onDidOpenTextDocument((d) => { if (this.isNote(d)) this.setFromDocument(d); }),
      // Unsaved changes are gone with a closed document: back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((d) => { if (this.isNote(d) && d.uri.scheme === 'file') void this.refreshFromDisk(d.uri); }),
    );
    this.ready = this.scan();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Forgets the notes under a deleted folder. */
  private forgetUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const notes = new Set([...this.citationsByNote.keys(), ...this.notesCitingAll]);
    for (const note of notes) if (note.startsWith(prefix)) this.set(note, NOTHING);
  }

  /** Citations in a note, from its open document when there is one. */
  citationsIn(document: vscode.TextDocument): CitationOccurrence[] {
    this.setFromDocument(document);
    return this.citationsByNote.get(document.uri.toString()) ?? [];
  }

  citingNotes(key: string): readonly CitingNote[] {
    const notes = [...(this.notesByKey.get(key) ?? [])].sort();
    return notes.map((note) => {
      const occurrences = (this.citationsByNote.get(note) ?? []).filter((c) => c.key === key);
      const first = occurrences[0]!;
      const range = new vscode.Range(first.line, first.character, first.line, first.character + first.key.length);
      return { uri: vscode.Uri.parse(note), range, count: occurrences.length };
    });
  }

  /** Every citation of `key` in the workspace's notes, as locations. */
  references(key: string): vscode.Location[] {
    const locations: vscode.Location[] = [];
    for (const note of [...(this.notesByKey.get(key) ?? [])].sort()) {
      for (const c of this.citationsByNote.get(note) ?? []) {
        if (c.key === key) locations.push(new vscode.Location(vscode.Uri.parse(note), new vscode.Range(c.line, c.character, c.line, c.character + c.key.length)));
      }
    }
    return locations;
  }

  /** Every key cited anywhere in the workspace's notes. */
  citedKeys(): Set<string> {
    return new Set(this.notesByKey.keys());
  }

  /** Whether some note has `nocite: "@*"`: its bibliography, so the workspace's, holds every article. */
  citesAll(): boolean {
    return this.notesCitingAll.size > 0;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private isNote(document: vscode.TextDocument): boolean {
    return isNoteDocument(document) && document.uri.scheme !== 'git' && !this.index.corpus.byLocation(document.uri.toString());
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(NOTE_GLOB, EXCLUDE);
    for (const uri of uris) await this.refreshFromDisk(uri);
    for (const document of vscode.workspace.textDocuments) if (this.isNote(document)) this.setFromDocument(document);
  }

  private async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    // Articles written in Markdown are sources, not notes.
    if (this.index.corpus.byLocation(uri.toString()) || this.index.isArticle(uri)) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > 5 * 1024 * 1024 || bytes.includes(0)) return;
      this.set(uri.toString(), scanNoteCitations(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')));
    } catch {
      this.set(uri.toString(), NOTHING);
    }
  }

  private setFromDocument(document: vscode.TextDocument): void {
    // Positions must be the document's own, so scan its text as it is (line ends included).
    this.set(document.uri.toString(), scanNoteCitations(document.getText()));
  }

  private set(note: string, { citations, all }: NoteCitationScan): void {
    if (all) this.notesCitingAll.add(note);
    else this.notesCitingAll.delete(note);
    const before = new Set((this.citationsByNote.get(note) ?? []).map((c) => c.key));
    const after = new Set(citations.map((c) => c.key));
    if (citations.length) this.citationsByNote.set(note, citations);
    else this.citationsByNote.delete(note);
    const changed: string[] = [];
    for (const key of before) if (!after.has(key)) {
      this.notesByKey.get(key)?.delete(note);
      if (this.notesByKey.get(key)?.size === 0) this.notesByKey.delete(key);
      changed.push(key);
    }
    for (const key of after) if (!before.has(key)) {
      let notes = this.notesByKey.get(key);
      if (!notes) this.notesByKey.set(key, (notes = new Set()));
      notes.add(note);
      changed.push(key);
    }
    if (changed.length) this.emitter.fire(changed);
  }
}
