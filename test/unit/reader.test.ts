import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseArticle, parseDateline } from '../../src/core/articles/reader';
import { deriveBaseKey } from '../../src/core/library/keys';

const SEEDS = path.join(__dirname, '../../seeds');
const FORMATS = path.join(__dirname, '../fixtures/formats');
const read = (dir: string, file: string) => parseArticle(fs.readFileSync(path.join(dir, file), 'utf8'));

describe('reader: the seed articles', () => {
  const expected = [
    ['000_18070a8378820b8d.txt', 'Russia and Cuba to strengthen strategic ties with Lavrov visit', '--02-19', 'Radio Habana Cuba',
      'https://www.radiohc.cu/en/noticias/nacionales/347578-russia-and-cuba-to-strengthen-strategic-ties-with-lavrov-visit'],
    ['001_52170efe32851a00.txt', 'Russia reiterates its rejection of the U.S. blockade against Cuba', '--12-24', 'Radio Habana Cuba',
      'https://www.radiohc.cu/index.php/en/noticias/nacionales/242977-russia-reiterates-its-rejection-of-the-us-blockade-against-cuba'],
    ['002_409861e92e21fbe1.txt', null, '2025-05-07', 'TASS', null],
    ['003_2dc698643bc4e8cd.txt', 'Cuban Foreign Minister extends Medvedev an invitation from Castro', null, 'dpa', null],
    ['004_2a2c51b8f2fd3f7c.txt', 'Russian Foreign Minister Sergey Lavrov Visiting Venezuela', null, 'Venezuelan MFA', null],
  ] as const;

  for (const [file, title, date, outlet, url] of expected) {
    it(`${file}: title, date, outlet, url`, () => {
      const a = read(SEEDS, file);
      assert.deepStrictEqual({ title: a.title, date: a.date, outlet: a.outlet, url: a.url }, { title, date, outlet, url });
    });
  }

  it('labels an untitled article by its first sentence, cut to about 80 characters', () => {
    const a = read(SEEDS, '002_409861e92e21fbe1.txt');
    assert.strictEqual(a.label, 'Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…');
    assert.ok(a.label.length <= 80);
  });

  it('labels a titled article by its title', () => {
    assert.strictEqual(read(SEEDS, '003_2dc698643bc4e8cd.txt').label, 'Cuban Foreign Minister extends Medvedev an invitation from Castro');
  });

  it('keeps page debris out of the body', () => {
    const bodies = fs.readdirSync(SEEDS).map((f) => read(SEEDS, f).body).join('\n');
    for (const debris of ['Image not found', 'Photo: Minrex', 'PL Photo', '---', 'radiohc.cu', '**', 'RELATED CONTENT',
      'Website | + posts', 'General:', 'Regions:', 'Russia Flag', 'Source URL', 'date 2025-05-07', 'Radio Habana Cuba']) {
      assert.ok(!bodies.includes(debris), `body still holds "${debris}"`);
    }
  });

  it('keeps the text around the debris', () => {
    const a = read(SEEDS, '003_2dc698643bc4e8cd.txt');
    assert.ok(a.body.startsWith('Moscow - Cuban Foreign Minsiter Felipe Perez Roque met'));
    assert.ok(a.body.endsWith('his administration will be reviewing," he said. (dpa)'));
    const v = read(SEEDS, '004_2a2c51b8f2fd3f7c.txt');
    assert.ok(v.body.includes('State Visit\nIn September 2019'));
    assert.ok(v.body.endsWith('multicentric and multipolar world.'));
  });

  it('takes the excerpt from the first ~40 words after the dateline', () => {
    const a = read(SEEDS, '000_18070a8378820b8d.txt');
    assert.ok(a.excerpt.startsWith('Cuba and Russia are seeking to strengthen their strategic relations today'));
    assert.strictEqual(a.excerpt.replace(/…$/, '').split(' ').length, 40);
    assert.ok(a.excerpt.endsWith('…'));
  });

  it('counts body words', () => {
    assert.strictEqual(read(SEEDS, '003_2dc698643bc4e8cd.txt').words, 316);
  });

  it('does not take a date from a body sentence', () => {
    // 004 says "On February 7, ... will travel" and "in August 2019": neither is the article's date.
    assert.strictEqual(read(SEEDS, '004_2a2c51b8f2fd3f7c.txt').date, null);
  });
});

