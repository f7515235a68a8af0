// Property-based tests (fast-check) of the parts that read untrusted text: the article reader, the
// citation scanner, the nocite reader and the article card. Arbitrary input never throws, every range
// lies inside its document, time grows linearly (growth.ts), and the card's Markdown, rendered by
// markdown-it with HTML and autolinks on, holds no link but the card's own, no image and no HTML.

import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { collapsedLines, parseArticle, stripInlineMarkdown } from '../../src/core/articles/reader';
import { countWords, firstWords } from '../../src/core/articles/words';
import { decodeArticleBytes } from '../../src/core/articles/decode';
import { readArticleFileSync } from '../../src/core/articles';
import { readMhtml } from '../../src/core/articles/mhtml';
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
  'Havana, February 19 (RHC) --', 'MOSCOW, May 7. /TASS/.', 'Sergei Lavrov', 'Cuba', 'key', 'a', 'Title', '\u0000', '\u001b[31m', 'é', '😀',
  // Whole-page copies, bylines and the foreign press's date lines (zones.ts, byline.ts, dateLines.ts).
  '\n » Menu', '\n2 comments\n', '\nCountries:\n', '\nPosted by Ana Roe\n', '\nBy Jane Doe, March 3, 2024\n', '3 de marzo de 2024', '3. März 2024',
  '...', '…', '\nGlobal Voices Online\n', '\nLeave a Reply\n', 'Par Jean Dupont', ' 14.30 GMT'];
/** MIME-ish bytes for the web-archive reader: headers, boundaries, encodings, and noise. */
const MIME_PIECES = ['MIME-Version: 1.0\r\n', 'Content-Type: multipart/related; boundary="b"\r\n', 'Content-Type: text/html\r\n',
  'Content-Transfer-Encoding: quoted-printable\r\n', 'Content-Transfer-Encoding: base64\r\n', 'Content-Location: https://x.example/a\r\n',
  '\r\n', '\n', '--b\r\n', '--b--', '=3D', '=\r\n', '=', 'QUJD', '<p>x</p>', '\t folded', ':', ';', '"'];
const mimeish = fc.array(fc.oneof(fc.constantFrom(...MIME_PIECES), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));
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

  it('the web-archive reader takes any bytes without throwing, says why when it finds no page, and is linear in their length', () => {
    fc.assert(fc.property(fc.oneof(mimeish.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 400 })), (bytes) => {
      const r = readMhtml(bytes);
      assert.ok('page' in r || r.error.length > 0);
      const read = readArticleFileSync('/x.mhtml', bytes);
      assert.ok(read.parsed !== null || (read.warning ?? '').length > 0, 'a skipped archive always says why');
    }), { numRuns: 300 });
    fc.assert(fc.property(mimeish.filter((t) => t.length > 0), (chunk) => {
      const make = (n: number) => new TextEncoder().encode(chunk.repeat(Math.ceil(n / chunk.length)));
      const ratio = growthRatio(make, (bytes) => readMhtml(bytes), 20000);
      assert.ok(ratio < MAX_LINEAR_RATIO, `8× a repetition of ${JSON.stringify(chunk.slice(0, 60))} took ${ratio.toFixed(1)}× the time`);
    }), { numRuns: 12 });
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

describe('properties: word counts and excerpts in one pass', () => {
  // Characters that matter: ASCII letters and digits, punctuation, every kind of `\s`, letters outside
  // ASCII (one and two UTF-16 units), combining marks and lone surrogates.
  const piece = fc.constantFrom('a', 'Z', '7', '-', '—', '.', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff',
    'é', 'Я', '中', '𝒜', '😀', '\u0301', '\ud800', '\udc00', '  ', '*', '\u2007');
  const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

  it('countWords counts what split(/\\s+/) then /[\\p{L}\\p{N}]/u kept', () => {
    fc.assert(fc.property(text, (t) => {
      assert.strictEqual(countWords(t), t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
    }), { numRuns: 2000, seed: 20261202 });
  });

  it('firstWords takes what split(/\\s+/).filter(Boolean) began with, and says whether there was more', () => {
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 12 }), (t, n) => {
      const all = t.split(/\s+/).filter(Boolean);
      assert.deepStrictEqual(firstWords(t, n), { words: all.slice(0, n), more: all.length > n });
    }), { numRuns: 2000, seed: 20261202 });
  });

  it('collapsedLines, one replace over the whole text, gives what collapsing each line gave', () => {
    fc.assert(fc.property(text, (t) => {
      assert.deepStrictEqual(collapsedLines(t), t.split('\n').map((line) => line.replace(/[\u00a0\u2007\u202f\t ]+/g, ' ').trim()));
    }), { numRuns: 2000, seed: 20261202 });
  });

  it('stripInlineMarkdown with its shortcut for text without marks gives what its replaces gave', () => {
    const mark = fc.constantFrom('[', ']', '(', ')', '<', '>', '!', '*', '**', '_', '__', 'http://x.org', 'a', ' ', 'é', '\n');
    const markdown = fc.array(fc.oneof(piece, mark), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(markdown, (t) => {
      const trimMarks = (x: string) => {
        let start = 0, end = x.length;
        while (start < end && (x[start] === '*' || x[start] === '_')) start++;
        while (end > start && (x[end - 1] === '*' || x[end - 1] === '_')) end--;
        return x.slice(start, end).trim();
      };
      const full = trimMarks(t
        .replace(/!\[([^[\]]*)\]\((?:[^()[\]\s]|\([^()[\]\s]*\))*\)/g, '$1')
        .replace(/\[([^[\]]+)\]\((?:[^()[\]\s]|\([^()[\]\s]*\))*\)/g, '$1')
        .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
        .replace(/\*\*(?=\S)((?:[^*]|\*(?!\*))*?\S)\*\*/g, '$1')
        .replace(/__(?=\S)((?:[^_]|_(?!_))*?\S)__/g, '$1')
        .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?=$|[^\w*])/g, '$1$2'));
      assert.strictEqual(stripInlineMarkdown(t), full);
    }), { numRuns: 2000, seed: 20261202 });
  });

  it('both are linear in the text (200,000 characters in one pass)', () => {
    const long = 'word '.repeat(40_000) + 'é'.repeat(1000);
    assert.strictEqual(countWords(long), 40_001);
    assert.strictEqual(firstWords(long, 40).words.length, 40);
  });
});
