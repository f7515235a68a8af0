import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readArticleFile } from '../../src/core/articles';
import { pageText, pdfDate, plausibleAuthor, plausibleTitle } from '../../src/core/articles/pdf';
import { extractEntities } from '../../src/core/entities';
import { Corpus } from '../../src/core/library/corpus';
import { loadCorpus } from '../../src/cli/files';
import { corruptPdf, encryptedPdf, LEFT_COLUMN, noTextPdf, pressReleasePdf, RIGHT_COLUMN, twoColumnPdf } from '../fixtures/pdf/generate';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('PDF articles', () => {
  it('a one-page press release: title and author from the info dictionary, date and outlet from the dateline', async () => {
    const r = await readArticleFile('/w/press.pdf', await pressReleasePdf());
    assert.deepStrictEqual(
      { title: r.parsed?.title, date: r.parsed?.date, outlet: r.parsed?.outlet, url: r.parsed?.url, author: r.author, warning: r.warning },
      { title: 'Cuba and Vietnam review cooperation in Havana', date: '2025-03-03', outlet: 'Minrex',
        url: 'https://misiones.cubaminrex.cu/en/articulo/cuba-and-vietnam-review-cooperation',
        author: 'Press Office of the Ministry of Foreign Affairs', warning: null });
    const body = r.parsed!.body;
    assert.ok(body.startsWith('Havana, March 3, 2025 (Minrex) -- Cuban Foreign Minister'), body.slice(0, 80));
    assert.ok(!body.includes('PRESS RELEASE'));
    assert.strictEqual(body.split('\n\n').length, 3, 'three paragraphs');
    const e = extractEntities({ title: r.parsed!.title, body, outlet: r.parsed!.outlet });
    assert.deepStrictEqual(e.persons.map((p) => p.name).sort(), ['Bruno Rodríguez Parrilla', 'Nguyen Minh Vu']);
    assert.deepStrictEqual(e.countries.map((c) => c.code).sort(), ['CU', 'US', 'VN']);
  });

  it('a two-column page is read column by column; an office tool\'s title and author are not taken', async () => {
    const r = await readArticleFile('/w/report.pdf', await twoColumnPdf());
    assert.strictEqual(r.parsed?.title, 'Brazil and India: a decade of trade');
    assert.strictEqual(r.parsed?.date, '2024-06-12');
    assert.strictEqual(r.author, null);
    assert.strictEqual(flat(r.parsed!.body), `${LEFT_COLUMN} ${RIGHT_COLUMN}`);
  });

  it('a scan without a text layer is indexed by its file name, with a warning', async () => {
    const r = await readArticleFile('/w/Scanned letter 1998.pdf', await noTextPdf());
    assert.strictEqual(r.parsed?.title, 'Scanned letter 1998');
    assert.strictEqual(r.parsed?.words, 0);
    assert.match(r.warning ?? '', /no text layer/);
  });

  it('encrypted and corrupt PDFs are skipped with a warning', async () => {
    const encrypted = await readArticleFile('/w/e.pdf', await encryptedPdf());
    assert.strictEqual(encrypted.parsed, null);
    assert.match(encrypted.warning ?? '', /encrypted/);
    const corrupt = await readArticleFile('/w/c.pdf', await corruptPdf());
    assert.strictEqual(corrupt.parsed, null);
    assert.match(corrupt.warning ?? '', /not a readable PDF/);
    assert.match((await readArticleFile('/w/empty.pdf', new Uint8Array())).warning ?? '', /skipped/);
  });

  it('a PDF over its size limit is skipped before pdf.js sees it', async () => {
    const r = await readArticleFile('/w/big.pdf', new Uint8Array(4096), { text: 1, html: 1, pdf: 1024 });
    assert.strictEqual(r.parsed, null);
    assert.match(r.warning ?? '', /limit for a PDF/);
  });

  it('plausible metadata', () => {
    for (const bad of ['Microsoft Word - draft3.docx', 'untitled', 'report_final_v2', 'Document1', 'C:\\Users\\x\\a.pdf', '/home/ana/drafts/brief', 'drafts/2024/brief', 'slides.pptx']) {
      assert.ok(!plausibleTitle(bad), bad);
    }
    assert.ok(plausibleTitle('Joint Statement on the Black Sea Grain Initiative'));
    assert.ok(plausibleTitle('Moroccans Love/Hate Affair with Obama'));
    for (const bad of ['Administrator', 'user', 'jsmith@example.com', 'Microsoft Office User', 'ab1']) assert.ok(!plausibleAuthor(bad), bad);
    assert.ok(plausibleAuthor('Maria Fernanda Costa'));
    assert.strictEqual(pdfDate("D:20250507093000+02'00'"), '2025-05-07');
    assert.strictEqual(pdfDate('2024-06-12T10:00:00Z'), '2024-06-12');
    assert.strictEqual(pdfDate('D:19700101000000Z'), null);
  });

  it('layout: a headline across both columns stays above them', () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 10 });
    const items = [item('A headline across the page', 60, 800, 400)];
    for (let i = 0; i < 10; i++) items.push(item(`left${i}`, 60, 760 - i * 12, 200), item(`right${i}`, 320, 760 - i * 12, 200));
    const text = pageText(items, 595);
    assert.ok(text.startsWith('A headline across the page\n\nleft0\nleft1'), text);
    assert.ok(text.indexOf('left9') < text.indexOf('right0'));
  });

  it('the corpus reads PDFs asynchronously and the CLI waits for them', async () => {
    const corpus = new Corpus();
    corpus.upsert('/w/press.pdf', 'press.pdf', await pressReleasePdf());
    assert.ok(corpus.reading);
    await corpus.settled();
    assert.strictEqual(corpus.get('minrex2025-cuba-vietnam-review')?.format, 'pdf');
    // A newer read of the same file wins over an older one still in flight.
    corpus.upsert('/w/press.pdf', 'press.pdf', await corruptPdf());
    corpus.remove('/w/press.pdf');
    await corpus.settled();
    assert.strictEqual(corpus.size, 0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'press.pdf'), await pressReleasePdf());
      fs.writeFileSync(path.join(dir, 'encrypted.pdf'), await encryptedPdf());
      const loaded = loadCorpus([dir]);
      await loaded.settled();
      assert.deepStrictEqual([...loaded.keys()], ['minrex2025-cuba-vietnam-review']);
      assert.deepStrictEqual(loaded.warnings().map((w) => w.file), ['encrypted.pdf']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('web pages and PDFs: the extension\'s worker thread (dist/readWorker.js, built)', () => {
  it('reads them off the main thread; a dead worker fails its reads and the next read starts a new one', async () => {
    const { ReadWorker } = await import('../../src/extension/readWorker');
    const worker = new ReadWorker(path.join(__dirname, '../../dist/readWorker.js'));
    try {
      const corpus = new Corpus({ offThreadReader: worker.read });
      corpus.upsert('/w/press.pdf', 'press.pdf', await pressReleasePdf());
      corpus.upsert('/w/page.html', 'page.html', fs.readFileSync(path.join(__dirname, '../fixtures/html/saved-complete/page.html')));
      assert.strictEqual(corpus.size, 0, 'nothing read on this thread');
      await corpus.settled();
      assert.deepStrictEqual([...corpus.keys()].sort(), ['ear2022-kenya-tanzania-agree', 'minrex2025-cuba-vietnam-review']);
      const bytes = await twoColumnPdf();
      const limits = { text: 1e9, html: 1e9, pdf: 1e9 };
      const reading = worker.read('r.pdf', bytes, limits);
      worker.dispose();
      await assert.rejects(reading, /stopped/);
      assert.strictEqual((await worker.read('r.pdf', bytes, limits)).parsed?.title, 'Brazil and India: a decade of trade');
      assert.ok(bytes.byteLength > 0, 'the caller keeps its bytes');
    } finally {
      worker.dispose();
    }
  });
});
