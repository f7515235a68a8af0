// The dossier's sentences in hard-wrapped text: a soft wrap (entities/tokens.ts `softWraps`) ends no
// sentence, a hard break (blank line, list item, heading, short lines) still does; a shown sentence has
// one space where a wrap was, its highlights on the same characters; every pass linear in the text.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Corpus } from '../../src/core/library/corpus';
import { buildDossier, mentionSentences, splitSentences, type DossierSubject } from '../../src/core/dossier';
import { joinSoftWraps, shownSentence, type MentionSentence } from '../../src/core/dossier/mentions';
import { sentenceAround, sentencesAround } from '../../src/core/dossier/sentences';
import { softWraps, tokenize } from '../../src/core/entities/tokens';
import type { Article } from '../../src/core/types';
import * as formerSentences from './dossier-former/sentences';
import { asWrapsRead } from './dossier-wraps-read';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ');
const highlighted = (s: MentionSentence) => s.highlights.map((h) => s.text.slice(h.start, h.end));

// A paragraph hard-wrapped at 72 columns, as a mail client or the White House scraper writes it.
const WRAPPED = [
  'MOSCOW -- Russian Foreign Minister Sergei Lavrov met his Cuban counterpart',
  'in Moscow on Tuesday to discuss trade, energy and the sanctions that the',
  'United States has kept on the island for six decades. The two ministers',
  'signed three agreements on oil deliveries and agreed to meet again in',
  'Havana before the end of the year, a spokesman for the ministry said.',
].join('\n');

// A name over a wrap.
const SPLIT_NAME = [
  'The delegation that arrived in Moscow on Tuesday was met by Foreign Minister Sergei',
  'Lavrov, who had flown back from Havana the night before and spoke to the press',
  'for an hour about trade, energy and the sanctions on the island before leaving.',
  '',
].join('\n');

const PARAGRAPH = `${WRAPPED}\n\nThe talks were the third this year. Lavrov did not take questions.\n`;

