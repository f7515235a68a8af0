import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Corpus } from '../../src/core/library/corpus';
import {
  CACHE_FILE, CacheError, decodeCache, decodeCachePrefix, decodeCachePrefixInSlices, diffStamps, restoreSnapshotInSlices, encodeCache, encodeCacheInSteps, readCache, restoreSnapshot, takeSnapshot, writeCache,
  readCacheHeader, type CacheStorage, type FileStamp,
} from '../../src/core/library/cache';
import { SearchIndex } from '../../src/core/search';
import { folderCacheStorage } from '../../src/node/cacheStorage';
import { generateArticle } from '../../bench/generate';

const SEEDS = path.join(__dirname, '../../seeds');

/** A library in memory: location → text, with stamps that change when a text does. */
function library(count: number): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(SEEDS).sort()) files.set(`/w/seeds/${f}`, fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  for (let i = 0; i < count; i++) {
    const a = generateArticle(i, 7);
    files.set(`/w/gen/${a.file}`, a.text);
  }
  files.set('/w/gen/empty.txt', '   \n');
  return files;
}

const stampOf = (text: string): FileStamp => ({ mtime: 1_700_000_000_000 + text.length, size: Buffer.byteLength(text) });

function index(files: Map<string, string>): { corpus: Corpus; search: SearchIndex; stamps: Map<string, FileStamp> } {
  const { corpus, search } = emptyIndex();
  const stamps = new Map<string, FileStamp>();
  corpus.batch(() => {
    for (const [location, text] of files) {
      corpus.upsert(location, location.slice(3), text);
      stamps.set(location, stampOf(text));
    }
  });
  return { corpus, search, stamps };
}

/** An empty corpus with its (built, empty) search index, as a window's index starts. */
function emptyIndex(): { corpus: Corpus; search: SearchIndex } {
  const corpus = new Corpus();
  const search = new SearchIndex(corpus);
  search.build();
  return { corpus, search };
}

function restored(bytes: Uint8Array): { corpus: Corpus; search: SearchIndex; stamps: Map<string, FileStamp> } {
  const { corpus, search } = emptyIndex();
  const stamps = restoreSnapshot(decodeCache(bytes), corpus, search);
  return { corpus, search, stamps };
}

/** Everything a user sees of a corpus: records, warnings, persons, countries and some searches. */
function observable(corpus: Corpus, search: SearchIndex) {
  const records = [...corpus.articles()].map((a) => ({ ...corpus.record(a), body: a.body, location: a.location }));
  const queries = ['lavrov', 'serguei lavrov', 'havana cuba', 'venezula', 'person:lavrov sanctions', 'year:2024', 'tass', 'ryabk'];
  return {
    records,
    warnings: corpus.warnings(),
    persons: corpus.persons(),
    countries: corpus.countries(),
    search: queries.map((q) => search.search(q, { limit: 20 })),
  };
}

