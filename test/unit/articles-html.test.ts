import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { articleFormat, readArticleFileSync, withoutSavedPageAssets } from '../../src/core/articles';
import { decodeHtmlBytes, readerByline } from '../../src/core/articles/html';
import { splitPageTitle, stripSiteSuffix } from '../../src/core/articles/htmlMetadata';
import { extractEntities } from '../../src/core/entities';
import { Corpus } from '../../src/core/library/corpus';
import { outletFromUrl } from '../../src/core/articles/outlets';

const HTML = path.join(__dirname, '../fixtures/html');
const read = (file: string) => {
  const r = readArticleFileSync(file, fs.readFileSync(path.join(HTML, file)));
  assert.ok(r.parsed, `${file} was skipped: ${r.warning}`);
  return { ...r, parsed: r.parsed };
};
const entitiesOf = (file: string) => {
  const { parsed } = read(file);
  const e = extractEntities({ title: parsed.title, body: parsed.body, outlet: parsed.outlet });
  return { countries: e.countries.map((c) => c.code).sort(), persons: e.persons.map((p) => p.name).sort() };
};

describe('HTML articles: metadata', () => {
  const expected = [
    ['news-jsonld.html', 'Lavrov and Rodríguez sign energy accord in Moscow', '2025-04-22', 'Global Wire',
      'https://www.globalwire.example/world/2025/04/22/lavrov-rodriguez-energy-accord', 'Anna Petrova and James Holloway'],
    ['meta-only.html', 'Seoul and Tokyo resume security dialogue', '2024-11-05', 'The Harbor Times',
      'https://harbortimes.example/asia/seoul-tokyo-security-dialogue', 'Lee Min-jung'],
    ['amp.html', 'Chile and Argentina open new Andes crossing', '2023-09-14', 'Southern Cone Daily',
      'https://southernconedaily.example/news/2023/09/14/chile-argentina-andes-crossing', 'Diego Fuentes'],
    ['saved-complete/page.html', 'Kenya and Tanzania agree on rail link', '2022-03-08', 'East Africa Review',
      'https://eastafricareview.example/2022/03/08/kenya-tanzania-rail-link.html', 'Amina Yusuf'],
  ] as const;
  for (const [file, title, date, outlet, url, author] of expected) {
    it(`${file}: title, date, outlet, url, author`, () => {
      const r = read(file);
      assert.deepStrictEqual(
        { title: r.parsed.title, date: r.parsed.date, outlet: r.parsed.outlet, url: r.parsed.url, author: r.author, warning: r.warning },
        { title, date, outlet, url, author, warning: null });
    });
  }

  it('takes the <title> without its " | Outlet" suffix when nothing better is given', () => {
    const html = '<html><head><title>Pakistan and China sign port deal | Daily Ledger</title></head><body><p>Islamabad – Pakistan and China signed a deal on Monday to expand the port of Gwadar, officials said, after months of talks over financing and security for Chinese engineers working in the province.</p></body></html>';
    const r = readArticleFileSync('x.html', html);
    assert.strictEqual(r.parsed?.title, 'Pakistan and China sign port deal');
    assert.strictEqual(r.parsed?.outlet, 'Daily Ledger');
    assert.strictEqual(stripSiteSuffix('Russia - Cuba talks resume', null), 'Russia - Cuba talks resume');
    assert.strictEqual(stripSiteSuffix('Russia and Cuba talks resume - Reuters', 'Reuters'), 'Russia and Cuba talks resume');
  });

  it('honours <meta charset> for pages saved in a legacy encoding', () => {
    const bytes = new Uint8Array([...Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'), 0xe9,
      ...Buffer.from(' talks in Bogot'), 0xe1, ...Buffer.from('</title></head><body><p>Text.</p></body></html>')]);
    assert.deepStrictEqual(decodeHtmlBytes(bytes, 1e6).warning, null);
    assert.ok(decodeHtmlBytes(bytes, 1e6).text?.includes('Café talks in Bogotá'));
  });

  it('warns once about broken JSON-LD and reads the <meta> tags instead', () => {
    const html = '<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script><meta property="og:title" content="Peru and Bolivia meet"><meta property="og:site_name" content="Andes Post"></head><body><p>Lima – Officials met.</p></body></html>';
    const r = readArticleFileSync('x.htm', html);
    assert.strictEqual(r.parsed?.title, 'Peru and Bolivia meet');
    assert.match(r.warning ?? '', /JSON-LD/);
  });

  it("a title tag's site-name suffix comes off when it is the page's own site, and only then", () => {
    const page = (title: string, site: string) => `<html><head><meta property="og:title" content="${title}"><meta property="og:site_name" content="${site}"></head><body><p>Managua – Protests went on.</p></body></html>`;
    const title = (html: string) => readArticleFileSync('x.html', html).parsed?.title;
    assert.strictEqual(title(page('Ein Jahr voller Proteste in Nicaragua · Harbour Voices auf Deutsch', 'Harbour Voices auf Deutsch')), 'Ein Jahr voller Proteste in Nicaragua');
    assert.strictEqual(title(page('Talks resume in Managua – Harbour Post', 'Harbour Post')), 'Talks resume in Managua');
    // Another name after the dash is part of the headline; so is a " | " part that is not the site.
    assert.strictEqual(title(page('Ortega meets envoys in Managua – Reuters', 'Harbour Post')), 'Ortega meets envoys in Managua – Reuters');
    assert.strictEqual(title(page('Managua talks | Live updates', 'Harbour Post')), 'Managua talks | Live updates');
  });
});

