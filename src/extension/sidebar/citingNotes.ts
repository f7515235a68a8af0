// The hook through which the sidebar learns which notes cite an article. The citations feature owns
// the note index; it hands the sidebar a source with `Sidebar.setCitingNotes(source)` (see index.ts).
// Until one is set, articles simply show no notes.

import * as vscode from 'vscode';

export interface CitingNote {
  /** The note (a Markdown file). */
  uri: vscode.Uri;
  /** Where the first citation of the article is in the note, if known. */
  range?: vscode.Range;
  /** How many times the note cites the article. */
  count?: number;
}

export interface CitingNotesSource {
  /** The notes that cite `key`, in a stable order. */
  citingNotes(key: string): readonly CitingNote[];
  /** Fires with the keys whose citing notes changed, or undefined when anything may have. */
  readonly onDidChange?: vscode.Event<readonly string[] | undefined>;
}

/** No note index yet: nothing cites anything. */
export const NO_CITING_NOTES: CitingNotesSource = { citingNotes: () => [] };
