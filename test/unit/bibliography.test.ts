import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { escapeBibtex, toBibtex, toCslItem } from '../../src/core/citations';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

describe('bibliography formats', () => {
  const corpus = loadCorpus([path.join(ROOT, 'seeds')]);
  const record = (key: string) => corpus.record(corpus.get(key)!);

  it('CSL-JSON for a dated article', () => {
    assert.deepStrictEqual(toCslItem(record('tass2025-cuba-russia-reliable')), {
      id: 'tass2025-cuba-russia-reliable', type: 'article-newspaper',
      title: 'Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…',
      'container-title': 'TASS', issued: { 'date-parts': [[2025, 5, 7]] },
    });
  });
  it('CSL-JSON keeps a month and day without a year as a literal, and the URL', () => {
    assert.deepStrictEqual(toCslItem(record('rhc-russia-cuba-strengthen')), {
      id: 'rhc-russia-cuba-strengthen', type: 'article-newspaper',
      title: 'Russia and Cuba to strengthen strategic ties with Lavrov visit', 'container-title': 'Radio Habana Cuba',
      issued: { literal: 'February 19' },
      URL: 'https://www.radiohc.cu/en/noticias/nacionales/347578-russia-and-cuba-to-strengthen-strategic-ties-with-lavrov-visit',
    });
    assert.strictEqual(toCslItem(record('dpa-cuban-foreign-minister')).issued, undefined);
    assert.deepStrictEqual(toCslItem({ key: 'k', title: 't', label: 't', date: '2023-11', outlet: null, url: null }).issued, { 'date-parts': [[2023, 11]] });
  });
  it('BibTeX, escaped', () => {
    assert.strictEqual(toBibtex([record('tass2025-cuba-russia-reliable')]),
      '@article{tass2025-cuba-russia-reliable,\n  title = {{Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…}},\n'
      + '  journal = {TASS},\n  year = {2025},\n  month = may,\n  date = {2025-05-07}\n}\n');
    assert.strictEqual(escapeBibtex('AT&T 50% $5 #1 a_b {x} ~ ^ \\'), 'AT\\&T 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
});

describe('a real Pandoc renders a note with the exported bibliography', function () {
  this.timeout(60000);
  const corpus = loadCorpus([path.join(ROOT, 'seeds')]);
  const pandoc = spawnSync('pandoc', ['--version']);
  before(function () {
    if (pandoc.status !== 0) {
      if (process.env.CI) throw new Error('pandoc is not installed (CI installs Debian\'s pandoc in .ci/run)');
      this.skip();
    }
    if (!fs.existsSync(CLI)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  });

  it('every citation of cite-all.md resolves and every title is in the references', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pandoc-'));
    try {
      const bib = spawnSync(process.execPath, [CLI, 'bib', 'seeds', '--format', 'csl-json'], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(bib.status, 0, bib.stderr);
      fs.writeFileSync(path.join(dir, 'refs.json'), bib.stdout);
      const render = spawnSync('pandoc', ['--citeproc', '--bibliography', path.join(dir, 'refs.json'), '-t', 'plain', '--wrap=none',
        path.join(ROOT, 'test/fixtures/notes/cite-all.md')], { encoding: 'utf8' });
      assert.strictEqual(render.status, 0, render.stderr);
      assert.doesNotMatch(render.stderr, /not found/i, render.stderr);
      // The default (Chicago) style title-cases titles: compare without case.
      const rendered = render.stdout.toLowerCase().replace(/\s+/g, ' ');
      for (const a of corpus.articles()) {
        assert.ok(rendered.includes((a.title ?? a.label).replace(/…$/, '').toLowerCase()), `${a.key} in:\n${render.stdout}`);
      }
      assert.ok(!render.stdout.includes('@'), render.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dossier check: exit 1 on a note with an unknown key, 0 without', () => {
    const bad = spawnSync(process.execPath, [CLI, 'check', 'seeds', 'test/fixtures/notes/unknown-key.md'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(bad.status, 1);
    assert.strictEqual(bad.stdout, 'test/fixtures/notes/unknown-key.md:1:38: unknown citation key @tass2025-cuba-russia-reliabel (did you mean @tass2025-cuba-russia-reliable?)\n');
    const good = spawnSync(process.execPath, [CLI, 'check', 'seeds', 'test/fixtures/notes/cite-all.md', 'test/fixtures/workspace/notes'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(good.status, 0, good.stdout);
  });
});
