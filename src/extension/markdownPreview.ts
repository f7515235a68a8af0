// The Markdown preview: cited keys render as links to their article, with the title as tooltip;
// unknown keys are marked. A markdown-it plugin, returned from activate() as `extendMarkdownIt`.
// Code spans and fences are separate markdown-it tokens, so only prose text is rewritten.

import type { WorkspaceIndex } from './workspaceIndex';

const CITATION_RE = /(^|[^\p{L}\p{N}_@\\])(-?)@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gu;

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}

interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[]; Token: new (type: string, tag: string, nesting: number) => Token }) => void): void } };
  utils: { escapeHtml(text: string): string };
}

export function citationPreviewPlugin(index: WorkspaceIndex) {
  return (md: MarkdownIt): MarkdownIt => {
    const escape = md.utils.escapeHtml;
    md.core.ruler.push('dossier_citations', (state) => {
      for (const block of state.tokens) {
        if (block.type !== 'inline' || !block.children) continue;
        let insideLink = 0;
        const children: Token[] = [];
        for (const token of block.children) {
          if (token.type === 'link_open') insideLink++;
          if (token.type === 'link_close') insideLink--;
          if (token.type !== 'text' || insideLink > 0 || !token.content.includes('@')) {
            children.push(token);
            continue;
          }
          let html = '';
          let last = 0;
          for (const m of token.content.matchAll(CITATION_RE)) {
            const at = m.index! + m[1]!.length;
            html += escape(token.content.slice(last, at));
            const key = m[3]!;
            const article = index.corpus.get(key);
            const shown = escape(`${m[2]}@${key}`);
            html += article
              ? `<a class="dossier-citation" href="${escape(article.location)}" title="${escape(article.title ?? article.label)}" data-dossier-key="${escape(key)}">${shown}</a>`
              : `<span class="dossier-citation dossier-unknown" title="Unknown citation key" style="text-decoration: wavy underline; text-decoration-color: #d19a00">${shown}</span>`;
            last = at + m[2]!.length + 1 + key.length;
          }
          if (last === 0) {
            children.push(token);
            continue;
          }
          html += escape(token.content.slice(last));
          const htmlToken = new state.Token('html_inline', '', 0);
          htmlToken.content = html;
          children.push(htmlToken);
        }
        block.children = children;
      }
    });
    return md;
  };
}
