// `npm run eval [-- --verbose]`: what the reader and the entity extraction get right on labelled
// articles, per set:
//   - test/fixtures/labelled/      the seeds plus articles written for the entity rules (entities only)
//   - test/fixtures/devset/tune/   real articles the rules were tuned on
//   - test/fixtures/devset/test/   real articles scored once, never tuned on
//   - test/fixtures/devset/shapes/ six test/ documents in saved shapes neither split uses (metadata only)
//   - test/fixtures/devset/tune2/  a second real set (AMALGUM, Wikinews news), tuned on
//   - test/fixtures/devset/test2/  its held-out third, scored once, never tuned on
//   - test/fixtures/devset/tune3/  a third real set (kremlin.ru pages, White House statements), tuned on
//   - test/fixtures/devset/test3/  its held-out third, scored once, never tuned on
//   - test/fixtures/devset/tune4/  a fourth real set (Global Voices 2009 saved pages), tuned on
//   - test/fixtures/devset/test4/  its held-out third, scored once, never tuned on
//   - test/fixtures/devset/tune5/  a fifth real set (saved pages of new publishers), tuned on
//   - test/fixtures/devset/test5/  its held-out part, scored once, never tuned on
//   - test/fixtures/devset/tune-pdf/ Chrome "Save as PDF" prints of the tune3-5 saved pages, tuned on
//   - test/fixtures/devset/test-pdf/ the same prints of the test3-5 saved pages, held out, never tuned on
//   - test/fixtures/devset/tune-mhtml/ Chrome "Webpage, Single File" (MHTML) saves of the tune3-5 saved pages, tuned on
//   - test/fixtures/devset/test-mhtml/ the same saves of the test3-5 saved pages, held out, never tuned on
//   - test/fixtures/devset/tune-copy/ whole-page text copies (select all, copy, paste) of the tune3-5 saved pages, tuned on
//   - test/fixtures/devset/test-copy/ the same copies of the test3-5 saved pages, held out, never tuned on
// Each article has a NAME.labels.json sidecar. Metadata (title, date, outlet, url, author) is scored
// as exact matches over the fields a label file gives; countries and persons as precision / recall
// / F1 (micro-averaged), with the corpus-level wrong merges (one predicted person id covering two
// labelled persons) and splits (one labelled person spread over several ids). `--verbose` prints
// every miss. A measurement: always exits 0.

import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../src/cli/files';
import { asciiFold } from '../src/core/library/keys';
import type { Article } from '../src/core/types';

interface Labels {
  title?: string | null;
  date?: string | null;
  outlet?: string | null;
  url?: string | null;
  author?: string | null;
  /** Absent in a metadata-only set. */
  countries?: string[];
  persons?: { name: string; variants: string[] }[];
}

