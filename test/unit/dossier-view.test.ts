import * as assert from 'assert';
import { Corpus } from '../../src/core/library/corpus';
import {
  briefMentions, buildDossier, buildNetwork, DOSSIER_PAGE_SIZE, dossierSummary, filterEntries, filterEntriesSliced, groupLabel, groupMode,
  loadSentencesSliced, NO_FILTERS, pageRows, type Dossier,
} from '../../src/core/dossier';
import { mentionSentences } from '../../src/core/dossier/mentions';
import { seedCorpus } from './seedCorpus';

const OUTLETS = ['Reuters', 'TASS', 'dpa'];

/** Article `i` of a generated library naming one person (dates over 2019–2024, three outlets). */
function pagingArticle(i: number): { file: string; text: string } {
  const year = 2019 + (i % 6), month = 1 + (i % 12), day = 1 + (i % 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const extra = i % 7 === 0 ? ' Later, Marwitz laid a wreath at the memorial.' : '';
  return {
    file: `p/${String(i).padStart(4, '0')}.md`,
    text: `---\ntitle: "Marwitz visit ${i}"\ndate: ${date}\noutlet: ${OUTLETS[i % 3]}\n---\n\nForeign Minister Ilse Marwitz arrived in Havana on Monday for talks number ${i}. The talks lasted two hours. Marwitz said the visit to Cuba was useful.${extra}\n`,
  };
}

function pagingCorpus(n: number): Corpus {
  const corpus = new Corpus();
  corpus.batch(() => {
    for (let i = 0; i < n; i++) {
      const { file, text } = pagingArticle(i);
      corpus.upsert(`/w/${file}`, file, text);
    }
  });
  return corpus;
}

describe('dossier view: sentences found only for what is read', () => {
  it('gives every entry the sentences the mention finder gives its article (Lavrov on the seeds)', () => {
    const corpus = seedCorpus();
    const subject = { kind: 'person', id: 'sergei-lavrov' } as const;
    const lavrov = buildDossier(corpus, subject)!;
    for (const entry of lavrov.entries) assert.deepStrictEqual(entry.sentences, mentionSentences(corpus.get(entry.key)!, subject, ['\u0000']));
    // A page's rows carry the same sentences, as plain data (what the webview is posted).
    const rows = pageRows(lavrov.entries, 'none', 0);
    assert.deepStrictEqual(rows.map((r) => r.sentences), lavrov.entries.map((e) => e.sentences));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), rows);
    assert.deepStrictEqual(rows.map((r) => r.key), ['tass2025-cuba-russia-reliable', 'rhc-russia-cuba-strengthen', 'dpa-cuban-foreign-minister', 'venezuelanmfa-russian-foreign-minister']);
  });

  it('serialises an entry without its article (the sentences are not an own property)', () => {
    const entry = buildDossier(seedCorpus(), { kind: 'person', id: 'sergei-lavrov' })!.entries[0]!;
    assert.deepStrictEqual(Object.keys(JSON.parse(JSON.stringify(entry))).sort(), ['date', 'file', 'key', 'mentions', 'outlet', 'title', 'url', 'year']);
  });
});

describe('dossier view: filters', () => {
  const lavrov = buildDossier(seedCorpus(), { kind: 'person', id: 'sergei-lavrov' })!;
  const keys = (entries: { key: string }[]) => entries.map((e) => e.key);

  it('by year range (undated entries only without one), outlet and text', () => {
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, NO_FILTERS)), keys(lavrov.entries));
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, fromYear: 2025 })), ['tass2025-cuba-russia-reliable']);
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, toYear: 2024 })), []);
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, outlet: 'dpa' })), ['dpa-cuban-foreign-minister']);
    // Text: in a sentence (any case), in the outlet, in the key.
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, text: 'WREATH' })), ['rhc-russia-cuba-strengthen']);
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, text: 'venezuelan mfa' })), ['venezuelanmfa-russian-foreign-minister']);
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, text: 'tass2025' })), ['tass2025-cuba-russia-reliable']);
    assert.deepStrictEqual(keys(filterEntries(lavrov.entries, { ...NO_FILTERS, text: 'no such words' })), []);
  });

  it('in slices gives what one pass gives, and stops when cancelled', async () => {
    const corpus = pagingCorpus(120);
    const dossier = buildDossier(corpus, { kind: 'person', id: corpus.persons()[0]!.id })!;
    const filters = { ...NO_FILTERS, text: 'wreath' };
    const sliced = await filterEntriesSliced(dossier.entries, filters, () => false, 7);
    assert.deepStrictEqual(keys(sliced!), keys(filterEntries(dossier.entries, filters)));
    assert.strictEqual(sliced!.length, Math.ceil(120 / 7));
    let slices = 0;
    assert.strictEqual(await filterEntriesSliced(dossier.entries, filters, () => ++slices > 2, 7), null);
    assert.strictEqual(await loadSentencesSliced(dossier.entries, () => false, 50), true);
  });
});

