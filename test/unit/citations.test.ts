// Nearest keys, for the quick fixes of an unknown citation key and `dossier check`'s "did you mean".
// Completion candidates after `@`: by key, person, country, outlet, from the first letter typed.
// (The scanner's cases are in citations-scanner.test.ts; bibliographies in bibliography.test.ts.)
import * as assert from 'assert';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { articleWords, citationCandidates, editDistance, keyParts, nearestKeys } from '../../src/core/citations';
import { SearchIndex } from '../../src/core/search';

const SEEDS = ['tass2025-cuba-russia-reliable', 'rhc-russia-cuba-strengthen', 'rhc-russia-reiterates-rejection', 'dpa-cuban-foreign-minister', 'venezuelanmfa-russian-foreign-minister'];

describe('nearest keys', () => {
  const cases: [string, string[]][] = [
    ['tass2025-cuba-russia-reliabel', ['tass2025-cuba-russia-reliable']], // a typo
    ['tass2024-cuba-russia-reliable', ['tass2025-cuba-russia-reliable']], // a wrong year
    ['TASS2025-CUBA-RUSSIA-RELIABLE', ['tass2025-cuba-russia-reliable']], // case
    ['tass-cuba-russia', ['tass2025-cuba-russia-reliable']], // the year left out, words cut
    ['rhc-cuba-russia-strengthen', ['rhc-russia-cuba-strengthen']], // words swapped
    ['dpa-cuba-foreign-minister', ['dpa-cuban-foreign-minister']],
    ['venezuelan-mfa', ['venezuelanmfa-russian-foreign-minister']], // a separator added, the rest cut
    ['rhc', ['rhc-russia-cuba-strengthen', 'rhc-russia-reiterates-rejection']], // just the outlet
  ];
  for (const [unknown, best] of cases) {
    it(`${unknown} → ${best.join(', ')} first`, () => {
      assert.deepStrictEqual(nearestKeys(unknown, SEEDS, 3).slice(0, best.length), best);
    });
  }
  it('offers nothing for what is far from every key, or too short to tell', () => {
    assert.deepStrictEqual(nearestKeys('zzz', SEEDS), []);
    assert.deepStrictEqual(nearestKeys('x', SEEDS), []);
    assert.deepStrictEqual(nearestKeys('lavrov', SEEDS), []);
  });
  it('never offers the key itself, and at most n keys', () => {
    assert.ok(!nearestKeys(SEEDS[0]!, SEEDS).includes(SEEDS[0]!));
    assert.strictEqual(nearestKeys('rhc-russia', SEEDS, 1).length, 1);
  });
  it('edit distance and key parts', () => {
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    assert.strictEqual(editDistance('', 'abc'), 3);
    assert.strictEqual(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.deepStrictEqual(keyParts('tass2025-cuba:x'), ['tass', '2025', 'cuba']);
  });
});

describe('completion candidates', () => {
  const corpus = loadCorpus([path.join(__dirname, '../../seeds')]);
  const search = new SearchIndex(corpus);
  search.build();
  const keys = (prefix: string) => citationCandidates(prefix, corpus, (q) => search.searchKeys(q, { limit: 100 })).map((a) => a.key);
  const LAVROV = ['dpa-cuban-foreign-minister', 'rhc-russia-cuba-strengthen', 'tass2025-cuba-russia-reliable', 'venezuelanmfa-russian-foreign-minister'];

  it('nothing typed: every article, newest first', () => {
    assert.deepStrictEqual(keys(''), corpus.articles().map((a) => a.key));
  });
  it('every step of typing a person\'s name finds their articles (the session never runs dry)', () => {
    for (const prefix of ['l', 'la', 'lav', 'lavr', 'lavrov', 'lavorv']) {
      assert.deepStrictEqual(keys(prefix).filter((k) => LAVROV.includes(k)).sort(), LAVROV, prefix);
    }
  });
  it('a key prefix first; outlet; capital; a typo', () => {
    assert.strictEqual(keys('rhc-russia-r')[0], 'rhc-russia-reiterates-rejection');
    assert.deepStrictEqual(keys('tass'), ['tass2025-cuba-russia-reliable']);
    assert.ok(keys('havana').includes('rhc-russia-cuba-strengthen') && !keys('havana').includes('venezuelanmfa-russian-foreign-minister'));
    assert.deepStrictEqual(keys('obama'), ['dpa-cuban-foreign-minister']);
    assert.deepStrictEqual(keys('zzz'), []);
  });
  it('article words: key parts, outlet, title, persons and their variants, countries with demonym and capital', () => {
    const words = articleWords(corpus.get('rhc-russia-cuba-strengthen')!);
    for (const w of ['rhc', 'radio', 'habana', 'strengthen', 'serguei', 'lavrov', 'cuba', 'cuban', 'havana', 'moscow']) assert.ok(words.includes(w), w);
  });
});
