// Shapes from the third dev set's families (issue #13), on fixtures written here: whole-page copies
// with the site's menus before the headline and a tail of tag lists, share menus and links; date
// labels on their own line; a footer's copyright year; contact blocks; scrapers' YAML front matter
// with escapes and folded lines; archived government domains; SEO plugins' JSON-LD.
import * as assert from 'assert';
import fc from 'fast-check';
import { readArticleFileSync } from '../../src/core/articles';
import { parseDateLabel, parseDateLine } from '../../src/core/articles/dateLines';
import { parseFrontMatter } from '../../src/core/articles/frontMatter';
import { isOutletLine, outletFromUrl } from '../../src/core/articles/outlets';
import { parseArticle } from '../../src/core/articles/reader';
import { readZones } from '../../src/core/articles/zones';

const LEAD = 'The two ministers discussed trade, energy and the situation in the region during a telephone call on Friday.';
const BODY = 'They agreed that their deputies would meet next month to prepare a visit, the office said in a statement.\n\n'
  + 'Both sides noted that trade between the two countries had grown by a fifth over the last year.';
const MENUS = ['Office of the Prime Minister', 'Home', 'News', 'Structure', 'Photos and Videos', 'Documents', 'Contacts', 'Search',
  'For the Media', 'Subscribe', 'Mobile version', 'Twitter', 'YouTube', 'State Symbols', 'Send a Letter', 'Legal information',
  'Government Press Office', '2021'];

describe('reader: whole-page copies', () => {
  it("the headline is the last long line under the site's menus; the menus are neither title nor body", () => {
    const a = parseArticle([...MENUS, 'Events', 'Telephone conversation with the Prime Minister of Norway', '', LEAD, '', 'June 4, 2021', '14:30', '', BODY].join('\n'));
    assert.strictEqual(a.title, 'Telephone conversation with the Prime Minister of Norway');
    for (const menu of ['Structure', 'Twitter', 'State Symbols', 'Subscribe', 'Events']) assert.ok(!a.body.includes(menu), menu);
    assert.ok(a.body.startsWith(LEAD.slice(0, 30)), a.body);
  });

  it('skips a time or a place line under the headline when looking for it', () => {
    const a = parseArticle([...MENUS, 'The Prime Minister met the President of Finland', 'June 4, 2021', '09:30', 'Helsinki', '', BODY].join('\n'));
    assert.deepStrictEqual([a.title, a.date], ['The Prime Minister met the President of Finland', '2021-06-04']);
  });

  it('a short header is not read as menus: its first line stays the headline', () => {
    const a = parseArticle(['Talks to resume next month', 'Home > News', 'June 4, 2021', '', BODY].join('\n'));
    assert.strictEqual(a.title, 'Talks to resume next month');
  });

  it('a tail of tag lists, share menu and links is furniture; its dates are read with their labels', () => {
    const a = parseArticle([LEAD, '', BODY, '', 'Topics', 'Foreign policy', 'Persons', 'Stoltenberg Jens', 'Publication status', '',
      'Published in section: News', '', 'Publication date:', 'June 4, 2021, 14:30', '', 'Direct link: example.gov/d/1', '', 'Share', 'Direct link',
      'https://example.gov/events/news/1', 'Facebook', 'Twitter', 'Print', 'Last updated at', 'June 9, 2021, 10:48', 'Official resources',
      'State Symbols', 'Presidential Executive Office', '2021'].join('\n'));
    assert.strictEqual(a.date, '2021-06-04');
    assert.strictEqual(a.url, 'https://example.gov/events/news/1');
    for (const line of ['Stoltenberg Jens', 'State Symbols', 'Foreign policy', 'Twitter']) assert.ok(!a.body.includes(line), line);
  });

  it("a footer's year alone is its copyright year, not the date; an Updated line still dates an undated page", () => {
    assert.strictEqual(parseArticle(['Talks to resume', '', BODY, '', 'Government Press Office', '2020'].join('\n')).date, null);
    assert.strictEqual(parseArticle(['Talks to resume', '', BODY, '', 'Last updated at', 'June 9, 2021, 10:48'].join('\n')).date, '2021-06-09');
  });

  it("an archived site's banner, section kickers and a lone bullet are furniture", () => {
    const a = parseArticle(['Skip to content',
      'This is historical material “frozen in time”. The website is no longer updated and links to external websites and some internal pages may not work.',
      'The White House', 'Menu', 'Search', 'Briefing Room', 'Statements and Releases', '', 'Readout of the Call with the Prime Minister', '',
      'February 6, 2022', '•', 'Statements and Releases', '', BODY, '', '###', '', 'Next Post', 'Previous Post', 'Privacy Policy'].join('\n'));
    assert.deepStrictEqual([a.title, a.date, a.outlet], ['Readout of the Call with the Prime Minister', '2022-02-06', 'The White House']);
    for (const line of ['historical material', 'Briefing Room', 'Statements and Releases', '•', 'Next Post']) assert.ok(!a.body.includes(line), line);
  });

  it("the name over a street address in the footer's contact block is the publisher", () => {
    const a = parseArticle(['Skip to content', 'Menu', 'President Jane Roe', 'News', 'Articles', 'Fact Sheets', 'Gallery', 'Issues', 'Contact', '',
      'Statement on the Trade Meeting', '', 'March 19, 2025', '', BODY, '', 'Ministry of Trade', '100 Constitution Avenue NW', 'Capital City 20500',
      'Copyright', 'Privacy', 'Search'].join('\n'));
    assert.deepStrictEqual([a.title, a.outlet], ['Statement on the Trade Meeting', 'Ministry of Trade']);
    assert.ok(!a.body.includes('President Jane Roe'));
  });

  it("a known outlet's name in the menus beats a footer line that only looks like an outlet's", () => {
    const zones = readZones(['President of Russia', 'Events', 'Structure', 'Documents', 'Contacts', 'Search', 'Subscribe', 'Talks with the Chancellor',
      '', LEAD, '', BODY, '', 'Share', 'Twitter', 'Print', 'Official resources', 'Send a Letter', 'Presidential Executive Office', '2020']);
    assert.strictEqual(zones.outlet, 'President of Russia');
  });
});

