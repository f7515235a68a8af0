import * as assert from 'assert';
import fc from 'fast-check';
import { Corpus, type CorpusChange } from '../../src/core/library/corpus';
import { assignKeys } from '../../src/core/library/keys';
import { seedCorpus } from './seedCorpus';
import { compareArticles } from '../../src/core/library/corpus';
import { runSteps, sortSteps } from '../../src/core/steps';



const article = (title: string, outlet = 'Example Times') => `${title}\n\nCITY (AP) -- Text about ${title.toLowerCase()}.\n\n**${outlet}**\n`;

describe('corpus: keys', () => {
  it('indexes the five seeds under unique keys', () => {
    const corpus = seedCorpus();
    assert.strictEqual(corpus.size, 5);
    assert.deepStrictEqual([...corpus.keys()].sort(), [
      'dpa-cuban-foreign-minister', 'rhc-russia-cuba-strengthen', 'rhc-russia-reiterates-rejection',
      'tass2025-cuba-russia-reliable', 'venezuelanmfa-russian-foreign-minister']);
  });

  it('gives colliding articles stable suffixes, whatever the reading order', () => {
    const files = ['/w/a.txt', '/w/b.txt', '/w/c.txt'];
    const forward = new Corpus();
    for (const f of files) forward.upsert(f, f, article('Same headline here'));
    const backward = new Corpus();
    for (const f of [...files].reverse()) backward.upsert(f, f, article('Same headline here'));
    const keysOf = (c: Corpus) => files.map((f) => c.byLocation(f)!.key);
    assert.deepStrictEqual(keysOf(forward), ['exampletimes-same-headline-here', 'exampletimes-same-headline-here-b', 'exampletimes-same-headline-here-c']);
    assert.deepStrictEqual(keysOf(backward), keysOf(forward));
  });

  it('an explicit front-matter key wins and never collides', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/1.md', '1.md', '---\nkey: mykey\n---\nA headline\n\nBody text.\n');
    corpus.upsert('/w/2.md', '2.md', '---\nkey: mykey\n---\nOther headline\n\nBody text.\n');
    assert.strictEqual(corpus.byLocation('/w/1.md')!.key, 'mykey');
    assert.notStrictEqual(corpus.byLocation('/w/2.md')!.key, 'mykey');
  });

  it('assignKeys never hands out a key taken elsewhere', () => {
    const keys = assignKeys([{ id: 'x', explicitKey: null, baseKey: 'k' }], (k) => k === 'k');
    assert.strictEqual(keys.get('x'), 'k-b');
  });

  it('removing the first of a collision group gives its key to the next', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/a.txt', 'a.txt', article('Twin title'));
    corpus.upsert('/w/b.txt', 'b.txt', article('Twin title'));
    corpus.remove('/w/a.txt');
    assert.strictEqual(corpus.byLocation('/w/b.txt')!.key, 'exampletimes-twin-title');
    assert.strictEqual(corpus.get('exampletimes-twin-title-b'), undefined);
  });
});