describe('reader: other formats', () => {
  it('Jakarta (ANTARA) dateline and a Source URL line', () => {
    const a = read(FORMATS, 'antara-jakarta.txt');
    assert.strictEqual(a.title, 'Indonesia, Japan agree to boost maritime cooperation');
    assert.strictEqual(a.outlet, 'ANTARA');
    assert.strictEqual(a.url, 'https://en.antaranews.com/news/301234/indonesia-japan-agree-to-boost-maritime-cooperation');
    assert.strictEqual(a.date, null, 'the "On March 3" in the body is not the date');
    assert.ok(!a.body.includes('Source URL'));
  });

  it('WASHINGTON (AP) dateline, # title without asterisks, date from the URL path', () => {
    const a = read(FORMATS, 'ap-washington.md');
    assert.deepStrictEqual([a.title, a.outlet, a.date], ['Senate passes aid package after weeks of delay', 'AP', '2024-02-13']);
  });

  it('dateline month-day completed by a matching dated URL', () => {
    const a = read(FORMATS, 'reuters-dated-url.txt');
    assert.deepStrictEqual([a.outlet, a.date], ['Reuters', '2025-03-03']);
  });

  it('dateline with day-month-year', () => {
    const a = read(FORMATS, 'dateline-year.txt');
    assert.deepStrictEqual([a.title, a.outlet, a.date], [null, 'IANS', '2024-01-12']);
    assert.strictEqual(a.label, 'India and France will hold their annual strategic dialogue next week…');
  });

  it('YAML front matter, including an explicit key', () => {
    const a = read(FORMATS, 'front-matter.md');
    assert.deepStrictEqual([a.title, a.date, a.outlet, a.url, a.explicitKey],
      ['Elections in Chile: what to watch', '2023-11', 'El Mercurio', 'https://example.org/elections-chile', 'mercurio-chile-watch']);
    assert.ok(a.body.startsWith('SANTIAGO — Chileans vote'));
  });

  it('UTF-8 BOM and CRLF line ends', () => {
    const a = read(FORMATS, 'crlf-bom.txt');
    assert.deepStrictEqual([a.title, a.outlet, a.date], ['Ghana and Togo sign border accord', 'Ghana News Agency', '--06-05']);
    assert.ok(!a.body.includes('\r'));
  });

  it('a year alone, month and year', () => {
    assert.strictEqual(parseArticle('---\ndate: 2019\n---\nText.').date, '2019');
    assert.strictEqual(parseArticle('Title here\n\nDate: March 2021\n\nBody text follows.').date, '2021-03');
    assert.strictEqual(parseArticle('Title here\n\nPublished: 7 May 2025\n\nBody text follows.').date, '2025-05-07');
  });

  it('rejects impossible dates', () => {
    assert.strictEqual(parseArticle('date 2025-02-30 Body text.').date, null);
  });

  it('parseDateline does not take an ordinary sentence for a dateline', () => {
    assert.strictEqual(parseDateline('Cuba and Russia are seeking to strengthen ties.'), null);
    assert.strictEqual(parseDateline('The Deputy Minister recalled that Russia - and Cuba'), null);
    assert.deepStrictEqual(parseDateline('MOSCOW, May 7. /TASS/. Cuba is'), { length: 23, date: '--05-07', agency: 'TASS' });
  });

  it('an agency in brackets followed by the text is a dateline after a place, not after the first words of a sentence', () => {
    assert.strictEqual(parseDateline('Sydney, Australia (STL.News) Thomas Sam, 42, and his wife')?.agency, 'STL.News');
    assert.strictEqual(parseDateline('BEIJING (Reuters) China said on Monday')?.agency, 'Reuters');
    assert.strictEqual(parseDateline('Jakarta (ANTARA) - Indonesia said')?.agency, 'ANTARA');
    assert.strictEqual(parseDateline('Havana, February 19 (RHC) -- Cuba')?.agency, 'RHC');
    assert.strictEqual(parseDateline('French Formula One (F1) driver Jules Bianchi died'), null);
    assert.strictEqual(parseDateline('But Representative Marcy Kaptur (D Ohio) warned that'), null);
    const page = parseArticle('Driver dies aged 25\n\nFrench Formula One (F1) driver Jules Bianchi died on Friday.\n\nhttps://en.wikinews.org/wiki/Bianchi\n');
    assert.strictEqual(page.outlet, 'Wikinews', 'the outlet from the URL, not the abbreviation');
  });
});

describe('citation keys', () => {
  const keyOf = (file: string) => deriveBaseKey(read(SEEDS, file));

  it('derives readable keys from outlet, year and title words', () => {
    assert.deepStrictEqual(fs.readdirSync(SEEDS).sort().map(keyOf), [
      'rhc-russia-cuba-strengthen',
      'rhc-russia-reiterates-rejection',
      'tass2025-cuba-russia-reliable',
      'dpa-cuban-foreign-minister',
      'venezuelanmfa-russian-foreign-minister',
    ]);
  });

  it('keys are ASCII, Pandoc-valid and at most 40 characters', () => {
    const long = deriveBaseKey({ title: 'Überraschung: Ñandú-Schutzgebiete in Südamerika erweitert', label: '', outlet: 'Frankfurter Allgemeine Zeitung', date: '2022-01-05' });
    assert.strictEqual(long, 'faz2022-uberraschung-nandu-schutzgebiete');
    assert.ok(long.length <= 40);
    assert.match(deriveBaseKey({ title: null, label: '!!!', outlet: null, date: null }), /^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('reader: asides', () => {
  it('keeps related-article headlines and captions apart from the body, for entity extraction', () => {
    assert.deepStrictEqual(read(SEEDS, '004_2a2c51b8f2fd3f7c.txt').asides, [
      'Political, Economic and Technological Cooperation: Diosdado Cabello in Russia for Special Mission (Images)',
      'Maduro Already in Moscow',
    ]);
    assert.deepStrictEqual(read(SEEDS, '001_52170efe32851a00.txt').asides, ['Russian Deputy Foreign Minister Serguei Riabkov. PL Photo']);
  });
});
