// The shapes saved pages come in (fixtures written here, after the families in the real-article
// dev set): web clippers' front matter, copied pages with banners and breadcrumbs, date lines,
// bylines, outlet lines and bare domains. Each family: what the record gets, and what stays out of
// the title and the body.
import * as assert from 'assert';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/articles/reader';
import { parseDateLine } from '../../src/core/articles/dateLines';
import { parseByline } from '../../src/core/articles/byline';
import { isOutletLine, outletFromUrl } from '../../src/core/articles/outlets';
import { readZones } from '../../src/core/articles/zones';
import { displayDate, setDisplayLocale } from '../../src/core/articles/displayDate';

const BODY = 'The minister said on Tuesday that the talks would resume next month, according to officials familiar with the plan.\n\n'
  + 'Negotiators from both sides met in the capital for three hours, and a joint statement is expected later this week.';

describe('reader shapes: web clippers', () => {
  it('Obsidian Web Clipper: source is the URL, published the date, author a list of links, site the outlet', () => {
    const a = parseArticle(['---', 'title: "Talks to resume next month"', 'source: "https://www.reuters.com/world/talks-resume-2024-03-03/"',
      'author:', '  - "[[Jane Doe]]"', '  - "[[John Roe]]"', 'published: 2024-03-03', 'created: 2026-11-02', 'site: "Reuters"',
      'description: "The minister said…"', 'tags:', '  - "clippings"', '---', BODY].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet, a.url, a.author],
      ['Talks to resume next month', '2024-03-03', 'Reuters', 'https://www.reuters.com/world/talks-resume-2024-03-03/', 'Jane Doe, John Roe']);
  });

  it('a clipper without site: the outlet comes from the URL domain, not the URL itself', () => {
    const a = parseArticle(['---', 'title: "Talks"', 'source: "https://en.wikinews.org/wiki/Talks"', 'author:', 'published: 2015-05-07', '---', BODY].join('\n'));
    assert.strictEqual(a.outlet, 'Wikinews');
    assert.strictEqual(a.url, 'https://en.wikinews.org/wiki/Talks');
    assert.strictEqual(a.author, null);
  });

  it('MarkDownload: created is not the date; the excerpt block is neither title nor body', () => {
    const a = parseArticle(['---', 'created: 2026-11-02T10:12:44 (UTC +01:00)', 'tags: []', 'source: https://www.state.gov/secretary-remarks/',
      'author: Antony J. Blinken', '---', '', '# Secretary Blinken on the talks', '', '> ## Excerpt', '> The minister said on Tuesday that the talks would resume.',
      '', '---', 'March 3, 2024', '', BODY].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet, a.author], ['Secretary Blinken on the talks', '2024-03-03', 'U.S. Department of State', 'Antony J. Blinken']);
    assert.ok(!a.body.includes('Excerpt') && a.body.startsWith('The minister said on Tuesday'));
  });

  it('a hand-written source: that is a name stays the outlet', () => {
    assert.strictEqual(parseArticle(['---', 'title: T', 'source: Radio Habana Cuba', '---', BODY].join('\n')).outlet, 'Radio Habana Cuba');
  });
});

