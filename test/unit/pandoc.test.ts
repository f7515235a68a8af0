// A real Pandoc reads what Dossier writes: the CSL-JSON and the BibTeX exported by the built CLI
// (`dossier bib`) resolve every citation of a note citing each seed (test/fixtures/notes/cite-all.md)
// under `pandoc --citeproc`, and `dossier check` fails a note with an unknown key. `npm test`
// installs Debian's pandoc when run as root; without pandoc this suite fails, saying what to
// install, unless the user opted out with DOSSIER_SKIP_SUITES=pandoc (then it says it skipped).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { requirePandoc } from './pandoc-available';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const NOTE = 'test/fixtures/notes/cite-all.md';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('a real Pandoc with the exported bibliography', function () {
  this.timeout(120_000);
  const corpus = loadCorpus([path.join(ROOT, 'seeds')]);
  let dir = '';

  before(function () {
    console.log(`      (${requirePandoc(this)})`);
    // The built CLI is what users run; build it if this run has not.
    if (!fs.existsSync(CLI)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' }).status, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pandoc-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Renders the note with a bibliography file; returns stdout (spaces collapsed) and stderr. */
  function render(bibliography: string, note = NOTE): { text: string; stderr: string } {
    const run = spawnSync('pandoc', ['--citeproc', '--bibliography', bibliography, '-t', 'plain', '--wrap=none', note], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    return { text: run.stdout.replace(/\s+/g, ' '), stderr: run.stderr };
  }

  function assertResolved(file: string) {
    const { text, stderr } = render(file);
    assert.doesNotMatch(stderr, /not found/i, stderr);
    // citeproc prints an unresolved citation as `key?`; a key left as `@key` was not read as a citation.
    for (const key of corpus.keys()) assert.ok(!text.includes(`${key}?`) && !text.includes(`@${key}`), `${key} unresolved in:\n${text}`);
    // The default style (Chicago author-date) title-cases CSL titles: compare without case.
    const references = text.slice(text.indexOf('References')).toLowerCase();
    for (const a of corpus.articles()) {
      assert.ok(references.includes((a.title ?? a.label).replace(/…$/, '').toLowerCase()), `${a.key} in:\n${text}`);
    }
    return text;
  }

  it('the note cites every seed', () => {
    const note = fs.readFileSync(path.join(ROOT, NOTE), 'utf8');
    for (const key of corpus.keys()) assert.ok(note.includes(`@${key}`), key);
  });

  it('CSL-JSON (dossier bib --format csl-json): every citation resolves, every title is in the references', () => {
    const bib = cli('bib', 'seeds', '--format', 'csl-json');
    assert.strictEqual(bib.status, 0, bib.stderr);
    const file = path.join(dir, 'refs.json');
    fs.writeFileSync(file, bib.stdout);
    const text = assertResolved(file);
    // Dates as the articles give them: in full, or month and day without a year (CSL literal).
    assert.match(text, /TASS 2025/);
    assert.match(text, /May 7, 2025/);
    assert.match(text, /Radio Habana Cuba February 19/);
    assert.match(text, /Venezuelan MFA \(n\.d\.\)/);
  });

  it('BibTeX (dossier bib --format bibtex): every citation resolves; Pandoc reads the entries as newspaper articles', () => {
    const bib = cli('bib', 'seeds', '--format', 'bibtex');
    assert.strictEqual(bib.status, 0, bib.stderr);
    const file = path.join(dir, 'refs.bib');
    fs.writeFileSync(file, bib.stdout);
    assertResolved(file);
    // Pandoc's own reading of our BibTeX matches our CSL-JSON (the year-less dates aside: BibTeX has no literal date).
    const read = spawnSync('pandoc', ['-f', 'biblatex', '-t', 'csljson', file], { encoding: 'utf8' });
    assert.strictEqual(read.status, 0, read.stderr);
    const theirs = (JSON.parse(read.stdout) as Record<string, unknown>[]).map(({ note: _note, ...item }) => item);
    const ours = (JSON.parse(cli('bib', 'seeds').stdout) as Record<string, unknown>[]).map((item) => {
      const copy = { ...item };
      if ((copy.issued as { literal?: string } | undefined)?.literal) delete copy.issued;
      return copy;
    });
    const sorted = (items: Record<string, unknown>[]) => items.map((i) => JSON.stringify(Object.fromEntries(Object.entries(i).sort()))).sort();
    assert.deepStrictEqual(sorted(theirs), sorted(ours));
  });

  it('bib --cited-in: only the articles a note cites, and Pandoc resolves them', () => {
    const note = path.join(dir, 'two.md');
    fs.writeFileSync(note, 'Two sources [@dpa-cuban-foreign-minister; @tass2025-cuba-russia-reliable].\n\n# References\n');
    const bib = cli('bib', 'seeds', '--cited-in', note);
    assert.strictEqual(bib.status, 0, bib.stderr);
    assert.deepStrictEqual((JSON.parse(bib.stdout) as { id: string }[]).map((i) => i.id), ['dpa-cuban-foreign-minister', 'tass2025-cuba-russia-reliable']);
    const file = path.join(dir, 'two.json');
    fs.writeFileSync(file, bib.stdout);
    const { stderr } = render(file, note);
    assert.doesNotMatch(stderr, /not found/i, stderr);
  });

  it('an unknown key: Pandoc warns, and dossier check exits 1 with file:line:col', () => {
    const { stderr } = render(path.join(dir, 'refs.json'), 'test/fixtures/notes/unknown-key.md');
    assert.match(stderr, /tass2025-cuba-russia-reliabel not found/);
    const bad = cli('check', 'seeds', 'test/fixtures/notes/unknown-key.md');
    assert.strictEqual(bad.status, 1);
    assert.strictEqual(bad.stdout, 'test/fixtures/notes/unknown-key.md:1:37: unknown citation key @tass2025-cuba-russia-reliabel (did you mean @tass2025-cuba-russia-reliable?)\n');
  });

  it('dossier check exits 0 on notes whose keys all resolve (files and folders)', () => {
    const good = cli('check', 'seeds', NOTE, 'test/fixtures/workspace/notes');
    assert.strictEqual(good.status, 0, good.stdout + good.stderr);
    assert.strictEqual(good.stdout, '');
  });
});