describe('dossier view: pages of a large dossier', () => {
  const corpus = pagingCorpus(450);
  const person = corpus.persons()[0]!;
  const dossier: Dossier = buildDossier(corpus, { kind: 'person', id: person.id })!;

  it('counts the whole and pages the rows in timeline order', () => {
    assert.strictEqual(person.name, 'Ilse Marwitz');
    const summary = dossierSummary(dossier);
    assert.strictEqual(summary.articles, 450);
    assert.deepStrictEqual(summary.outlets.map((o) => [o.name, o.count]), [['dpa', 150], ['Reuters', 150], ['TASS', 150]]);
    assert.deepStrictEqual(summary.years, [2019, 2020, 2021, 2022, 2023, 2024]);
    const mode = groupMode(dossier.entries);
    assert.strictEqual(mode, 'year');
    const pages = [0, 200, 400, 450].map((offset) => pageRows(dossier.entries, mode, offset));
    assert.deepStrictEqual(pages.map((p) => p.length), [DOSSIER_PAGE_SIZE, DOSSIER_PAGE_SIZE, 50, 0]);
    const all = pages.flat();
    assert.deepStrictEqual(all.map((r) => r.key), dossier.entries.map((e) => e.key));
    assert.deepStrictEqual(all.map((r) => r.group), dossier.entries.map((e) => e.date!.slice(0, 4)));
    assert.ok(all.every((r, i) => i === 0 || r.date! >= all[i - 1]!.date!), 'oldest first');
    assert.deepStrictEqual(all.find((r) => r.title === 'Marwitz visit 0')!.sentences.map((s) => s.text), [
      'Foreign Minister Ilse Marwitz arrived in Havana on Monday for talks number 0.', 'Marwitz said the visit to Cuba was useful.', 'Later, Marwitz laid a wreath at the memorial.',
    ]);
    assert.deepStrictEqual(all.find((r) => r.title === 'Marwitz visit 1')!.sentences.map((s) => s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end)), ['Ilse Marwitz', 'Marwitz']);
  });

  it('groups by month within one year, not at all up to 12 rows', () => {
    const in2021 = filterEntries(dossier.entries, { ...NO_FILTERS, fromYear: 2021, toYear: 2021 });
    assert.strictEqual(in2021.length, 75);
    assert.strictEqual(groupMode(in2021), 'month');
    assert.match(groupLabel(in2021[0]!, 'month'), /^(January|February|March|April|May|June|July|August|September|October|November|December) 2021$/);
    assert.strictEqual(groupMode(in2021.slice(0, 12)), 'none');
    assert.strictEqual(groupLabel({ date: null }, 'year'), 'Undated');
    assert.strictEqual(groupLabel({ date: '--02-19' }, 'year'), 'Year unknown');
  });

  it('a brief of everything passing the filters takes every mention, not only the rows shown', () => {
    const tass2020 = filterEntries(dossier.entries, { ...NO_FILTERS, outlet: 'TASS', fromYear: 2020, toYear: 2021 });
    assert.strictEqual(tass2020.length, 75);
    const expected = tass2020.reduce((n, e) => n + e.sentences.length, 0);
    assert.strictEqual(briefMentions(tass2020).length, expected);
    assert.ok(briefMentions(dossier.entries).length > 3 * 200, 'the whole dossier has more than a page of bullets');
  });
});

describe('dossier network: counted once, kept current', () => {
  const files = Array.from({ length: 60 }, (_, i) => pagingArticle(i));
  const fresh = (list: { file: string; text: string }[]) => {
    const corpus = new Corpus();
    corpus.batch(() => { for (const { file, text } of list) corpus.upsert(`/w/${file}`, file, text); });
    return corpus;
  };

  it('after additions, edits and removals equals a network counted from scratch', () => {
    const corpus = fresh(files.slice(0, 40));
    const before = buildNetwork(corpus);
    assert.strictEqual(buildNetwork(corpus), before, 'the same options answer from the cache');
    const seeds = seedCorpus();
    // Add the rest and the seeds' articles, edit some, remove some.
    corpus.batch(() => {
      for (const { file, text } of files.slice(40)) corpus.upsert(`/w/${file}`, file, text);
      for (const article of seeds.articles()) corpus.upsert(`/w/seeds/${article.file}`, article.file, article.body);
    });
    corpus.upsert(`/w/${files[3]!.file}`, files[3]!.file, `${files[3]!.text}\nSergey Lavrov visited Venezuela and Nicaragua.\n`);
    corpus.remove(`/w/${files[5]!.file}`);
    corpus.remove(`/w/seeds/${seeds.articles()[0]!.file}`);
    const expected = fresh([
      ...files.filter((_, i) => i !== 5).map((f, i) => (i === 3 ? { file: f.file, text: `${f.text}\nSergey Lavrov visited Venezuela and Nicaragua.\n` } : f)),
      ...seeds.articles().slice(1).map((a) => ({ file: `seeds/${a.file}`, text: a.body })),
    ]);
    // (fresh's locations differ for the seeds: only the counts are compared.)
    for (const options of [{}, { country: 'CU' }, { fromYear: 2020, toYear: 2021 }, { country: 'RU', fromYear: 2025 }, { limit: 3 }]) {
      const got = buildNetwork(corpus, options), want = buildNetwork(expected, options);
      assert.deepStrictEqual({ ...got, nodes: got.nodes.map((n) => [n.id, n.articles]) }, { ...want, nodes: want.nodes.map((n) => [n.id, n.articles]) }, JSON.stringify(options));
    }
    assert.notStrictEqual(buildNetwork(corpus), before);
  });
});