describe('reader shapes: notes apps and read-it-later exports', () => {
  const URL = 'https://www.reuters.com/world/talks-resume-2024-03-03/';
  const fields = (text: string) => { const a = parseArticle(text); return [a.title, a.date, a.outlet, a.url, a.author]; };
  const WANT = ['Talks to resume next month', '2024-03-03', 'Reuters', URL, 'Jane Doe'];

  it("Readwise's export: the Metadata bullets are the fields, the heading repeating the title and the section headings are not text", () => {
    const text = `# Talks to resume next month\n\n![rw-book-cover](https://x.example/c.png)\n\n## Metadata\n- Author: [[Jane Doe]]\n`
      + `- Full Title: Talks to resume next month\n- Category: #articles\n- Published Date: 2024-03-03\n- URL: ${URL}\n\n## Highlights\n- ${BODY.split('\n\n')[0]}\n`;
    assert.deepStrictEqual(fields(text), WANT);
    const a = parseArticle(text);
    assert.ok(a.body.startsWith('- The minister said'), a.body.slice(0, 60));
    assert.ok(!/Metadata|Highlights|Category/.test(a.body), a.body);
  });

  it("Logseq's page properties (`title:: …`) are the fields", () => {
    assert.deepStrictEqual(fields(`title:: Talks to resume next month\nsource:: ${URL}\nauthor:: [[Jane Doe]]\npublished:: 2024-03-03\n\n- ${BODY}`), WANT);
  });

  it("Omnivore's export: block scalars in the front matter, the title heading again, a tags line and the links to the page", () => {
    const text = `---\nid: 1234\ntitle: |\n  Talks to resume next month\nauthor: |\n  Jane Doe\ntags:\n  - diplomacy\ndate_saved: 2024-03-05 10:00:00\n`
      + `date_published: 2024-03-03 08:00:00\n---\n\n# Talks to resume next month\n\n#Omnivore\n\n[Read on Omnivore](https://omnivore.app/me/talks)\n[Read Original](${URL})\n\n${BODY}`;
    assert.deepStrictEqual(fields(text), WANT);
    assert.ok(parseArticle(text).body.startsWith('The minister said'), parseArticle(text).body.slice(0, 60));
  });

  it("YAML: folded and literal block scalars with chomping indicators, and plain scalars continued on the next lines", () => {
    for (const title of ['>-\n  Talks to resume\n  next month', '|+\n  Talks to resume next month\n', 'Talks to resume\n  next month']) {
      assert.strictEqual(parseArticle(`---\ntitle: ${title}\nauthor: Jane Doe\n---\n${BODY}`).title, 'Talks to resume next month', title);
    }
  });

  it("Notion's properties: the Created line is the clip date, not the article's, when a Published line is there", () => {
    const text = `# Talks to resume next month\n\nCreated: March 5, 2024 10:00 AM\nTags: diplomacy\nURL: ${URL}\nAuthor: Jane Doe\nPublished: March 3, 2024\n\n${BODY}`;
    assert.deepStrictEqual(fields(text), WANT);
    // Alone, it still dates the note.
    assert.strictEqual(parseArticle(`# Talks to resume next month\n\nCreated: March 5, 2024 10:00 AM\n\n${BODY}`).date, '2024-03-05');
  });
});

describe('reader shapes: an outlet and a date on one line', () => {
  const read = (line: string) => { const a = parseArticle(`Talks to resume next month\n\n${line}\n\n${BODY}`); return [a.outlet, a.date, a.body === BODY]; };
  const cases: [string, string | null][] = [['Reuters, March 3, 2024', 'Reuters'], ['The Guardian | 3 March 2024', 'The Guardian'],
    ['Al Jazeera, 3 Mar 2024', 'Al Jazeera'], ['TASS, 3 March 2024, 10:15', 'TASS'], ['Moscow, March 3, 2024', null], ['Jane Doe, March 3, 2024', null],
    ['March 3, 2024 · Reuters', 'Reuters'], ['MARCH 3, 2024 • STATEMENTS AND RELEASES', null]];
  for (const [line, outlet] of cases) it(`${JSON.stringify(line)}: outlet ${outlet}, date 2024-03-03, not text`, () => assert.deepStrictEqual(read(line), [outlet, '2024-03-03', true]));
  it('a sentence with a date after a comma is no such line', () => {
    assert.strictEqual(parseArticle(`Talks to resume next month\n\nOn Tuesday, March 3, 2024, the minister spoke at length about the talks and the plan.\n\n${BODY}`).date, null);
  });
});

describe("reader shapes: a browser tab's title as the headline", () => {
  it("a known outlet's name after a separator is the outlet, not the title's", () => {
    for (const [line, title, outlet] of [['Talks to resume next month | Reuters', 'Talks to resume next month', 'Reuters'],
      ['Talks to resume next month – The Guardian', 'Talks to resume next month', 'The Guardian'], ['Talks to resume next month : NPR', 'Talks to resume next month', 'NPR'],
      // An unknown name or a section before the headline stays.
      ['Russia and Ukraine - Talks in Geneva', 'Russia and Ukraine - Talks in Geneva', null], ['Opinion | Talks to resume next month', 'Opinion | Talks to resume next month', null]] as const) {
      const a = parseArticle(`${line}\n\n${BODY}`);
      assert.deepStrictEqual([a.title, a.outlet], [title, outlet], line);
    }
  });
});