describe('dossier soft wraps: sentences', () => {
  it('gives the whole sentences of a hard-wrapped paragraph', () => {
    assert.ok(softWraps(PARAGRAPH), 'the paragraph has soft wraps');
    assert.deepStrictEqual(sentencesOf(PARAGRAPH).map(oneLine), [
      'MOSCOW -- Russian Foreign Minister Sergei Lavrov met his Cuban counterpart in Moscow on Tuesday to discuss trade, energy and the sanctions that the United States has kept on the island for six decades.',
      'The two ministers signed three agreements on oil deliveries and agreed to meet again in Havana before the end of the year, a spokesman for the ministry said.',
      'The talks were the third this year.',
      'Lavrov did not take questions.',
    ]);
  });

  it('still ends a sentence at a blank line, a list item, a heading and at short lines', () => {
    const text = [
      '# Talks in Moscow',
      'Russian Foreign Minister Sergei Lavrov met his Cuban counterpart in the',
      'capital on Tuesday to discuss trade, energy and the sanctions on the',
      'island, and the two ministers signed three agreements on oil deliveries',
      '- the first on crude oil deliveries through the port of Matanzas and',
      '- the second on a refinery in Cienfuegos that has stood idle since the',
      '',
      'A blank line ends the paragraph above even without a full stop in it and',
      'the heading below is no part of this sentence although it has no stop',
      '## Reactions',
      'Havana',
      'Tuesday',
    ].join('\n');
    assert.ok(softWraps(text));
    assert.deepStrictEqual(sentencesOf(text).map(oneLine), [
      '# Talks in Moscow',
      'Russian Foreign Minister Sergei Lavrov met his Cuban counterpart in the capital on Tuesday to discuss trade, energy and the sanctions on the island, and the two ministers signed three agreements on oil deliveries',
      '- the first on crude oil deliveries through the port of Matanzas and',
      '- the second on a refinery in Cienfuegos that has stood idle since the',
      'A blank line ends the paragraph above even without a full stop in it and the heading below is no part of this sentence although it has no stop',
      '## Reactions',
      'Havana',
      'Tuesday',
    ]);
  });

  it('reads a text of short lines (a menu, a byline, a date line) as before: every break ends a sentence', () => {
    const text = 'Events\nNews\nSergei Lavrov\nMoscow\nApril 29, 2005\nBy our correspondent\nContacts\n';
    assert.strictEqual(softWraps(text), null);
    assert.deepStrictEqual(sentencesOf(text), ['Events', 'News', 'Sergei Lavrov', 'Moscow', 'April 29, 2005', 'By our correspondent', 'Contacts']);
    assert.deepStrictEqual(splitSentences(text), formerSentences.splitSentences(text));
  });

  it('reads Windows line ends (and trailing spaces) as the same wraps', () => {
    const crlf = PARAGRAPH.replace(/\n/g, ' \r\n');
    assert.deepStrictEqual(sentencesOf(crlf).map(oneLine), sentencesOf(PARAGRAPH).map(oneLine));
    // Spans end at the sentence's last character, not on the "\r".
    for (const span of splitSentences(crlf)) assert.ok(!/\s/.test(crlf[span.end - 1]!));
  });

  it('runs a sentence on over a wrap after an abbreviation or an initial ("Mr.\\nSmith", "H.\\nW.")', () => {
    const text = [
      'The delegation that arrived in Moscow on Tuesday was led by Mr.',
      'Smith of the foreign ministry, who had met Foreign Minister Sergei',
      'Lavrov twice before, and by the former president George H.',
      'W. Bush, who had not. The talks lasted four hours and ended without a',
      'statement by either side about the sanctions or the oil deliveries.',
    ].join('\n');
    assert.ok(softWraps(text));
    assert.deepStrictEqual(sentencesOf(text).map(oneLine), [
      'The delegation that arrived in Moscow on Tuesday was led by Mr. Smith of the foreign ministry, who had met Foreign Minister Sergei Lavrov twice before, and by the former president George H. W. Bush, who had not.',
      'The talks lasted four hours and ended without a statement by either side about the sanctions or the oil deliveries.',
    ]);
    // On a short line (a signature) the break after an abbreviation still ends it.
    const signed = `${text}\n\nJohn Smith Jr.\nMoscow bureau\n`;
    assert.deepStrictEqual(sentencesOf(signed).slice(-2), ['John Smith Jr.', 'Moscow bureau']);
  });

  it('ends a sentence that ends exactly at a wrap (with or without a closing quote)', () => {
    const text = [
      'Russian Foreign Minister Sergei Lavrov said the talks had gone very well.',
      'His Cuban counterpart agreed and said the two countries would sign more',
      'agreements on oil deliveries, trade and energy, "within the next year."',
      'Neither minister took any questions from the press after the meeting in',
      'the ministry on Smolenskaya Square in the centre of the city of Moscow',
    ].join('\n');
    assert.ok(softWraps(text));
    assert.deepStrictEqual(sentencesOf(text).map(oneLine), [
      'Russian Foreign Minister Sergei Lavrov said the talks had gone very well.',
      'His Cuban counterpart agreed and said the two countries would sign more agreements on oil deliveries, trade and energy, "within the next year."',
      'Neither minister took any questions from the press after the meeting in the ministry on Smolenskaya Square in the centre of the city of Moscow',
    ]);
  });

  it('gives around a place the span splitSentences gives, in one pass or one at a time', () => {
    for (const text of [PARAGRAPH, PARAGRAPH.replace(/\n/g, '\r\n')]) {
      const spans = splitSentences(text);
      const ranges: { start: number; end: number }[] = [];
      for (let at = text.indexOf('Lavrov'); at >= 0; at = text.indexOf('Lavrov', at + 1)) ranges.push({ start: at, end: at + 6 });
      for (let at = text.indexOf('Havana'); at >= 0; at = text.indexOf('Havana', at + 1)) ranges.push({ start: at, end: at + 6 });
      ranges.sort((a, b) => a.start - b.start);
      const expected = ranges.map((r) => spans.find((s) => s.start <= r.start && r.end <= s.end)!);
      assert.deepStrictEqual(sentencesAround(text, ranges), expected);
      assert.deepStrictEqual(ranges.map((r) => sentenceAround(text, r.start, r.end)), expected);
    }
  });

  // Random hard-wrapped text: lines of 60-75 characters made of words and the pieces sentence ends are
  // decided by; compared with the former finder on the text with each break read as a space made one.
  const WORDS = ['Lavrov', 'met', 'the', 'press', 'in', 'Moscow', 'said.', 'Mr.', 'Gen.', 'U.S.', 'H.', 'and', 'Cuba', 'etc.', 'left!', 'why?', '"We', 'agree."',
    '(AP)', '--', '2.5', '…', 'x.y', 'Smith', 'the minister'];
  const wrapped = fc.tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 10, maxLength: 160 }),
    fc.array(fc.constantFrom('\n', '\n', '\n', '\n\n', '\r\n', ' \n', '\n  ', '\n- ', '\n# '), { minLength: 1, maxLength: 20 }),
    fc.integer({ min: 55, max: 75 }),
  ).map(([words, breaks, width]) => {
    let out = '', line = 0, b = 0;
    for (const word of words) {
      if (line && line + 1 + word.length > width) {
        out += breaks[b++ % breaks.length];
        line = 0;
      } else if (line) {
        out += ' ';
        line++;
      }
      out += word;
      line += word.length;
    }
    return out;
  });

  it('splits random wrapped text as the former finder splits it with the wraps read as spaces', () => {
    let withWraps = 0;
    fc.assert(fc.property(wrapped, (t) => {
      if (softWraps(t)) withWraps++;
      assert.deepStrictEqual(splitSentences(t), formerSentences.splitSentences(asWrapsRead(t)), JSON.stringify(t));
    }), { numRuns: 400 });
    assert.ok(withWraps > 100, `${withWraps} of 400 texts had soft wraps`);
  });

  it('gives around any place of random wrapped text what splitSentences gives there', () => {
    fc.assert(fc.property(wrapped, fc.array(fc.nat(), { maxLength: 8 }), (t, picks) => {
      const spans = splitSentences(t);
      const ranges = picks.map((p) => p % t.length).sort((a, b) => a - b)
        .filter((at) => /[A-Za-z0-9]/.test(t[at]!) && spans.some((s) => s.start <= at && at < s.end))
        .map((at) => ({ start: at, end: at + 1 }));
      const expected = ranges.map((r) => spans.find((s) => s.start <= r.start && r.start < s.end)!);
      assert.deepStrictEqual(ranges.map((r) => sentenceAround(t, r.start, r.end)), expected, JSON.stringify(t));
      assert.deepStrictEqual(sentencesAround(t, ranges), expected, JSON.stringify(t));
    }), { numRuns: 400 });
  });
});

