import * as assert from 'assert';
import fc from 'fast-check';
import { Corpus } from '../../src/core/library/corpus';
import { buildDossier, buildNetwork, splitSentences } from '../../src/core/dossier';
import { sentenceAround } from '../../src/core/dossier/sentences';
import { seedCorpus } from './seedCorpus';



const highlighted = (s: { text: string; highlights: { start: number; end: number }[] }) => s.highlights.map((h) => s.text.slice(h.start, h.end));

describe('dossier: a person on the seeds', () => {
  const corpus = seedCorpus();
  const lavrov = buildDossier(corpus, { kind: 'person', id: 'sergei-lavrov' })!;

  it('lists the four articles naming Lavrov, dated first (oldest first), then month-day, then undated', () => {
    assert.strictEqual(lavrov.name, 'Sergey Lavrov');
    assert.deepStrictEqual(lavrov.variants, ['Lavrov', 'Sergei Lavrov', 'Serguei Lavrov']);
    assert.deepStrictEqual(lavrov.entries.map((e) => [e.key, e.date, e.outlet]), [
      ['tass2025-cuba-russia-reliable', '2025-05-07', 'TASS'],
      ['rhc-russia-cuba-strengthen', '--02-19', 'Radio Habana Cuba'],
      ['dpa-cuban-foreign-minister', null, 'dpa'],
      ['venezuelanmfa-russian-foreign-minister', null, 'Venezuelan MFA'],
    ]);
  });

  it('gives the exact sentences that name him, every variant highlighted', () => {
    const rhc = lavrov.entries.find((e) => e.key === 'rhc-russia-cuba-strengthen')!;
    assert.deepStrictEqual(rhc.sentences.map((s) => s.text), [
      'Havana, February 19 (RHC) -- Cuba and Russia are seeking to strengthen their strategic relations today, in the framework of a meeting between Russian Foreign Minister Serguei Lavrov and his Cuban counterpart, Bruno Rodríguez Parrilla, in Havana.',
      'Lavrov will lay a wreath at the José Martí Memorial before his meeting with Rodríguez Parrilla, with whom he will analyse the strengthening of political ties, the regional and international situation, as well as economic and trade cooperation, among other issues.',
      'Lavrov rejected the US blockade at almost every high-level session of the UN General Assembly from 2014 to 2023, although he also did so publicly in other settings.',
    ]);
    assert.deepStrictEqual(rhc.sentences.map(highlighted), [['Serguei Lavrov'], ['Lavrov'], ['Lavrov']]);
    const dpa = lavrov.entries.find((e) => e.key === 'dpa-cuban-foreign-minister')!;
    assert.deepStrictEqual(dpa.sentences.map((s) => s.text), [
      '"Cuba will not ask for permission from any other country, we have the right to develop bilateral military-industrial cooperations like all countries," Roque said at a press conference with his Russian counterpart Sergei Lavrov.',
      "Lavrov challenged Obama's administration Tuesday to review economic sanctions against Cuba, a feature of US foreign policy since the Kennedy era.",
    ]);
    assert.deepStrictEqual(dpa.sentences.map(highlighted), [['Sergei Lavrov'], ['Lavrov']]);
    const tass = lavrov.entries[0]!;
    assert.strictEqual(tass.sentences.length, 5);
    assert.deepStrictEqual(highlighted(tass.sentences[0]!), ['Sergey Lavrov']);
    const mfa = lavrov.entries[3]!;
    assert.deepStrictEqual(mfa.sentences.map(highlighted), [['Sergey Lavrov'], ['Sergey Lavrov']]);
    assert.ok(mfa.sentences[0]!.text.startsWith('On February 7, Russian Foreign Minister Sergey Lavrov will travel to Venezuela'));
  });

  it('counts who and where else the articles name, most often first', () => {
    const countries = lavrov.countries.map((c) => [c.name, c.count]);
    assert.deepStrictEqual(countries.slice(0, 4), [['Russia', 4], ['Cuba', 3], ['United States', 3], ['Venezuela', 2]]);
    const persons = new Map(lavrov.persons.map((p) => [p.name, p.count]));
    assert.strictEqual(persons.get('Bruno Rodríguez Parrilla'), 1);
    assert.strictEqual(persons.get('Delcy Rodríguez'), 1);
    assert.strictEqual(persons.get('Nicolás Maduro'), 1);
    assert.ok(!persons.has('Sergey Lavrov'), 'the subject is no co-mention of itself');
    assert.ok(lavrov.persons.every((p) => p.kind === 'person') && lavrov.countries.every((c) => c.kind === 'country'));
  });

  it('counts the outlets', () => {
    assert.deepStrictEqual(lavrov.outlets, [
      { name: 'dpa', count: 1 }, { name: 'Radio Habana Cuba', count: 1 }, { name: 'TASS', count: 1 }, { name: 'Venezuelan MFA', count: 1 }]);
    assert.strictEqual(lavrov.unknownOutlet, 0);
  });

  it('keeps two persons with one surname apart: the "Rodríguez" of each article is its own', () => {
    const bruno = buildDossier(corpus, { kind: 'person', id: 'bruno-rodrigez' })!;
    const texts = bruno.entries.flatMap((e) => e.sentences.flatMap(highlighted));
    assert.ok(texts.includes('Bruno Rodríguez Parrilla'));
    assert.ok(!texts.some((t) => /Delcy/.test(t)));
  });

  it('answers null for a subject the corpus does not know', () => {
    assert.strictEqual(buildDossier(corpus, { kind: 'person', id: 'nobody-here' }), null);
    assert.strictEqual(buildDossier(corpus, { kind: 'country', code: 'ZZ' }), null);
  });
});

