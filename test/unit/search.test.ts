// The search engine over the seeds: typos, transliterations, filters, ranking, passages, and the
// index following corpus changes incrementally. Keys are looked up by content, never hard-coded.

import * as assert from 'assert';
import { extractArticleSync } from '../../src/core/library/extract';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { runSearch } from '../../src/cli/search';
import { Corpus } from '../../src/core/library/corpus';
import { findPassage, normalizeTerm, parseQuery, SearchIndex } from '../../src/core/search';

const ROOT = path.resolve(__dirname, '../..');
const SEEDS = path.join(ROOT, 'seeds');

describe('search', () => {
  const corpus = loadCorpus([SEEDS]);
  const index = new SearchIndex(corpus);
  /** Seed number ("000") → key, from the file name. */
  const key = (n: string) => {
    const article = corpus.articles().find((a) => a.file.startsWith(n + '_'));
    assert.ok(article, `seed ${n}`);
    return article.key;
  };
  const keys = (query: string, limit = 10) => index.search(query, { limit }).map((r) => r.key);
  const lavrov = ['000', '002', '003', '004'];

  describe('normalisation', () => {
    it('brings transliterations together', () => {
      assert.strictEqual(normalizeTerm('Sergey'), normalizeTerm('Serguei'));
      assert.strictEqual(normalizeTerm('Sergei'), normalizeTerm('Serguei'));
      assert.strictEqual(normalizeTerm('Ryabkov'), normalizeTerm('Riabkov'));
      assert.strictEqual(normalizeTerm('Dmitrii'), normalizeTerm('Dmitry'));
      assert.strictEqual(normalizeTerm('Rodríguez'), normalizeTerm('rodriguez'));
      assert.strictEqual(normalizeTerm('Rouhani'), normalizeTerm('Ruhani'));
    });

    it('parses filters, quoted values and free text', () => {
      assert.deepStrictEqual(parseQuery('person:"delcy rodriguez" cuba year:2025'), {
        text: 'cuba',
        filters: [{ field: 'person', value: 'delcy rodriguez' }, { field: 'year', value: '2025' }],
      });
      assert.deepStrictEqual(parseQuery('foo:bar Country:CU'), { text: 'foo:bar', filters: [{ field: 'country', value: 'CU' }] });
    });
  });

  describe('seed queries', () => {
    it('lavorv finds the four Lavrov articles first', () => {
      assert.deepStrictEqual(keys('lavorv').slice(0, 4).sort(), lavrov.map(key).sort());
    });

    it('serguei lavrov and sergey lavrov find the same set', () => {
      const a = keys('serguei lavrov').slice(0, 4).sort();
      const b = keys('sergey lavrov').slice(0, 4).sort();
      assert.deepStrictEqual(a, lavrov.map(key).sort());
      assert.deepStrictEqual(b, a);
      assert.deepStrictEqual(keys('sergei lavrov').slice(0, 4).sort(), a);
    });

    it('ryabkov and riabkov find 001 first', () => {
      assert.strictEqual(keys('ryabkov')[0], key('001'));
      assert.strictEqual(keys('riabkov')[0], key('001'));
    });

    it('venezula finds 004 first', () => {
      assert.strictEqual(keys('venezula')[0], key('004'));
    });

    it('diaz canel finds 002 first', () => {
      assert.strictEqual(keys('diaz canel')[0], key('002'));
    });

    it('blokade finds the blockade articles (000, 001; 002 says "embargo")', () => {
      const found = keys('blokade');
      assert.ok(found.includes(key('000')) && found.includes(key('001')), found.join(' '));
      for (const k of found) assert.match(corpus.get(k)!.body, /blockade/i, k);
    });

    it('obama finds 003', () => {
      assert.strictEqual(keys('obama')[0], key('003'));
    });

    it('tolerates a typo while typing (prefix of the last word)', () => {
      assert.ok(keys('lavr').slice(0, 4).includes(key('000')));
      assert.strictEqual(keys('riab')[0], key('001'));
    });
  });

  describe('filters', () => {
    it('person:lavrov → the four Lavrov articles, newest first', () => {
      const found = keys('person:lavrov');
      assert.deepStrictEqual([...found].sort(), lavrov.map(key).sort());
      assert.strictEqual(found[0], key('002'), 'the dated TASS article first');
    });

    it('country:VE and country:venezuela → 003 and 004', () => {
      assert.deepStrictEqual(keys('country:VE').sort(), [key('003'), key('004')].sort());
      assert.deepStrictEqual(keys('country:venezuela').sort(), [key('003'), key('004')].sort());
      assert.deepStrictEqual(keys('country:venezuelan').sort(), [key('003'), key('004')].sort());
    });

    it('outlet:tass and year:2025 → 002', () => {
      assert.deepStrictEqual(keys('outlet:tass'), [key('002')]);
      assert.deepStrictEqual(keys('year:2025'), [key('002')]);
    });

    it('combine with free text and with each other', () => {
      const cubaLavrov = keys('country:cuba lavrov');
      assert.deepStrictEqual([...cubaLavrov].sort(), ['000', '002', '003'].map(key).sort());
      assert.deepStrictEqual(keys('country:VE person:lavrov').sort(), [key('003'), key('004')].sort());
      assert.deepStrictEqual(keys('person:"delcy rodriguez"'), [key('004')]);
      assert.deepStrictEqual(keys('outlet:tass year:2019'), []);
    });
  });

  describe('results', () => {
    it('ranks a title / person hit above a body-only hit', () => {
      const results = index.search('blokade');
      assert.strictEqual(results[0]!.key, key('001'), 'blockade is in 001\'s title');
      assert.strictEqual(results[0]!.matchedField, 'title');
    });

    it('ranks articles matching every word above those matching some', () => {
      const results = index.search('sergey lavrov');
      const riabkov = results.findIndex((r) => r.key === key('001'));
      assert.ok(riabkov >= 4, `001 (Serguei Riabkov, no Lavrov) ranks after the Lavrov articles: ${riabkov}`);
    });

    it('gives a passage around the match and title ranges to highlight', () => {
      const [top] = index.search('ryabkov');
      assert.ok(top);
      assert.match(top.passage, /Riabkov/);
      assert.ok(top.passage.length <= 110, top.passage);
      assert.ok(top.reveal && corpus.get(top.key)!.body.replace(/\s+/g, ' ').includes(top.reveal));
      const venezuela = index.search('venezula')[0]!;
      const label = corpus.get(venezuela.key)!.label;
      assert.deepStrictEqual(venezuela.titleMatches.map(([s, e]) => label.slice(s, e)), ['Venezuela']);
    });

    it('findPassage picks the window with the most matched words', () => {
      const body = 'Alpha beta gamma. ' + 'filler '.repeat(40) + 'Lavrov met Maduro in Caracas.';
      const found = findPassage(body, new Set([normalizeTerm('Lavrov'), normalizeTerm('Maduro')]));
      assert.ok(found);
      assert.match(found.passage, /Lavrov met Maduro/);
    });

    it('searchKeys gives the keys of search, in the same order, for text, filters and the empty query', () => {
      for (const query of ['lavorv', 'blokade', 'person:lavrov', 'country:CU havana', '', 'qqxzzv']) {
        assert.deepStrictEqual(index.searchKeys(query, { limit: 4 }), keys(query, 4), query);
      }
    });

    it('returns nothing for gibberish and everything (newest first) for an empty query', () => {
      assert.deepStrictEqual(keys('qqqxxzzv'), []);
      assert.strictEqual(keys('').length, 5);
      assert.strictEqual(keys('')[0], key('002'));
    });
  });

  describe('other scripts', () => {
    it('a Russian-language article is found by Latin and Cyrillic spellings, and an English one by Cyrillic', () => {
      const c = new Corpus();
      for (const a of corpus.articles()) c.upsert(a.location, a.file, fs.readFileSync(a.location, 'utf8'));
      c.upsert('/ru.txt', 'ru.txt', 'Лавров провёл переговоры в Гаване\n\nМОСКВА, 7 мая. /ТАСС/. Министр иностранных дел России Сергей Лавров провёл переговоры с кубинским коллегой.');
      const idx = new SearchIndex(c);
      const ru = c.byLocation('/ru.txt')!.key;
      const found = (q: string) => idx.searchKeys(q, { limit: 10 });
      assert.ok(found('lavrov').includes(ru), 'lavrov finds the Russian article');
      assert.ok(found('переговоры').includes(ru));
      assert.deepStrictEqual(found('Лавров').sort(), [...lavrov.map(key), ru].sort(), 'Лавров finds the four English Lavrov articles too');
      assert.match(idx.search('Лавров', { limit: 10 }).find((r) => r.key === key('002'))!.passage, /Lavrov/);
      idx.dispose();
    });
  });

  describe('incremental updates', () => {
    it('follows added, changed and removed articles without a rebuild', () => {
      const c = new Corpus();
      c.upsert('/a.txt', 'a.txt', 'Zenthorium accord signed\n\nMOSCOW, May 7. /TASS/. The Zenthorium accord was signed by Sergey Lavrov.');
      const idx = new SearchIndex(c);
      assert.strictEqual(idx.search('zenthorium').length, 1);
      assert.ok(idx.built);
      c.upsert('/b.txt', 'b.txt', 'Quarvelle talks open\n\nHAVANA (RHC) -- The Quarvelle talks opened in Havana.');
      assert.strictEqual(idx.search('quarvele').length, 1, 'added');
      c.upsert('/a.txt', 'a.txt', 'Other news\n\nNothing about that accord any more.');
      assert.strictEqual(idx.search('zenthorium').length, 0, 'changed');
      c.remove('/b.txt');
      assert.strictEqual(idx.search('quarvelle').length, 0, 'removed');
      assert.strictEqual(idx.size, 1);
      idx.dispose();
    });

    it('takes the body terms an extraction worker computed instead of tokenising the body again', () => {
      const c = new Corpus();
      const idx = new SearchIndex(c);
      idx.build();
      const extracted = extractArticleSync('/w.txt', 'Accord signed\n\nMOSCOW, May 7. /TASS/. Sergey Lavrov signed the accord.');
      // Terms that are not in the body: only the index's use of them can find the article by them.
      c.upsertExtracted('/w.txt', 'w.txt', { ...extracted, bodyTerms: 'zenthorium quarvelle', bodyCounts: new Uint8Array([1, 2]) });
      assert.strictEqual(idx.searchKeys('zenthorium').length, 1);
      assert.strictEqual(idx.searchKeys('signed').length, 1, 'the title is indexed as always');
      // (Not edited further: removing a document takes the terms of its body, which are the terms a
      // worker computes by the same function; these made-up ones are not, so would stay behind.)
      idx.dispose();
    });

    it('person, country and outlet filters after edits answer as an index built from scratch', () => {
      // Filters keep one description per person / country / outlet shared by its articles: the last
      // article naming one leaves it out of the filters, a new spelling of a name is found.
      const c = new Corpus();
      const idx = new SearchIndex(c);
      idx.build();
      const texts = [
        'Accord one\n\nMOSCOW, May 7. /TASS/. Sergey Lavrov met Bruno Rodríguez Parrilla in Havana, Cuba.',
        'Accord two\n\nHAVANA (RHC) -- Serguei Lavrov spoke of Venezuela with Delcy Rodríguez.',
        'Accord three\n\nCARACAS (Reuters) - Delcy Rodríguez visited Moscow, Russia.',
      ];
      texts.forEach((t, i) => c.upsert(`/${i}.txt`, `${i}.txt`, t));
      c.upsert('/0.txt', '0.txt', 'Accord one\n\nMOSCOW, May 7. /TASS/. Maria Zakharova spoke of Peru.');
      c.remove('/1.txt');
      c.upsert('/1.txt', '1.txt', texts[1]!);
      c.upsert('/2.txt', '2.txt', 'Accord three\n\nCARACAS (AP) -- Yván Gil visited Hanoi, Vietnam.');
      const fresh = new SearchIndex(c);
      fresh.build();
      for (const q of ['person:lavrov', 'person:zakharova', 'person:"delcy rodriguez"', 'person:parrilla', 'person:"bruno rodriguez"', 'country:cuba', 'country:pe',
        'country:ru', 'country:vietnam', 'country:venezuela', 'outlet:tass', 'outlet:reuters', 'outlet:ap', 'person:gil accord']) {
        assert.deepStrictEqual(idx.searchKeys(q), fresh.searchKeys(q), q);
      }
      assert.deepStrictEqual(idx.searchKeys('person:"bruno rodriguez"'), [], 'the last article naming him changed');
      assert.strictEqual(idx.searchKeys('outlet:reuters').length, 0);
      assert.strictEqual(idx.searchKeys('person:zakharova').length, 1);
      idx.dispose();
      fresh.dispose();
    });
  });

  describe('CLI', () => {
    it('dossier search seeds lavorv --json', () => {
      const lines: string[] = [];
      assert.strictEqual(runSearch([SEEDS, 'lavorv', '--json'], (t) => lines.push(t), () => {}), 0);
      const parsed = JSON.parse(lines.join('\n')) as { query: string; results: { key: string; label: string; passage: string }[] };
      assert.strictEqual(parsed.query, 'lavorv');
      assert.deepStrictEqual(parsed.results.slice(0, 4).map((r) => r.key).sort(), lavrov.map(key).sort());
    });

    it('--queries FILE prints one JSON line per query; --limit caps results', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-search-'));
      const file = path.join(dir, 'queries.txt');
      fs.writeFileSync(file, 'ryabkov\n\nobama\nperson:lavrov\n');
      const lines: string[] = [];
      try {
        assert.strictEqual(runSearch([SEEDS, '--queries', file, '--limit', '2'], (t) => lines.push(t), () => {}), 0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.strictEqual(lines.length, 3);
      const parsed = lines.map((l) => JSON.parse(l) as { query: string; results: { key: string }[] });
      assert.deepStrictEqual(parsed.map((p) => p.query), ['ryabkov', 'obama', 'person:lavrov']);
      assert.strictEqual(parsed[0]!.results[0]!.key, key('001'));
      assert.strictEqual(parsed[2]!.results.length, 2);
    });

    it('human output: rank, key, label, date · outlet, passage', () => {
      const lines: string[] = [];
      runSearch([SEEDS, 'outlet:tass'], (t) => lines.push(t), () => {});
      assert.match(lines[0]!, /^ 1\. @\S+ {2}\S/);
      assert.match(lines[1]!, /2025-05-07 · TASS/);
    });

    it('the built CLI answers the same (node dist/cli.js search seeds lavorv --json)', function () {
      const cli = path.join(ROOT, 'dist', 'cli.js');
      if (!fs.existsSync(cli)) this.skip(); // built by `npm test` (npm run build) before the unit tests
      const out = execFileSync(process.execPath, [cli, 'search', 'seeds', 'lavorv', '--json'], { cwd: ROOT, encoding: 'utf8' });
      const parsed = JSON.parse(out) as { results: { key: string }[] };
      assert.deepStrictEqual(parsed.results.slice(0, 4).map((r) => r.key).sort(), lavrov.map(key).sort());
    });
  });
});