const FIXTURES = path.join(__dirname, '../test/fixtures');
const SETS = [
  { name: 'labelled (written for the rules)', dir: path.join(FIXTURES, 'labelled') },
  { name: 'devset/tune (real, tuned on)', dir: path.join(FIXTURES, 'devset/tune') },
  { name: 'devset/test (real, held out)', dir: path.join(FIXTURES, 'devset/test') },
  { name: 'devset/shapes (test documents in shapes neither split uses; metadata only)', dir: path.join(FIXTURES, 'devset/shapes') },
  { name: 'devset/tune2 (real, AMALGUM, tuned on)', dir: path.join(FIXTURES, 'devset/tune2') },
  { name: 'devset/test2 (real, AMALGUM, held out)', dir: path.join(FIXTURES, 'devset/test2') },
  { name: 'devset/tune3 (real, kremlin.ru + White House pages, tuned on)', dir: path.join(FIXTURES, 'devset/tune3') },
  { name: 'devset/test3 (real, kremlin.ru + White House pages, held out)', dir: path.join(FIXTURES, 'devset/test3') },
  { name: 'devset/tune4 (real, Global Voices saved pages, tuned on)', dir: path.join(FIXTURES, 'devset/tune4') },
  { name: 'devset/test4 (real, Global Voices saved pages, held out)', dir: path.join(FIXTURES, 'devset/test4') },
  { name: 'devset/tune5 (real, saved pages: Global Voices auf Deutsch 2019, tuned on)', dir: path.join(FIXTURES, 'devset/tune5') },
  { name: 'devset/test5 (real, saved pages: Wikimedia Foundation news, held out)', dir: path.join(FIXTURES, 'devset/test5') },
  { name: 'devset/tune-pdf (real, Chrome "Save as PDF" prints of the tune3/tune4/tune5 saved pages, tuned on)', dir: path.join(FIXTURES, 'devset/tune-pdf') },
  { name: 'devset/test-pdf (real, Chrome "Save as PDF" prints of the test3/test4/test5 saved pages, held out)', dir: path.join(FIXTURES, 'devset/test-pdf') },
  { name: 'devset/tune-mhtml (real, Chrome "Webpage, Single File" MHTML of the tune3/tune4/tune5 saved pages, tuned on)', dir: path.join(FIXTURES, 'devset/tune-mhtml') },
  { name: 'devset/test-mhtml (real, Chrome "Webpage, Single File" MHTML of the test3/test4/test5 saved pages, held out)', dir: path.join(FIXTURES, 'devset/test-mhtml') },
  { name: 'devset/tune-copy (real, whole-page text copies (select all, copy) of the tune3/tune4/tune5 saved pages, tuned on)', dir: path.join(FIXTURES, 'devset/tune-copy') },
  { name: 'devset/test-copy (real, whole-page text copies of the test3/test4/test5 saved pages, held out)', dir: path.join(FIXTURES, 'devset/test-copy') },
];
const FIELDS = ['title', 'date', 'outlet', 'url', 'author'] as const;
type Field = (typeof FIELDS)[number];

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const only = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
const norm = (s: string) => asciiFold(s).toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

interface Score { tp: number; fp: number; fn: number }
const score = (): Score => ({ tp: 0, fp: 0, fn: 0 });
function prf(s: Score): string {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}
const f1 = (s: Score) => (2 * s.tp) / (2 * s.tp + s.fp + s.fn || 1);
const ok = (b: boolean) => (b ? 'ok' : 'BELOW TARGET');