describe('corpus: change events', () => {
  it('reports added, changed and removed keys, once per batch', () => {
    const corpus = new Corpus();
    const events: CorpusChange[] = [];
    corpus.onDidChange((e) => events.push(e));
    corpus.batch(() => {
      corpus.upsert('/w/a.txt', 'a.txt', article('First story'));
      corpus.upsert('/w/b.txt', 'b.txt', article('Second story'));
    });
    corpus.upsert('/w/a.txt', 'a.txt', article('First story').replace('story.', 'story. More text.'));
    corpus.upsert('/w/b.txt', 'b.txt', article('Renamed story'));
    corpus.remove('/w/a.txt');
    assert.deepStrictEqual(events, [
      { added: ['exampletimes-first-story', 'exampletimes-second-story'], changed: [], removed: [] },
      { added: [], changed: ['exampletimes-first-story'], removed: [] },
      { added: ['exampletimes-renamed-story'], changed: [], removed: ['exampletimes-second-story'] },
      { added: [], changed: [], removed: ['exampletimes-first-story'] },
    ]);
  });

  it('an edit that changes the key leaves nothing under the old key', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/a.txt', 'a.txt', article('First story'));
    corpus.upsert('/w/b.txt', 'b.txt', article('Second story'));
    assert.strictEqual(corpus.articles().length, 2); // (the sorted list is cached until the next change)
    corpus.upsert('/w/b.txt', 'b.txt', article('Renamed story'));
    assert.deepStrictEqual([...corpus.keys()].sort(), ['exampletimes-first-story', 'exampletimes-renamed-story']);
    assert.deepStrictEqual(corpus.articles().map((a) => a.key).sort(), ['exampletimes-first-story', 'exampletimes-renamed-story']);
    assert.strictEqual(corpus.size, 2);
    assert.strictEqual(corpus.get('exampletimes-second-story'), undefined);
    assert.strictEqual(corpus.articles().length, 2);
  });

  it('colliding keys reassigned in any order keep the country and person indexes whole', () => {
    // 60 articles with one base key, added and removed in shuffled orders: members swap "-b"/"-c"
    // suffixes, and every index must end as in a corpus built in one go from the same files.
    const text = (i: number) => `Iceland fisheries report number ${i}\n\nREYKJAVIK, March ${1 + (i % 28)} (Reuters) -- `
      + `Prime Minister Kristrun Frostadottir of Iceland published fisheries report number ${i} on Monday.\n`;
    const location = (i: number) => `/w/iceland-${String(i).padStart(2, '0')}.txt`;
    let seed = 7;
    const shuffled = (n: number) => {
      const a = [...Array(n).keys()];
      for (let i = a.length - 1; i > 0; i--) {
        seed = (seed * 16807) % 2147483647;
        const j = seed % (i + 1);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a;
    };
    const live = new Corpus();
    for (const i of shuffled(60)) live.upsert(location(i), location(i), text(i));
    for (const i of shuffled(60).slice(0, 25)) live.remove(location(i));
    const fresh = new Corpus();
    for (const article of [...live.articles()].sort((a, b) => (a.location < b.location ? -1 : 1))) {
      fresh.upsert(article.location, article.location, text(Number(/(\d+)\.txt$/.exec(article.location)![1])));
    }
    const view = (c: Corpus) => ({
      keys: [...c.keys()].sort(),
      iceland: c.articlesForCountry('IS').map((a) => a.key).sort(),
      persons: c.persons().map((p) => ({ id: p.id, articles: [...p.articles].sort() })),
      consistent: c.articlesForCountry('IS').every((a) => c.get(a.key) === a),
    });
    assert.strictEqual(live.articlesForCountry('IS').length, 35);
    assert.deepStrictEqual(view(live), view(fresh));
    assert.strictEqual(view(live).consistent, true);
  });

  it('a listener that throws does not stop the others', () => {
    const corpus = new Corpus();
    let called = 0;
    corpus.onDidChange(() => { throw new Error('boom'); });
    corpus.onDidChange(() => { called++; });
    const original = console.error;
    console.error = () => {};
    try {
      corpus.upsert('/w/a.txt', 'a.txt', article('Story'));
    } finally {
      console.error = original;
    }
    assert.strictEqual(called, 1);
  });
});

describe('corpus: bad input', () => {
  const cases: [string, Uint8Array, RegExp, boolean][] = [
    ['empty', new Uint8Array(), /empty/, false],
    ['whitespace only', Buffer.from(' \n\r\n\t \n'), /empty/, false],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf]), /empty/, false],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary/, false],
    ['invalid UTF-8', Buffer.from('Caf\xe9 in Bogot\xe1\n\nBOGOTA (AP) -- Text.\n', 'latin1'), /not valid UTF-8/, true],
  ];
  for (const [name, bytes, message, indexed] of cases) {
    it(`${name}: a warning, ${indexed ? 'read as well as it can be' : 'skipped'}, no throw`, () => {
      const corpus = new Corpus();
      const result = corpus.upsert('/w/x.txt', 'x.txt', bytes);
      assert.strictEqual(result !== null, indexed);
      assert.strictEqual(corpus.warnings().length, 1);
      assert.match(corpus.warnings()[0]!.message, message);
      assert.strictEqual(corpus.warnings()[0]!.file, 'x.txt');
    });
  }

  it('reads Windows-1252 text with its accents intact', () => {
    const corpus = new Corpus();
    const a = corpus.upsert('/w/x.txt', 'x.txt', Buffer.from('Caf\xe9 in Bogot\xe1\n\nBOGOTA (AP) -- Text.\n', 'latin1'))!;
    assert.strictEqual(a.title, 'Café in Bogotá');
  });

  it('skips a file over the size limit', () => {
    const corpus = new Corpus({ maxBytes: 1000 });
    assert.strictEqual(corpus.upsert('/w/big.txt', 'big.txt', Buffer.alloc(2000, 'a')), null);
    assert.match(corpus.warnings()[0]!.message, /over the .* limit/);
  });

  it('a file that becomes bad drops its article; a fixed file drops its warning', () => {
    const corpus = new Corpus();
    corpus.upsert('/w/x.txt', 'x.txt', article('Good story'));
    corpus.upsert('/w/x.txt', 'x.txt', new Uint8Array());
    assert.strictEqual(corpus.size, 0);
    corpus.upsert('/w/x.txt', 'x.txt', article('Good story'));
    assert.strictEqual(corpus.size, 1);
    assert.deepStrictEqual(corpus.warnings(), []);
  });

  it('UTF-16 with a BOM is read', () => {
    const text = 'Headline of note\n\nPARIS (AFP) -- Body.\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.strictEqual(new Corpus().upsert('/w/u.txt', 'u.txt', bytes)!.title, 'Headline of note');
  });
});

