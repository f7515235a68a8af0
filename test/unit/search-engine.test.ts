// The search engine's parts: the term index (postings, removal, expansion, BM25 scores against
// MiniSearch's own on the same documents) and the term normaliser (against its reference
// definition as a chain of regular expressions, over every word of the seeds and fixtures).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import MiniSearch from 'minisearch';
import { TermIndex } from '../../src/core/search/termIndex';
import { normalizeTerm, tokenize, tokensWithOffsets } from '../../src/core/search/normalize';
import { findPassage, SearchIndex } from '../../src/core/search';
import { Corpus } from '../../src/core/library/corpus';
import { makeQueries } from '../../bench/search';
import { mulberry32 } from '../../bench/generate';
import { asciiFold } from '../../src/core/library/keys';
import { generateArticle } from '../../bench/generate';

const ROOT = path.join(__dirname, '..', '..');

/** The normaliser as first written: the definition `normalizeTerm` must keep. */
function referenceNormalize(word: string): string {
  let t = asciiFold(word).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t.length > 3) {
    t = t.replace(/^ye/, 'e').replace(/gu(?=[ei])/g, 'g').replace(/sch/g, 'sh').replace(/kh/g, 'h').replace(/ph/g, 'f')
      .replace(/ck/g, 'k').replace(/w/g, 'v').replace(/ou/g, 'u').replace(/y/g, 'i').replace(/ei/g, 'i').replace(/(.)\1+/g, '$1');
  }
  return t;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

/** Every word of the seeds, the fixtures, 500 generated articles and some transliteration cases. */
function wordList(): string[] {
  const words = new Set<string>();
  for (const file of [...filesUnder(path.join(ROOT, 'seeds')), ...filesUnder(path.join(ROOT, 'test', 'fixtures'))]) {
    for (const w of tokenize(fs.readFileSync(file, 'utf8'))) words.add(w);
  }
  for (let i = 0; i < 500; i++) for (const w of tokenize(generateArticle(i).text)) words.add(w);
  for (const w of ['Yevgeny', 'Serguei', 'Mischustin', 'Zakharova', 'Philippe', 'Blockade', 'Wladimir', 'Rouhani', 'Ryabkov',
    'Sergey', 'Mohammed', 'Dmitrii', 'Straße', 'Ærø', 'Łódź', 'Đorđe', 'ÉCOLE', 'año2025', 'guy', 'yeye', 'Ouagadougou',
    'Eileen', 'Khartoum', 'Phnom', 'Ckamp', 'Tbilisy', 'Marsh', 'Joseph', 'Moscow', 'Kyiv']) words.add(w);
  return [...words];
}

