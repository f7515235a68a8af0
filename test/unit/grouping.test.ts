import * as assert from 'assert';
import type { CorpusChange } from '../../src/core/library/corpus';
import {
  articlesGlob, compareGroups, groupIdsOf, highlightRanges, LibraryModel, searchQuery, matchesTerms, normalizeForFilter, outletGroupId, parseFilter,
  UNKNOWN_GROUP, yearGroupId, type GroupRow, type LibrarySource,
} from '../../src/core/library/grouping';
import type { Article } from '../../src/core/types';

interface Spec {
  key: string;
  label?: string;
  date?: string | null;
  outlet?: string | null;
  countries?: [code: string, name: string][];
  persons?: [id: string, name: string, ...variants: string[]][];
}

function makeArticle(spec: Spec): Article {
  const label = spec.label ?? spec.key;
  return {
    key: spec.key, file: `seeds/${spec.key}.txt`, title: label, label, date: spec.date ?? null, outlet: spec.outlet ?? null,
    url: null, author: null, excerpt: '', words: 10, body: '', explicitKey: null, baseKey: spec.key, location: `/w/${spec.key}`,
    countries: (spec.countries ?? []).map(([code, name], i) => ({ code, name, mentions: 10 - i })),
    persons: (spec.persons ?? []).map(([id, name, ...variants], i) => ({ id, name, variants: [name, ...variants], mentions: 10 - i })),
  };
}

/** A tiny stand-in for the Corpus: articles by key, with change events built by hand. */
class FakeSource implements LibrarySource {
  readonly map = new Map<string, Article>();
  constructor(specs: Spec[]) {
    for (const s of specs) this.map.set(s.key, makeArticle(s));
  }
  keys() { return this.map.keys(); }
  get(key: string) { return this.map.get(key); }
  put(spec: Spec): CorpusChange {
    const existed = this.map.has(spec.key);
    this.map.set(spec.key, makeArticle(spec));
    return existed ? { added: [], changed: [spec.key], removed: [] } : { added: [spec.key], changed: [], removed: [] };
  }
  drop(key: string): CorpusChange {
    this.map.delete(key);
    return { added: [], changed: [], removed: [key] };
  }
}

// The seeds, as the entities extractor sees them (see the brief).
const RU: [string, string] = ['RU', 'Russia'], CU: [string, string] = ['CU', 'Cuba'], US: [string, string] = ['US', 'United States'];
const VE: [string, string] = ['VE', 'Venezuela'];
const LAVROV = 'sergey-lavrov';
const seeds: Spec[] = [
  { key: 'rhc-russia-cuba-strengthen', date: '--02-19', outlet: 'Radio Habana Cuba', countries: [RU, CU, US],
    persons: [[LAVROV, 'Serguei Lavrov', 'Lavrov'], ['bruno-rodriguez-parrilla', 'Bruno Rodríguez Parrilla']] },
  { key: 'rhc-russia-reiterates-rejection', date: '--12-24', outlet: 'Radio Habana Cuba', countries: [RU, CU, US],
    persons: [['serguei-riabkov', 'Serguei Riabkov']] },
  { key: 'tass2025-cuba-russia-reliable', date: '2025-05-07', outlet: 'TASS', countries: [RU, CU, US, ['UA', 'Ukraine'], ['PL', 'Poland']],
    persons: [[LAVROV, 'Sergey Lavrov'], ['miguel-diaz-canel-bermudez', 'Miguel Diaz-Canel Bermudez']] },
  { key: 'dpa-cuban-foreign-minister', date: null, outlet: 'dpa', countries: [CU, RU, US, VE],
    persons: [[LAVROV, 'Sergei Lavrov'], ['barack-obama', 'Barack Obama']] },
  { key: 'venezuelanmfa-russian-foreign-minister', date: '2024-11-02', outlet: 'Venezuelan MFA', countries: [RU, VE],
    persons: [[LAVROV, 'Sergey Lavrov'], ['delcy-rodriguez', 'Delcy Rodríguez']] },
];

const summary = (rows: GroupRow[]) => rows.map((r) => `${r.name}:${r.shown}`);

describe('grouping: group ids', () => {
  it('groups by country code and person id in the article order, without duplicates', () => {
    const a = makeArticle({ key: 'a', countries: [CU, RU, CU], persons: [['p', 'P'], ['q', 'Q']] });
    assert.deepStrictEqual(groupIdsOf(a, 'country'), ['CU', 'RU']);
    assert.deepStrictEqual(groupIdsOf(a, 'person'), ['p', 'q']);
  });

  it('folds outlet spelling and puts articles without an outlet or a year in the unknown group', () => {
    assert.strictEqual(outletGroupId(' TASS '), outletGroupId('Tass'));
    assert.strictEqual(outletGroupId('Radio  Habana Cuba'), 'radio habana cuba');
    assert.strictEqual(outletGroupId(null), UNKNOWN_GROUP);
    assert.strictEqual(yearGroupId('2025-05-07'), '2025');
    assert.strictEqual(yearGroupId('2025'), '2025');
    assert.strictEqual(yearGroupId('--02-19'), UNKNOWN_GROUP);
    assert.strictEqual(yearGroupId(null), UNKNOWN_GROUP);
  });
});

