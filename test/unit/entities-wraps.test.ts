// Soft wraps (tokens.ts `softWraps`): a line break inside a paragraph of a PDF's text or a hard-wrapped
// plain-text article, where the line was full and does not end a sentence, is read as a space; headings,
// list items, table rows, date lines, bylines and other short lines keep their breaks. Samples written
// for these tests, not dev-set text.

import * as assert from 'assert';
import { extractEntities } from '../../src/core/entities';
import { softWraps, tokenize } from '../../src/core/entities/tokens';

const persons = (body: string, title: string | null = null) =>
  extractEntities({ title, body, outlet: null }).persons.map((p) => p.name).sort();

/** The lines before each soft wrap, by their last word. */
const wrappedAfter = (text: string) => [...(softWraps(text) ?? [])].map((i) => text.slice(text.lastIndexOf(' ', i - 1) + 1, i));

// A paragraph as a PDF gives it: lines of about 85 characters, broken wherever the line was full.
const PDF_PARAGRAPH = [
  'The delegations met on Tuesday in the old town hall to review the draft agreement on the',
  'river crossings and the shared water authority. The talks were long and detailed, and',
  'both sides said they had made progress on the questions that were left open in the spring.',
].join('\n');

describe('soft wraps: a name wrapped over a line break is one name', () => {
  it('joins a given name at a line end to the surname on the next line', () => {
    const body = PDF_PARAGRAPH + '\n\nLater that day the mayor spoke by telephone with the regional governor, Marta\n'
      + 'Kowalczyk, about the funding of the new bridge and the timetable for the works.\n';
    assert.deepStrictEqual(persons(body), ['Marta Kowalczyk']);
  });

  it('joins a title at a line end to the name on the next line ("Prime / Minister Tomas Novak")', () => {
    const body = 'The minister of transport held talks today with the Deputy Prime\n'
      + 'Minister Tomas Novak on the railway link and the new border crossing. They agreed\n'
      + 'to meet again in the autumn to sign the protocol on the freight corridor and the\n'
      + 'timetable.\n';
    assert.deepStrictEqual(persons(body), ['Tomas Novak']);
  });

  it('reads a soft wrap as a space: the word after it opens no sentence and its gap is one space', () => {
    const text = PDF_PARAGRAPH;
    const tokens = tokenize(text);
    const river = tokens.find((t) => t.text === 'river')!;
    assert.strictEqual(river.gap, ' ');
    assert.strictEqual(river.sentenceStart, false);
    // The line ending with a full stop keeps its break.
    const both = tokens.find((t) => t.text === 'both')!;
    assert.strictEqual(both.sentenceStart, false); // "and\nboth": a wrap after "and"
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
  });

  it('keeps the break after a line that ends a sentence, also behind a closing quote or bracket', () => {
    const text = 'The spokesman of the ministry told reporters that the talks were "long and useful."\n'
      + 'Anna Berger, the head of the delegation, said the two sides would meet again (soon.)\n'
      + 'Klaus Becker, her deputy, added that a date for the signing had not been set yet.\n';
    assert.strictEqual(softWraps(text), null);
    const anna = tokenize(text).find((t) => t.text === 'Anna')!;
    assert.strictEqual(anna.sentenceStart, true);
  });

  it('keeps a blank line as a break', () => {
    const text = 'The delegations met on Tuesday in the old town hall to review the draft agreement\n\n'
      + 'Anna Berger said the two sides had agreed on the main points of the draft treaty text.\n';
    assert.strictEqual(softWraps(text), null);
  });
});

describe('soft wraps: breaks a reader keeps', () => {
  it('keeps a headline line above the first body line (a short line, no final full stop)', () => {
    const text = 'Talks on the River Crossings Resume in Vienna\n' + PDF_PARAGRAPH;
    assert.ok(!softWraps(text)!.has(text.indexOf('\n')));
    assert.strictEqual(tokenize(text).find((t) => t.text === 'The')!.sentenceStart, true);
  });

  it('keeps a Markdown heading above its text, and a table of contents', () => {
    const text = '# The meeting of the delegations on the river crossings and the water authority of the\n'
      + PDF_PARAGRAPH + '\n\nContents\nIntroduction and background of the talks\nThe draft agreement\nAnnex\n';
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
  });

  it('keeps list items apart, bulleted and numbered', () => {
    const text = PDF_PARAGRAPH + '\n\nThe members of the commission that met in the town hall on Tuesday were\n'
      + '- Anna Berger, who chairs the shared water authority of the two states since last year, and\n'
      + '- Klaus Becker, who heads the office for the river crossings in the regional government\n'
      + '1. Marta Kowalczyk of the regional government of the northern province on the river, and\n'
      + '2) Tomas Novak of the ministry of transport in the capital of the neighbouring state\n';
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
    assert.deepStrictEqual(persons(text), ['Anna Berger', 'Klaus Becker', 'Marta Kowalczyk', 'Tomas Novak']);
  });

  it('keeps a date line and a byline above the text', () => {
    const text = 'Monday, April 30, 2012\nBy Anna Berger\nKlaus Becker\n' + PDF_PARAGRAPH;
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
  });

  it('keeps table rows and columns laid out with runs of spaces or tabs', () => {
    const text = PDF_PARAGRAPH + '\n'
      + 'Anna Berger          water authority          chair of the commission since last year\n'
      + 'Klaus Becker\triver crossings office\thead of the office for the crossings since the spring\n'
      + '| Marta Kowalczyk | regional government | member of the commission on the river crossings |\n'
      + '| Tomas Novak | ministry of transport | member of the commission on the river crossings |\n';
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
  });

  it('finds no wraps in a text whose paragraphs are one line each, nor in one of short lines only', () => {
    const sentence = 'The delegations met on Tuesday in the old town hall to review the draft agreement on the river crossings. ';
    const text = `Talks on the river crossings and the water authority of the two states resume in the old town hall\n${sentence.repeat(4)}\n`
      + `The questions the commission left open in the spring\n${sentence.repeat(3)}\n${sentence.repeat(5)}\n`;
    assert.strictEqual(softWraps(text), null);
    assert.strictEqual(softWraps('Home\nNews\nWorld news and the\nMarta Kowalczyk\nAnna Berger\n'), null);
  });

  it('keeps menu lines under a paragraph apart (short lines)', () => {
    const text = PDF_PARAGRAPH + '\n\nShare this article\nAnna Berger\nKlaus Becker\nRelated stories\n';
    assert.deepStrictEqual(wrappedAfter(text), ['the', 'and']);
    assert.deepStrictEqual(persons(text), ['Anna Berger', 'Klaus Becker']);
  });

  it('reads Windows line ends and trailing spaces as the same wraps', () => {
    const text = PDF_PARAGRAPH.replace(/\n/g, '  \r\n');
    assert.deepStrictEqual(wrappedAfter(text).length, 2);
    const river = tokenize(text).find((t) => t.text === 'river')!;
    assert.strictEqual(river.gap, ' ');
    assert.strictEqual(river.sentenceStart, false);
  });
});