describe('reader shapes: copied pages', () => {
  it('a government page: banner, breadcrumbs and Share/Print are furniture; the last line is the outlet', () => {
    const a = parseArticle(['An official website of the United States government', "Here's how you know", '', 'Home > Briefing Room > Speeches & Remarks',
      '', 'Remarks by the President on the Talks', '', 'July 11, 2022', '', BODY, '', 'Share', 'Print', '', 'The White House'].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet], ['Remarks by the President on the Talks', '2022-07-11', 'The White House']);
    for (const furniture of ['official website', 'how you know', 'Briefing Room', 'Share', 'Print', 'White House']) assert.ok(!a.body.includes(furniture), furniture);
  });

  it('a Wikinews page: the tagline names the outlet, navigation lines go, the weekday date line dates it', () => {
    const a = parseArticle(['Talks to resume next month', 'From Wikinews, the free news source you can write!', 'Jump to navigation Jump to search',
      'Monday, April 30, 2012', BODY, 'Share this:', 'Sources', 'Categories: Politics'].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet], ['Talks to resume next month', '2012-04-30', 'Wikinews']);
    assert.ok(!/Jump to|Share this|Categories|Sources/.test(a.body));
  });

  it('the outlet as the first line, over the headline, with a byline', () => {
    const a = parseArticle(['U.S. Department of State', '', 'Secretary Blinken Meets the Minister', '', 'By Antony J. Blinken, Secretary of State', '',
      'Published: 23 May 2022', '', BODY].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet, a.author], ['Secretary Blinken Meets the Minister', '2022-05-23', 'U.S. Department of State', 'Antony J. Blinken']);
  });

  it('the issuing office on the line under the headline, as government pages print it, is the outlet and not body', () => {
    const a = parseArticle(['An official website of the United States Government Here\'s how you know', 'Home > News > Press Releases',
      'Secretary Blinken Meets the Minister', 'Office of the Spokesperson', 'March 3, 2024', '', BODY].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet], ['Secretary Blinken Meets the Minister', '2024-03-03', 'Office of the Spokesperson']);
    assert.ok(!a.body.includes('Spokesperson') && !a.body.includes('official website'), a.body);
  });

  it('a bare domain line gives the outlet through the table, and is not body', () => {
    const a = parseArticle(['Home > News > World', '', 'Talks to resume', '', '10/20/2025 09:31 AM', '', BODY, '', 'Print', '', 'www.reuters.com'].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet], ['Talks to resume', '2025-10-20', 'Reuters']);
    assert.ok(!a.body.includes('reuters.com'));
  });

  it('an ISO timestamp wins over an Updated line; an Updated line alone still dates the article', () => {
    assert.strictEqual(parseArticle(['Talks', '', '2019-03-12T10:00:00Z', 'Updated March 14, 2019', '', BODY].join('\n')).date, '2019-03-12');
    assert.strictEqual(parseArticle(['Talks', '', 'Updated March 14, 2019', '', BODY].join('\n')).date, '2019-03-14');
  });

  it('a date in a body sentence is never the date, even when it stands near the top', () => {
    const a = parseArticle(['Talks to resume', '', 'On March 3, 2024 the minister said that the talks would resume next month, officials said.', '', BODY].join('\n'));
    assert.strictEqual(a.date, null);
  });

  it('the seed shape: dotted date line, Share/Print/Tags, <url>, **Outlet**', () => {
    const a = parseArticle(['# *Talks to resume*', '', '*Image not found or type unknown*', '', '22.12.2004', '', BODY, '', 'Share', '', 'Print', '',
      'Tags: Politics', '', '<https://en.wikinews.org/wiki/Talks>', '', '**Wikinews**'].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet, a.url], ['Talks to resume', '2004-12-22', 'Wikinews', 'https://en.wikinews.org/wiki/Talks']);
  });

  it('a dateline agency still names the outlet when no line does', () => {
    const a = parseArticle(['Talks to resume', '', 'MOSCOW, March 3 (Reuters) - The minister said on Tuesday that the talks would resume next month.'].join('\n'));
    assert.deepStrictEqual([a.date, a.outlet], ['--03-03', 'Reuters']);
  });
});