describe('dossier soft wraps: shown sentences', () => {
  const article = (body: string, persons: { id: string; name: string; variants: string[] }[] = []): Article =>
    ({ key: 'k', title: 'Talks', excerpt: '', body, persons, countries: [] } as unknown as Article);

  it('shows a wrap as one space, the white space around it too, the highlights on the same characters', () => {
    const text = 'Foreign Minister Sergei \r\n  Lavrov met his\ncounterpart Lavrov in\n\tHavana.';
    const at = (word: string, from = 0) => ({ start: text.indexOf(word, from), end: text.indexOf(word, from) + word.length });
    const shown = shownSentence({ text, highlights: [at('Sergei \r\n  Lavrov'), at('Lavrov', 40), at('Havana')] });
    assert.strictEqual(shown.text, 'Foreign Minister Sergei Lavrov met his counterpart Lavrov in Havana.');
    assert.deepStrictEqual(highlighted(shown), ['Sergei Lavrov', 'Lavrov', 'Havana']);
    const plain = { text: 'No wrap here.', highlights: [{ start: 3, end: 7 }] };
    assert.strictEqual(shownSentence(plain), plain);
  });

  it('finds a form in the body with its wraps read as one space each, and places it in the body', () => {
    const body = SPLIT_NAME.replace('Sergei\n', 'Sergei \r\n  ');
    const joined = joinSoftWraps(body, softWraps(body)!);
    assert.strictEqual(joined.text, `${oneLine(body).trim()}\n`);
    assert.strictEqual(joined.at.length, 2);
    const a = article(body, [{ id: 'sl', name: 'Sergei Lavrov', variants: [] }]);
    const [sentence] = mentionSentences(a, { kind: 'person', id: 'sl' });
    assert.deepStrictEqual(highlighted(sentence!), ['Sergei Lavrov']);
    assert.strictEqual(sentence!.text, oneLine(body).trim());
  });

  it('gives the mention finder\'s sentence whole, with a space for each wrap and the name highlighted', () => {
    const body = PARAGRAPH;
    const subject: DossierSubject = { kind: 'person', id: 'sergei-lavrov' };
    const sentences = mentionSentences(article(body, [{ id: 'sergei-lavrov', name: 'Sergei Lavrov', variants: ['Lavrov'] }]), subject);
    assert.deepStrictEqual(sentences.map((s) => s.text), [
      'MOSCOW -- Russian Foreign Minister Sergei Lavrov met his Cuban counterpart in Moscow on Tuesday to discuss trade, energy and the sanctions that the United States has kept on the island for six decades.',
      'Lavrov did not take questions.',
    ]);
    assert.deepStrictEqual(sentences.map(highlighted), [['Sergei Lavrov'], ['Lavrov']]);
    // A country: its names in the whole sentence (the slow path and the fast one agree).
    const cuba = mentionSentences(article(body), { kind: 'country', code: 'CU' });
    assert.deepStrictEqual(cuba.map(highlighted), [['Cuban'], ['Havana']]);
    assert.ok(cuba[1]!.text.startsWith('The two ministers signed three agreements on oil deliveries and agreed to meet again in Havana before'));
  });

  it('highlights a name split over a wrap ("Sergei\\nLavrov") as the extractor reads it: one name', () => {
    const body = SPLIT_NAME;
    // The entity layer: one token gap of one space, so "Sergei Lavrov" is one person.
    const tokens = tokenize(body);
    const sergei = tokens.findIndex((t) => t.text === 'Sergei');
    assert.strictEqual(tokens[sergei + 1]!.text, 'Lavrov');
    assert.strictEqual(tokens[sergei + 1]!.gap, ' ');
    const corpus = new Corpus();
    corpus.upsert('/w/a.txt', 'a.txt', `Talks\n\n${body}`);
    const person = corpus.persons().find((p) => p.name.endsWith('Lavrov'))!;
    assert.ok(person, 'the extractor finds the person');
    const entry = buildDossier(corpus, { kind: 'person', id: person.id })!.entries[0]!;
    assert.deepStrictEqual(entry.sentences.map((s) => s.text), [oneLine(body).trim()]);
    assert.deepStrictEqual(entry.sentences.map(highlighted), [['Sergei Lavrov']]);
    // The same with trailing spaces and an indented next line, and found by the slow path (a form
    // written otherwise: "Sergej Lavrov" is no form of this article).
    const spaced = body.replace('Sergei\n', 'Sergei  \n   ');
    const a = article(spaced, [{ id: 'sl', name: 'Sergei Lavrov', variants: [] }]);
    assert.deepStrictEqual(mentionSentences(a, { kind: 'person', id: 'sl' }).map(highlighted), [['Sergei Lavrov']]);
    const slow = mentionSentences(article(spaced, [{ id: 'sl', name: 'Sergéi Lavrov', variants: [] }]), { kind: 'person', id: 'sl' });
    assert.deepStrictEqual(slow.map((s) => s.text), [oneLine(body).trim()]);
    assert.deepStrictEqual(slow.map(highlighted), [['Sergei Lavrov']]);
  });
});