describe('reader: date labels and times on their own line', () => {
  it('reads a label alone as the label of the next line', () => {
    assert.deepStrictEqual(parseDateLabel('Publication date:'), { updated: false });
    assert.deepStrictEqual(parseDateLabel('Last updated at'), { updated: true });
    assert.strictEqual(parseDateLabel('Publication date: March 3, 2021'), null);
    assert.strictEqual(parseDateLabel('The publication'), null);
    assert.strictEqual(parseDateLine('March 23, 2013, 10:48', { updated: true })!.updated, true);
    assert.strictEqual(parseDateLine('March 22, 2013, 22:00', { updated: false })!.published, true);
    assert.strictEqual(parseDateLine('2020')!.yearOnly, true);
  });
});

describe('reader: front matter from scrapers', () => {
  it('a double-quoted title folded over lines, with YAML escapes', () => {
    const fm = parseFrontMatter(['---', "date: '2021-01-23'", 'published_time: 2021-01-23 19:04:00-05:00',
      'source_url: https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/01/23/readout/',
      'title: "Readout of the President\\u2019s Call with Prime Minister Jane Roe\\', '  \\ of the United\\_Kingdom"', '---', 'Body'].join('\n'));
    assert.deepStrictEqual(fm.fields, { date: '2021-01-23', url: 'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2021/01/23/readout/',
      title: 'Readout of the President’s Call with Prime Minister Jane Roe of the United Kingdom' });
  });

  it('plain folding, quotes inside and single quotes', () => {
    assert.strictEqual(parseFrontMatter(['---', 'title: "Talks', '  resume"', '---', 'b'].join('\n')).fields.title, 'Talks resume');
    assert.strictEqual(parseFrontMatter(['---', 'title: "The \\"new\\" talks"', '---', 'b'].join('\n')).fields.title, 'The "new" talks');
    assert.strictEqual(parseFrontMatter(['---', "title: 'It''s on'", '---', 'b'].join('\n')).fields.title, "It's on");
    // An unclosed quote does not swallow the fields below it.
    assert.deepStrictEqual(parseFrontMatter(['---', 'title: "unclosed', 'author: Jane Roe', '---', 'b'].join('\n')).fields.author, 'Jane Roe');
  });

  it('stays linear on long folded and escaped titles', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      parseFrontMatter(['---', `title: "${s}\\`, `  \\ ${s}"`, '---', 'b'].join('\n'));
    }));
  });
});

