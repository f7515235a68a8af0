// Running lines of PDFs (src/core/articles/printedPages.ts): a browser's print header and footer and a
// report's running title are dropped; the print header's title and the footer's address are read; the
// print date is never the article's date.

import * as assert from 'assert';
import { extractEntities } from '../../src/core/entities';
import { readArticleFile } from '../../src/core/articles';
import { dropTitleLine } from '../../src/core/articles/pdf';
import { dropRunningLines, madeByBrowser } from '../../src/core/articles/printedPages';
import { parseArticle } from '../../src/core/articles/reader';
import { browserPrintedPdf, PRINTED_URL } from '../fixtures/pdf/generate';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

const URL = 'https://www.state.gov/secretary-blinken-at-a-press-availability/';

describe('PDF running lines', () => {
  it("Chrome's print header and footer on one page: dropped, the title and the address read", () => {
    const r = dropRunningLines([
      `12/2/26, 2:02 PM Secretary Blinken at a press availability - United States Department of State\n\nSecretary Blinken at a press availability\n\nThe Secretary spoke in Brussels.\n\n${URL} 1/1`,
    ]);
    assert.deepStrictEqual(r.pages, ['\nSecretary Blinken at a press availability\n\nThe Secretary spoke in Brussels.\n']);
    assert.strictEqual(r.url, URL);
    assert.strictEqual(r.headerTitle, 'Secretary Blinken at a press availability - United States Department of State');
    assert.strictEqual(r.printed, true);
  });

  it("Firefox's layout (title and address on top, \"Page 1 of 2\" and the date below), other locales' stamps", () => {
    const page = (n: number) => `Talks in Geneva – Example News ${URL}\nText of page ${n}.\nPage ${n} of 2 02.12.26, 14:02`;
    const r = dropRunningLines([page(1), page(2)]);
    assert.deepStrictEqual(r.pages, ['Text of page 1.', 'Text of page 2.']);
    assert.strictEqual(r.url, URL);
    assert.strictEqual(r.printed, true);
    assert.strictEqual(dropRunningLines(['2026-12-02 14:02:09 A title\nText.']).printed, true);
  });

  it("a report's running title and page numbers repeated on every page are dropped, and say nothing of printing", () => {
    const page = (n: number) => `Annual Review 2024 | Ministry of Trade\nFindings, part ${n}.\n${n}`;
    const r = dropRunningLines([page(1), page(2), page(3)]);
    assert.deepStrictEqual(r.pages, ['Findings, part 1.', 'Findings, part 2.', 'Findings, part 3.']);
    assert.deepStrictEqual([r.url, r.headerTitle, r.printed], [null, null, false]);
  });

  it("keeps an article's own first and last lines: a date line, an address alone, a sentence", () => {
    const pages = [`10/20/2025 09:31 AM\nThe minister arrived on Monday.\n${URL}`, 'Moscow, March 3 -- Talks began.\nThey end on Friday, 2 of 3 said.'];
    const r = dropRunningLines(pages);
    assert.deepStrictEqual(r.pages, pages);
    assert.deepStrictEqual([r.url, r.printed], [null, false]);
  });

  it('an address the footer cut short is not taken as the URL', () => {
    const r = dropRunningLines(['12/2/26, 2:02 PM A title\nText.\nhttps://www.example.com/news/2025/03/a-very-long-…/ 1/1']);
    assert.strictEqual(r.url, null);
    assert.strictEqual(r.pages[0], 'Text.');
  });

  it("a browser's user agent as Creator or Skia as Producer marks a printed page", () => {
    assert.strictEqual(madeByBrowser('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', null), true);
    assert.strictEqual(madeByBrowser(null, 'Skia/PDF m131'), true);
    assert.strictEqual(madeByBrowser('Microsoft® Word for Microsoft 365', 'Microsoft® Word for Microsoft 365'), false);
    assert.strictEqual(madeByBrowser(null, null), false);
  });

  it('is linear in the number and length of lines (long lines of digits, stamps and spaces)', () => {
    const hostile = (n: number) => Array.from({ length: 4 }, () => `${'1/2/3, 4:56 '.repeat(n)}\n${'1 '.repeat(n)}\n${' '.repeat(n)}1/2`);
    assert.ok(growthRatio(hostile, (pages) => dropRunningLines(pages), 20_000) < MAX_LINEAR_RATIO);
    const many = (n: number) => Array.from({ length: n }, (_, i) => `12/2/26, 2:02 PM Title\nBody ${i}\nhttps://a.example/x ${i}/${n}`);
    assert.ok(growthRatio(many, (pages) => dropRunningLines(pages), 2_000) < MAX_LINEAR_RATIO);
  });

  it("finding a printed page's headline is linear in the text (every line a prefix of the title, none the whole)", () => {
    const title = 'word '.repeat(40).trim();
    const text = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 ? 'word word' : '')).join('\n');
    assert.ok(growthRatio(text, (t) => dropTitleLine(t, title, true), 5_000) < MAX_LINEAR_RATIO);
  });
});