describe('dossier: a country on the seeds', () => {
  const cuba = buildDossier(seedCorpus(), { kind: 'country', code: 'CU' })!;

  it('finds the country under its names, demonym and capital', () => {
    assert.strictEqual(cuba.name, 'Cuba');
    assert.strictEqual(cuba.flag, '🇨🇺');
    const words = new Set(cuba.entries.flatMap((e) => e.sentences.flatMap(highlighted)));
    for (const w of ['Cuba', 'Cuban', 'Havana', 'Republic of Cuba']) assert.ok(words.has(w), w);
    assert.ok(cuba.persons.some((p) => p.name === 'Sergey Lavrov' && p.count === 3));
  });
});

describe('dossier: mentions outside the body and edits', () => {
  it('falls back to the title when only the title names the subject', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/a.txt', 'a.txt', '# Sergey Lavrov in Havana\n\nThe minister arrived on Monday. Talks followed.\n');
    const person = corpus.persons()[0]!;
    const dossier = buildDossier(corpus, { kind: 'person', id: person.id })!;
    assert.strictEqual(dossier.entries.length, 1);
    assert.deepStrictEqual(dossier.entries[0]!.sentences.map((s) => s.text), ['Sergey Lavrov in Havana']);
  });

  it('follows an edit of the article (no stale sentences)', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/a.txt', 'a.txt', 'Talks\n\nMOSCOW (AP) -- Sergey Lavrov met the press. He left.\n');
    const id = corpus.persons()[0]!.id;
    assert.deepStrictEqual(buildDossier(corpus, { kind: 'person', id })!.entries[0]!.sentences.map((s) => s.text), ['MOSCOW (AP) -- Sergey Lavrov met the press.']);
    corpus.upsert('/w/a.txt', 'a.txt', 'Talks\n\nMOSCOW (AP) -- The press met Sergey Lavrov. He left.\n');
    assert.deepStrictEqual(buildDossier(corpus, { kind: 'person', id })!.entries[0]!.sentences.map((s) => s.text), ['MOSCOW (AP) -- The press met Sergey Lavrov.']);
  });
});

describe('dossier: sentences', () => {
  it('splits at sentence ends, not at abbreviations, initials or decimals', () => {
    const text = 'Mr. Smith met Gen. Lee in the U.S. capital. George H. W. Bush said 2.5 percent! "Is it?" she asked.\nA new line';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    assert.deepStrictEqual(spans, ['Mr. Smith met Gen. Lee in the U.S. capital.', 'George H. W. Bush said 2.5 percent!', '"Is it?" she asked.', 'A new line']);
  });

  it('gives ordered, non-overlapping, trimmed spans inside the text, for any text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'B', ' ', '.', '!', '?', '"', '\n', 'Mr', '…', '2', '\u00a0'), { maxLength: 200 }).map((parts) => parts.join('')), (text: string) => {
      let last = 0;
      for (const span of splitSentences(text)) {
        assert.ok(span.start >= last && span.end > span.start && span.end <= text.length);
        assert.strictEqual(text.slice(span.start, span.end), text.slice(span.start, span.end).trim());
        last = span.end;
      }
    }), { numRuns: 300 });
  });
});

describe('dossier: the sentence around a mention', () => {
  it('is the span splitSentences gives for that place, for any text', () => {
    const text = fc.array(fc.constantFrom('Ab', 'cd', ' ', '. ', '.', '! ', '?"', '\n', 'Mr. ', 'H. ', '…', '2', '...', ' X'), { maxLength: 120 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(), (t: string, seed: number) => {
      const spans = splitSentences(t);
      if (!spans.length) return;
      const span = spans[seed % spans.length]!;
      const at = span.start + (seed % (span.end - span.start));
      // Mentions are words: the place is a letter or digit.
      if (!/[A-Za-z0-9]/.test(t[at]!)) return;
      assert.deepStrictEqual(sentenceAround(t, at, at + 1), span, JSON.stringify(t));
    }), { numRuns: 500 });
  });
});

describe('dossier: network', () => {
  it('links persons and countries by shared articles, top nodes first', () => {
    const network = buildNetwork(seedCorpus());
    assert.strictEqual(network.articles, 5);
    const byId = new Map(network.nodes.map((n) => [n.id, n]));
    assert.strictEqual(byId.get('p:sergei-lavrov')!.articles, 4);
    assert.strictEqual(byId.get('c:CU')!.articles, 4);
    const edge = network.edges.find((e) => e.source === 'p:sergei-lavrov' && e.target === 'c:CU');
    assert.strictEqual(edge?.weight, 3);
    assert.ok(network.edges.every((e) => byId.has(e.source) && byId.has(e.target)));
    assert.ok(network.edges.every((e) => e.source.startsWith('p:') && e.target.startsWith('c:')));
  });

  it('limits the nodes and filters by country and year', () => {
    const corpus = seedCorpus();
    const small = buildNetwork(corpus, { limit: 4 });
    assert.deepStrictEqual(small.nodes.map((n) => [n.id, n.articles]), [['c:RU', 5], ['c:CU', 4], ['c:US', 4], ['p:sergei-lavrov', 4]]);
    assert.ok(small.totalNodes > 4);
    const venezuela = buildNetwork(corpus, { country: 'VE' });
    assert.strictEqual(venezuela.articles, 2);
    const in2025 = buildNetwork(corpus, { fromYear: 2025, toYear: 2025 });
    assert.strictEqual(in2025.articles, 1);
    assert.strictEqual(buildNetwork(corpus, { fromYear: 2024, toYear: 2024 }).articles, 0);
    assert.deepStrictEqual(in2025.years, { min: 2025, max: 2025 });
  });
});
