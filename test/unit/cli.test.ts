import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function dossier(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built CLI', function () {
  before(function () {
    this.timeout(60000);
    // npm test builds first; a lone `mocha` run builds here so the test still runs the real bundle.
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  });

  it('index --json prints the documented shape for the seeds', () => {
    const { code, stdout } = dossier('index', 'seeds', '--json');
    assert.strictEqual(code, 0);
    const json = JSON.parse(stdout);
    assert.strictEqual(json.version, 1);
    assert.deepStrictEqual(Object.keys(json), ['version', 'articles', 'countries', 'persons', 'warnings']);
    assert.deepStrictEqual(json.articles.map((a: { file: string; key: string }) => [a.file, a.key]), [
      ['000_18070a8378820b8d.txt', 'rhc-russia-cuba-strengthen'],
      ['001_52170efe32851a00.txt', 'rhc-russia-reiterates-rejection'],
      ['002_409861e92e21fbe1.txt', 'tass2025-cuba-russia-reliable'],
      ['003_2dc698643bc4e8cd.txt', 'dpa-cuban-foreign-minister'],
      ['004_2a2c51b8f2fd3f7c.txt', 'venezuelanmfa-russian-foreign-minister'],
    ]);
    assert.deepStrictEqual(Object.keys(json.articles[0]),
      ['key', 'file', 'title', 'label', 'date', 'outlet', 'url', 'author', 'excerpt', 'words', 'countries', 'persons']);
    assert.deepStrictEqual(json.warnings, []);
  });

  it('keys are the same on every run', () => {
    const keys = () => JSON.parse(dossier('index', 'seeds', '--json').stdout).articles.map((a: { key: string }) => a.key);
    assert.deepStrictEqual(keys(), keys());
  });

  it('prints a human summary', () => {
    const { code, stdout } = dossier('index', 'seeds');
    assert.strictEqual(code, 0);
    assert.match(stdout, /^5 articles indexed/);
    assert.match(stdout, /@tass2025-cuba-russia-reliable {2}Cuba is Russia’s reliable ally/);
  });

  it('warns about bad files and goes on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-'));
    try {
      fs.copyFileSync(path.join(ROOT, 'seeds/003_2dc698643bc4e8cd.txt'), path.join(dir, 'good.txt'));
      fs.writeFileSync(path.join(dir, 'empty.md'), '');
      fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x00, 0x00]));
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.writeFileSync(path.join(dir, 'node_modules', 'skip.txt'), 'Skipped title\n\nText.');
      fs.mkdirSync(path.join(dir, '.hidden'));
      fs.writeFileSync(path.join(dir, '.hidden', 'skip.txt'), 'Skipped title\n\nText.');
      const { code, stdout } = dossier('index', dir, '--json');
      assert.strictEqual(code, 0);
      const json = JSON.parse(stdout);
      assert.deepStrictEqual(json.articles.map((a: { file: string }) => a.file), ['good.txt']);
      assert.deepStrictEqual(json.warnings, [
        { file: 'empty.md', message: 'skipped: the file is empty' },
        { file: 'image.txt', message: 'skipped: binary file (it contains NUL bytes)' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message on usage errors', () => {
    assert.deepStrictEqual([dossier('index', 'no-such-folder').code, dossier('index', 'no-such-folder').stderr.trim()],
      [2, 'dossier index: no such folder: no-such-folder (try dossier --help)']);
    assert.strictEqual(dossier('frobnicate').code, 2);
    assert.strictEqual(dossier('index').code, 2);
    assert.strictEqual(dossier('index', 'seeds', '--bogus').code, 2);
  });

  it('--help and --version', () => {
    assert.match(dossier('--help').stdout, /dossier index <folder>\.\.\. \[--json\]/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(dossier('--version').stdout.trim(), pkg.version);
  });
});