describe('corpus: the sorted list', () => {
  it('sorting in steps is a stable sort: the same as Array.prototype.sort, for any list (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({ k: fc.integer({ min: 0, max: 9 }), i: fc.nat() }), { maxLength: 300 }), (items) => {
      const compare = (a: { k: number }, b: { k: number }) => a.k - b.k;
      const before = JSON.stringify(items);
      assert.deepStrictEqual(runSteps(sortSteps(items, compare)), [...items].sort(compare));
      assert.strictEqual(JSON.stringify(items), before, 'the input is left as it was');
    }));
  });

  it('sorting in steps yields every few tens of thousands merged, and a corpus sorted in slices equals its list', async () => {
    const steps = sortSteps(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 50_000), (a, b) => a - b);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // 16 passes of 50,000 merged, a yield every 20,000.
    assert.ok(yields >= 30, `${yields} yields`);
    assert.deepStrictEqual(step.value, Array.from({ length: 50_000 }, (_, i) => i));
    // (Asked before the corpus's own list exists: sorted by the steps, not handed the list.)
    const corpus = seedCorpus();
    const sliced = await corpus.articlesInSlices(async () => undefined, 0);
    assert.deepStrictEqual(sliced.map((a) => a.key), corpus.articles().map((a) => a.key));
  });

  it('after any edits, batched or not, asked for at any point, equals a fresh sort (property)', () => {
    const titles = ['Talks open', 'Talks open', 'Accord signed', 'Visit ends'];
    const dates = ['2024-05-07', '2023-01-02', '', '--02-19'];
    const op = fc.record({
      kind: fc.constantFrom('upsert', 'upsert', 'remove', 'ask'),
      file: fc.integer({ min: 0, max: 7 }),
      title: fc.integer({ min: 0, max: titles.length - 1 }),
      date: fc.integer({ min: 0, max: dates.length - 1 }),
      batch: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const corpus = new Corpus();
      corpus.articles(); // the list exists from the start, so edits patch it
      const apply = (o: typeof ops[number]) => {
        const location = `/w/${o.file}.txt`;
        if (o.kind === 'remove') corpus.remove(location);
        else if (o.kind === 'upsert') {
          const date = dates[o.date] ? `date: ${dates[o.date]}\n` : '';
          corpus.upsert(location, `${o.file}.txt`, `---\ntitle: ${titles[o.title]}\n${date}outlet: AP\n---\nText of ${o.file}.\n`);
        } else corpus.articles();
      };
      for (let i = 0; i < ops.length; i++) {
        if (ops[i]!.batch && i + 1 < ops.length) {
          corpus.batch(() => { apply(ops[i]!); apply(ops[i + 1]!); });
          i++;
        } else apply(ops[i]!);
      }
      const fresh = [...corpus.keys()].map((k) => corpus.get(k)!).sort(compareArticles);
      assert.deepStrictEqual(corpus.articles().map((a) => a.key), fresh.map((a) => a.key));
    }), { numRuns: 300, seed: 20261202 });
  });
});
