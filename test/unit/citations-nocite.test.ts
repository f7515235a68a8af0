// Pandoc's `nocite` metadata: the keys of a note's front matter that go into the bibliography
// uncited. Each case lists what Dossier finds, in order, with `*` for `@*`; ERROR marks YAML that
// Pandoc refuses (no keys then). Every case is also run through a real `pandoc -t json` (when
// installed), whose metadata must hold exactly the same citations; and `pandoc --citeproc` must put
// into a note's references exactly what `dossier bib --cited-in` exports for it.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { citationAt, scanNocite, scanNoteCitations } from '../../src/core/citations';
import { runBib } from '../../src/cli/bib';
import { runCheck } from '../../src/cli/check';
import { requirePandoc } from './pandoc-available';

const ROOT = path.join(__dirname, '../..');
const ERROR = 'YAML error';

/** What Dossier reads from a note's `nocite`: keys and `*`, in the order they are written. */
function found(text: string): string[] {
  const { citations, wildcards } = scanNocite(text);
  return [...citations.map((c) => ({ at: c.at, key: c.key })), ...wildcards.map((w) => ({ at: w.at, key: '*' }))]
    .sort((a, b) => a.at - b.at).map((c) => c.key);
}

/** The ids of a CSL-JSON bibliography printed line by line. */
const ids = (json: string[]) => (JSON.parse(json.join('\n')) as { id: string }[]).map((i) => i.id);

const note = (yaml: string) => `---\ntitle: Notes\n${yaml}\n---\n\nText.\n`;

const CASES: [string, string, string[] | typeof ERROR][] = [
  // Block scalars.
  ['literal block', note('nocite: |\n  @a, @b'), ['a', 'b']],
  ['folded block', note('nocite: >\n  @a\n  @c'), ['a', 'c']],
  ['block with chomping indicators', note('nocite: |-\n  @a\nother: >+\n  @x'), ['a']],
  ['block with an indentation indicator', note('nocite: |2\n    @a\n  @b'), ['a', 'b']],
  ['block with a comment on its header', note('nocite: | # uncited\n  @a'), ['a']],
  ['block indented deeper', note('nocite: |\n      @a @b'), ['a', 'b']],
  ['block ends at the next key', note('nocite: |\n  @a\nabstract: |\n  @b'), ['a']],
  ['block over paragraphs', note('nocite: |\n  @a\n\n  @b;\n  [@c; @d]'), ['a', 'b', 'c', 'd']],
  // Quoted and plain strings.
  ['double-quoted', note('nocite: "@a, @b"'), ['a', 'b']],
  ['single-quoted', note("nocite: '@a; @b'"), ['a', 'b']],
  ['single-quoted with a doubled quote', note("nocite: 'it''s @a'"), ['a']],
  ['double-quoted over lines', note('nocite: "@a,\n  @b"'), ['a', 'b']],
  ['double-quoted with an escape', note('nocite: "\\x40a and \\"@b\\""'), ['a', 'b']],
  ['plain string', note('nocite: see @a,@c'), ['a', 'c']],
  ['plain string over lines', note('nocite: see @a\n  and @b'), ['a', 'b']],
  ['a comment after the value', note('nocite: "@a" # @b'), ['a']],
  ['the value on the next line', note('nocite:\n  "@a"'), ['a']],
  ['a tag or an anchor before it', note('nocite: !!str "@a"\nother: &x "@b"'), ['a']],
  ['a quoted key, a space before the colon', note('"nocite" : "@a"'), ['a']],
  ['a key given twice: the last', note('nocite: "@a"\nnocite: "@b"'), ['b']],
  // Lists.
  ['flow list', note('nocite: ["@a", \'@c\']'), ['a', 'c']],
  ['flow list of plain strings', note('nocite: [see @a, x @b]'), ['a', 'b']],
  ['flow list over lines', note('nocite: [\n  "@a",\n  "@b"\n  ]'), ['a', 'b']],
  ['block list', note('nocite:\n- "@a"\n- \'@c\''), ['a', 'c']],
  ['block list, indented, with a block item', note('nocite:\n  - "@a"\n  - |\n    @b\n    @c\n  - see @d'), ['a', 'b', 'c', 'd']],
  // Everything.
  ['@* quoted', note('nocite: "@*"'), ['*']],
  ['[@*] quoted', note('nocite: "[@*]"'), ['*']],
  ['@{*}', note('nocite: "@{*}"'), ['*']],
  ['@* with keys', note('nocite: |\n  @a, @*'), ['a', '*']],
  ['@*x is a key', note('nocite: "@*x"'), ['*x']],
  // Keys as in the text.
  ['Dossier keys', note('nocite: |\n  @tass2025-cuba-russia-reliable, @dpa-cuban-foreign-minister.'), ['tass2025-cuba-russia-reliable', 'dpa-cuban-foreign-minister']],
  ['braced keys and a trailing dot', note('nocite: "@{d.e} @f.g."'), ['d.e', 'f.g']],
  ['no citation in code, an address or after a backslash', note('nocite: |\n  `@a` me@b \\@c @d'), ['d']],
  ['indented code in a block', note('nocite: |\n  @a\n\n      @b'), ['a']],
  // Not `nocite`.
  ['another field', note('nocitation: "@a"\nbibliography: refs.json'), []],
  ['a nested field', note('params:\n  nocite: "@a"'), []],
  ['an empty value', note('nocite:\nother: "@a"'), []],
  ['an empty string', note('nocite: ""'), []],
  // YAML that Pandoc refuses: nothing is rendered, no key counts.
  ['an unquoted @', note('nocite: @a, @b'), ERROR],
  ['an unquoted [@*]', note('nocite: [@*]'), ERROR],
  ['an unclosed quote', note('nocite: "@a'), ERROR],
  ['a colon in a plain string', note('nocite: see: @a'), ERROR],
  ['text after a quoted string', note('nocite: "@a" x'), ERROR],
  ['a line indented less than its block', note('nocite: |\n    @a\n  @b'), ERROR],
];

