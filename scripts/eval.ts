// `npm run eval [-- --verbose]`: entity extraction quality on the labelled dev set
// (test/fixtures/labelled/*.{txt,md} with hand-made NAME.labels.json sidecars).
// Prints precision / recall / F1 (micro-averaged over articles) for countries and persons, and the
// corpus-level wrong merges (one predicted person id covering two labelled persons) and splits (one
// labelled person spread over several ids). A measurement: always exits 0.

import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../src/cli/files';
import { asciiFold } from '../src/core/library/keys';

interface Labels {
  countries: string[];
  persons: { name: string; variants: string[] }[];
}

const DIR = path.join(__dirname, '../test/fixtures/labelled');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
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

function main(): void {
  const corpus = loadCorpus([DIR]);
  const countries = score();
  const persons = score();
  const idToLabels = new Map<string, Set<string>>();
  const labelToIds = new Map<string, Set<string>>();
  const addTo = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  let articles = 0;
  for (const article of [...corpus.articles()].sort((a, b) => a.file.localeCompare(b.file))) {
    const labelFile = path.join(DIR, article.file.replace(/\.[^.]+$/, '') + '.labels.json');
    if (!fs.existsSync(labelFile)) {
      console.warn(`no labels for ${article.file}`);
      continue;
    }
    articles++;
    const labels = JSON.parse(fs.readFileSync(labelFile, 'utf8')) as Labels;
    const misses: string[] = [];

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
        addTo(idToLabels, p.id, norm(label.name));
        addTo(labelToIds, norm(label.name), p.id);
      } else {
        persons.fp++;
        misses.push(`  person FP ${p.name}${label ? ` (second prediction for ${label.name})` : ''}  [${p.variants.join(' | ')}]`);
      }
    }
    for (const l of labels.persons) if (!matched.has(l.name)) { persons.fn++; misses.push(`  person FN ${l.name}`); }
    if (verbose && misses.length) console.log(`${article.file}\n${misses.join('\n')}`);
  }

  const merges = [...idToLabels].filter(([, names]) => names.size > 1);
  const splits = [...labelToIds].filter(([, ids]) => ids.size > 1);
  if (verbose) {
    for (const [id, names] of merges) console.log(`wrong merge: ${id} covers ${[...names].join(' + ')}`);
    for (const [name, ids] of splits) console.log(`split: ${name} over ${[...ids].join(', ')}`);
  }
  const ok = (b: boolean) => (b ? 'ok' : 'BELOW TARGET');
  console.log(`\nentity eval over ${articles} labelled articles (${path.relative(process.cwd(), DIR)})`);
  console.log(`countries: ${prf(countries)}   target F1 ≥ 0.98: ${ok(f1(countries) >= 0.98)}`);
  console.log(`persons:   ${prf(persons)}   target F1 ≥ 0.95: ${ok(f1(persons) >= 0.95)}`);
  console.log(`wrong merges: ${merges.length}   target 0: ${ok(merges.length === 0)}`);
  console.log(`splits: ${splits.length}`);
  if (!verbose) console.log('(--verbose for per-article misses)');
}

main();
process.exitCode = 0;
