import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runIndex } from '../../src/cli/index';
import { CACHE_FILE } from '../../src/core/library/cache';
import { DEFAULT_LIMITS } from '../../src/core/articles';
import { tooLargeMessage } from '../../src/core/articles/decode';
import { extractArticleSync } from '../../src/core/library/extract';
import { ExtractPool } from '../../src/node/workerPool';
import { Corpus } from '../../src/core/library/corpus';
import { SearchIndex } from '../../src/core/search';
import { bodyTerms } from '../../src/core/search/normalize';
import { generateArticle } from '../../bench/generate';
import { pressReleasePdf } from '../fixtures/pdf/generate';

const ROOT = path.join(__dirname, '../..');

async function index(...argv: string[]): Promise<{ json: unknown; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  assert.strictEqual(await runIndex([...argv, '--json'], (t) => out.push(t), (t) => err.push(t)), 0);
  return { json: JSON.parse(out.join('\n')), err };
}

describe('dossier index --cache DIR', function () {
  this.timeout(60_000);
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-cache-'));
    cache = path.join(dir, '.cache');
    for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, f));
    for (let i = 0; i < 25; i++) {
      const a = generateArticle(i, 5);
      fs.mkdirSync(path.join(dir, path.dirname(a.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, a.file), a.text);
    }
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x00, 0x00]));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same index as without a cache, and the second run reads nothing', async () => {
    const fresh = await index(dir);
    const first = await index(dir, '--cache', cache);
    assert.deepStrictEqual(first.json, fresh.json);
    assert.match(first.err.join('\n'), /32 files, 0 unchanged since the cache, 32 read/);
    const second = await index(dir, '--cache', cache);
    assert.deepStrictEqual(second.json, fresh.json);
    assert.match(second.err.join('\n'), /32 files, 32 unchanged since the cache, 0 read/);
  });

  it('reads only the changed and added files, drops the deleted one, and equals a fresh index', async () => {
    await index(dir, '--cache', cache);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'image.txt').sort();
    fs.appendFileSync(path.join(dir, files[0]!), '\n\nSergey Lavrov met Jacinda Ardern in Wellington, New Zealand.\n');
    fs.rmSync(path.join(dir, files[1]!));
    fs.writeFileSync(path.join(dir, 'added.txt'), generateArticle(999, 2).text);
    const cached = await index(dir, '--cache', cache);
    assert.match(cached.err.join('\n'), /32 files, 30 unchanged since the cache, 2 read/);
    assert.deepStrictEqual(cached.json, (await index(dir)).json);
  });

  it('web pages and PDFs (with their author and format) come back from the cache as a fresh read gives them', async () => {
    fs.cpSync(path.join(ROOT, 'test/fixtures/html'), path.join(dir, 'web'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'release.pdf'), await pressReleasePdf());
    const fresh = await index(dir);
    const records = (fresh.json as { articles: { file: string; author: string | null }[] }).articles;
    assert.ok(records.some((a) => a.file === 'release.pdf'), 'the PDF is indexed');
    assert.ok(records.some((a) => a.file.startsWith('web/') && a.author), 'a web page has its author');
    assert.ok(!records.some((a) => a.file.includes('_files/')), "a saved page's folder is not read");
    const first = await index(dir, '--cache', cache);
    assert.deepStrictEqual(first.json, fresh.json);
    const second = await index(dir, '--cache', cache);
    assert.match(second.err.join('\n'), / 0 read/);
    assert.deepStrictEqual(second.json, fresh.json);
  });

  it('with workers (which read the files themselves), the same index and the same warnings as without', async () => {
    fs.cpSync(path.join(ROOT, 'test/fixtures/html'), path.join(dir, 'web'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'release.pdf'), await pressReleasePdf());
    // Files the reads must warn about, in the workers as on the main thread: too large (sparse), binary,
    // empty, a broken symbolic link.
    fs.writeFileSync(path.join(dir, 'huge.txt'), '');
    fs.truncateSync(path.join(dir, 'huge.txt'), 11 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0xff, 0xfe, 0, 1]));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.symlinkSync(path.join(dir, 'no-such-target.md'), path.join(dir, 'broken.md'));
    for (let i = 25; i < 520; i++) {
      const a = generateArticle(i, 2);
      fs.mkdirSync(path.join(dir, path.dirname(a.file)), { recursive: true });
      fs.writeFileSync(path.join(dir, a.file), a.text);
    }
    // The built CLI: its workers are the bundled dist/extractWorker.js beside it.
    if (!fs.existsSync(path.join(ROOT, 'dist/extractWorker.js'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
    const cli = (...argv: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'index', dir, '--json', ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const plain = cli('--workers', '0');
    const pooled = cli('--workers', '2', '--cache', cache);
    assert.strictEqual(pooled.status, 0, pooled.stderr);
    assert.match(pooled.stderr, /extracted by 2 workers/);
    assert.deepStrictEqual(JSON.parse(pooled.stdout), JSON.parse(plain.stdout));
    const warned = (JSON.parse(pooled.stdout) as { warnings: { file: string }[] }).warnings.map((w) => w.file);
    for (const file of ['huge.txt', 'binary.txt', 'empty.md', 'broken.md']) assert.ok(warned.includes(file), `${file}: ${warned.join(', ')}`);
    assert.deepStrictEqual(JSON.parse(plain.stdout), (await index(dir)).json, 'the bundle indexes as the sources do');
  });

  it('a truncated cache is discarded with a message, and the index is still right', async () => {
    await index(dir, '--cache', cache);
    const file = path.join(cache, CACHE_FILE);
    fs.truncateSync(file, fs.statSync(file).size >> 1);
    const cached = await index(dir, '--cache', cache);
    assert.match(cached.err.join('\n'), /Cache discarded, indexing from the files: the file is truncated/);
    assert.deepStrictEqual(cached.json, (await index(dir)).json);
    assert.match((await index(dir, '--cache', cache)).err.join('\n'), /32 unchanged/, 'and rebuilt');
  });
});