describe('cache: snapshot and restore', () => {
  it('round trip: the restored corpus and search index answer exactly as the indexed ones', () => {
    const files = library(120);
    const original = index(files);
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const copy = restored(bytes);
    assert.strictEqual(copy.corpus.size, original.corpus.size);
    assert.ok(copy.corpus.warnings().some((w) => w.file === 'gen/empty.txt'), 'the skipped file keeps its warning');
    assert.deepStrictEqual(observable(copy.corpus, copy.search), observable(original.corpus, original.search));
    assert.deepStrictEqual([...copy.stamps], [...original.stamps]);
  });

  it('keeps what the readers of other formats give: a web page with its author, its format, and a snapshot of other limits', () => {
    const files = new Map([['/w/web/page.html', '<html><head><title>Talks in Caracas</title><meta name="author" content="Ana Ruiz"></head><body><article><h1>Talks in Caracas</h1><p>Nicolás Maduro met envoys from Brazil in Caracas on Monday, officials said.</p></article></body></html>'],
      ['/w/notes/a.md', '---\ntitle: Lavrov in Havana\nauthor: Jane Doe\n---\nSergey Lavrov arrived in Havana, Cuba.\n']]);
    const { corpus, search, stamps } = index(files);
    const page = corpus.byLocation('/w/web/page.html')!;
    assert.strictEqual(page.format, 'html');
    assert.strictEqual(page.author, 'Ana Ruiz');
    const back = restored(encodeCache(takeSnapshot(corpus, search, stamps)));
    assert.deepStrictEqual(back.corpus.byLocation('/w/web/page.html'), page);
    assert.deepStrictEqual(back.corpus.byLocation('/w/notes/a.md'), corpus.byLocation('/w/notes/a.md'));
    assert.strictEqual(back.corpus.byLocation('/w/notes/a.md')!.author, 'Jane Doe');
    corpus.limits = { ...corpus.limits, pdf: 1024 };
    assert.deepStrictEqual(decodeCache(encodeCache(takeSnapshot(corpus, search, stamps))).limits, corpus.limits);
  });

  it('restoring fires one change event with every key, and does not re-index the restored articles', () => {
    const original = index(library(50));
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const { corpus, search } = emptyIndex();
    const events: number[] = [];
    corpus.onDidChange((c) => events.push(c.added.length));
    restoreSnapshot(decodeCache(bytes), corpus, search);
    assert.deepStrictEqual(events, [original.corpus.size]);
    assert.strictEqual(search.size, original.corpus.size);
  });

  it('restoring in slices gives what restoring at once gives, one change event a slice, pausing between them, the articles not indexed anew', async () => {
    const original = index(library(40));
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const { corpus, search } = emptyIndex();
    const events: number[] = [];
    corpus.onDidChange((c) => events.push(c.added.length));
    let pauses = 0;
    // A slice of 0 ms: one article a slice.
    const stamps = await restoreSnapshotInSlices(decodeCache(bytes), corpus, search, async () => { pauses++; }, 0);
    assert.strictEqual(events.length, original.corpus.size);
    assert.ok(events.every((n) => n === 1));
    assert.strictEqual(pauses, original.corpus.size - 1);
    assert.ok(search.restorePending, 'the search index waits for its first use, not indexing each slice');
    const once = restored(bytes);
    assert.deepStrictEqual(observable(corpus, search), observable(once.corpus, once.search));
    assert.deepStrictEqual([...stamps], [...once.stamps]);
    assert.ok(corpus.warnings().some((w) => w.file === 'gen/empty.txt'), 'warnings restored with the last slice');
  });

  it('a changed, an added and a deleted file: only those are read again, and the result equals a fresh index', () => {
    const files = library(100);
    const original = index(files);
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));

    const next = new Map(files);
    const changed = [...files.keys()][10]!;
    const deleted = [...files.keys()][20]!;
    next.set(changed, files.get(changed)!.replace(/\./, '. Sergey Lavrov spoke in Havana about the blockade.'));
    next.delete(deleted);
    next.set('/w/gen/new-article.txt', generateArticle(9999, 3).text);
    const listed = new Map([...next].map(([location, text]) => [location, stampOf(text)]));

    const copy = restored(bytes);
    const diff = diffStamps(copy.stamps, listed);
    assert.deepStrictEqual(diff.toRead.sort(), [changed, '/w/gen/new-article.txt'].sort());
    assert.deepStrictEqual(diff.removed, [deleted]);
    assert.strictEqual(diff.unchanged, next.size - 2);
    copy.corpus.batch(() => {
      for (const location of diff.removed) copy.corpus.remove(location);
      for (const location of diff.toRead) copy.corpus.upsert(location, location.slice(3), next.get(location)!);
    });
    const fresh = index(next);
    assert.deepStrictEqual(observable(copy.corpus, copy.search), observable(fresh.corpus, fresh.search));
  });

  it('edits after the restored search index is in (its postings still views into the cache) search as a fresh index', () => {
    const files = library(100);
    const original = index(files);
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const copy = restored(bytes);
    copy.search.build(); // brought in: its posting lists are views into the cache's bytes
    const next = new Map(files);
    const keys = [...files.keys()];
    // Removed, changed and re-added files: postings leave restored lists (shrunk in place) and join them.
    for (const location of keys.filter((_, i) => i % 7 === 0)) next.delete(location);
    for (const location of keys.filter((_, i) => i % 5 === 1)) next.set(location, files.get(location)!.replace(/\./, '. Sergey Lavrov spoke in Havana.'));
    next.set('/w/gen/new-article.txt', generateArticle(9999, 3).text);
    for (let round = 0; round < 2; round++) {
      copy.corpus.batch(() => {
        for (const location of keys) {
          if (next.has(location)) continue;
          copy.corpus.remove(location);
          copy.corpus.forgetWarning(location);
        }
        for (const [location, text] of next) if (text !== files.get(location) || round) copy.corpus.upsert(location, location.slice(3), text);
      });
      const fresh = index(next);
      assert.deepStrictEqual(observable(copy.corpus, copy.search), observable(fresh.corpus, fresh.search));
    }
  });

  it('a file listed without a stamp (stat failed) is read again', () => {
    const diff = diffStamps(new Map([['/a', { mtime: 1, size: 2 }]]), new Map([['/a', null]]));
    assert.deepStrictEqual(diff.toRead, ['/a']);
  });

  it('a search index that does not fit its articles is not used: the corpus stays, the index is built from it, and that is logged', () => {
    const original = index(library(20));
    const snapshot = takeSnapshot(original.corpus, original.search, original.stamps);
    snapshot.search!.docs[1] = snapshot.search!.docs[0]!; // two articles on one document
    const { corpus, search } = emptyIndex();
    const logged: string[] = [];
    restoreSnapshot(decodeCache(encodeCache(snapshot)), corpus, search, (m) => logged.push(m));
    assert.strictEqual(corpus.size, original.corpus.size);
    assert.ok(search.restorePending, 'the search state waits for the first search');
    assert.deepStrictEqual(search.searchKeys('lavrov'), original.search.searchKeys('lavrov'));
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0]!, /does not match.*indexing the articles again/);
    // A key the corpus does not hold is an article gone since: its document is dropped, the rest used.
    const other = takeSnapshot(original.corpus, original.search, original.stamps);
    other.search!.keys[0] = 'no-such-key';
    const back = restored(encodeCache(other));
    assert.deepStrictEqual(observable(back.corpus, back.search), observable(original.corpus, original.search));
  });

  it('articles changed, added or deleted before the search index is first used are searched as they are then', () => {
    const files = library(60);
    const original = index(files);
    const snapshot = decodeCache(encodeCache(takeSnapshot(original.corpus, original.search, original.stamps)));
    const { corpus, search } = emptyIndex();
    restoreSnapshot(snapshot, corpus, search);
    assert.ok(search.restorePending);
    const [first, second] = [...files.keys()];
    corpus.upsert(first!, first!, 'Zenthorium accord\n\nMOSCOW, May 7. /TASS/. Maria Zakharova spoke of the Zenthorium accord in Peru.');
    corpus.remove(second!);
    corpus.upsert('/w/gen/added.txt', 'gen/added.txt', 'Quarvelle talks\n\nHAVANA (RHC) -- The Quarvelle talks opened in Havana.');
    const fresh = new SearchIndex(corpus);
    fresh.build();
    for (const q of ['zenthorium', 'quarvelle', 'lavrov', 'havana', 'person:zakharova', 'country:pe', 'outlet:tass', '']) {
      assert.deepStrictEqual(search.searchKeys(q, { limit: 500 }), fresh.searchKeys(q, { limit: 500 }), q);
    }
    assert.strictEqual(search.size, corpus.size);
    // And what it writes to the next cache restores the same.
    const again = restored(encodeCache(takeSnapshot(corpus, search, new Map([...original.stamps, ['/w/gen/added.txt', { mtime: 1, size: 1 }]]))));
    assert.deepStrictEqual(again.search.searchKeys('zenthorium'), fresh.searchKeys('zenthorium'));
  });

  it('the search index brought in slices: the same searches; articles changed, deleted or added between slices searched as they are then; a search finishes it at once', async () => {
    const files = library(2500);
    const original = index(files);
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const queries = ['zenthorium', 'quarvelle', 'lavrov', 'havana', 'person:zakharova', 'country:pe', 'outlet:tass', 'year:2024', ''];
    const keys = [...files.keys()];
    for (const searchAt of [-1, 3]) {
      const { corpus, search } = emptyIndex();
      // (A copy: the restored postings are views into the bytes, and edits change them in place.)
      restoreSnapshot(decodeCache(bytes.slice()), corpus, search);
      let pauses = 0;
      const pause = async () => {
        pauses++;
        // Between slices: the corpus changes (the index follows it only once it is in).
        if (pauses === 1) corpus.upsert(keys[0]!, keys[0]!, 'Zenthorium accord\n\nMOSCOW, May 7. /TASS/. Maria Zakharova spoke of the Zenthorium accord in Peru.');
        if (pauses === 2) corpus.remove(keys[1]!);
        if (pauses === 3) corpus.upsert('/w/gen/added.txt', 'gen/added.txt', 'Quarvelle talks\n\nHAVANA (RHC) -- The Quarvelle talks opened in Havana.');
        // A search between slices brings the rest in at once.
        if (pauses === searchAt) assert.ok(search.searchKeys('zenthorium').length > 0);
        if (pauses === 4) corpus.upsert(keys[2]!, keys[2]!, 'Quarvelle follow-up\n\nLIMA (AP) -- More Quarvelle talks.');
        // Once the term index is in, while the last steps compare (change events followed again).
        if (pauses === 5) {
          corpus.upsert(keys[3]!, keys[3]!, 'Quarvelle again\n\nQUITO (AP) -- The Quarvelle talks moved to Quito, Ecuador.');
          corpus.remove(keys[4]!);
          assert.ok(!search.built, 'not built until the last step');
        }
      };
      await search.buildInSlices(pause, 0);
      assert.ok(!search.restorePending && search.built);
      // 2,506 documents: a step per 1,000 documents described, registered, compared (and per 5,000 terms);
      // a search at the third pause leaves nothing to do after it.
      if (searchAt < 0) assert.ok(pauses >= 6, `${pauses} pauses`);
      else assert.strictEqual(pauses, searchAt);
      const fresh = new SearchIndex(corpus);
      fresh.build();
      for (const q of queries) assert.deepStrictEqual(search.searchKeys(q, { limit: 5000 }), fresh.searchKeys(q, { limit: 5000 }), `${q} (search at pause ${searchAt})`);
      assert.strictEqual(search.size, corpus.size);
    }
  });

  it('a rewrite copies the texts of restored articles as stored (a few reads of runs, nothing decoded), and they come back the same', () => {
    const files = library(80);
    const original = index(files);
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const { prefixBytes } = readCacheHeader(bytes);
    const reads: [number, number][] = [];
    const source = { read: (start: number, end: number) => { reads.push([start, end]); return bytes.slice(prefixBytes + start, prefixBytes + end); } };
    const { corpus, search } = emptyIndex();
    const stamps = restoreSnapshot(decodeCachePrefix(bytes.subarray(0, prefixBytes), bytes.byteLength, source), corpus, search);
    // One article changes, one goes: the rest keep their cached texts.
    const [changed, gone] = [...files.keys()].slice(6, 8);
    const text = 'Zenthorium accord\n\nMOSCOW, May 7. /TASS/. Maria Zakharova spoke of the Zenthorium accord in Peru.';
    corpus.upsert(changed!, changed!.slice(3), text);
    corpus.remove(gone!);
    stamps.set(changed!, stampOf(text));
    assert.strictEqual(reads.length, 0, 'nothing read before the rewrite');
    const rewritten = encodeCache(takeSnapshot(corpus, search, stamps));
    assert.ok(reads.length >= 1 && reads.length <= 3, `the texts read in runs (${reads.length} reads)`);
    const back = restored(rewritten);
    const expected = new Map(files);
    expected.set(changed!, text);
    expected.delete(gone!);
    const fresh = index(expected);
    assert.deepStrictEqual(observable(back.corpus, back.search), observable(fresh.corpus, fresh.search));
  });

  it('files without a stamp are left out, and then so is the search index (it could not be restored with them)', () => {
    const original = index(library(10));
    const stamps = new Map(original.stamps);
    stamps.delete([...stamps.keys()][0]!);
    const snapshot = takeSnapshot(original.corpus, original.search, stamps);
    assert.strictEqual(snapshot.files.length, original.stamps.size - 1);
    assert.strictEqual(snapshot.search, null);
    const copy = restored(encodeCache(snapshot));
    assert.strictEqual(copy.corpus.size, original.corpus.size - 1);
    assert.strictEqual(copy.search.search('lavrov').length > 0, true, 'the index is rebuilt from the restored articles');
  });
});