/**
 * Where Dossier reads less than Pandoc on purpose: a YAML block further down the note is metadata to
 * Pandoc too, but only the front matter at the top is read as such (the text scanner reads the rest,
 * so `@a` there still counts as a citation of the note, only not as a `nocite` one). Not covered
 * either, and not listed: a mapping as the value (`nocite: {a: "@b"}`), tabs as indentation.
 */
const DELIBERATE: [string, string, string[]][] = [
  ['a YAML block further down', 'Text.\n\n---\nnocite: "@a"\n---\n', []],
  // As in the text (citations-scanner.test.ts): `@user` in a bare URL is not a citation.
  ['a bare URL', note('nocite: "https://x.org/@a @b"'), ['b']],
];

describe('nocite: the keys of the front matter', () => {
  for (const [name, text, expected] of [...CASES, ...DELIBERATE]) {
    it(name, () => assert.deepStrictEqual(found(text), expected === ERROR ? [] : expected));
  }

  it('gives each key its exact range in the note', () => {
    const text = '---\ntitle: Notes\nnocite: |\n  @tass2025-cuba-russia-reliable, [-@{dpa}]\nlist: ["x"]\n---\n\nText @a.\n';
    const { citations, all } = scanNocite(text);
    assert.strictEqual(all, false);
    assert.deepStrictEqual(citations.map((c) => ({ key: c.key, token: text.slice(c.at, c.tokenEnd), keyText: text.slice(c.start, c.end), line: c.line, character: c.character, endCharacter: c.endCharacter, braced: c.braced, suppressAuthor: c.suppressAuthor, nocite: c.nocite })), [
      { key: 'tass2025-cuba-russia-reliable', token: '@tass2025-cuba-russia-reliable', keyText: 'tass2025-cuba-russia-reliable', line: 3, character: 3, endCharacter: 32, braced: false, suppressAuthor: false, nocite: true },
      { key: 'dpa', token: '@{dpa}', keyText: 'dpa', line: 3, character: 38, endCharacter: 41, braced: true, suppressAuthor: true, nocite: true },
    ]);
    assert.deepStrictEqual(citations[1]!.bracket && [citations[1]!.bracket.start, citations[1]!.bracket.end, citations[1]!.bracket.line, citations[1]!.bracket.character], [text.indexOf('[-@'), text.indexOf(']\n') + 1, 3, 34]);
    assert.strictEqual(citations[0]!.bracket, null);
    // Hover, definition and references find them by offset like any citation.
    assert.strictEqual(citationAt(citations, text.indexOf('cuba'))?.key, 'tass2025-cuba-russia-reliable');
  });

  it('ranges in quoted strings, lists, over lines and with CRLF line ends or a BOM', () => {
    const lf = '---\nnocite:\n  - "@a, \n    @bb"\n  - \'it\'\'s @c\'\n  - "\\x40d"\n---\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), `\uFEFF${lf}`]) {
      const shift = text.startsWith('\uFEFF') ? 1 : 0;
      const { citations } = scanNocite(text);
      assert.deepStrictEqual(citations.map((c) => [c.key, text.slice(c.at, c.tokenEnd), text.slice(c.start, c.end), c.line, c.character - (c.line === 0 ? shift : 0)]), [
        ['a', '@a', 'a', 2, 6], ['bb', '@bb', 'bb', 3, 5], ['c', '@c', 'c', 4, 12],
        // `\x40` is an escaped `@`: the token runs from the backslash.
        ['d', '\\x40d', 'd', 5, 9],
      ], JSON.stringify(text));
    }
  });

  it('@* sets all, with its range, and is no key', () => {
    const text = note('nocite: "@a [@*]"');
    const result = scanNocite(text);
    assert.strictEqual(result.all, true);
    assert.deepStrictEqual(result.citations.map((c) => c.key), ['a']);
    assert.deepStrictEqual(result.wildcards.map((w) => text.slice(w.at, w.tokenEnd)), ['@*']);
    assert.strictEqual(result.wildcards[0]!.at, text.indexOf('@*'));
  });

  it('a note without front matter or without nocite has none', () => {
    assert.deepStrictEqual(scanNocite('Text [@a].\n'), { citations: [], wildcards: [], all: false });
    assert.deepStrictEqual(scanNocite(note('title2: "@a"')), { citations: [], wildcards: [], all: false });
  });

  it('scanNoteCitations: the nocite keys, then those of the text; @* in all', () => {
    const text = '---\nnocite: "@b, @*"\n---\n\nSee [@a] and @b.\n';
    const { citations, all } = scanNoteCitations(text);
    assert.deepStrictEqual(citations.map((c) => [c.key, !!c.nocite]), [['b', true], ['a', false], ['b', false]]);
    assert.strictEqual(all, true);
    assert.strictEqual(scanNoteCitations('See [@a].').all, false);
  });
});