async function evaluate(set: { name: string; dir: string }): Promise<void> {
  if (!fs.existsSync(set.dir)) return;
  const corpus = loadCorpus([set.dir]);
  if (corpus.reading) await corpus.settled(); // PDFs are parsed asynchronously
  const countries = score();
  const persons = score();
  const fields = new Map<Field, { right: number; total: number }>(FIELDS.map((f) => [f, { right: 0, total: 0 }]));
  const idToLabels = new Map<string, Set<string>>();
  const labelToIds = new Map<string, Set<string>>();
  const addTo = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  // One person labelled under two names in two files ("Donald John Trump" with the variant "Donald
  // Trump" here, "Donald Trump" there) is one person: label names that share a full name (two
  // words or more: never a bare surname) are one label for merges and splits.
  const sameLabel = new Map<string, string>();
  const labelOf = (name: string): string => {
    let at = name;
    for (let next = sameLabel.get(at); next !== undefined && next !== at; next = sameLabel.get(at)) at = next;
    return at;
  };
  const sameNames = (label: { name: string; variants: string[] }) => {
    const names = [label.name, ...label.variants].map(norm).filter((n) => n.includes(' '));
    for (const n of names) if (!sameLabel.has(n)) sameLabel.set(n, n);
    for (const n of names.slice(1)) {
      const a = labelOf(names[0]!), b = labelOf(n);
      if (a !== b) sameLabel.set(b, a);
    }
  };
  let articles = 0;
  let entityLess = 0;
  const lines: string[] = [];
  for (const article of [...corpus.articles()].sort((a, b) => a.file.localeCompare(b.file))) {
    const labelFile = path.join(set.dir, article.file.replace(/\.[^.]+$/, '') + '.labels.json');
    if (!fs.existsSync(labelFile)) {
      console.warn(`no labels for ${article.file}`);
      continue;
    }
    articles++;
    const labels = JSON.parse(fs.readFileSync(labelFile, 'utf8')) as Labels;
    const misses: string[] = [];

    for (const field of FIELDS) {
      if (!(field in labels)) continue;
      const want = labels[field] ?? null;
      const got = (article as Article & { author?: string | null })[field] ?? null;
      const tally = fields.get(field)!;
      tally.total++;
      if (want === got) tally.right++;
      else misses.push(`  ${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }

    if (!labels.countries || !labels.persons) {
      entityLess++;
      if (verbose && misses.length) lines.push(`${article.file}\n${misses.join('\n')}`);
      continue;
    }
    const predicted = new Set(article.countries.map((c) => c.code));
    const gold = new Set(labels.countries);
    for (const c of predicted) if (gold.has(c)) countries.tp++; else { countries.fp++; misses.push(`  country FP ${c}`); }
    for (const c of gold) if (!predicted.has(c)) { countries.fn++; misses.push(`  country FN ${c}`); }

    const matched = new Set<string>();
    for (const p of article.persons) {
      const label = labels.persons.find((l) => norm(l.name) === norm(p.name) || l.variants.some((v) => norm(v) === norm(p.name)));
      if (label && !matched.has(label.name)) {
        persons.tp++;
        matched.add(label.name);
        sameNames(label);
        addTo(idToLabels, p.id, norm(label.name));
      } else {
        persons.fp++;
        misses.push(`  person FP ${p.name}${label ? ` (second prediction for ${label.name})` : ''}  [${p.variants.join(' | ')}]`);
      }
    }
    for (const l of labels.persons) if (!matched.has(l.name)) { persons.fn++; misses.push(`  person FN ${l.name}`); }
    if (verbose && misses.length) lines.push(`${article.file}\n${misses.join('\n')}`);
  }

  for (const [id, names] of idToLabels) {
    for (const name of names) addTo(labelToIds, labelOf(name), id);
  }
  const merges = [...idToLabels].filter(([, names]) => new Set([...names].map(labelOf)).size > 1);
  const splits = [...labelToIds].filter(([, ids]) => ids.size > 1);
  if (verbose) {
    for (const [id, names] of merges) lines.push(`wrong merge: ${id} covers ${[...names].join(' + ')}`);
    for (const [name, ids] of splits) lines.push(`split: ${name} over ${[...ids].join(', ')}`);
  }
  console.log(`\n=== ${set.name}: ${articles} articles (${path.relative(process.cwd(), set.dir)})`);
  if (lines.length) console.log(lines.join('\n'));
  const scored = FIELDS.filter((f) => fields.get(f)!.total > 0);
  if (scored.length) {
    let right = 0, total = 0;
    const parts = scored.map((f) => {
      const t = fields.get(f)!;
      right += t.right;
      total += t.total;
      return `${f} ${t.right}/${t.total} (${((100 * t.right) / t.total).toFixed(0)} %)`;
    });
    console.log(`metadata:  ${parts.join(', ')}; all ${((100 * right) / total).toFixed(1)} %   target ≥ 95 % each: ${ok(scored.every((f) => fields.get(f)!.right >= 0.95 * fields.get(f)!.total))}`);
  }
  if (entityLess === articles) return;
  console.log(`countries: ${prf(countries)}   target F1 ≥ 0.98: ${ok(f1(countries) >= 0.98)}`);
  console.log(`persons:   ${prf(persons)}   target F1 ≥ 0.95: ${ok(f1(persons) >= 0.95)}`);
  console.log(`wrong merges: ${merges.length}   target 0: ${ok(merges.length === 0)}   splits: ${splits.length}`);
}

void (async () => {
  for (const set of SETS) if (!only || set.dir.endsWith(only)) await evaluate(set);
  if (!verbose) console.log('\n(--verbose for per-article misses; --set=tune / --set=test / --set=shapes / --set=tune2 / --set=test2 / --set=tune3 / --set=test3 / --set=tune4 / --set=test4 / --set=tune5 / --set=test5 / --set=tune-pdf / --set=test-pdf / --set=tune-mhtml / --set=test-mhtml / --set=tune-copy / --set=test-copy / --set=labelled for one set)');
  process.exitCode = 0;
})();