describe('reader: outlets of archived sites and titles as officials write them', () => {
  it("an archived administration's site is the White House's; the archives' own pages are the National Archives'", () => {
    assert.strictEqual(outletFromUrl('https://bidenwhitehouse.archives.gov/briefing-room/x/'), 'The White House');
    assert.strictEqual(outletFromUrl('https://georgewbush-whitehouse.archives.gov/news/x.html'), 'The White House');
    assert.strictEqual(outletFromUrl('https://www.archives.gov/research'), 'National Archives');
    assert.strictEqual(outletFromUrl('https://2021-2025.state.gov/x/'), 'U.S. Department of State');
  });

  it('"President of …" is an office, "President Jane Roe" a person', () => {
    assert.ok(isOutletLine('President of Russia'));
    assert.ok(!isOutletLine('President Donald J. Trump'));
  });
});

describe('HTML: SEO metadata', () => {
  const page = (ld: string, meta: string) => `<!doctype html><html><head><title>Readout of the Call | The White House</title>
<meta property="og:site_name" content="The White House">${meta}
<script type="application/ld+json">${ld}</script></head><body><main><h1>Readout of the Call</h1><p>${LEAD}</p><p>${BODY}</p></main></body></html>`;
  const read = (html: string) => readArticleFileSync('page.html', html).parsed!;

  it("a WebPage's name carries the site suffix: og:title is the headline", () => {
    const html = page('{"@graph":[{"@type":"WebPage","name":"Readout of the Call | The White House","datePublished":"2021-02-11T02:31:03+00:00"}]}',
      '<meta property="og:title" content="Readout of the Call">');
    assert.strictEqual(read(html).title, 'Readout of the Call');
  });

  it("without og:title the WebPage's name is read without its site suffix", () => {
    assert.strictEqual(read(page('{"@graph":[{"@type":"WebPage","name":"Readout of the Call | The White House"}]}', '')).title, 'Readout of the Call');
  });

  it('a UTC datePublished is the publisher-zone date of the same moment when the meta tags give it', () => {
    const html = page('{"@graph":[{"@type":"WebPage","name":"Readout","datePublished":"2021-02-11T02:31:03+00:00"}]}',
      '<meta property="article:published_time" content="2021-02-10T21:31:03-05:00">');
    assert.strictEqual(read(html).date, '2021-02-10');
    // Different moments: JSON-LD stays first.
    const other = page('{"@graph":[{"@type":"NewsArticle","headline":"Readout","datePublished":"2021-02-12T02:31:03+00:00"}]}',
      '<meta property="article:published_time" content="2021-02-10T21:31:03-05:00">');
    assert.strictEqual(read(other).date, '2021-02-12');
  });

  it('schema.org microdata: <time itemprop="datePublished">', () => {
    const html = `<!doctype html><html><head><title>Talks • President of Russia</title><meta property="og:site_name" content="President of Russia"></head>
<body><article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="name">Talks</h1><time datetime="2003-02-27" itemprop="datePublished">February 27, 2003</time>
<div itemprop="articleBody"><p>${LEAD}</p><p>${BODY}</p></div></article></body></html>`;
    assert.strictEqual(read(html).date, '2003-02-27');
  });
});
