// The Markdown preview: cited keys render as links to their article, with the title (and date ·
// outlet) as tooltip; unknown keys are marked (class `dossier-unknown`, wavy underline). A
// markdown-it plugin, returned from activate() as `extendMarkdownIt`
// (package.json: "markdown.markdownItPlugins": true).
//
// The link is a path relative to the note (as `[x](../seeds/a.txt)` would be): the preview opens
// relative links in the editor, while `command:` links are not allowed in the preview and `file:`
// links are not followed by it. Without a note (`markdown.api.render` of a string) it is the file URI.
// Code spans and fences are separate markdown-it tokens, so only prose text is rewritten, and the
// keys are found by the same scanner as everywhere else.

import * as path from 'path';
import * as vscode from 'vscode';
import { dateOutlet } from '../../core/card';
import { plainText } from '../../core/untrusted';
import { scanCitations } from '../../core/citations';
import type { Article } from '../../core/types';
import type { WorkspaceIndex } from '../workspaceIndex';

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  meta: unknown;
}

interface RenderEnv {
  currentDocument?: vscode.Uri;
}

interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[]; Token: new (type: string, tag: string, nesting: number) => Token }) => void): void } };
  inline: { ruler: { before(beforeName: string, name: string, rule: (state: InlineState, silent: boolean) => boolean): void } };
  renderer: { rules: Record<string, ((tokens: Token[], idx: number, options: unknown, env: RenderEnv | undefined) => string) | undefined> };
  utils: { escapeHtml(text: string): string };
}

/** What the inline rule uses of markdown-it's StateInline. */
interface InlineState {
  src: string;
  pos: number;
  push(type: string, tag: string, nesting: number): Token;
}

const TOKEN = 'dossier_citation';
const ESCAPED_AT = 'dossier_escaped_at';

/** The href of an article seen from a note: relative to the note's folder when both are files of one place. */
export function articleHref(article: Article, note: vscode.Uri | undefined): string {
  const target = vscode.Uri.parse(article.location);
  if (!note || note.scheme !== target.scheme || note.authority !== target.authority) return target.toString();
  const relative = path.posix.relative(path.posix.dirname(note.path), target.path);
  return relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * Parsing (cached by VS Code per document version) only marks where citations are, as
 * `dossier_citation` tokens; rendering looks the keys up, so a preview refresh shows articles added
 * or removed since, and knows the note (`env.currentDocument`) to link relative to it.
 */
export function citationPreviewPlugin(index: WorkspaceIndex) {
  return (md: MarkdownIt): MarkdownIt => {
    const escape = md.utils.escapeHtml;
    // `\@key` is not a citation (Pandoc prints "@key"). markdown-it's own escape rule would fold the
    // "@" into the surrounding text before the rule below sees it, so the escaped "@" gets a token
    // of its own, ahead of that rule.
    md.inline.ruler.before('escape', ESCAPED_AT, (state, silent) => {
      if (state.src.charCodeAt(state.pos) !== 0x5c /* \ */ || state.src.charCodeAt(state.pos + 1) !== 0x40 /* @ */) return false;
      if (!silent) state.push(ESCAPED_AT, '', 0).content = '@';
      state.pos += 2;
      return true;
    });
    md.renderer.rules[ESCAPED_AT] = () => '@';
    md.core.ruler.push(TOKEN, (state) => {
      for (const block of state.tokens) {
        if (block.type !== 'inline' || !block.children) continue;
        let insideLink = 0;
        const children: Token[] = [];
        const text = (content: string) => {
          const token = new state.Token('text', '', 0);
          token.content = content;
          children.push(token);
        };
        for (const token of block.children) {
          if (token.type === 'link_open') insideLink++;
          if (token.type === 'link_close') insideLink--;
          const citations = token.type === 'text' && insideLink === 0 && token.content.includes('@') ? scanCitations(token.content) : [];
          if (!citations.length) {
            children.push(token);
            continue;
          }
          let last = 0;
          for (const c of citations) {
            if (c.at > last) text(token.content.slice(last, c.at));
            const cite = new state.Token(TOKEN, '', 0);
            cite.content = token.content.slice(c.at, c.tokenEnd);
            cite.meta = { key: c.key };
            children.push(cite);
            last = c.tokenEnd;
          }
          if (last < token.content.length) text(token.content.slice(last));
        }
        block.children = children;
      }
    });
    md.renderer.rules[TOKEN] = (tokens, idx, _options, env) => {
      const token = tokens[idx]!;
      const key = (token.meta as { key: string }).key;
      const shown = escape(token.content);
      const article = index.corpus.get(key);
      if (article) {
        const href = escape(articleHref(article, env?.currentDocument));
        const tip = escape(plainText([article.title ?? article.label, dateOutlet(article)].filter(Boolean).join(' — ')));
        return `<a class="dossier-citation" href="${href}" data-href="${href}" title="${tip}" data-dossier-key="${escape(key)}">${shown}</a>`;
      }
      // Before the first index every key would look unknown: plain text until it is ready.
      if (index.state !== 'ready') return shown;
      return `<span class="dossier-citation dossier-unknown" title="${escape(`Unknown citation key @${key}`)}" style="text-decoration: wavy underline; text-decoration-color: #d19a00">${shown}</span>`;
    };
    return md;
  };
}

/** Re-renders open previews when the index is ready or articles change (keys may become known). */
export function registerPreviewRefresh(index: WorkspaceIndex): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const previewOpen = () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) =>
    tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)));
  const refresh = () => {
    clearTimeout(timer);
    if (!previewOpen()) return;
    timer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined), 500);
  };
  return vscode.Disposable.from(
    index.onDidChangeState((state) => { if (state === 'ready') refresh(); }),
    index.corpus.onDidChange(refresh),
    { dispose: () => clearTimeout(timer) },
  );
}