describe('cache: the file', () => {
  const small = () => {
    const original = index(library(30));
    return encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
  };

  it('encoding in steps gives the same bytes as in one go, pausing between sections', async () => {
    const original = index(library(30));
    const snapshot = takeSnapshot(original.corpus, original.search, original.stamps);
    let pauses = 0;
    const stepped = await encodeCacheInSteps(snapshot, async () => { pauses++; });
    assert.deepStrictEqual(stepped, encodeCache(snapshot));
    assert.ok(pauses >= 3, `${pauses} pauses`);
  });

  it('encoding in steps pauses within the large sections too (rows, texts, copies), with the same bytes', async () => {
    const original = index(library(1200));
    const snapshot = takeSnapshot(original.corpus, original.search, original.stamps);
    let pauses = 0;
    const stepped = await encodeCacheInSteps(snapshot, async () => { pauses++; });
    assert.deepStrictEqual(stepped, encodeCache(snapshot));
    const sections = new DataView(stepped.buffer, stepped.byteOffset).getUint32(12, true);
    // 1,206 rows: two steps within the rows, two within the texts, one a section copied, and the sections.
    assert.ok(pauses >= 2 * sections + 4, `${pauses} pauses for ${sections} sections`);
  });

  it('decoding in slices gives what decoding at once gives, pausing between steps, and refuses what decoding at once refuses', async () => {
    const original = index(library(1200));
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    const { prefixBytes } = readCacheHeader(bytes);
    const texts = { read: (start: number, end: number) => bytes.subarray(prefixBytes + start, prefixBytes + end) };
    let pauses = 0;
    // A slice of 0 ms: a pause after every step (a section of rows, a run of rows, of the checksum).
    const sliced = await decodeCachePrefixInSlices(bytes.subarray(0, prefixBytes), bytes.byteLength, texts, async () => { pauses++; }, 0);
    const once = decodeCache(bytes);
    assert.deepStrictEqual(sliced.files.map((f) => ({ ...f, body: f.article?.body })), once.files.map((f) => ({ ...f, body: f.article?.body })));
    assert.deepStrictEqual(sliced.search, once.search);
    // 1,206 rows: three sections of rows, two runs of 500 rows, then the rest and the search sections.
    assert.ok(pauses >= 6, `${pauses} pauses`);
    const corrupt = bytes.slice(0, prefixBytes);
    corrupt[prefixBytes - 9] = corrupt[prefixBytes - 9]! ^ 0xff;
    await assert.rejects(decodeCachePrefixInSlices(corrupt, bytes.byteLength, texts, async () => undefined, 0), (e: unknown) => e instanceof CacheError && /checksum/.test(e.message));
  });

  it('an old version is refused', () => {
    const bytes = small();
    new DataView(bytes.buffer).setUint32(8, 0, true);
    assert.throws(() => decodeCache(bytes), (e: unknown) => e instanceof CacheError && /another version/.test(e.message));
  });

  it('a truncated file is refused, at every length', () => {
    const bytes = small();
    for (const length of [0, 10, 24, 100, bytes.length >> 1, bytes.length - 1]) {
      assert.throws(() => decodeCache(bytes.slice(0, length)), CacheError, `length ${length}`);
    }
  });

  it('a corrupt file is refused: flipped bytes anywhere but in article texts, or not a cache at all', () => {
    const bytes = small();
    const original = decodeCache(bytes);
    const structure = (snapshot: ReturnType<typeof decodeCache>) => JSON.stringify({
      files: snapshot.files.map((f) => ({ ...f, article: f.article && { ...f.article, body: undefined, excerpt: undefined } })),
      search: snapshot.search && { ...snapshot.search, docs: [...snapshot.search.docs], terms: { ...snapshot.search.terms, counts: [...snapshot.search.terms.counts], postings: [...snapshot.search.terms.postings], lengths: [...snapshot.search.terms.lengths] } },
      limits: snapshot.limits,
    });
    const texts = (snapshot: ReturnType<typeof decodeCache>) => snapshot.files.flatMap((f) => (f.article ? [f.article.body, f.article.excerpt] : [])).join('\u0000');
    let refused = 0, inText = 0;
    for (let at = 24, step = Math.ceil(bytes.length / 80); at < bytes.length; at += step) {
      const copy = bytes.slice();
      copy[at] = copy[at]! ^ 0x5a;
      let decoded: ReturnType<typeof decodeCache>;
      try {
        decoded = decodeCache(copy);
      } catch (error) {
        assert.ok(error instanceof CacheError, `byte ${at}: ${String(error)}`);
        refused++;
        continue;
      }
      // Not covered by the checksum: the texts, decoded when shown. The flip changes one character there, nothing else.
      assert.strictEqual(structure(decoded), structure(original), `byte ${at}: only text may differ`);
      const [a, b] = [texts(decoded), texts(original)];
      let diff = 0;
      for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) diff++;
      assert.ok(diff >= 1 && diff <= 3 || a.length !== b.length, `byte ${at}: ${diff} characters differ`);
      inText++;
    }
    assert.ok(refused > 10 && inText > 10, `refused ${refused}, in text ${inText}`);
    // In the header's fields and in the last bytes before the texts (the search index): refused.
    for (const at of [30, readCacheHeader(bytes).prefixBytes - 3]) {
      const copy = bytes.slice();
      copy[at] = copy[at]! ^ 0x5a;
      assert.throws(() => decodeCache(copy), CacheError, `byte ${at}`);
    }
    assert.throws(() => decodeCache(new TextEncoder().encode('{"not": "a cache"} and some more bytes here')), /not a Dossier cache/);
  });

  it('reads a cache that does not start on a 4-byte boundary', () => {
    const bytes = small();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    assert.strictEqual(decodeCache(shifted.subarray(1)).files.length, decodeCache(bytes).files.length);
  });
});

