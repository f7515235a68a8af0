// Property-based tests (fast-check) of the parts that read untrusted text: the article reader, the
// citation scanner, the nocite reader and the article card. Arbitrary input never throws, every range
// lies inside its document, time grows linearly (growth.ts), and the card's Markdown, rendered by
// markdown-it with HTML and autolinks on, holds no link but the card's own, no image and no HTML.

import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseArticle } from '../../src/core/articles/reader';
import { decodeArticleBytes } from '../../src/core/articles/decode';
import { articleCardMarkdown, markdownLinkDestination, safeHttpUrl } from '../../src/core/card';
import { LineMap, scanCitations } from '../../src/core/citations/scanner';
import { scanNoteCitations } from '../../src/core/citations/nocite';
import { Corpus } from '../../src/core/library/corpus';
import type { Article } from '../../src/core/types';
import { labelText, plainText } from '../../src/core/untrusted';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

/** Markdown-ish text: the characters the patterns care about, words, URLs, commands, HTML, newlines. */
const PIECES = ['*', '**', '_', '__', '[', ']', '(', ')', '!', '<', '>', '`', '```', '~~~', '$', '$$', '#', '# ', '@', '@{', '}',
  '{', '\\', '-', ';', ':', '.', ',', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '---\n', '<!--', '-->', 'http://', 'https://x.example/a',
  'command:dossier.openArticle?%5B%5D', '<img src=https://evil.example/p.png>', '$(zap)', '\u202e', '\u2066', 'www.evil.example',
  'Havana, February 19 (RHC) --', 'MOSCOW, May 7. /TASS/.', 'Sergei Lavrov', 'Cuba', 'key', 'a', 'Title', '\u0000', '\u001b[31m', 'é', '😀'];
const markdownish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 200 })
  .map((parts) => parts.join(''));

describe('properties of the reader, scanner and card (fast-check)', function () {
  this.timeout(120000);

  it('the reader and the corpus take any text and any bytes without throwing', () => {
    fc.assert(fc.property(markdownish, (text) => {
      const parsed = parseArticle(text);
      assert.strictEqual(typeof parsed.label, 'string');
      assert.ok(parsed.label.length > 0);
      new Corpus().upsert('/x.md', 'x.md', text);
    }), { numRuns: 400 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const decoded = decodeArticleBytes(bytes);
      assert.ok(decoded.text !== null || decoded.warning !== null, 'a skipped file always says why');
      new Corpus().upsert('/x.txt', 'x.txt', bytes);
    }), { numRuns: 300 });
  });

  it('the reader takes time linear in the length of any text', () => {
    fc.assert(fc.property(markdownish.filter((t) => t.length > 0), (chunk) => {
      const ratio = growthRatio((n) => chunk.repeat(Math.ceil(n / chunk.length)), (text) => parseArticle(text), 4000);
      assert.ok(ratio < MAX_LINEAR_RATIO, `8× a repetition of ${JSON.stringify(chunk.slice(0, 60))} took ${ratio.toFixed(1)}× the time`);
    }), { numRuns: 12 });
  });

  it('every citation range lies inside its document and spells its key', () => {
    fc.assert(fc.property(markdownish, markdownish, (front, body) => {
      for (const text of [body, `---\nnocite: ${front}\n---\n${body}`, `---\nnocite: |\n  ${front}\n---\n${body}`]) {
        const lines = new LineMap(text);
        for (const c of scanNoteCitations(text).citations) {
          assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, 'key range inside the document');
          assert.ok(c.at >= 0 && c.tokenEnd <= text.length);
          if (!c.nocite) assert.strictEqual(text.slice(c.start, c.end), c.key);
          const position = lines.position(c.start);
          assert.deepStrictEqual([c.line, c.character], [position.line, position.character]);
          if (c.bracket) assert.ok(c.bracket.start >= 0 && c.bracket.start <= c.start && c.end <= c.bracket.end && c.bracket.end <= text.length);
        }
      }
    }), { numRuns: 400 });
  });

  it('the scanner takes time linear in the length of any note', () => {
    fc.assert(fc.property(markdownish.filter((t) => t.length > 0), (chunk) => {
      const ratio = growthRatio((n) => chunk.repeat(Math.ceil(n / chunk.length)), (text) => scanCitations(text), 4000);
      assert.ok(ratio < MAX_LINEAR_RATIO, `8× a repetition of ${JSON.stringify(chunk.slice(0, 60))} took ${ratio.toFixed(1)}× the time`);
    }), { numRuns: 12 });
  });

  const md = new MarkdownIt({ html: true, linkify: true });
  const OPEN = 'command:dossier.openArticle?%7B%22key%22%3A%22k%22%7D';
  const hostileUrl = fc.oneof(
    fc.constant('https://news.example.com/a)![t](https://evil.example/pixel.png)[Run](command:dossier.openArticle?%5B%5D)'),
    markdownish.map((tail) => `https://news.example.com/${tail}`),
    markdownish,
  );

  it('the card renders no link but its own, no image and no HTML, whatever the article says', () => {
    fc.assert(fc.property(markdownish, markdownish, markdownish, hostileUrl, fc.array(markdownish, { maxLength: 3 }), (title, outlet, excerpt, url, names) => {
      const article: Article = {
        key: 'k', file: 'k.md', title, label: title || 'label', date: null, outlet, url, excerpt, words: 1,
        countries: names.map((name, i) => ({ code: `Q${i}`, name })), persons: names.map((name, i) => ({ id: `p${i}`, name })),
        body: '', explicitKey: null, baseKey: 'k', location: '/k.md',
      } as unknown as Article;
      const markdown = articleCardMarkdown(article, { openCommandUri: OPEN });
      const allowed = new Set([md.normalizeLink(OPEN)]);
      const source = safeHttpUrl(url);
      if (source) allowed.add(md.normalizeLink(markdownLinkDestination(source)));
      const tokens = md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
      for (const t of tokens) {
        assert.ok(t.type !== 'image', `an image in ${markdown}`);
        assert.ok(t.type !== 'html_inline' && t.type !== 'html_block', `HTML in ${markdown}`);
        if (t.type === 'link_open') assert.ok(allowed.has(t.attrGet('href') ?? ''), `a foreign link ${t.attrGet('href')} in ${markdown}`);
      }
      assert.strictEqual(tokens.filter((t) => t.type === 'link_open').length, allowed.size);
      assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(markdown), 'no bidi controls');
    }), { numRuns: 500 });
  });

  it('labels are one plain line: no bidi controls, no escape sequences, icons shown as typed, bounded', () => {
    fc.assert(fc.property(markdownish, (text) => {
      for (const shown of [plainText(text), labelText(text)]) {
        assert.ok(!/[\n\r\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(shown));
        assert.ok(shown.length <= 300);
      }
      assert.ok(!/(^|[^\\])\$\(/.test(labelText(text)), 'every $( escaped');
    }), { numRuns: 400 });
  });
});
