// The sidebar's commands: grouping and filter switches of each view, the article and group context
// menus, revealing an article, choosing the articles folder, showing warnings, and the snapshot the
// integration tests read (`dossier._sidebarSnapshot`).

import * as path from 'path';
import * as vscode from 'vscode';
import type { ReadWarning } from '../../core/types';
import { labelText } from '../../core/untrusted';
import { articlesGlob, searchQuery, UNKNOWN_GROUP, type GroupMode } from '../../core/library/grouping';
import { articleForUri } from '../articleText';
import { OPEN_ARTICLE_COMMAND } from '../openArticle';
import type { GroupNode, LibraryNode, ViewKind } from './libraryTree';
import { MODE_TITLES, SHOW_MORE_COMMAND, VIEW_KINDS } from './libraryTree';
import { VIEW_MODES, type LibraryViews } from './libraryViews';

export const REVEAL_ARTICLE_COMMAND = 'dossier.revealArticle';
export const SNAPSHOT_COMMAND = 'dossier._sidebarSnapshot';

export function registerSidebarCommands(views: LibraryViews, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const { index } = views;
  const register = vscode.commands.registerCommand;
  const disposables: vscode.Disposable[] = [];

  for (const kind of VIEW_KINDS) {
    for (const mode of VIEW_MODES[kind]) {
      disposables.push(register(`dossier.${kind}.groupBy${MODE_TITLES[mode]}`, () => views.setMode(kind, mode)));
    }
    disposables.push(
      register(`dossier.${kind}.filter`, (text?: unknown) =>
        typeof text === 'string' ? views.setFilter(kind, text) : views.promptFilter(kind)),
      register(`dossier.${kind}.clearFilter`, () => views.setFilter(kind, '')),
    );
  }

  /** The article keys a context-menu command acts on: the clicked row, or all selected rows. */
  const keysOf = (node: unknown, nodes: unknown): string[] => {
    const picked = (Array.isArray(nodes) && nodes.length ? nodes : node ? [node] : []) as LibraryNode[];
    const fromNodes = picked.map((n) => (n.kind === 'article' ? n.key : n.kind === 'note' ? n.parent.key : undefined));
    const keys = fromNodes.filter((k): k is string => typeof k === 'string');
    if (keys.length) return [...new Set(keys)];
    if (typeof node === 'string') return [node];
    // From the palette or a keybinding: whatever the focused view has selected.
    return [...new Set(VIEW_KINDS.flatMap((kind) => views.selectedKeys(kind)))];
  };

  disposables.push(
    // From a "Show more" row (its node), or `{ view, group }` (a group's id, as in the snapshot).
    register(SHOW_MORE_COMMAND, (arg?: unknown) => {
      const more = arg as { kind?: string; view?: ViewKind; group?: GroupNode | string } | undefined;
      if (!more?.view || !VIEW_KINDS.includes(more.view) || !more.group) return false;
      return views.providers[more.view].showMore(more.group);
    }),
    register('dossier.sidebar.insertCitation', async (node?: unknown, nodes?: unknown) => {
      const keys = keysOf(node, nodes);
      if (!keys.length) return;
      try {
        await vscode.commands.executeCommand('dossier.insertCitation', { keys });
      } catch (error) {
        void vscode.window.showErrorMessage(`Dossier: could not insert the citation (${error instanceof Error ? error.message : String(error)}).`);
      }
    }),
    register('dossier.copyCitationKey', async (node?: unknown, nodes?: unknown) => {
      const keys = keysOf(node, nodes);
      if (!keys.length) return;
      const text = keys.map((k) => `@${k}`).join('; ');
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Dossier: copied ${text}`, 3000);
    }),
    register('dossier.sidebar.openToSide', async (node?: unknown, nodes?: unknown) => {
      for (const key of keysOf(node, nodes)) {
        await vscode.commands.executeCommand(OPEN_ARTICLE_COMMAND, { key, viewColumn: vscode.ViewColumn.Beside, preview: false });
      }
    }),
    register('dossier.sidebar.revealInExplorer', async (node?: unknown, nodes?: unknown) => {
      const key = keysOf(node, nodes)[0];
      const article = key ? index.corpus.get(key) : undefined;
      if (article) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(article.location));
    }),
    register('dossier.sidebar.searchGroup', async (node?: GroupNode) => {
      if (node?.kind !== 'group' || node.row.id === UNKNOWN_GROUP) return;
      try {
        await vscode.commands.executeCommand('dossier.searchArticles', searchQuery(node.row.mode, node.row.id, node.row.name));
      } catch (error) {
        void vscode.window.showErrorMessage(`Dossier: search is not available (${error instanceof Error ? error.message : String(error)}).`);
      }
    }),
    register(REVEAL_ARTICLE_COMMAND, async (arg?: unknown): Promise<boolean> => {
      const key = typeof arg === 'string' ? arg
        : arg && typeof arg === 'object' && typeof (arg as { key?: unknown }).key === 'string' ? (arg as { key: string }).key
          : activeArticleKey(views);
      if (!key) {
        void vscode.window.showInformationMessage('Dossier: the active editor is not an indexed article.');
        return false;
      }
      // The Countries view first; the People view when Countries hides the article (filter).
      const order: ViewKind[] = views.views.people.visible && !views.views.countries.visible ? ['people', 'countries'] : ['countries', 'people'];
      for (const kind of order) if (await views.reveal(kind, key, { select: true, focus: true })) return true;
      void vscode.window.showInformationMessage(`Dossier: @${key} is hidden by the sidebar's filter or not indexed.`);
      return false;
    }),
    register('dossier.chooseArticlesFolder', () => chooseArticlesFolder()),
    register('dossier.showWarnings', () => {
      const warnings = index.corpus.warnings();
      if (!warnings.length) {
        void vscode.window.showInformationMessage(`Dossier: no warnings; ${index.corpus.size} articles indexed.`);
        return;
      }
      return showWarningList(warnings, output);
    }),
    register(SNAPSHOT_COMMAND, (args?: SnapshotArgs) => snapshot(views, args ?? {})),
  );
  return disposables;
}