describe('HTML articles: main text only', () => {
  it('the news page: navigation, related links, cookie banner and footer are not body', () => {
    const { parsed } = read('news-jsonld.html');
    assert.ok(parsed.body.startsWith('Russian Foreign Minister Sergey Lavrov and his Cuban counterpart'));
    assert.ok(parsed.body.endsWith('crippled transport and food distribution.'));
    for (const debris of ['cookies', 'Accept', 'Japan', 'Nigeria', 'Related', 'Macron', 'Modi', '©', 'Ellison', 'Share on']) {
      assert.ok(!parsed.body.includes(debris), `body holds "${debris}"`);
    }
    assert.deepStrictEqual(entitiesOf('news-jsonld.html'), { countries: ['CU', 'RU', 'US'], persons: ['Bruno Rodríguez Parrilla', 'Sergey Lavrov'] });
  });

  it('no persons or countries from menus, consent pop-ups, sidebars, newsletters or footers', () => {
    assert.deepStrictEqual(entitiesOf('meta-only.html'), { countries: ['JP', 'KP', 'KR'], persons: ['Kim Hong-kyun', 'Masataka Okano'] });
    assert.deepStrictEqual(entitiesOf('amp.html'), { countries: ['AR', 'CL'], persons: ['Gabriel Boric'] });
    assert.deepStrictEqual(entitiesOf('saved-complete/page.html'), { countries: ['KE', 'TZ'], persons: ['Samia Suluhu Hassan', 'Uhuru Kenyatta'] });
  });

  it('keeps the text rules of the reader: an AMP page\'s dateline agency, the excerpt from the lead', () => {
    const { parsed } = read('amp.html');
    assert.ok(parsed.body.startsWith('Santiago, Sept 14 (SCD) – Chile and Argentina opened'));
    assert.ok(parsed.excerpt.startsWith('Chile and Argentina opened a new border crossing'));
  });

  it('a page without text is skipped with a warning; an empty file too', () => {
    assert.deepStrictEqual(readArticleFileSync('x.html', '<html><body><nav>Home</nav></body></html>').parsed, null);
    assert.match(readArticleFileSync('x.html', '<html><body><nav>Home</nav></body></html>').warning ?? '', /no text|empty/);
    assert.match(readArticleFileSync('x.html', new Uint8Array()).warning ?? '', /empty|no text/);
  });

  it('an HTML page over its own size limit is skipped with a warning', () => {
    const r = readArticleFileSync('big.html', new Uint8Array(2048).fill(0x20), { text: 1e9, html: 1024, pdf: 1e9 });
    assert.strictEqual(r.parsed, null);
    assert.match(r.warning ?? '', /over the 0\.0 MB limit/);
  });

  it('never throws on arbitrary markup', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('<p>', '</p>', '<div>', '<script>', '<!--', '<meta charset="x">', '<title>', '&amp;', '<br>'),
      (text, tag) => {
        const r = readArticleFileSync('x.html', `${tag}${text}${tag}${text}`);
        assert.ok(r.parsed !== undefined);
      }), { numRuns: 150 });
  });
});

