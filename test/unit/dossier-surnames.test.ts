// A person named by surname only ("President Putin said …", no full name in that article) is the library's one
// person of that surname: their dossier holds the article, its sentences found by the article's own form, and the
// surname is no co-mention. Two persons of one surname (Fidel and Raúl Castro) leave a bare "Castro" to neither.
import * as assert from 'assert';
import { Corpus } from '../../src/core/library/corpus';
import { buildDossier } from '../../src/core/dossier';
import { LibraryModel } from '../../src/core/library/grouping';
import { FULL, SURNAME, surnameLibrary } from './surnameLibrary';

const library = surnameLibrary;
const keyOf = (corpus: Corpus, file: string) => corpus.articles().find((a) => a.file === file)!.key;

describe('dossier: persons named by surname only', () => {
  it("the one person of that surname in the library: the article is in their dossier, found by the article's own form", () => {
    const corpus = library();
    const surname = keyOf(corpus, 'surname.md');
    assert.ok(corpus.get(surname)!.persons.some((p) => p.id === 'putin'), 'the article names a surname-only person');
    assert.strictEqual(corpus.surnameLink('putin'), 'vladimir-putin');
    assert.deepStrictEqual(corpus.articlesForPerson('vladimir-putin').map((a) => a.file), ['full.md'], 'without bySurname: as before');
    assert.deepStrictEqual(corpus.articlesForPerson('vladimir-putin', { bySurname: true }).map((a) => a.file).sort(), ['full.md', 'surname.md']);
    const dossier = buildDossier(corpus, { kind: 'person', id: 'vladimir-putin' })!;
    const entry = dossier.entries.find((e) => e.key === surname)!;
    assert.ok(entry, 'the surname-only article is an entry');
    assert.deepStrictEqual(entry.sentences.map((s) => s.text), ['President Putin said on Tuesday that the talks with the envoy had been useful.']);
    assert.ok(entry.mentions >= 1);
    assert.ok(!dossier.persons.some((p) => p.id === 'putin'), 'the surname is not a co-mention of its own person');
  });

  it('two persons of one surname: a bare surname is neither\'s', () => {
    const corpus = library();
    assert.strictEqual(corpus.surnameLink('castro'), null);
    for (const id of ['fidel-castro', 'raul-castro']) {
      const files = buildDossier(corpus, { kind: 'person', id })!.entries.map((e) => e.file);
      assert.ok(!files.includes('castro.md'), `${id}: ${files.join(', ')}`);
    }
  });

  it('follows the library: the link goes when the full name does, and comes back with it', () => {
    const corpus = library();
    corpus.remove('/w/full.md');
    assert.strictEqual(corpus.surnameLink('putin'), null);
    assert.strictEqual(buildDossier(corpus, { kind: 'person', id: 'vladimir-putin' }), null);
    corpus.upsert('/w/full.md', 'full.md', FULL);
    assert.deepStrictEqual(buildDossier(corpus, { kind: 'person', id: 'vladimir-putin' })!.entries.map((e) => e.file).sort(), ['full.md', 'surname.md']);
  });

  it('the sidebar groups such an article under that person, and moves it as the library changes', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/surname.md', 'surname.md', SURNAME);
    const model = new LibraryModel(corpus, 'person', { name: (_mode, id) => corpus.person(id)?.name });
    corpus.onDidChange((change) => model.apply(change));
    const groups = () => model.groups().map((g) => `${g.name}:${model.articles(g.id).map((a) => a.file).sort().join('+')}`).sort();
    // Alone, a surname-only person is their own group.
    assert.deepStrictEqual(groups(), ['Putin:surname.md']);
    // The first article naming him in full moves it into his group (the corpus reports it changed).
    corpus.upsert('/w/full.md', 'full.md', FULL);
    assert.deepStrictEqual(groups(), ['Vladimir Putin:full.md+surname.md']);
    // A second Putin makes the surname ambiguous: the article goes back to its own group.
    corpus.upsert('/w/lyudmila.md', 'lyudmila.md', '# Moscow\n\nLyudmila Putina visited Moscow. Putina said the visit went well.\n');
    corpus.upsert('/w/other.md', 'other.md', '# Another Putin\n\nIgor Putin met the press in Moscow. Putin said the meeting had gone well.\n');
    assert.deepStrictEqual(groups().filter((g) => !g.startsWith('Lyudmila')), ['Igor Putin:other.md', 'Putin:surname.md', 'Vladimir Putin:full.md']);
    corpus.remove('/w/other.md');
    assert.deepStrictEqual(groups().filter((g) => !g.startsWith('Lyudmila')), ['Vladimir Putin:full.md+surname.md']);
    // And the model built afresh agrees with the one kept up to date.
    const fresh = new LibraryModel(corpus, 'person', { name: (_mode, id) => corpus.person(id)?.name });
    assert.deepStrictEqual(fresh.groups().map((g) => `${g.name}:${fresh.articles(g.id).length}`).sort(), model.groups().map((g) => `${g.name}:${model.articles(g.id).length}`).sort());
  });
});