describe('search engine', () => {
  const words = wordList();

  describe('normalizeTerm', () => {
    it('equals its reference definition on every word of the seeds, the fixtures and 500 generated articles', () => {
      assert.ok(words.length > 3000, `only ${words.length} words`);
      // (The reference folds to ASCII and so drops Cyrillic and Greek words, which normalizeTerm
      // transliterates: those have their own case below. The dev set's saved pages hold some.)
      const differing = words.filter((w) => !/[\u0370-\u03ff\u0400-\u04ff]/.test(w) && normalizeTerm(w) !== referenceNormalize(w));
      assert.deepStrictEqual(differing, []);
    });

    it('findPassage finds every one of those words by its term (its letter and length filters lose none)', () => {
      const missed = words.filter((w) => {
        const term = normalizeTerm(w);
        return term && findPassage(`Some text before ${w}, and after.`, new Set([term]))?.reveal.includes(w) !== true;
      });
      assert.deepStrictEqual(missed, []);
    });

    it('Cyrillic and Greek meet their Latin spellings', () => {
      const pairs = [['Лавров', 'Lavrov'], ['Сергей', 'Sergey'], ['Рябков', 'Riabkov'], ['Захарова', 'Zakharova'], ['Шойгу', 'Shoigu'],
        ['Дмитрий', 'Dmitry'], ['Евгений', 'Yevgeny'], ['Київ', 'Kyiv'], ['Щербаков', 'Shcherbakov'], ['Τσίπρας', 'Tsipras']];
      assert.deepStrictEqual(pairs.filter(([a, b]) => normalizeTerm(a!) !== normalizeTerm(b!)), []);
      assert.strictEqual(normalizeTerm('Москва'), 'moskva');
    });

    it('tokensWithOffsets skips short ASCII words only when asked, never shorter non-ASCII ones', () => {
      const text = 'Ab abc Straße ß abcd';
      assert.deepStrictEqual(tokensWithOffsets(text).map((t) => t.text), ['Ab', 'abc', 'Straße', 'ß', 'abcd']);
      assert.deepStrictEqual(tokensWithOffsets(text, undefined, 4).map((t) => [t.text, t.start]), [['Straße', 7], ['ß', 14], ['abcd', 16]]);
    });
  });

  describe('TermIndex', () => {
    const FIELDS = ['title', 'body'];
    const docs = [
      { id: 'a', title: 'russia cuba talks', body: 'lavrov met rodriguez in moscow moscow moscow' },
      { id: 'b', title: 'venezuela statement', body: 'the ministry rejects sanctions against venezuela' },
      { id: 'c', title: 'cuba blockade', body: 'blockade blockade of cuba condemned at the united nations' },
      { id: 'd', title: 'moscow visit', body: 'president visits moscow for talks' },
    ];
    const terms = (d: (typeof docs)[number]) => [d.title.split(' '), d.body.split(' ')];

    function build(from: typeof docs): { index: TermIndex; ids: Map<string, number> } {
      const index = new TermIndex(FIELDS.length);
      const ids = new Map<string, number>();
      for (const d of from) ids.set(d.id, index.add(terms(d)));
      return { index, ids };
    }

    function scoresOf(index: TermIndex, ids: Map<string, number>, words: string[], prefixLast = false): Record<string, number> {
      const expansions = words.map((w, i) => index.expand(w, w.length > 5 ? 2 : w.length > 3 ? 1 : 0, prefixLast && i === words.length - 1));
      const scores = index.score(expansions, [3, 1]);
      const out: Record<string, number> = {};
      for (const [id, doc] of ids) if (scores.docs.includes(doc)) out[id] = Math.round(scores.score[doc]! * 1e6) / 1e6;
      return out;
    }

    it('scores as MiniSearch does on the same documents (BM25+, boosts, fuzzy and prefix weights)', () => {
      const mini = new MiniSearch({ fields: FIELDS, tokenize: (s) => s.split(' ') });
      mini.addAll(docs);
      const { index, ids } = build(docs);
      for (const [words, prefixLast] of [[['moscow'], false], [['cuba', 'talks'], false], [['blokade'], false], [['venezuella'], false], [['mosc'], true]] as const) {
        const expected: Record<string, number> = {};
        const miniResults = mini.search({
          combineWith: 'OR',
          queries: words.map((w, i) => ({ queries: [w], fuzzy: index.has(w) ? false : w.length > 5 ? 2 : w.length > 3 ? 1 : false, prefix: prefixLast && i === words.length - 1 })),
        }, { boost: { title: 3 } });
        // (Term frequency is capped at 3 here, hence no word more than thrice in the documents above.)
        // MiniSearch multiplies by the number of query words matched; SearchIndex does that too, after `score`.
        for (const r of miniResults) expected[r.id as string] = Math.round((r.score / r.queryTerms.length) * 1e6) / 1e6;
        assert.deepStrictEqual(scoresOf(index, ids, [...words], prefixLast), expected, words.join(' '));
      }
    });

    it('expands an unknown word to terms within its edits and, when typing, to longer terms', () => {
      const { index } = build(docs);
      assert.deepStrictEqual(index.expand('moscow', 2, true), [{ term: 'moscow', weight: 1 }]);
      assert.deepStrictEqual(index.expand('blokade', 2, false).map((e) => e.term), ['blockade']);
      assert.deepStrictEqual(index.expand('vene', 1, true).map((e) => e.term).sort(), ['venezuela']);
      assert.deepStrictEqual(index.expand('zzzz', 1, true), []);
    });

    it('after removing a document, scores equal those of an index built without it; its number is reused', () => {
      const { index, ids } = build(docs);
      const a = ids.get('a')!;
      index.remove(a, terms(docs[0]!));
      ids.delete('a');
      assert.strictEqual(index.size, 3);
      assert.strictEqual(index.has('lavrov'), false, 'a term only the removed document held leaves the vocabulary');
      const fresh = build(docs.slice(1));
      for (const words of [['moscow'], ['cuba', 'talks'], ['blokade'], ['rodriguez']]) {
        const got = scoresOf(index, ids, words);
        const want = scoresOf(fresh.index, fresh.ids, words);
        assert.deepStrictEqual(got, want, words.join(' '));
      }
      assert.strictEqual(index.add(terms(docs[0]!)), a);
    });

    it('limits scoring to allowed documents', () => {
      const { index, ids } = build(docs);
      const allowed = new Uint8Array(index.capacity);
      allowed[ids.get('d')!] = 1;
      const scores = index.score([index.expand('moscow', 2, false)], [3, 1], allowed);
      assert.deepStrictEqual(scores.docs, [ids.get('d')]);
    });
  });

  describe('SearchIndex kept current', () => {
    it('after 300 random adds, edits and removals, answers 40 queries exactly as an index built afresh', () => {
      const rng = mulberry32(11);
      const corpus = new Corpus();
      const live = new SearchIndex(corpus);
      live.build(); // built on the empty corpus: everything below arrives as change events
      const present = new Set<number>();
      for (let step = 0; step < 300; step++) {
        const n = Math.floor(rng() * 120);
        const g = generateArticle(n);
        const action = rng();
        if (present.has(n) && action < 0.3) {
          corpus.remove(`/c/${g.file}`);
          present.delete(n);
        } else if (present.has(n) && action < 0.6) {
          // An edit: another article's text under this file name.
          corpus.upsert(`/c/${g.file}`, g.file, generateArticle(1000 + step).text);
        } else {
          corpus.upsert(`/c/${g.file}`, g.file, g.text);
          present.add(n);
        }
      }
      const fresh = new SearchIndex(corpus);
      fresh.build();
      assert.strictEqual(live.size, corpus.size);
      assert.strictEqual(fresh.size, corpus.size);
      const queries = [...makeQueries(36, 120, 5).map((q) => q.query), '', 'person:lavrov', 'country:RU moscow', 'year:2024'];
      for (const query of queries) {
        assert.deepStrictEqual(live.search(query, { limit: 15 }), fresh.search(query, { limit: 15 }), query);
      }
      live.dispose();
      fresh.dispose();
    });
  });
});
