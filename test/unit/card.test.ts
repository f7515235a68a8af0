import * as assert from 'assert';
import { articleCardMarkdown, escapeMarkdown, flagEmoji, safeHttpUrl } from '../../src/core/card';
import type { Article } from '../../src/core/types';

function article(overrides: Partial<Article>): Article {
  return {
    key: 'x2025-key', file: 'x.txt', title: 'Title', label: 'Title', date: '2025-05-07', outlet: 'TASS', url: null, author: null,
    excerpt: 'Excerpt.', words: 1, countries: [], persons: [], body: '', explicitKey: null, baseKey: 'x2025-key', location: '/x.txt',
    ...overrides,
  };
}

describe('article card', () => {
  it('escapes every Markdown construct from article text', () => {
    const md = articleCardMarkdown(article({
      title: '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![i](http://e/x.png) **b**',
      outlet: '<script>x</script>',
      excerpt: 'see https://evil.example/x and `code` # heading',
    }), { openCommandUri: null });
    assert.ok(!/\]\(command:/.test(md), 'no command link from article text');
    assert.ok(!md.includes('<img') && !md.includes('<script'), 'no HTML');
    assert.ok(!md.includes('![i]('), 'no image');
    assert.ok(!md.includes('https://evil'), 'no autolink');
    assert.ok(md.includes('\\[click\\]'));
  });

  it('shows only http(s) source links', () => {
    assert.strictEqual(safeHttpUrl('javascript:alert(1)'), null);
    assert.strictEqual(safeHttpUrl('command:foo'), null);
    assert.strictEqual(safeHttpUrl('https://tass.com/a'), 'https://tass.com/a');
    const md = articleCardMarkdown(article({ url: 'javascript:alert(1)' }), { openCommandUri: null });
    assert.ok(!md.includes('javascript'));
  });

  it('holds title, date · outlet, flags and names, persons, excerpt, open link and source', () => {
    const md = articleCardMarkdown(article({
      url: 'https://tass.com/politics/1',
      countries: [{ code: 'CU', name: 'Cuba', mentions: 3 }, { code: 'SU', name: 'Soviet Union', mentions: 1 }],
      persons: [{ id: 'p1', name: 'Serguei Lavrov', variants: ['Serguei Lavrov'], mentions: 2 }],
    }), { openCommandUri: 'command:dossier.openArticle?%5B%5D', personName: () => 'Sergey Lavrov' });
    assert.strictEqual(md, [
      '**Title**',
      '7 May 2025 · TASS · `@x2025-key`',
      '🇨🇺 Cuba, Soviet Union',
      '*Sergey Lavrov*',
      'Excerpt\\.',
      '[Open article](command:dossier.openArticle?%5B%5D "Open the article") · [Source](https://tass.com/politics/1)',
    ].join('\n\n'));
  });

  it('names the author, escaped, under the date and outlet', () => {
    const md = articleCardMarkdown(article({ author: 'Jane *Doe*, [John](command:x) Roe' }), { openCommandUri: null });
    assert.strictEqual(md.split('\n\n')[2], 'by Jane \\*Doe\\*, \\[John\\]\\(command\\:x\\) Roe');
  });

  it('escapeMarkdown keeps plain words readable', () => {
    assert.strictEqual(escapeMarkdown('Bruno Rodríguez Parrilla'), 'Bruno Rodríguez Parrilla');
  });

  it('flag emoji from ISO codes', () => {
    assert.strictEqual(flagEmoji('VE'), '🇻🇪');
    assert.strictEqual(flagEmoji('SU'), '');
  });
});