describe('nocite in the CLI', () => {
  const seeds = path.join(ROOT, 'seeds');
  const run = (command: typeof runCheck, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      return { code: command(argv, (t) => out.push(t), (t) => err.push(t)), out, err };
    } finally {
      process.chdir(cwd);
    }
  };

  it('dossier check: an unknown nocite key is an error at its place, like any unknown key', () => {
    const bad = run(runCheck, seeds, 'test/fixtures/notes/nocite-unknown.md');
    assert.strictEqual(bad.code, 1);
    assert.deepStrictEqual(bad.out, ['test/fixtures/notes/nocite-unknown.md:4:6: unknown citation key @rhc-russia-cuba-strenghten (did you mean @rhc-russia-cuba-strengthen?)']);
    assert.deepStrictEqual(bad.err, ['2 citations checked, 1 unknown']);
    const good = run(runCheck, seeds, 'test/fixtures/notes/nocite.md', 'test/fixtures/notes/nocite-all.md');
    assert.strictEqual(good.code, 0, good.out.join('\n'));
    assert.deepStrictEqual(good.err, ['4 citations checked, 0 unknown']);
  });

  it('dossier bib --cited-in: nocite keys are in; @* puts every article in', () => {
    assert.deepStrictEqual(ids(run(runBib, seeds, '--cited-in', 'test/fixtures/notes/nocite.md').out),
      ['rhc-russia-reiterates-rejection', 'tass2025-cuba-russia-reliable', 'venezuelanmfa-russian-foreign-minister']);
    assert.deepStrictEqual(ids(run(runBib, seeds, '--cited-in', 'test/fixtures/notes/nocite-all.md').out).length, 5);
    const unknown = run(runBib, seeds, '--cited-in', 'test/fixtures/notes/nocite-unknown.md');
    assert.deepStrictEqual(ids(unknown.out), ['dpa-cuban-foreign-minister']);
    assert.deepStrictEqual(unknown.err, ['warning: unknown citation key @rhc-russia-cuba-strenghten']);
  });
});

describe('nocite agrees with a real Pandoc', function () {
  this.timeout(120_000);
  before(function () {
    requirePandoc(this);
  });

  it(`on the ${CASES.length} cases above (pandoc -f markdown -t json: the citations in the nocite metadata)`, () => {
    const mismatches: string[] = [];
    for (const [name, text, expected] of CASES) {
      const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: text, encoding: 'utf8' });
      const theirs = run.status === 0 ? citeIds((JSON.parse(run.stdout) as { meta: Record<string, unknown> }).meta.nocite) : ERROR;
      const ours = expected === ERROR && !found(text).length ? ERROR : found(text);
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) mismatches.push(`${name}: ${JSON.stringify(text)}\n  pandoc ${JSON.stringify(theirs)} ${run.stderr.split('\n')[0]}\n  dossier ${JSON.stringify(ours)}`);
    }
    assert.deepStrictEqual(mismatches, []);
  });

  it('pandoc --citeproc lists in the references exactly what dossier bib --cited-in exports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-nocite-'));
    try {
      // The whole library as the bibliography: Pandoc chooses the entries, and Dossier's export of
      // what the note cites must be the same.
      const all: string[] = [];
      assert.strictEqual(runBib([path.join(ROOT, 'seeds')], (t) => all.push(t), () => undefined), 0);
      const library = path.join(dir, 'all.json');
      fs.writeFileSync(library, all.join('\n'));
      for (const file of ['nocite.md', 'nocite-all.md']) {
        const notePath = path.join(ROOT, 'test/fixtures/notes', file);
        const out: string[] = [];
        assert.strictEqual(runBib([path.join(ROOT, 'seeds'), '--cited-in', notePath], (t) => out.push(t), () => undefined), 0);
        const render = spawnSync('pandoc', ['--citeproc', '--bibliography', library, '-t', 'json', notePath], { encoding: 'utf8' });
        assert.strictEqual(render.status, 0, render.stderr);
        const referenced = [...render.stdout.matchAll(/"ref-([^"]+)"/g)].map((m) => m[1]!).sort();
        assert.deepStrictEqual(referenced, ids(out), file);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The citation ids in a piece of Pandoc's JSON AST, in order. */
function citeIds(ast: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { t?: string; c?: unknown };
      if (n.t === 'Cite') {
        for (const c of (n.c as [{ citationId: string }[]])[0]) ids.push(c.citationId);
        return;
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(ast);
  return ids;
}