describe('date lines', () => {
  const cases: [string, string | null][] = [
    ['Monday, April 30, 2012', '2012-04-30'], ['22.12.2004', '2004-12-22'], ['10/20/2025 09:31 AM', '2025-10-20'],
    ['Published: 23 May 2022', '2022-05-23'], ['Updated March 3, 2024', '2024-03-03'], ['2019-03-12T10:00:00Z', '2019-03-12'],
    ['MARCH 3, 2021 PRESS RELEASE', '2021-03-03'], ['JULY 11, 2022 • STATEMENTS AND RELEASES', '2022-07-11'], ['August 08, 1974', '1974-08-08'],
    ['Posted on May 7, 2025 at 10:42', '2025-05-07'], ['14 August 1947', '1947-08-14'], ['May 2025', '2025-05'],
    ['On March 3, 2024 the minister said', null], ['March 3, 2024 and beyond', null], ['Room 22.12', null], ['Chapter 3', null],
    // Blogs: ordinal days and "@ time zone".
    ['Tuesday, March 2nd, 2021 @ 18:05 UTC', '2021-03-02'], ['September 23rd, 2015 @ 9:41 am', '2015-09-23'], ['21st April 2016', '2016-04-21'],
    ['Wednesday, 1st May 2019 @ 07:30 GMT', '2019-05-01'], ['Meet us @ 10:00 on March 2nd, 2021', null], ['March 2nd, 2021 @ the harbour', null],
    // The Guardian's "14.30 GMT"; WordPress's "Posted on … by …".
    ['Tuesday 3 March 2024 14.30 GMT', '2024-03-03'], ['First published on Sun 3 Mar 2024 10.15 GMT', '2024-03-03'],
    ['Posted on March 3, 2024 by Jane Doe', '2024-03-03'],
    // The foreign press: French, German, Spanish, Portuguese and Italian month and weekday names and labels.
    ['Dimanche 3 mars 2024', '2024-03-03'], ['1er février 2021', '2021-02-01'], ['3. März 2024', '2024-03-03'], ['Montag, 3. März 2024, 10:15 Uhr', '2024-03-03'],
    ['3 de marzo de 2024', '2024-03-03'], ['martes, 3 de marzo de 2024', '2024-03-03'], ['3 de março de 2024', '2024-03-03'], ['3 marzo 2024', '2024-03-03'],
    ['Übersetzung veröffentlicht am 30 April 2019 13:10 GMT', '2019-04-30'], ['Publié le 3 mars 2024 à 10h15', '2024-03-03'],
    ['Publicado el 3 de marzo de 2024', '2024-03-03'], ['Aggiornato il 3 marzo 2024', '2024-03-03'], ['marzo de 2024', '2024-03'],
    ['El 3 de marzo de 2024 el ministro dijo', null], ['Le 3 mars 2024, le ministre a dit', null],
  ];
  for (const [line, want] of cases) it(`${JSON.stringify(line)} → ${want}`, () => assert.strictEqual(parseDateLine(line)?.date ?? null, want));

  it('marks Updated lines', () => {
    assert.strictEqual(parseDateLine('Updated March 3, 2024')!.updated, true);
    assert.strictEqual(parseDateLine('Published: 23 May 2022')!.updated, false);
    assert.strictEqual(parseDateLine('Mis à jour le 4 mars 2024')!.updated, true);
    assert.strictEqual(parseDateLine('Aktualisiert am 4. März 2024')!.updated, true);
  });

  it('a date line gives its author ("Posted on … by …"), a byline its date ("By … | March 3, 2024")', () => {
    assert.strictEqual(parseDateLine('Posted on March 3, 2024 by Jane Doe')!.author, 'Jane Doe');
    const body = 'The minister said on Tuesday that the talks would resume next month, according to officials familiar with the plan.';
    for (const line of ['Posted on March 3, 2024 by Jane Doe', 'By Jane Doe | March 3, 2024']) {
      const a = parseArticle(`Talks to resume\n\n${line}\n\n${body}`);
      assert.deepStrictEqual([a.date, a.author, a.body], ['2024-03-03', 'Jane Doe', body], line);
    }
  });
});