describe('cache: storage', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cache-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a corrupt cache file is thrown away with one log line and deleted, never an error', async () => {
    fs.writeFileSync(path.join(dir, CACHE_FILE), 'DOSSIERC garbage');
    const log: string[] = [];
    assert.strictEqual(await readCache(folderCacheStorage(dir), (m) => log.push(m)), null);
    assert.strictEqual(log.length, 1);
    assert.match(log[0]!, /Cache discarded.*truncated/);
    assert.ok(!fs.existsSync(path.join(dir, CACHE_FILE)));
    assert.strictEqual(await readCache(folderCacheStorage(dir), (m) => log.push(m)), null, 'no cache: nothing to say');
    assert.strictEqual(log.length, 1);
  });

  it('read in slices: the same snapshot, a corrupt file thrown away with one log line, from an open file and from whole bytes', async () => {
    const original = index(library(60));
    const bytes = encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
    fs.writeFileSync(path.join(dir, CACHE_FILE), bytes);
    let pauses = 0;
    const slices = { pause: async () => { pauses++; }, sliceMs: 0 };
    const local = folderCacheStorage(dir);
    // Without random access (a remote or virtual workspace's storage): the whole file is read.
    const whole: CacheStorage = { read: local.read, write: local.write, rename: local.rename, delete: local.delete };
    for (const storage of [local, whole]) {
      pauses = 0;
      const snapshot = await readCache(storage, (m) => assert.fail(m), undefined, slices);
      assert.ok(snapshot && pauses > 0);
      assert.deepStrictEqual(snapshot.files.map((f) => f.article?.body), decodeCache(bytes).files.map((f) => f.article?.body));
    }
    const corrupt = bytes.slice();
    const at = readCacheHeader(bytes).prefixBytes - 9;
    corrupt[at] = corrupt[at]! ^ 0xff;
    fs.writeFileSync(path.join(dir, CACHE_FILE), corrupt);
    const log: string[] = [];
    assert.strictEqual(await readCache(local, (m) => log.push(m), undefined, slices), null);
    assert.deepStrictEqual(log.length, 1);
    assert.match(log[0]!, /Cache discarded.*checksum/);
    assert.ok(!fs.existsSync(path.join(dir, CACHE_FILE)));
  });

  it('two windows writing at once: the last complete write wins, and a reader never sees half a file', async () => {
    const a = index(library(150));
    const b = index(library(20));
    const bytesA = encodeCache(takeSnapshot(a.corpus, a.search, a.stamps));
    const bytesB = encodeCache(takeSnapshot(b.corpus, b.search, b.stamps));
    const storage = folderCacheStorage(dir);
    // A starts first but its write is slow: B renames first, A renames last and wins.
    const slowA: CacheStorage = { ...storage, write: async (name, bytes) => { await new Promise((r) => setTimeout(r, 30)); await storage.write(name, bytes); } };
    let writing = true;
    const seen = new Set<number>();
    const reader = (async () => {
      while (writing) {
        const snapshot = await readCache(storage, (m) => assert.fail(`a reader saw a bad cache: ${m}`));
        if (snapshot) seen.add(snapshot.files.length);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all([writeCache(slowA, bytesA), writeCache(storage, bytesB)]);
    // More overlapping rounds, both directions.
    for (let i = 0; i < 5; i++) await Promise.all([writeCache(storage, bytesA), writeCache(storage, bytesB)]);
    await writeCache(storage, bytesB);
    await Promise.all([writeCache(slowA, bytesA), writeCache(storage, bytesB)]);
    writing = false;
    await reader;
    const final = await readCache(storage, (m) => assert.fail(m));
    assert.strictEqual(final!.files.length, a.stamps.size, 'A renamed last');
    for (const n of seen) assert.ok(n === a.stamps.size || n === b.stamps.size);
    assert.deepStrictEqual(fs.readdirSync(dir), [CACHE_FILE], 'no temp file is left behind');
  });

  it('a failed write leaves the previous cache in place and no temp file', async () => {
    const bytes = small();
    const storage = folderCacheStorage(dir);
    await writeCache(storage, bytes);
    const failing: CacheStorage = { ...storage, rename: async () => { throw new Error('disk full'); } };
    await assert.rejects(writeCache(failing, new Uint8Array(8)), /disk full/);
    assert.deepStrictEqual(fs.readdirSync(dir), [CACHE_FILE]);
    assert.strictEqual((await readCache(storage, assert.fail))!.files.length, decodeCache(bytes).files.length);
  });

  it('from a local folder, reads the article texts from the open file only when shown, also after a write replaced it', async () => {
    const storage = folderCacheStorage(dir);
    const bytes = small();
    await writeCache(storage, bytes);
    const expected = decodeCache(bytes).files.map((f) => [f.article?.body, f.article?.excerpt]);
    const reads: number[] = [];
    const counting: CacheStorage = {
      ...storage,
      openForReading: async (name) => {
        const file = (await storage.openForReading!(name))!;
        return { ...file, readSync: (position, length) => { reads.push(length); return file.readSync(position, length); } };
      },
    };
    const snapshot = (await readCache(counting, assert.fail))!;
    assert.deepStrictEqual(reads, [], 'no text read to restore');
    // Another window writes a smaller cache over it: this one's texts stay readable.
    await writeCache(storage, encodeCache({ ...decodeCache(bytes), files: [] }));
    assert.deepStrictEqual(snapshot.files.map((f) => [f.article?.body, f.article?.excerpt]), expected);
    assert.strictEqual(reads.length, expected.filter(([body]) => body !== undefined).length * 2, 'one read a text');
    assert.ok(bytes.byteLength > reads.reduce((a, b) => a + b, 0) + 1000, 'the texts are most of the file, and only they were read lazily');
  });

  function small(): Uint8Array {
    const original = index(library(5));
    return encodeCache(takeSnapshot(original.corpus, original.search, original.stamps));
  }
});
