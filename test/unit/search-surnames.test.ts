// Search counts a person named by surname only ("President Putin said …") as the library's one person of that
// surname, as the dossier and the sidebar do: `person:"Vladimir Putin"` finds the article, the filter's suggestions
// offer Vladimir Putin with it counted (no "Putin" of its own), and `dossier index --json` says whose surname it is.
// Two persons of one surname (Fidel and Raúl Castro) leave a bare "Castro" to neither.
import * as assert from 'assert';
import { Corpus } from '../../src/core/library/corpus';
import { FacetSuggester, SearchIndex } from '../../src/core/search';
import { indexJson } from '../../src/cli/index';
import { FULL, surnameLibrary } from './surnameLibrary';

const library = surnameLibrary;

describe('search: persons named by surname only', () => {
  const found = (corpus: Corpus, index: SearchIndex, query: string) =>
    index.search(query).map((r) => `${corpus.get(r.key)!.file}:${r.passage}`).sort();

  it('person:"Vladimir Putin" finds the article naming only "President Putin", shown as him', () => {
    const corpus = library();
    const index = new SearchIndex(corpus);
    assert.strictEqual(corpus.surnameLink('putin'), 'vladimir-putin');
    const full = found(corpus, index, 'person:"vladimir putin"');
    assert.deepStrictEqual(full.map((f) => f.split(':')[0]), ['full.md', 'surname.md']);
    const surname = index.search('person:"vladimir putin"').find((r) => corpus.get(r.key)!.file === 'surname.md')!;
    assert.ok(/President Putin said/.test(surname.passage), `the passage shows where he is named: ${surname.passage}`);
    // The bare surname finds both, as it did; the shown person is the one the surname is.
    assert.deepStrictEqual(found(corpus, index, 'person:putin').map((f) => f.split(':')[0]), ['full.md', 'surname.md']);
    // With another filter or words, the link is one more way in, not a way around them.
    assert.deepStrictEqual(found(corpus, index, 'person:"vladimir putin" tuesday').map((f) => f.split(':')[0]), ['surname.md']);
    assert.deepStrictEqual(found(corpus, index, 'person:"vladimir putin" year:1999'), []);
  });

  it('two persons of one surname: "President Castro" is neither\'s', () => {
    const corpus = library();
    const index = new SearchIndex(corpus);
    assert.deepStrictEqual(found(corpus, index, 'person:"fidel castro"').map((f) => f.split(':')[0]), ['fidel.md']);
    assert.deepStrictEqual(found(corpus, index, 'person:"raul castro"').map((f) => f.split(':')[0]), ['raul.md']);
    assert.deepStrictEqual(found(corpus, index, 'person:castro').map((f) => f.split(':')[0]), ['castro.md', 'fidel.md', 'raul.md']);
  });

  it('follows the library: the link goes with the last full name and comes back with it (nothing re-indexed)', () => {
    const corpus = library();
    const index = new SearchIndex(corpus);
    assert.strictEqual(found(corpus, index, 'person:"vladimir putin"').length, 2);
    corpus.remove('/w/full.md');
    assert.deepStrictEqual(found(corpus, index, 'person:"vladimir putin"'), []);
    assert.deepStrictEqual(found(corpus, index, 'person:putin').map((f) => f.split(':')[0]), ['surname.md']);
    corpus.upsert('/w/full.md', 'full.md', FULL);
    assert.deepStrictEqual(found(corpus, index, 'person:"vladimir putin"').map((f) => f.split(':')[0]), ['full.md', 'surname.md']);
  });

  it("the filter's suggestions: Vladimir Putin with both articles, no \"Putin\" of its own; an ambiguous Castro stays", () => {
    const corpus = library();
    const facets = new FacetSuggester(corpus);
    const labels = (text: string) => facets.suggest('person', text, 6).map((f) => `${f.label}(${f.count})`);
    assert.deepStrictEqual(labels('putin'), ['Vladimir Putin(2)']);
    assert.deepStrictEqual(labels('').slice(0, 1), ['Vladimir Putin(2)'], 'counted in for the most frequent');
    assert.deepStrictEqual(labels('castro').sort(), ['Castro(1)', 'Fidel Castro(1)', 'Raúl Castro(1)']);
    corpus.remove('/w/full.md');
    assert.deepStrictEqual(labels('putin'), ['Putin(1)'], 'alone again, the surname is a suggestion of its own');
    facets.dispose();
  });

  it('dossier index --json: the surname-only person names the full person it is', () => {
    const corpus = library();
    const persons = indexJson(corpus).persons;
    assert.strictEqual(persons.find((p) => p.id === 'putin')!.surnameOf, 'vladimir-putin');
    assert.ok(!('surnameOf' in persons.find((p) => p.id === 'castro')!), 'ambiguous: no link');
    assert.ok(!('surnameOf' in persons.find((p) => p.id === 'vladimir-putin')!));
  });
});