describe("PDF articles a browser printed ('Save as PDF')", () => {
  it("the text starts after the page's headline, found below the site's menus even when it wraps; the page's quotes are kept", () => {
    const menus = Array.from({ length: 40 }, (_, i) => `Menu item ${i}`).join('\n');
    const text = `${menus}\n\nPresident Putin had\n\na telephone conversation with\n\nHugo Chavez’s envoy\n\nApril 15, 2002\n\nThe two discussed trade.`;
    const r = dropTitleLine(text, "President Putin had a telephone conversation with Hugo Chavez's envoy", true);
    assert.strictEqual(r.heading, 'President Putin had a telephone conversation with Hugo Chavez’s envoy');
    assert.strictEqual(r.text, 'April 15, 2002\n\nThe two discussed trade.');
    // Not printed: only the first lines are looked at, and only the headline goes.
    const plain = dropTitleLine(`A report\nIntroduction\n\n${menus}`, 'A report', false);
    assert.deepStrictEqual([plain.heading, plain.text.split('\n')[0]], ['A report', 'Introduction']);
  });

  it('a last paragraph wrapped into short lines is text, not the footer menus under it', () => {
    const body = 'Mr Putin and Mr Chavez also discussed some specific issues of bilateral\ncooperation.\n\nLater that day, Mr Putin spoke by telephone with the German Chancellor, Gerhard\nSchroeder.';
    const footer = '\n\nPublication status\nPublished in section: News\nDirect link: en.kremlin.ru/d/42833\nText version\nText\nShare\nDirect link';
    const parsed = parseArticle(`---\ntitle: "T"\n---\nThe call was held on Monday, and the two leaders spoke for an hour about the situation.\n\n${body}${footer}\n`);
    assert.ok(parsed.body.endsWith('Schroeder.'), parsed.body);
    assert.ok(!parsed.body.includes('Text version'), parsed.body);
  });

  it('title without the site name, URL from the footer, date from the text, no header or footer in the body', async () => {
    const r = await readArticleFile('/w/accord.pdf', await browserPrintedPdf());
    assert.deepStrictEqual(
      { title: r.parsed?.title, date: r.parsed?.date, url: r.parsed?.url, warning: r.warning },
      { title: 'Brazil and Argentina sign a border accord', date: '2025-03-04', url: PRINTED_URL, warning: null });
    const body = r.parsed!.body;
    assert.ok(body.startsWith('Brasília, March 4, 2025 -- Brazil and Argentina'), body.slice(0, 80));
    assert.ok(!/12\/2\/26|Example Ministry|https:|1\/2|2\/2/.test(body), body);
  });

  it('the day it was printed is not its date: without a date in the text the article has none', async () => {
    const url = 'https://www.example.gov/news/brazil-and-argentina-sign-a-border-accord';
    const r = await readArticleFile('/w/accord.pdf', await browserPrintedPdf({ datedText: false, url }));
    assert.strictEqual(r.parsed?.date, null);
    assert.strictEqual(r.parsed?.url, url);
  });
});

