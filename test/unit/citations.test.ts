import * as assert from 'assert';
import { citationContextAt, nearestKeys, scanCitations } from '../../src/core/citations';

const keys = (text: string) => scanCitations(text).map((c) => c.key);

describe('citation scanner', () => {
  it('bracketed, with locators, several, suppressed author, in-text', () => {
    assert.deepStrictEqual(keys('[@a] [@b, p. 3] [see @c; @d] [-@e] and @f says'), ['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('ranges, lines and brackets', () => {
    const [c] = scanCitations('line one\nSee [@tass2025-cuba, p. 3].');
    assert.deepStrictEqual(c, { key: 'tass2025-cuba', start: 15, end: 28, line: 1, character: 6, bracket: { start: 13, end: 35 }, suppressAuthor: false });
    assert.strictEqual(scanCitations('[-@x]')[0]!.suppressAuthor, true);
  });
  it('internal punctuation belongs to the key; a trailing . , ; : does not', () => {
    assert.deepStrictEqual(keys('@a:b.c#d$e%f&g-h+i?j<k>l~m/n and @dot. @comma, @semi; @colon:'),
      ['a:b.c#d$e%f&g-h+i?j<k>l~m/n', 'dot', 'comma', 'semi', 'colon']);
  });
  it('braced keys', () => {
    assert.deepStrictEqual(keys('@{odd key!} and @{}'), ['odd key!']);
  });
  it('skips code spans, fenced and indented code', () => {
    assert.deepStrictEqual(keys('`@span` ``a `@b` c``\n\n```\n@fenced\n```\n~~~md\n@tilde\n~~~\n\n    @indented\n\n@real'), ['real']);
  });
  it('skips e-mail addresses and URLs, and front matter', () => {
    assert.deepStrictEqual(keys('---\nauthor: "@me"\n---\nname@example.com first.last@x.org https://x.org/@user <https://y.org/@z> www.e.com/@w @ok'), ['ok']);
  });
  it('a link is not a citation bracket', () => {
    assert.strictEqual(scanCitations('[see @a](http://x) ')[0]!.bracket, null);
  });
});

describe('citation context (completion)', () => {
  it('after @ inside a bracket, open or closed', () => {
    assert.deepStrictEqual(citationContextAt('See [@lav', 9), { prefix: 'lav', atOffset: 5, inBracket: true, closed: false });
    assert.deepStrictEqual(citationContextAt('See [@lav]', 9), { prefix: 'lav', atOffset: 5, inBracket: true, closed: true });
    assert.deepStrictEqual(citationContextAt('As @', 4), { prefix: '', atOffset: 3, inBracket: false, closed: false });
  });
  it('not in an e-mail address or code', () => {
    assert.strictEqual(citationContextAt('mail a@b', 8), null);
    assert.strictEqual(citationContextAt('`@a` ', 3), null);
  });
});

describe('nearest keys', () => {
  it('suggests keys close to a typo', () => {
    const all = ['tass2025-cuba-russia-reliable', 'rhc-russia-cuba-strengthen', 'dpa-cuban-foreign-minister'];
    assert.deepStrictEqual(nearestKeys('tass2025-cuba-russia-reliabel', all, 1), ['tass2025-cuba-russia-reliable']);
    assert.deepStrictEqual(nearestKeys('zzz', all), []);
  });
});
