// The dossier's sentence finder against its former definition (test/unit/dossier-former/, the code
// before the first open was made faster): same sentence spans, same mention sentences with the same
// highlights, on the seeds and on random text; and every pass linear in the text's length.
// A text with soft wraps (a hard-wrapped paragraph) is compared with the former definition on that text
// with each break read as a space made a space (see asWrapsRead): the former split every line.

import * as assert from 'assert';
import fc from 'fast-check';
import { Corpus } from '../../src/core/library/corpus';
import { buildDossier, mentionSentences, splitSentences, type Dossier, type DossierSubject } from '../../src/core/dossier';
import { generateArticles } from '../../bench/generate';
import * as formerDossier from './dossier-former/dossier';
import { isWhiteSpace, nextStop, sentenceAround, sentencesAround } from '../../src/core/dossier/sentences';
import { asWrapsRead } from './dossier-wraps-read';
import * as former from './dossier-former/mentions';
import * as formerSentences from './dossier-former/sentences';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';
import { seedCorpus } from './seedCorpus';

/** Text made of the pieces sentence ends are decided by: terminators, closers, openers, spaces, abbreviations, cases. */
const PIECES = ['Ab', 'cd', 'É', 'é', ' ', '  ', '\u00a0', '\t', '. ', '.', '! ', '?"', '?!', '\n', '\r\n', 'Mr. ', 'Gen.', 'U.S. ', 'H. ', 'İ. ', '…', '2', '...',
  ' X', '”', '’ ', ')', '] ', '» ', '“', '‘', '(', '[', '« ', '¿', '¡', '\u2028', '\ufeff', 'ß', 'ǅ', '\ud83d\ude00', '\ud800', 'x.y'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 150 }).map((p) => p.join(''));

describe('dossier sentence finder = its former definition', () => {
  it('treats as white space exactly what /\\s/ does, on every UTF-16 unit', () => {
    for (let code = 0; code < 0x10000; code++) assert.strictEqual(isWhiteSpace(code), /\s/.test(String.fromCharCode(code)), code.toString(16));
  });

  it('finds the next possible end as a character-by-character scan would', () => {
    fc.assert(fc.property(text, fc.nat(), (t, seed) => {
      const from = t.length ? seed % (t.length + 1) : 0;
      let expected = -1;
      for (let i = from; i < t.length; i++) if ('.!?…\n\r'.includes(t[i]!)) { expected = i; break; }
      assert.strictEqual(nextStop(t, from), expected);
    }), { numRuns: 500 });
  });

  it('splits any text into the same sentences', () => {
    fc.assert(fc.property(text, (t) => {
      assert.deepStrictEqual(splitSentences(t), formerSentences.splitSentences(asWrapsRead(t)), JSON.stringify(t));
    }), { numRuns: 1000 });
  });

  it('gives the same sentence around any range, and the same for several ranges in one pass', () => {
    fc.assert(fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 })), { maxLength: 8 }), (t, picks) => {
      const ranges = picks.map(([at, length]) => {
        const start = t.length ? at % t.length : 0;
        return { start, end: Math.min(t.length, start + Math.max(1, length)) };
      }).sort((a, b) => a.start - b.start || b.end - a.end);
      const read = asWrapsRead(t);
      const expected = ranges.map((r) => formerSentences.sentenceAround(read, r.start, r.end));
      assert.deepStrictEqual(ranges.map((r) => sentenceAround(t, r.start, r.end)), expected, JSON.stringify(t));
      // In one pass: a range starting inside the previous range's sentence keeps that sentence (as
      // the mention finder did); every other one gets what sentenceAround gives it.
      const spans = sentencesAround(t, ranges);
      let previous: { start: number; end: number } | null = null;
      ranges.forEach((r, k) => {
        const inside = previous !== null && r.start < previous.end && r.start >= previous.start;
        assert.deepStrictEqual(spans[k], inside ? previous : expected[k], `${JSON.stringify(t)} ${JSON.stringify(ranges)} #${k}`);
        if (!inside) previous = spans[k]!;
        else assert.strictEqual(spans[k], spans[k - 1], 'the same span object for the same sentence');
      });
    }), { numRuns: 1000 });
  });

  const subjectsOf = (corpus: Corpus): DossierSubject[] => [
    ...corpus.persons().map((p): DossierSubject => ({ kind: 'person', id: p.id })),
    ...corpus.countries().map((c): DossierSubject => ({ kind: 'country', code: c.code })),
  ];
  const sameMentions = (corpus: Corpus) => {
    let compared = 0;
    for (const subject of subjectsOf(corpus)) {
      const articles = subject.kind === 'person' ? corpus.articlesForPerson(subject.id) : corpus.articlesForCountry(subject.code);
      for (const article of articles) {
        // A body with soft wraps: the former finder on the body as shown (each wrap one space).
        const read = asWrapsRead(article.body, true);
        const as = read === article.body ? article : { ...article, body: read };
        assert.deepStrictEqual(mentionSentences(article, subject), former.mentionSentences(as, subject), `${article.key} ${JSON.stringify(subject)}`);
        compared++;
      }
    }
    return compared;
  };

  it('gives the same mention sentences and highlights for every person and country of the seeds', () => {
    // 19 persons and 7 countries: 40 article–subject pairs.
    assert.strictEqual(sameMentions(seedCorpus()), 40);
  });

  it('gives the same mention sentences for every person and country of random articles', () => {
    const words = ['Sergey Lavrov', 'Lavrov', 'Serguei Lavrov', 'Bruno Rodríguez Parrilla', 'Rodríguez', 'Cuba', 'Cuban', 'Havana', 'Russia', 'Moscow', 'US', 'Gen. Lee',
      'the minister', 'said', 'met', 'in', 'on Monday', 'U.S.', '2.5', 'percent', '"We', 'agree,"', 'he said.', '.', '!', '?', '…', '\n', '\n\n', '(AP)', '--', 'Mr.', 'H.'];
    const article = fc.tuple(fc.constantFrom('Talks', 'Lavrov in Havana', 'Cuba and Russia'), fc.array(fc.constantFrom(...words), { minLength: 5, maxLength: 80 }))
      .map(([title, body]) => `${title}\n\n${body.join(' ')}\n`);
    fc.assert(fc.property(fc.array(article, { minLength: 1, maxLength: 4 }), (texts) => {
      const corpus = new Corpus();
      texts.forEach((t, i) => corpus.upsert(`/w/${i}.txt`, `${i}.txt`, t));
      sameMentions(corpus);
    }), { numRuns: 150 });
  });
});

