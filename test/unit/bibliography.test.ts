// CSL-JSON and BibTeX for the seeds, exactly; escaping; partial dates. (A real Pandoc reads both
// in pandoc.test.ts.)
import * as assert from 'assert';
import * as path from 'path';
import { loadCorpus } from '../../src/cli/files';
import { dateParts, escapeBibtex, toBibtex, toCslItem, toCslJson } from '../../src/core/citations';

const ROOT = path.join(__dirname, '../..');
const RHC_000 = 'https://www.radiohc.cu/en/noticias/nacionales/347578-russia-and-cuba-to-strengthen-strategic-ties-with-lavrov-visit';
const RHC_001 = 'https://www.radiohc.cu/index.php/en/noticias/nacionales/242977-russia-reiterates-its-rejection-of-the-us-blockade-against-cuba';

const record = (fields: Partial<{ key: string; title: string | null; label: string; date: string | null; outlet: string | null; url: string | null; author: string | null }>) =>
  ({ key: 'k', title: 'T', label: 'L', date: null, outlet: null, url: null, ...fields });

describe('bibliography formats', () => {
  const corpus = loadCorpus([path.join(ROOT, 'seeds')]);
  const seeds = [...corpus.articles()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((a) => corpus.record(a));

  it('CSL-JSON for the five seeds, exactly', () => {
    assert.strictEqual(toCslJson(seeds), `[
  {
    "id": "dpa-cuban-foreign-minister",
    "type": "article-newspaper",
    "title": "Cuban Foreign Minister extends Medvedev an invitation from Castro",
    "container-title": "dpa"
  },
  {
    "id": "rhc-russia-cuba-strengthen",
    "type": "article-newspaper",
    "title": "Russia and Cuba to strengthen strategic ties with Lavrov visit",
    "container-title": "Radio Habana Cuba",
    "issued": {
      "literal": "February 19"
    },
    "URL": "${RHC_000}"
  },
  {
    "id": "rhc-russia-reiterates-rejection",
    "type": "article-newspaper",
    "title": "Russia reiterates its rejection of the U.S. blockade against Cuba",
    "container-title": "Radio Habana Cuba",
    "issued": {
      "literal": "December 24"
    },
    "URL": "${RHC_001}"
  },
  {
    "id": "tass2025-cuba-russia-reliable",
    "type": "article-newspaper",
    "title": "Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…",
    "container-title": "TASS",
    "issued": {
      "date-parts": [[2025, 5, 7]]
    }
  },
  {
    "id": "venezuelanmfa-russian-foreign-minister",
    "type": "article-newspaper",
    "title": "Russian Foreign Minister Sergey Lavrov Visiting Venezuela",
    "container-title": "Venezuelan MFA"
  }
]
`);
    assert.deepStrictEqual(JSON.parse(toCslJson(seeds)), seeds.map(toCslItem));
  });

  it('BibTeX for the five seeds, exactly', () => {
    assert.strictEqual(toBibtex(seeds), `@article{dpa-cuban-foreign-minister,
  title = {{Cuban Foreign Minister extends Medvedev an invitation from Castro}},
  journal = {dpa},
  entrysubtype = {newspaper}
}

@article{rhc-russia-cuba-strengthen,
  title = {{Russia and Cuba to strengthen strategic ties with Lavrov visit}},
  journal = {Radio Habana Cuba},
  entrysubtype = {newspaper},
  month = feb,
  note = {February 19, year unknown},
  url = {${RHC_000}}
}

@article{rhc-russia-reiterates-rejection,
  title = {{Russia reiterates its rejection of the U.S. blockade against Cuba}},
  journal = {Radio Habana Cuba},
  entrysubtype = {newspaper},
  month = dec,
  note = {December 24, year unknown},
  url = {${RHC_001}}
}

@article{tass2025-cuba-russia-reliable,
  title = {{Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…}},
  journal = {TASS},
  entrysubtype = {newspaper},
  date = {2025-05-07},
  year = {2025},
  month = may
}

@article{venezuelanmfa-russian-foreign-minister,
  title = {{Russian Foreign Minister Sergey Lavrov Visiting Venezuela}},
  journal = {Venezuelan MFA},
  entrysubtype = {newspaper}
}
`);
  });

  it('CSL issued: only the known parts; a month and day without a year as a literal; none without a date', () => {
    assert.deepStrictEqual(toCslItem(record({ date: '2023-11' })).issued, { 'date-parts': [[2023, 11]] });
    assert.deepStrictEqual(toCslItem(record({ date: '2023' })).issued, { 'date-parts': [[2023]] });
    assert.deepStrictEqual(toCslItem(record({ date: '--02-19' })).issued, { literal: 'February 19' });
    assert.strictEqual(toCslItem(record({ date: null })).issued, undefined);
    assert.strictEqual(toCslItem(record({ date: 'not a date' })).issued, undefined);
  });

  it('CSL title falls back to the label; no container-title or URL when unknown', () => {
    assert.deepStrictEqual(toCslItem(record({ title: null })), { id: 'k', type: 'article-newspaper', title: 'L' });
  });

  it('authors: CSL name parts (particles kept with the family name), BibTeX "Family, Given and …"', () => {
    const item = toCslItem(record({ author: 'Antony J. Blinken, Daniel arap Moi, Madonna' }));
    assert.deepStrictEqual(item.author, [
      { family: 'Blinken', given: 'Antony J.' }, { family: 'arap Moi', given: 'Daniel' }, { literal: 'Madonna' }]);
    assert.strictEqual(toCslItem(record({})).author, undefined);
    const bib = toBibtex([record({ author: 'Jane Doe and John {Roe}' })]);
    assert.match(bib, /^ {2}author = \{Doe, Jane and \\\{Roe\\\}, John\},$/m);
    assert.ok(!toBibtex([record({})]).includes('author'));
  });

  it('dateParts', () => {
    assert.deepStrictEqual(dateParts('2025-05-07'), { year: 2025, month: 5, day: 7 });
    assert.deepStrictEqual(dateParts('--12-24'), { year: null, month: 12, day: 24 });
    assert.deepStrictEqual(dateParts('2025-05'), { year: 2025, month: 5, day: null });
    assert.deepStrictEqual(dateParts(null), { year: null, month: null, day: null });
  });

  it('BibTeX escapes LaTeX specials, keeps braces balanced and UTF-8 as is', () => {
    assert.strictEqual(escapeBibtex('AT&T 50% $5 #1 a_b {x} ~ ^ \\'), 'AT\\&T 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    assert.strictEqual(escapeBibtex('Díaz-Canel, “Лавров”\n  says'), 'Díaz-Canel, “Лавров” says');
    const entry = toBibtex([record({ title: 'Unbalanced { and } and }{', outlet: 'R&D', date: '2024-03', url: 'https://x.org/a{b}\\c?q=1%20#f' })]);
    assert.strictEqual(entry, `@article{k,
  title = {{Unbalanced \\{ and \\} and \\}\\{}},
  journal = {R\\&D},
  entrysubtype = {newspaper},
  date = {2024-03},
  year = {2024},
  month = mar,
  url = {https://x.org/a%7Bb%7D%5Cc?q=1%20#f}
}
`);
    // Every field's braces balance once escaped braces are set aside.
    const depth = entry.replace(/\\\\[{}]/g, '').split('').reduce((d, c) => (d < 0 ? d : d + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
    assert.strictEqual(depth, 0);
  });
});
