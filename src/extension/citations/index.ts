// Citations in Markdown notes: wires the note index and the features over it (hover, completion,
// definition and references, diagnostics, insert, export, the lenses in an article's editor), and hands
// the sidebar its "cited in" source.

import * as vscode from 'vscode';
import { registerArticleLens } from './articleLens';
import { registerCitationCompletion } from './completion';
import { registerCitationDiagnostics } from './diagnostics';
import { registerCitationHover } from './hover';
import { registerCitationNavigation } from './navigation';
import { registerExportBibliography } from './exportBibliography';
import { registerInsertCitation } from './insertCitation';
import { registerPreviewRefresh } from './markdownPreview';
import { NoteIndex } from '../noteIndex';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerCitations(context: vscode.ExtensionContext, index: WorkspaceIndex): NoteIndex {
  const notes = new NoteIndex(index);
  context.subscriptions.push(
    notes,
    registerCitationHover(index, notes),
    registerCitationCompletion(index),
    registerCitationNavigation(index, notes),
    registerCitationDiagnostics(index, notes),
    registerInsertCitation(index),
    registerExportBibliography(index, notes),
    registerPreviewRefresh(index),
    registerArticleLens(index, notes),
  );
  return notes;
}