describe('HTML articles: which files', () => {
  it('formats by extension', () => {
    assert.deepStrictEqual(['a.html', 'b.HTM', 'c.pdf', 'd.txt', 'e.md', 'f', 'dir.pdf/g.txt', 'file:///x/y.PDF'].map(articleFormat),
      ['html', 'html', 'pdf', 'text', 'text', 'text', 'text', 'pdf']);
  });

  it('a "Save Page As… complete" folder beside its page holds no articles', () => {
    const files = ['a/page.html', 'a/page_files/ads.html', 'a/page_files/x/frame.htm', 'a/notes_files/n.txt', 'b/page_files/c.html'];
    assert.deepStrictEqual(withoutSavedPageAssets(files, (f) => f), ['a/page.html', 'a/notes_files/n.txt', 'b/page_files/c.html']);
  });

  it('the corpus reads a saved page and its record carries the author', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/page.html', 'page.html', fs.readFileSync(path.join(HTML, 'saved-complete/page.html')));
    const [article] = corpus.articles();
    assert.strictEqual(article?.format, 'html');
    assert.strictEqual(corpus.record(article!).author, 'Amina Yusuf');
    assert.strictEqual(article?.key, 'ear2022-kenya-tanzania-agree');
  });
});

describe('HTML and PDF articles: the author in bibliographies', () => {
  it('CSL-JSON and BibTeX carry each author (persons split, offices whole); articles without one are unchanged', async () => {
    const { toCslItem, toBibtex } = await import('../../src/core/citations/bibliography');
    const base = { key: 'k', title: 'T', label: 'T', date: '2025-04-22', outlet: 'Global Wire', url: null };
    assert.deepStrictEqual(toCslItem({ ...base, author: 'Anna Petrova and James Holloway' }).author,
      [{ family: 'Petrova', given: 'Anna' }, { family: 'Holloway', given: 'James' }]);
    assert.deepStrictEqual(toCslItem({ ...base, author: 'U.S. Department of State' }).author, [{ literal: 'U.S. Department of State' }]);
    assert.strictEqual(toCslItem({ ...base, author: null }).author, undefined);
    assert.match(toBibtex([{ ...base, author: 'Press Office of the Ministry & Co' }]), /author = \{\{Press Office of the Ministry \\& Co\}\}/);
    assert.ok(!toBibtex([{ ...base }]).includes('author'));
  });
});