describe('grouping: sort order', () => {
  const row = (mode: GroupRow['mode'], id: string, name: string, shown: number): GroupRow => ({ mode, id, name, total: shown, shown });

  it('sorts by article count, then by name (accents and case ignored)', () => {
    const rows = [row('country', 'VE', 'Venezuela', 2), row('country', 'CU', 'Cuba', 4), row('country', 'RU', 'Russia', 5),
      row('country', 'AT', 'Österreich', 2), row('country', 'UA', 'ukraine', 2)];
    assert.deepStrictEqual(rows.sort(compareGroups).map((r) => r.id), ['RU', 'CU', 'AT', 'UA', 'VE']);
  });

  it('lists years newest first and unknown outlets and years last', () => {
    const years = [row('year', '2019', '2019', 9), row('year', UNKNOWN_GROUP, 'No year', 20), row('year', '2025', '2025', 1)];
    assert.deepStrictEqual(years.sort(compareGroups).map((r) => r.name), ['2025', '2019', 'No year']);
    const outlets = [row('outlet', UNKNOWN_GROUP, 'Unknown outlet', 20), row('outlet', 'tass', 'TASS', 1)];
    assert.deepStrictEqual(outlets.sort(compareGroups).map((r) => r.name), ['TASS', 'Unknown outlet']);
  });
});

describe('grouping: filter text', () => {
  it('parses words and quoted phrases, folded', () => {
    assert.deepStrictEqual(parseFilter('  Rodríguez "Foreign  Minister" '), ['rodriguez', 'foreign minister']);
    assert.deepStrictEqual(parseFilter('"unclosed phrase'), ['unclosed phrase']);
    assert.deepStrictEqual(parseFilter('   '), []);
  });

  it('needs every term, in any haystack', () => {
    const terms = parseFilter('cuba lavrov');
    assert.ok(matchesTerms(terms, normalizeForFilter('Cuba'), normalizeForFilter('Sergey Lavrov')));
    assert.ok(!matchesTerms(terms, normalizeForFilter('Cuba'), normalizeForFilter('Riabkov')));
  });
});

describe('grouping: the library model', () => {
  it('groups the seeds by country: Russia 5, Cuba 4, United States 4, Venezuela 2', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'country');
    assert.deepStrictEqual(summary(model.groups()).slice(0, 4), ['Russia:5', 'Cuba:4', 'United States:4', 'Venezuela:2']);
    assert.deepStrictEqual(model.articles('VE').map((a) => a.key), ['venezuelanmfa-russian-foreign-minister', 'dpa-cuban-foreign-minister']);
  });

  it('groups by person with host-provided canonical names; namesakes stay apart', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'person', {
      name: (mode, id) => (id === LAVROV ? 'Sergey Lavrov' : undefined),
    });
    const rows = model.groups();
    assert.deepStrictEqual(summary(rows)[0], 'Sergey Lavrov:4');
    const names = rows.map((r) => r.name);
    assert.ok(names.includes('Bruno Rodríguez Parrilla') && names.includes('Delcy Rodríguez'));
    assert.strictEqual(model.articles(LAVROV).length, 4);
  });

  it('sorts a group\'s articles newest first, undated last', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'country');
    assert.deepStrictEqual(model.articles('CU').map((a) => a.key), [
      'tass2025-cuba-russia-reliable', 'rhc-russia-reiterates-rejection', 'rhc-russia-cuba-strengthen', 'dpa-cuban-foreign-minister']);
  });

  it('groups by outlet and by year', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'outlet');
    assert.deepStrictEqual(summary(model.groups()), ['Radio Habana Cuba:2', 'dpa:1', 'TASS:1', 'Venezuelan MFA:1']);
    model.setMode('year');
    assert.deepStrictEqual(summary(model.groups()), ['2025:1', '2024:1', 'No year:3']);
  });

  it('filters groups and articles: a term may match the group or the article', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'country', {
      filterText: (mode, id) => (id === 'CU' ? 'CU Cuban Havana' : id),
    });
    model.setFilter('havana obama');
    assert.deepStrictEqual(summary(model.groups()), ['Cuba:1']);
    assert.deepStrictEqual(model.articles('CU').map((a) => a.key), ['dpa-cuban-foreign-minister']);
    model.setFilter('rodriguez');
    assert.deepStrictEqual(summary(model.groups()), ['Russia:2', 'Cuba:1', 'United States:1', 'Venezuela:1']);
    model.setFilter('');
    assert.ok(!model.filtered);
    assert.strictEqual(model.groups().length, 6);
  });

  it('reveals an article under its first group the filter shows', () => {
    const model = new LibraryModel(new FakeSource(seeds), 'country', {
      filterText: (mode, id) => (id === 'CU' ? 'Havana' : ''),
    });
    assert.strictEqual(model.revealGroup('rhc-russia-cuba-strengthen'), 'RU');
    model.setFilter('havana');
    assert.strictEqual(model.revealGroup('rhc-russia-cuba-strengthen'), 'CU');
    assert.strictEqual(model.revealGroup('venezuelanmfa-russian-foreign-minister'), undefined);
    assert.strictEqual(model.revealGroup('no-such-key'), undefined);
  });
});