describe('extraction workers', function () {
  this.timeout(60_000);
  const script = path.join(ROOT, 'dist/extractWorker.js');
  before(() => {
    if (!fs.existsSync(script)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  });

  it('extract exactly what the calling thread would, in order', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `/a/${i}.txt`, bytes: new TextEncoder().encode(generateArticle(i, 9).text) }));
    files.push({ path: '/a/binary.txt', bytes: new Uint8Array([0x89, 0x00]) }, { path: '/a/empty.txt', bytes: new Uint8Array(0) },
      { path: '/a/page.html', bytes: new TextEncoder().encode('<html><head><title>Talks in Caracas</title><meta name="author" content="Ana Ruiz"></head><body><article><h1>Talks in Caracas</h1><p>Nicolás Maduro met envoys from Brazil in Caracas on Monday, officials said.</p></article></body></html>') });
    const pool = new ExtractPool(script, 2, (m) => assert.fail(m));
    try {
      assert.strictEqual(pool.size, 2);
      assert.deepStrictEqual(await pool.extract(files, DEFAULT_LIMITS), files.map((f) => extractArticleSync(f.path, f.bytes)));
      // Asked for, the workers give each body's search terms; a search index fed them (through the
      // corpus) holds exactly what it holds when it tokenises the bodies itself.
      const withTerms = await pool.extract(files, DEFAULT_LIMITS, { bodyTerms: true });
      // Counted: each distinct term once, in first-seen order, with how often it occurs.
      assert.deepStrictEqual(withTerms.map((e) => (e.article ? [e.bodyTerms, [...e.bodyCounts!]] : 'none')), files.map((f) => {
        const e = extractArticleSync(f.path, f.bytes);
        if (!e.article) return 'none';
        const terms = bodyTerms(e.article.body);
        const distinct = [...new Set(terms)];
        return [distinct.join(' '), distinct.map((t) => terms.filter((u) => u === t).length)];
      }));
      const fed = new Corpus(), plain = new Corpus();
      const fedSearch = new SearchIndex(fed), plainSearch = new SearchIndex(plain);
      fedSearch.build();
      plainSearch.build();
      files.forEach((f, i) => {
        fed.upsertExtracted(f.path, f.path, withTerms[i]!);
        plain.upsertExtracted(f.path, f.path, extractArticleSync(f.path, f.bytes));
      });
      assert.deepStrictEqual(fedSearch.serialize(), plainSearch.serialize());
      // Removing documents added from counted terms takes their postings out as from tokenised ones.
      for (const f of files.filter((_, i) => i % 3 === 0)) {
        fed.remove(f.path);
        plain.remove(f.path);
      }
      assert.deepStrictEqual(fedSearch.serialize(), plainSearch.serialize());
    } finally {
      pool.dispose();
    }
  });

  it('read a file given by its path as the caller would, and say why one gave no bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pool-'));
    try {
      const article = path.join(dir, 'a.txt');
      const text = generateArticle(3, 9).text;
      fs.writeFileSync(article, text);
      const limits = { ...DEFAULT_LIMITS, text: Buffer.byteLength(text) + 100 };
      fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(limits.text * 2));
      fs.mkdirSync(path.join(dir, 'folder.txt'));
      const at = (name: string) => ({ path: `/lib/${name}`, fsPath: path.join(dir, name) });
      const files = [at('a.txt'), at('big.txt'), at('gone.txt'), at('folder.txt')];
      const expected = [
        extractArticleSync('/lib/a.txt', new TextEncoder().encode(text), limits),
        { article: null, warning: null, readProblem: { skipped: tooLargeMessage(limits.text * 2, limits.text) } },
        { article: null, warning: null, readProblem: { missing: true } },
        { article: null, warning: null, readProblem: { skipped: 'skipped: it is a folder' } },
      ];
      const pool = new ExtractPool(script, 2, (m) => assert.fail(m));
      try {
        const inWorkers = await pool.extract(files, limits);
        assert.deepStrictEqual(inWorkers, expected);
      } finally {
        pool.dispose();
      }
      // A pool without workers reads them on the calling thread, the same way.
      const none = new ExtractPool(script, 0);
      assert.deepStrictEqual(await none.extract(files, limits), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a pool whose workers cannot run says so once and extracts on the calling thread', async () => {
    const problems: string[] = [];
    const pool = new ExtractPool(path.join(ROOT, 'no-such-worker.js'), 2, (m) => problems.push(m));
    const files = [{ path: '/a/1.txt', bytes: new TextEncoder().encode(generateArticle(1, 1).text) }];
    assert.deepStrictEqual(await pool.extract(files, DEFAULT_LIMITS), files.map((f) => extractArticleSync(f.path, f.bytes)));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepStrictEqual(await pool.extract(files, DEFAULT_LIMITS), files.map((f) => extractArticleSync(f.path, f.bytes)));
    assert.strictEqual(problems.length, 1, problems.join('\n'));
    pool.dispose();
  });
});