describe('bylines and outlet lines', () => {
  it('reads names, several authors, an outlet after the names and capitals', () => {
    assert.deepStrictEqual(parseByline('By Jane Doe'), { author: 'Jane Doe', outlet: null });
    assert.deepStrictEqual(parseByline('By Jane Doe and John Roe'), { author: 'Jane Doe, John Roe', outlet: null });
    assert.deepStrictEqual(parseByline('By JANE DOE, Reuters'), { author: 'Jane Doe', outlet: 'Reuters' });
    assert.deepStrictEqual(parseByline('By Daniel arap Moi | AP'), { author: 'Daniel arap Moi', outlet: 'AP' });
    assert.deepStrictEqual(parseByline('By Jane Doe, Staff Writer'), { author: 'Jane Doe', outlet: null });
    assert.deepStrictEqual(parseByline('Posted by Ada Okafor'), { author: 'Ada Okafor', outlet: null });
    // An outlet after the names is no second author; in brackets it is the outlet too; a date after them is the date.
    assert.deepStrictEqual(parseByline('By Jane Doe, The Associated Press'), { author: 'Jane Doe', outlet: 'The Associated Press' });
    assert.deepStrictEqual(parseByline('By Jane Doe (Reuters)'), { author: 'Jane Doe', outlet: 'Reuters' });
    assert.deepStrictEqual(parseByline('By Jane Doe, March 3, 2024'), { author: 'Jane Doe', outlet: null, date: '2024-03-03' });
    assert.deepStrictEqual(parseByline('By Jane Doe on March 3, 2024'), { author: 'Jane Doe', outlet: null, date: '2024-03-03' });
    assert.deepStrictEqual(parseByline('By Jane Doe | March 3, 2024'), { author: 'Jane Doe', outlet: null, date: '2024-03-03' });
    assert.deepStrictEqual(parseByline('By Jane Doe and John Roe, March 3, 2024'), { author: 'Jane Doe, John Roe', outlet: null, date: '2024-03-03' });
    // The foreign press's bylines.
    for (const [line, author] of [['Par Jean Dupont', 'Jean Dupont'], ['Por Juan Pérez', 'Juan Pérez'], ['Von Anna Schmidt', 'Anna Schmidt'],
      ['Autor: Jane Doe', 'Jane Doe'], ['Auteur : Jean Dupont', 'Jean Dupont']] as const) assert.strictEqual(parseByline(line)?.author, author, line);
    assert.strictEqual(parseByline('Por la paz y la justicia'), null);
    assert.strictEqual(parseByline('Von der Leyen'), null);
  });

  it('is not fooled by sentences', () => {
    for (const line of ['By the way, the talks resumed.', 'By Tuesday', 'By 2030 the plan will be done', 'Bystanders said']) assert.strictEqual(parseByline(line), null, line);
  });

  it('tells outlet lines from headlines', () => {
    for (const line of ['Wikinews', 'The White House', 'U.S. Department of State', 'Office of the Spokesperson', 'Supreme Court of the United States', 'United Nations']) {
      assert.ok(isOutletLine(line), line);
    }
    for (const line of ['Talks to resume next month', 'Russia and Cuba to strengthen strategic ties with Lavrov visit', 'The minister said.', 'Office of']) {
      assert.ok(!isOutletLine(line), line);
    }
  });

  it('finds the outlet of a URL by its domain or a parent domain', () => {
    assert.strictEqual(outletFromUrl('https://www.reuters.com/world/x'), 'Reuters');
    assert.strictEqual(outletFromUrl('https://en.kremlin.ru/events/president/news/1'), 'President of Russia');
    assert.strictEqual(outletFromUrl('https://www.state.gov/x'), 'U.S. Department of State');
    assert.strictEqual(outletFromUrl('https://example.org/x'), null);
    assert.strictEqual(outletFromUrl('not a url'), null);
  });
});

describe('zones stay linear and total', () => {
  it('classifies any lines without throwing, and consumes only lines it was given', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 60 }), (lines) => {
      const zones = readZones(lines);
      for (const i of zones.consumed) assert.ok(i >= 0 && i < lines.length);
    }));
  });

  it('reads only short lines: a long line is never a date line, a byline or an outlet line', () => {
    // The line patterns are anchored and capped (120 characters), so no pattern runs over prose.
    fc.assert(fc.property(fc.string({ minLength: 121, maxLength: 400 }), (tail) => {
      const line = 'Monday, April 30, 2012 ' + tail;
      assert.strictEqual(parseDateLine(line), null);
      assert.strictEqual(parseByline('By Jane Doe ' + tail), null);
      assert.strictEqual(isOutletLine('Office ' + tail), false);
    }));
  });
});

describe('dates for people', () => {
  afterEach(() => setDisplayLocale('en'));
  it('writes ISO partial dates as people read them, in the locale order', () => {
    setDisplayLocale('en');
    assert.deepStrictEqual(['2025-05-07', '2025-05', '2025', '--02-19', '--02-29', null, 'junk'].map(displayDate),
      ['7 May 2025', 'May 2025', '2025', '19 Feb', '29 Feb', '', 'junk']);
    setDisplayLocale('en-US');
    assert.deepStrictEqual(['2025-05-07', '--02-19'].map(displayDate), ['May 7, 2025', 'Feb 19']);
    setDisplayLocale('not a locale!!');
    assert.strictEqual(displayDate('--02-19'), '19 Feb');
  });
});