describe('grouping: live changes', () => {
  function setup() {
    const source = new FakeSource(seeds);
    const model = new LibraryModel(source, 'country');
    model.groups();
    return { source, model };
  }

  it('an added article re-lists the groups (counts changed) and shows under its countries', () => {
    const { source, model } = setup();
    const refresh = model.apply(source.put({ key: 'new', date: '2026-01-01', countries: [['CL', 'Chile'], CU] }));
    assert.deepStrictEqual(refresh, { all: true });
    assert.ok(summary(model.groups()).includes('Chile:1'));
    assert.strictEqual(model.articles('CU')[0]!.key, 'new');
  });

  it('a change that keeps every group and count refreshes only those groups', () => {
    const { source, model } = setup();
    model.articles('VE');
    const refresh = model.apply(source.put({ ...seeds[4]!, label: 'Renamed' }));
    assert.deepStrictEqual(refresh, { all: false, groups: ['RU', 'VE'] });
    assert.strictEqual(model.articles('VE')[0]!.label, 'Renamed');
  });

  it('an edit moves an article between groups; a removal drops empty groups', () => {
    const { source, model } = setup();
    model.apply(source.put({ key: 'new', countries: [['CL', 'Chile']] }));
    model.groups();
    assert.deepStrictEqual(model.apply(source.put({ key: 'new', countries: [['PE', 'Peru']] })), { all: true });
    const ids = model.groups().map((g) => g.id);
    assert.ok(ids.includes('PE') && !ids.includes('CL'));
    model.apply(source.drop('new'));
    assert.ok(!model.groups().some((g) => g.id === 'PE'));
    assert.deepStrictEqual(model.groupsOf('new'), []);
  });

  it('a renamed key (removed + added) keeps the counts and refreshes only its groups', () => {
    const { source, model } = setup();
    source.map.delete('dpa-cuban-foreign-minister');
    source.put({ ...seeds[3]!, key: 'dpa-renamed' });
    const refresh = model.apply({ added: ['dpa-renamed'], changed: [], removed: ['dpa-cuban-foreign-minister'] });
    assert.deepStrictEqual(refresh.all, false);
    assert.deepStrictEqual(model.articles('VE').map((a) => a.key), ['venezuelanmfa-russian-foreign-minister', 'dpa-renamed']);
  });

  it('does not re-read untouched groups', () => {
    const { source, model } = setup();
    const before = model.articles('RU');
    const venezuela = model.articles('VE');
    model.apply(source.put({ ...seeds[1]!, label: 'Changed' }));
    assert.strictEqual(model.articles('VE'), venezuela, 'Venezuela was not touched: same cached array');
    assert.notStrictEqual(model.articles('RU'), before);
  });
});

describe('grouping: nothing lost, highlights', () => {
  it('puts articles without countries or persons in a last "No country" / "No person named" group', () => {
    const source = new FakeSource([...seeds, { key: 'bare', date: '2030-01-01' }]);
    const countries = new LibraryModel(source, 'country');
    const last = countries.groups().at(-1)!;
    assert.deepStrictEqual([last.id, last.name, last.shown], [UNKNOWN_GROUP, 'No country', 1]);
    const persons = new LibraryModel(source, 'person');
    assert.strictEqual(persons.groups().at(-1)!.name, 'No person named');
    assert.strictEqual(countries.shownArticleCount(), 6);
  });

  it('highlights the filter terms in a label, merging overlaps', () => {
    assert.deepStrictEqual(highlightRanges('Rodríguez meets Rodriguez', parseFilter('rodri guez')), [[0, 9], [16, 25]]);
    assert.deepStrictEqual(highlightRanges('Straße', parseFilter('strasse')), []);
    assert.deepStrictEqual(highlightRanges('Cuba', []), []);
  });
});

describe('grouping: commands\' pure parts', () => {
  it('builds the search query of a group', () => {
    assert.strictEqual(searchQuery('country', 'CU', 'Cuba'), 'country:CU');
    assert.strictEqual(searchQuery('person', 'x', 'Sergey Lavrov'), 'person:"Sergey Lavrov"');
    assert.strictEqual(searchQuery('outlet', 'tass', 'TASS'), 'outlet:TASS');
    assert.strictEqual(searchQuery('outlet', 'x', 'The "Daily" Post'), 'outlet:"The Daily Post"');
    assert.strictEqual(searchQuery('year', '2025', '2025'), 'year:2025');
  });

  it('turns a chosen folder into an articles glob', () => {
    assert.strictEqual(articlesGlob('sources/2024'), 'sources/2024/**/*.{txt,md}');
    assert.strictEqual(articlesGlob(''), '**/*.{txt,md}');
    assert.strictEqual(articlesGlob('a [draft]/x*'), 'a [[]draft[]]/x[*]/**/*.{txt,md}');
  });
});
