// The CLI over a hostile folder (test/fixtures/hostileCorpus.ts, generated here): every valid article
// is indexed, each bad file or folder is warned about once with its reason — on stderr and in
// `--json`'s `warnings` — and nothing hangs (a FIFO, /dev/zero, a 3 GB sparse file, a link loop).
// Measured: about 3 s for the whole folder on this project's machines (1,000 random files, 1 MB of
// pathological text); mocha's timeout is the bound.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { loadCorpus, readArticleFile } from '../../src/cli/files';
import { makeHostileCorpus, removeHostileCorpus, type HostileCorpus } from '../fixtures/hostileCorpus';

describe('CLI over a hostile corpus', function () {
  this.timeout(120000);
  let corpus: HostileCorpus;

  before(function () {
    if (process.platform === 'win32') this.skip();
    corpus = makeHostileCorpus(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-hostile-')), { full: true });
  });
  after(() => corpus && removeHostileCorpus(corpus.root));

  it('indexes every valid article and warns once, with its reason, for each bad file or folder', () => {
    const indexed = loadCorpus([corpus.root]);
    const files = new Set(indexed.articles().map((a) => a.file));
    const missing = corpus.valid.filter((f) => !files.has(f));
    assert.deepStrictEqual(missing, [], 'valid articles not indexed');
    for (const f of corpus.silent) assert.ok(!files.has(f), `${f} is a second path to an indexed file`);
    const warnings = indexed.warnings();
    const byFile = new Map<string, string[]>();
    for (const w of warnings) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w.message]);
    for (const [file, reason] of corpus.warned) {
      const messages = byFile.get(file) ?? [];
      assert.strictEqual(messages.length, 1, `one warning for ${file}, got ${JSON.stringify(messages)}; all: ${[...byFile.keys()].join(', ')}`);
      assert.match(messages[0]!, reason, file);
    }
    const unexpected = [...byFile.keys()].filter((f) => !corpus.warned.has(f));
    assert.deepStrictEqual(unexpected, [], 'warnings nobody expected');
    assert.strictEqual(files.size, corpus.valid.length, 'nothing but the valid articles is indexed');
  });

  it('dossier index --json prints the warnings on stderr too, and human output none on stdout', async () => {
    const out: string[] = [], err: string[] = [];
    assert.strictEqual(await main(['index', corpus.root, '--json'], (t) => out.push(t), (t) => err.push(t)), 0);
    const json = JSON.parse(out.join('\n')) as { warnings: { file: string; message: string }[] };
    assert.strictEqual(json.warnings.length, corpus.warned.size);
    assert.strictEqual(err.length, corpus.warned.size);
    for (const w of json.warnings) assert.ok(err.some((line) => line.includes(w.message)), w.file);
    const human: string[] = [], humanErr: string[] = [];
    await main(['index', corpus.root], (t) => human.push(t), (t) => humanErr.push(t));
    assert.ok(!human.some((line) => line.startsWith('warning:')), 'no warnings on stdout');
    assert.strictEqual(humanErr.length, corpus.warned.size);
  });

  it('terminal output carries no escape sequences or bidi controls from titles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-escapes-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.txt'), 'Title \u001b]0;pwned\u0007 \u001b[2J \u202eevil\u202c\n\nHAVANA (RHC) -- Text.\n');
      const out: string[] = [];
      await main(['index', dir], (t) => out.push(t), () => {});
      await main(['search', dir, 'title'], (t) => out.push(t), () => {});
      assert.ok(out.join('\n').includes('Title'), out.join('\n'));
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out.join('\n')), JSON.stringify(out));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file deleted between listing and reading is one clear warning', () => {
    const gone = path.join(corpus.root, 'deleted-meanwhile.md');
    const result = readArticleFile(gone, 5 * 1024 * 1024);
    assert.ok('warning' in result && /no longer exists/.test(result.warning), JSON.stringify(result));
  });
});