describe('dossier aggregation = its former definition', () => {
  const plain = (d: Dossier | formerDossier.Dossier | null) => d && {
    ...d,
    entries: d.entries.map((e) => ({ key: e.key, title: e.title, date: e.date, year: e.year, outlet: e.outlet, file: e.file, url: e.url, mentions: e.mentions, sentences: e.sentences })),
  };
  const same = (corpus: Corpus) => {
    const subjects: DossierSubject[] = [
      ...corpus.persons().map((p): DossierSubject => ({ kind: 'person', id: p.id })),
      ...corpus.countries().map((c): DossierSubject => ({ kind: 'country', code: c.code })),
    ];
    for (const subject of subjects) assert.deepStrictEqual(plain(buildDossier(corpus, subject)), plain(formerDossier.buildDossier(corpus, subject)), JSON.stringify(subject));
    return subjects.length;
  };

  it('builds the same dossier (entries in order, sentences, co-mentions, outlets) for every subject of the seeds', () => {
    assert.strictEqual(same(seedCorpus()), 26);
  });

  it('builds the same dossier for every subject of 600 generated articles (dated, undated, month-day dates)', function () {
    this.timeout(60000);
    const corpus = new Corpus();
    corpus.batch(() => { for (const a of generateArticles(600)) corpus.upsert(`/g/${a.file}`, a.file, a.text); });
    assert.ok(same(corpus) > 50);
  });
});

describe('dossier sentence finder: linear time', function () {
  this.timeout(60000);
  const assertLinear = (ratio: number, what: string) =>
    assert.ok(ratio < MAX_LINEAR_RATIO, `${what}: 8× the input took ${ratio.toFixed(1)}× the time (linear is 8×, quadratic 64×)`);
  // Every word a mention, in sentences of every kind of end, valid or not.
  const cases: Record<string, (n: number) => string> = {
    'sentences with a mention each': (n) => 'Lavrov met the press. '.repeat(n / 22),
    'one sentence of mentions and stops that end nothing': (n) => 'Lavrov. lavrov... Mr. Lavrov! x '.repeat(n / 32),
    'a mention after each run of stops and closers': (n) => 'Lavrov!?!...")] '.repeat(n / 16),
    'no stop at all': (n) => 'Lavrov and '.repeat(n / 11),
    'stops without spaces': (n) => 'Lavrov.x.'.repeat(n / 9),
  };
  const mentionsIn = (t: string) => {
    const ranges: { start: number; end: number }[] = [];
    for (let at = t.indexOf('Lavrov'); at >= 0; at = t.indexOf('Lavrov', at + 1)) ranges.push({ start: at, end: at + 6 });
    return ranges;
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`finds the sentences of every mention in ${name}`, () => {
      assertLinear(growthRatio((n) => { const t = make(n); return { t, ranges: mentionsIn(t) }; }, ({ t, ranges }) => sentencesAround(t, ranges), 20000), name);
    });
    it(`splits ${name}`, () => {
      assertLinear(growthRatio(make, (t) => splitSentences(t), 20000), name);
    });
  }
});