describe('HTML articles: a blog post without metadata tags (WordPress-like saved pages)', () => {
  const post = (opts: { title: string; permalink: string; sidebarFirst?: boolean; dateLine?: string }) => {
    const sidebar = '<div id="sidebar"><h4>Authors</h4><ul><li><a href="/author/kiri/">Kiri Tane</a></li><li><a href="/author/ana/">Ana Folau</a></li></ul>'
      + '<h4>Recent posts</h4><ul><li><a href="http://harbournotes.example/older-post/" rel="bookmark">Tonga: An older post about ferries</a> Monday, March 1st, 2021</li></ul></div>';
    const body = '<div class="entry">' + '<p>Fishers on the coast of Viti Levu counted their losses on Thursday after the storm tore through the harbour, wrecking boats and nets that families had saved for years to buy.</p>'.repeat(4) + '</div>';
    return `<html><head><title>${opts.title}</title></head><body><div id="header"><h1><a href="/">Harbour Notes</a></h1></div>`
      + (opts.sidebarFirst ? sidebar : '')
      + `<div id="post"><h2 class="post-title"><a href="${opts.permalink}" rel="bookmark" title="Permanent Link">Fiji: Fishers count the cost of the storm</a></h2>`
      + `<div class="byline"><h3>${opts.dateLine ?? 'Thursday, <a href="/2021/03">March</a> <a href="/2021/03/04">4th,</a> 2021 @ 10:57 UTC'}</h3>`
      + '<h4>by <a href="/author/sela/" title="Posts by Sela Vaka">Sela Vaka</a></h4></div>'
      + body + '<div class="comments"><p>Comment by Joe Bloggs, Friday, March 5th, 2021</p></div></div>'
      + (opts.sidebarFirst ? '' : sidebar) + '</body></html>';
  };
  const fields = (html: string) => {
    const r = readArticleFileSync('post.html', html);
    return { title: r.parsed?.title, date: r.parsed?.date, outlet: r.parsed?.outlet, url: r.parsed?.url, author: r.author };
  };

  it('the headline is the heading whose link is the permalink (rel="bookmark"); the <title> part before " » " is the site', () => {
    for (const sidebarFirst of [false, true]) {
      assert.deepStrictEqual(fields(post({ title: 'Harbour Notes  &raquo; Fiji: Fishers count the cost of the storm ', permalink: 'http://harbournotes.example/fiji-fishers/', sidebarFirst })), {
        title: 'Fiji: Fishers count the cost of the storm', date: '2021-03-04', outlet: 'Harbour Notes',
        url: 'http://harbournotes.example/fiji-fishers/', author: 'Sela Vaka',
      });
    }
  });

  it('the heading decides which <title> part is the headline, whatever the separator and the side', () => {
    for (const title of ['Fiji: Fishers count the cost of the storm | Harbour Notes', 'Harbour Notes – Fiji: Fishers count the cost of the storm',
      'Harbour Notes : Fiji: Fishers count the cost of the storm']) {
      const f = fields(post({ title, permalink: 'http://harbournotes.example/fiji-fishers/' }));
      assert.deepStrictEqual([f.title, f.outlet], ['Fiji: Fishers count the cost of the storm', 'Harbour Notes'], title);
    }
    // The heading's own spelling wins over the <title>'s typographic quotes.
    assert.strictEqual(splitPageTitle('Notes » Fiji’s fishers count the cost', "Fiji's fishers count the cost", null).headline, "Fiji's fishers count the cost");
  });

  it('without a heading: a site name before " » ", or before another separator when it is the known site', () => {
    assert.deepStrictEqual(splitPageTitle('Harbour Notes » Fiji: Fishers count the cost', null, null), { headline: 'Fiji: Fishers count the cost', site: 'Harbour Notes' });
    assert.deepStrictEqual(splitPageTitle('Daily Ledger · Pakistan and China sign port deal', null, 'The Daily Ledger'),
      { headline: 'Pakistan and China sign port deal', site: 'Daily Ledger' });
    assert.deepStrictEqual(splitPageTitle('Update · Pakistan and China sign port deal', null, 'The Daily Ledger'),
      { headline: 'Update · Pakistan and China sign port deal', site: null });
    assert.deepStrictEqual(splitPageTitle('Pakistan and China sign port deal | Daily Ledger', null, null), { headline: 'Pakistan and China sign port deal', site: 'Daily Ledger' });
  });

  it('the site part of the <title> takes the known name of its domain when it is that name, longer or shorter', () => {
    const known = fields(post({ title: 'Reuters.com » Fiji: Fishers count the cost of the storm', permalink: 'https://www.reuters.com/world/fiji-fishers/' }));
    assert.strictEqual(known.outlet, 'Reuters');
    const other = fields(post({ title: 'Harbour Notes » Fiji: Fishers count the cost of the storm', permalink: 'https://www.theguardian.com/blogs/fiji-fishers/' }));
    assert.strictEqual(other.outlet, 'Harbour Notes');
    // The table knows a site's former domain too (Global Voices was globalvoicesonline.org until 2014).
    assert.strictEqual(outletFromUrl('http://globalvoicesonline.org/2010/01/01/a-post/'), 'Global Voices');
  });

  it('the date and the byline come from the lines under the headline, not from comments or the sidebar', () => {
    const f = fields(post({ title: 'Harbour Notes » Fiji: Fishers count the cost of the storm', permalink: 'http://harbournotes.example/fiji-fishers/', dateLine: 'Filed under Weather' }));
    assert.deepStrictEqual([f.date, f.author], [null, 'Sela Vaka']);
  });

  it('a page listing posts (a <title> naming none of its headings) takes no headline or permalink from them', () => {
    const item = (slug: string, headline: string) => `<h2><a href="http://harbournotes.example/${slug}/" rel="bookmark">${headline}</a></h2><h3>March 4th, 2021 @ 10:57 UTC</h3><h4>by Sela Vaka</h4>`
      + '<p>Fishers on the coast counted their losses on Thursday after the storm tore through the harbour, wrecking boats and nets that families had saved for years.</p>';
    const r = readArticleFileSync('list.html', `<html><head><title>Harbour Notes » Weather</title></head><body>${item('a', 'Fiji: Fishers count the cost')}${item('b', 'Tonga: Ferries return')}</body></html>`);
    assert.deepStrictEqual([r.parsed?.title, r.parsed?.url], ['Weather', null]);
  });

  it("Reader View's byline is taken without its \"By\", and not when it is a label (a sidebar's \"Authors\")", () => {
    assert.deepStrictEqual(['By Sela Vaka', 'Sela Vaka', 'Authors', 'by', 'Posted by', '', null].map(readerByline), ['Sela Vaka', 'Sela Vaka', null, null, null, null, null]);
  });
});