describe('dossier soft wraps: a real hard-wrapped article', () => {
  // A White House statement as its scraper stores it: Markdown hard-wrapped at 72 columns
  // (test/fixtures/devset/tools/wrap-real.mjs, shape wh-scraper-md), through the corpus and the dossier.
  const file = path.join(__dirname, '../fixtures/devset/test3/wh_zelenskyy.md');
  const corpus = new Corpus();
  corpus.upsert('/w/wh_zelenskyy.md', 'wh_zelenskyy.md', fs.readFileSync(file, 'utf8'));

  it('has soft wraps in its body', () => {
    const body = corpus.articles()[0]!.body;
    assert.ok((softWraps(body)?.size ?? 0) > 20);
  });

  it('shows whole sentences, the name highlighted, a name over a wrap as one', () => {
    const person = corpus.persons().find((p) => p.name === 'Volodymyr Zelenskyy')!;
    const sentences = buildDossier(corpus, { kind: 'person', id: person.id })!.entries[0]!.sentences;
    assert.deepStrictEqual(sentences.slice(0, 3).map((s) => s.text), [
      '“Today, President Donald J. Trump and Ukraine’s President Volodymyr Zelenskyy had a fantastic phone conversation.',
      'President Zelenskyy thanked President Trump for a productive start for the work of the Ukrainian and American teams in Jeddah on March 11th.',
      'President Zelenskyy thanked President Trump for the support of the United States, especially the Javelin missiles that President Trump was first to provide, and his efforts towards peace.',
    ]);
    assert.deepStrictEqual(sentences.slice(0, 3).map(highlighted), [['Volodymyr Zelenskyy'], ['Zelenskyy'], ['Zelenskyy']]);
    for (const s of sentences) {
      assert.ok(!/\n|\r| {2}/.test(s.text), JSON.stringify(s.text));
      assert.match(s.text, /^[“"A-Z]/, 'starts a sentence');
      assert.match(s.text, /[.!?”"]$/, 'ends one');
    }
    const ukraine = buildDossier(corpus, { kind: 'country', code: 'UA' })!.entries[0]!.sentences;
    assert.ok(ukraine.length >= 5);
    for (const s of ukraine) assert.match(s.text, /[.!?”"]$/, JSON.stringify(s.text));
  });
});

describe('dossier soft wraps: linear time', function () {
  this.timeout(120000);
  const assertLinear = (ratio: number, what: string) =>
    assert.ok(ratio < MAX_LINEAR_RATIO, `${what}: 8× the input took ${ratio.toFixed(1)}× the time (linear is 8×, quadratic 64×)`);
  const LINE = 'Russian Foreign Minister Sergei Lavrov met his counterpart Mr.';
  const cases: Record<string, (n: number) => string> = {
    // One sentence of n characters, wrapped: no stop anywhere but an abbreviation's at each line's end.
    'a huge wrapped sentence': (n) => `${LINE}\n`.repeat(Math.ceil(n / (LINE.length + 1))),
    'a huge wrapped text of sentences': (n) => `${WRAPPED}\n`.repeat(Math.ceil(n / (WRAPPED.length + 1))),
    'many one-word lines': (n) => 'Lavrov\n'.repeat(Math.ceil(n / 7)),
    'long lines and one-word lines in turn': (n) => `${LINE.slice(0, -4)} and\nLavrov\n`.repeat(Math.ceil(n / 66)),
  };
  const mentionsIn = (t: string) => {
    const ranges: { start: number; end: number }[] = [];
    for (let at = t.indexOf('Lavrov'); at >= 0; at = t.indexOf('Lavrov', at + 1)) ranges.push({ start: at, end: at + 6 });
    return ranges;
  };
  const article = (body: string): Article =>
    ({ key: 'k', title: 'Talks', excerpt: '', body, persons: [{ id: 'sl', name: 'Sergei Lavrov', variants: ['Lavrov'] }], countries: [] } as unknown as Article);
  for (const [name, make] of Object.entries(cases)) {
    it(`splits ${name}`, () => {
      assertLinear(growthRatio(make, (t) => splitSentences(t), 20000), name);
    });
    it(`finds the sentences of every mention in ${name}`, () => {
      assertLinear(growthRatio((n) => { const t = make(n); return { t, ranges: mentionsIn(t) }; }, ({ t, ranges }) => sentencesAround(t, ranges), 20000), name);
    });
    it(`shows the mention sentences of ${name}`, () => {
      // A new article object each run: nothing cached between runs.
      assertLinear(growthRatio(make, (t) => mentionSentences(article(t), { kind: 'person', id: 'sl' }), 20000), name);
    });
  }
});
