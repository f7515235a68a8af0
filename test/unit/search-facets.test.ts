// Filter suggestions in the search box: which filter is being typed, how choosing a suggestion
// completes it, and the persons / countries / outlets fuse.js ranks for a typed value (seeds, a
// corpus change, and a directory large enough to be narrowed by first letters).

import * as assert from 'assert';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { Corpus } from '../../src/core/library/corpus';
import { completeFilter, FacetSuggester, pendingFilter, type FacetCorpus } from '../../src/core/search';

const SEEDS = path.resolve(__dirname, '../../seeds');

describe('search: filter suggestions', () => {
  describe('pendingFilter / completeFilter', () => {
    it('finds the filter whose value is being typed at the end of the query', () => {
      assert.deepStrictEqual(pendingFilter('person:lav'), { field: 'person', value: 'lav', start: 0 });
      assert.deepStrictEqual(pendingFilter('cuba country:"south af'), { field: 'country', value: 'south af', start: 5 });
      assert.deepStrictEqual(pendingFilter('blockade Outlet:'), { field: 'outlet', value: '', start: 9 });
      for (const done of ['person:lavrov ', 'person:"Sergey Lavrov"', 'year:2025', 'lavrov', 'xperson:lav', 'person:lav cuba']) {
        assert.strictEqual(pendingFilter(done), null, done);
      }
    });

    it('completes the pending filter, quoting a value with spaces, and leaves a space to go on typing', () => {
      const query = 'blockade person:lavr';
      assert.strictEqual(completeFilter(query, pendingFilter(query)!, 'Sergey Lavrov'), 'blockade person:"Sergey Lavrov" ');
      const country = 'country:venez';
      assert.strictEqual(completeFilter(country, pendingFilter(country)!, 'VE'), 'country:VE ');
    });
  });

  describe('FacetSuggester on the seeds', () => {
    const corpus = loadCorpus([SEEDS]);
    const facets = new FacetSuggester(corpus);
    const labels = (field: 'person' | 'country' | 'outlet', text: string, limit = 3) =>
      facets.suggest(field, text, limit).map((f) => `${f.label}=${f.value}(${f.count})`);

    it('persons: typos, other transliterations, accents; the two Rodríguez both offered', () => {
      assert.deepStrictEqual(labels('person', 'lavr', 1), ['Sergey Lavrov=Sergey Lavrov(4)']);
      assert.deepStrictEqual(labels('person', 'serguei lavrov', 1), ['Sergey Lavrov=Sergey Lavrov(4)']);
      assert.deepStrictEqual(labels('person', 'riabkov', 1), ['Serguei Riabkov=Serguei Riabkov(1)']);
      assert.deepStrictEqual(labels('person', 'rodrigez', 2).sort(),
        ['Bruno Rodríguez Parrilla=Bruno Rodríguez Parrilla(1)', 'Delcy Rodríguez=Delcy Rodríguez(1)']);
      const lavrov = facets.suggest('person', 'lavrov', 1)[0]!;
      assert.ok(lavrov.also.includes('Serguei Lavrov'), lavrov.also.join(', '));
    });

    it('the most frequent first when nothing is typed', () => {
      assert.deepStrictEqual(labels('person', '', 1), ['Sergey Lavrov=Sergey Lavrov(4)']);
      assert.deepStrictEqual(labels('country', '', 2), ['Russia=RU(5)', 'Cuba=CU(4)']);
    });

    it('countries by name, code, capital or demonym; the value is the code', () => {
      assert.deepStrictEqual(labels('country', 'venez', 1), ['Venezuela=VE(2)']);
      assert.deepStrictEqual(labels('country', 've', 1), ['Venezuela=VE(2)']);
      assert.deepStrictEqual(labels('country', 'havana', 1), ['Cuba=CU(4)']);
      assert.deepStrictEqual(labels('country', 'cuban', 1), ['Cuba=CU(4)']);
    });

    it('outlets', () => {
      assert.deepStrictEqual(labels('outlet', 'tas', 1), ['TASS=TASS(1)']);
      assert.deepStrictEqual(labels('outlet', 'radio havana', 1), ['Radio Habana Cuba=Radio Habana Cuba(2)']);
    });

    it('nothing for gibberish', () => {
      assert.deepStrictEqual(labels('person', 'qqxzzv'), []);
    });
  });

  it('follows corpus changes', () => {
    const corpus = new Corpus();
    const facets = new FacetSuggester(corpus);
    corpus.upsert('/a.txt', 'a.txt', 'Talks in Minsk\n\nMINSK, May 7. /TASS/. Belarusian President Alexander Lukashenko met the delegation.');
    assert.deepStrictEqual(facets.suggest('person', 'lukashenka').map((f) => f.label), ['Alexander Lukashenko']);
    corpus.remove('/a.txt');
    assert.deepStrictEqual(facets.suggest('person', 'lukashenka'), []);
    facets.dispose();
  });

  it('a large directory is narrowed by first letters and still finds a typo\'d name', () => {
    const persons = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`, name: `Given${i} Family${i}`, variants: [] as string[], articles: ['k'],
    }));
    persons.push({ id: 'lav', name: 'Sergey Lavrov', variants: ['Serguei Lavrov'], articles: ['a', 'b'] });
    const source: FacetCorpus = { persons: () => persons, countries: () => [], keys: () => [], get: () => undefined, onDidChange: () => ({ dispose() {} }) };
    const facets = new FacetSuggester(source);
    assert.deepStrictEqual(facets.suggest('person', 'lavorv', 1).map((f) => f.label), ['Sergey Lavrov']);
    assert.deepStrictEqual(facets.suggest('person', 'serguei', 1).map((f) => f.label), ['Sergey Lavrov']);
  });
});
