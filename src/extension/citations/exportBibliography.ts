// Dossier: Export Bibliography… — CSL-JSON or BibTeX, of all articles or only those cited in the
// current note or in the workspace's notes, written where the user chooses (never over an article).
// "Cited" is what Pandoc puts in the note's bibliography: keys in the text and in the front matter's
// `nocite` list, and every article for `nocite: "@*"`.

import * as vscode from 'vscode';
import { scanNoteCitations, toBibtex, toCslJson } from '../../core/citations';
import { isNoteDocument, type NoteIndex } from '../noteIndex';
import type { WorkspaceIndex } from '../workspaceIndex';

type Format = 'csl-json' | 'bibtex';
type Scope = 'all' | 'note' | 'workspace';

export interface ExportArgs {
  format?: Format;
  scope?: Scope;
  /** Where to write (skips the save dialog). */
  uri?: vscode.Uri;
}

export function registerExportBibliography(index: WorkspaceIndex, notes: NoteIndex): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.exportBibliography', async (args: ExportArgs = {}) => {
    await index.whenReady();
    const note = vscode.window.activeTextEditor?.document;
    const hasNote = !!note && isNoteDocument(note) && !index.corpus.byLocation(note.uri.toString());
    const format = args.format ?? (await vscode.window.showQuickPick([
      { label: 'CSL-JSON', description: 'Pandoc, Quarto, Zotero', value: 'csl-json' as Format },
      { label: 'BibTeX', description: 'LaTeX, Pandoc', value: 'bibtex' as Format },
    ], { title: 'Export Bibliography: format' }))?.value;
    if (!format) return undefined;
    const scope = args.scope ?? (await vscode.window.showQuickPick([
      { label: 'All articles', value: 'all' as Scope },
      ...(hasNote ? [{ label: 'Articles cited in the current note', value: 'note' as Scope }] : []),
      { label: 'Articles cited in the workspace\'s notes', value: 'workspace' as Scope },
    ], { title: 'Export Bibliography: which articles' }))?.value;
    if (!scope) return undefined;

    let keys: Set<string> | null = null;
    if (scope === 'note' && note) {
      const cited = scanNoteCitations(note.getText());
      keys = cited.all ? null : new Set(cited.citations.map((c) => c.key));
    }
    if (scope === 'workspace') {
      await notes.whenReady();
      keys = notes.citesAll() ? null : notes.citedKeys();
    }
    const articles = index.corpus.articles().filter((a) => !keys || keys.has(a.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
    const records = articles.map((a) => index.corpus.record(a));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = format === 'bibtex' ? 'references.bib' : 'references.json';
    const uri = args.uri ?? await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'bibtex' ? { BibTeX: ['bib'] } : { 'CSL-JSON': ['json'] },
      title: 'Export Bibliography',
    });
    if (!uri) return undefined;
    if (index.corpus.byLocation(uri.toString()) || index.isArticle(uri)) {
      void vscode.window.showErrorMessage('Dossier never writes over an article file: choose another name.');
      return undefined;
    }
    const text = format === 'bibtex' ? toBibtex(records) : toCslJson(records);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`Dossier: exported ${records.length} article${records.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
  });
}