describe("a printed or copied blog page's header and tail (Global Voices' shape, written here)", () => {
  // A post as a browser prints it: headline (cut off above by dropTitleLine), date, byline, category menus, the
  // text wrapped into the page's lines, then the post's end, its comments and the site's lists of other posts.
  const header = ['Wednesday, June 10th, 2009 @ 17:22 UTC', '', 'by Ada Okafor', '', 'Regions and Countries', 'Topics', '',
    'Countries:', 'Kenya, Nigeria, Uganda', 'Topics:', 'Freedom of Speech, Human Rights', 'Languages:', 'English, French', '',
    'see all categories', ''];
  const paragraph1 = ['The new law was perceived as a threat by many bloggers across the region and the continent. It',
    'was debated in parliament for weeks before the vote, and the opposition said that it would appeal',
    'to the courts.'];
  const paragraph2 = ['Bloggers in Nairobi and Lagos wrote about the vote on the day it was taken, and many of them', 'asked their readers to write to the members of parliament who had voted for it, one by one.'];
  const filler = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} of the post goes on about the vote and what the bloggers made of it, with quotes from their posts and the replies they got.`);
  const tail = ['Posted by Ada Okafor', 'Print version', '', '2 comments', '', 'Tomas Lindqvist', 'Great stuff, more on Ghana here.',
    '2009-06-11 at 12:26 pm', 'Reply to this', '', 'Recent Articles also in Sub-Saharan Africa', '', '› Gabon: On President Omar Bongo\'s death',
    '› Mozambique: Attack on a candidate'];
  const page = (lines: string[]) => parseArticle(`---\ntitle: "Bloggers and the new law"\n---\n${lines.join('\n')}\n`);

  it('the first paragraph, wrapped into lines that end mid-sentence, is text: the header ends where it starts', () => {
    const a = page([...header, ...paragraph1, '', ...paragraph2, '', ...filler]);
    assert.ok(a.body.startsWith('The new law was perceived as a threat'), a.body.slice(0, 120));
    assert.strictEqual(a.date, '2009-06-10');
    assert.strictEqual(a.author, 'Ada Okafor');
  });

  it("with the title known, the header's category menus are furniture: their countries and languages are not text", () => {
    const a = page([...header, ...paragraph1, '', ...paragraph2, '', ...filler]);
    assert.ok(!/Countries:|Uganda|Languages:|see all categories|Regions and Countries/.test(a.body), a.body.slice(0, 200));
    // A headline over its date line with no blank line between is no wrapped paragraph: a whole-page copy's header still ends at the text.
    const copy = parseArticle(['Events', 'Structure', 'Documents', 'Contacts', 'Search', 'Subscribe', 'Events',
      'President Aliyev met with the President of the Republic of Kazakhstan on the sidelines', 'November 18, 2005', '12:30', '',
      ...paragraph2, '', ...filler].join('\n'));
    assert.strictEqual(copy.title, 'President Aliyev met with the President of the Republic of Kazakhstan on the sidelines');
  });

  it('the comments and the lists of other posts after the text are not text; such a heading near the top (a menu) cuts nothing', () => {
    const a = page([...header, ...paragraph1, '', ...paragraph2, '', ...filler, '', ...tail]);
    assert.ok(a.body.includes('Paragraph 7 of the post'), a.body.slice(-200));
    assert.ok(!/Tomas Lindqvist|Ghana|Recent Articles|Omar Bongo|Mozambique|2 comments/.test(a.body), a.body.slice(-300));
    // The post's own "Posted by" line is its byline: neither text nor a person of the article.
    assert.ok(!a.body.includes('Posted by'), a.body.slice(-200));
    assert.ok(!extractEntities({ title: a.title, body: a.body, outlet: null }).persons.some((p) => p.name === 'Ada Okafor'));
    for (const heading of ['Leave a Reply', 'Join the Conversation', '12 Comments', '## Related posts', 'Comments (3)', 'You may also like']) {
      const b = page([...paragraph1, '', ...filler, '', heading, '', 'Someone else wrote about Ghana here.']);
      assert.ok(!b.body.includes('Ghana'), `${heading}: ${b.body.slice(-120)}`);
    }
    const menu = page(['Comments', '', ...paragraph1, '', ...filler]);
    assert.ok(menu.body.includes('Paragraph 7 of the post'), menu.body.slice(-100));
  });
});

describe("a whole-page text copy (select all, copy, paste) of a blog page with long menus (written here)", () => {
  const COUNTRIES = ['Afghanistan', 'Albania', 'Algeria', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Bahrain', 'Belgium', 'Bolivia',
    'Brazil', 'Canada', 'Chile', 'China', 'Colombia', 'Cuba', 'Egypt', 'France', 'Germany', 'Ghana', 'Greece', 'India', 'Iran', 'Iraq', 'Italy',
    'Japan', 'Jordan', 'Kenya', 'Lebanon', 'Mexico', 'Morocco', 'Nigeria', 'Norway', 'Peru', 'Poland', 'Russia', 'Spain', 'Sweden', 'Syria',
    'Tunisia', 'Turkey', 'Uganda', 'Ukraine', 'Uruguay', 'Venezuela', 'Yemen', 'Zambia', 'Zimbabwe', 'Saint Vincent and the Grenadines'];
  const text = (opts: { blankBeforeText: boolean }) => [
    'close', 'Search', 'Authors', 'Topics', 'Countries', 'Ocean Voices Online', 'The sea is talking. Are you listening?', '', 'Home', 'About', 'Contact', '',
    'Fishermen in Dakar protest the new quotas', 'Thursday, June 11th, 2009 @ 10:57 UTC', 'by Awa Ndiaye',
    'Regions and Countries', ...['Africa', 'Americas', 'Europe'].map((r) => ` » ${r}`), 'Countries', ...COUNTRIES.map((c) => ` » ${c}`),
    ...COUNTRIES.map((c) => ` » ${c} news`), 'Topics:', 'Economics, Environment, Freedom of Speech, Governance, Human Rights, Labor, Protest, Youth',
    'This post is also available in:', 'Français:', 'Sénégal : les pêcheurs de Dakar contre les quotas et les licences...',
    ...(opts.blankBeforeText ? [''] : []),
    'Fishermen in Dakar marched to the ministry on Monday to protest the new quotas, which they say will ruin the small boats of Senegal and help the trawlers.',
    '', 'The minister, Mariama Sarr, said the quotas protect the fish for the next generation and that the licences of the trawlers would be reviewed this year.',
    '', 'Bloggers in Dakar wrote about the march, and many of them shared photos of the boats on the beach at Soumbédioune, where the march began.',
  ].join('\n');

  for (const blankBeforeText of [true, false]) {
    it(`hundreds of menu lines between the headline and the text are not text; the headline is the line over the date${blankBeforeText ? '' : ' (no blank line before the text)'}`, () => {
      const a = parseArticle(text({ blankBeforeText }));
      assert.strictEqual(a.title, 'Fishermen in Dakar protest the new quotas');
      assert.strictEqual(a.date, '2009-06-11');
      assert.strictEqual(a.author, 'Awa Ndiaye');
      assert.ok(a.body.startsWith('Fishermen in Dakar marched to the ministry'), a.body.slice(0, 120));
      const countries = extractEntities({ title: a.title, body: a.body, outlet: a.outlet }).countries.map((c) => c.code).sort();
      assert.deepStrictEqual(countries, ['SN']);
    });
  }

  it('a site-name line "<known outlet> Online" names the outlet', () => {
    const a = parseArticle(['Home', 'About', 'Global Voices Online', 'The world is talking.', 'Contact', 'Donate', '',
      'Bloggers and the new law', 'Thursday, June 11th, 2009 @ 10:57 UTC', 'by Awa Ndiaye', '',
      'Bloggers in Dakar wrote about the march, and many of them shared photos of the boats on the beach where it began.'].join('\n'));
    assert.strictEqual(a.outlet, 'Global Voices');
    assert.strictEqual(a.title, 'Bloggers and the new law');
  });

  it('a government page copy: the headline over its date wins over the standfirst under it', () => {
    const a = parseArticle(['Skip to content', 'The White House', 'Briefing Room', 'Administration', 'Issues', '', 'Briefings & Statements', '',
      'Readout of Talks in Geneva', 'November 23, 2025', '', '*Between the Secretary, the Special Envoy and the Delegation*', '',
      'Today the Secretary and the Special Envoy held an extensive and productive meeting with the delegation in Geneva on the draft.'].join('\n'));
    assert.strictEqual(a.title, 'Readout of Talks in Geneva');
    assert.strictEqual(a.date, '2025-11-23');
  });
});

describe('a whole-page copy whose menus hold a sentence (the site\'s blurb) and a German date label (written here)', () => {
  it('the blurb among the menus is not the start of the text; the headline over the date line is the title', () => {
    const menus = (n: number) => Array.from({ length: n }, (_, i) => `Thema ${i}`);
    const a = parseArticle(['Schließen', 'Deutsch', 'Español', ...menus(20),
      'Wir übersetzen die Beiträge in viele Sprachen, damit die Bürgermedien aus aller Welt für alle zugänglich sind.', ...menus(40),
      'Ein Jahr voller Proteste in Managua: die Opposition will einen Neuanfang', 'Übersetzung veröffentlicht am 30 April 2019 13:10 GMT', '',
      'Seit dem Ausbruch der Massenproteste gegen die Regierung in Nicaragua hat die Polizei Demonstrationen verboten und tausende Menschen verhaftet.',
      '', 'Die Gespräche zwischen der Regierung und der Opposition endeten im April mit einer Einigung bei zwei der vier Themen auf der Tagesordnung.'].join('\n'));
    assert.strictEqual(a.title, 'Ein Jahr voller Proteste in Managua: die Opposition will einen Neuanfang');
    assert.strictEqual(a.date, '2019-04-30');
    assert.ok(a.body.startsWith('Seit dem Ausbruch'), a.body.slice(0, 100));
  });
});