/** The skipped files as a list: picking one opens it (or shows it in the Explorer); the log holds them too. */
async function showWarningList(warnings: ReadWarning[], output: vscode.LogOutputChannel): Promise<void> {
  type Item = vscode.QuickPickItem & { warning?: ReadWarning };
  const items: Item[] = warnings.map((w) => ({ label: labelText(w.file), detail: labelText(w.message), warning: w }));
  items.push({ label: '$(output) Show the Dossier log' });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Dossier: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, matchOnDetail: true,
    placeHolder: 'Files skipped or read with a fallback; pick one to open it',
  });
  if (!picked) return;
  if (!picked.warning) return output.show(true);
  const uri = warningUri(picked.warning);
  if (!uri) return output.show(true);
  // Only regular files within the limit are opened: a FIFO or a 3 GB file must not reach the editor.
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (stat && stat.type & vscode.FileType.File && !/over the .* limit/.test(picked.warning.message)) {
    await vscode.window.showTextDocument(uri, { preview: true });
  } else if (stat) await vscode.commands.executeCommand('revealInExplorer', uri);
  else output.show(true);
}

function warningUri(warning: ReadWarning): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const file = warning.file.replace(/\/$/, '');
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0]!.uri, file);
  const [name, ...rest] = file.split('/');
  const folder = folders.find((f) => f.name === name);
  return folder && vscode.Uri.joinPath(folder.uri, ...rest);
}

export function activeArticleKey(views: LibraryViews): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? articleForUri(views.index, uri)?.key : undefined;
}

// ---- Choose Articles Folder… -----------------------------------------------------------------------

async function chooseArticlesFolder(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage('Dossier: open a folder first; Dossier indexes articles inside the workspace.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
    defaultUri: folders[0]!.uri, openLabel: 'Use as Articles Folder', title: 'Dossier: the folder that holds your articles',
  });
  const chosen = picked?.[0];
  if (!chosen) return;
  const folder = vscode.workspace.getWorkspaceFolder(chosen);
  if (!folder) {
    void vscode.window.showWarningMessage(`Dossier: ${chosen.fsPath} is outside the workspace; choose a folder inside it, or add it to the workspace first.`);
    return;
  }
  const glob = articlesGlob(path.posix.relative(folder.uri.path, chosen.path));
  const target = folders.length > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration('dossier', folder.uri).update('articles', [glob], target);
  vscode.window.setStatusBarMessage(`Dossier: articles are now ${glob}`, 5000);
}

// ---- the test seam ---------------------------------------------------------------------------------

export interface SnapshotArgs {
  /** Only this view (default: both). */
  view?: ViewKind;
  /** List the article rows of every group (true) or of the groups with these ids or labels. */
  expand?: boolean | string[];
}

export interface SnapshotRow {
  id: string;
  label: string;
  description: string | undefined;
  tooltip: string | undefined;
  contextValue: string | undefined;
}

export interface SnapshotGroup extends SnapshotRow {
  groupId: string;
  articles?: (SnapshotRow & { key: string; notes: SnapshotRow[] })[];
  /** The "Show more" row, when the group lists fewer articles than it holds. */
  more?: SnapshotRow;
}

export interface SnapshotView {
  viewId: string;
  mode: GroupMode;
  filter: string;
  message: string | undefined;
  description: string | undefined;
  visible: boolean;
  selection: string[];
  groups: SnapshotGroup[];
}

/** The rows exactly as the views render them (getTreeItem and resolveTreeItem), for tests. */
async function snapshot(views: LibraryViews, args: SnapshotArgs): Promise<Record<string, SnapshotView>> {
  const result: Record<string, SnapshotView> = {};
  for (const kind of VIEW_KINDS) {
    if (args.view && args.view !== kind) continue;
    const provider = views.providers[kind];
    const view = views.views[kind];
    const groups: SnapshotGroup[] = [];
    for (const node of provider.getChildren()) {
      if (node.kind !== 'group') continue;
      const row = toRow(provider.getTreeItem(node));
      const group: SnapshotGroup = { ...row, groupId: node.row.id };
      const wanted = args.expand === true || (Array.isArray(args.expand) && (args.expand.includes(node.row.id) || args.expand.includes(node.row.name)));
      if (wanted) {
        group.articles = [];
        for (const child of provider.getChildren(node)) {
          if (child.kind === 'more') group.more = toRow(provider.getTreeItem(child));
          if (child.kind !== 'article') continue;
          const item = provider.resolveTreeItem(provider.getTreeItem(child), child);
          const notes = provider.getChildren(child).map((n) => toRow(provider.getTreeItem(n)));
          group.articles.push({ ...toRow(item), key: child.key, notes });
        }
      }
      groups.push(group);
    }
    result[kind] = {
      viewId: provider.viewId, mode: provider.mode, filter: provider.model.filter, message: view.message,
      description: view.description, visible: view.visible,
      selection: view.selection.map((n) => (n.kind === 'article' ? n.key : n.id)), groups,
    };
  }
  return result;
}

function toRow(item: vscode.TreeItem): SnapshotRow {
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  return {
    id: item.id ?? '', label, description: typeof item.description === 'string' ? item.description : undefined,
    tooltip, contextValue: item.contextValue,
  };
}
