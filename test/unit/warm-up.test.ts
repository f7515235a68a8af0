// The idle-time warm-up of the per-file path after a reopen (src/core/library/warmUp.ts): it runs the
// real reader, entity rules and term counting on its sample, so what it compiles is what a saved file needs.

import * as assert from 'assert';
import { warmUp } from '../../src/core/library/warmUp';

describe('warm-up of the per-file path', () => {
  it('reads, extracts and counts the terms of its sample, step by step', () => {
    const w = warmUp();
    assert.strictEqual(w.steps.length, 3);
    for (const step of w.steps) step();
    const { extracted, terms } = w.result();
    const article = extracted?.article;
    assert.ok(article, 'the sample is an article');
    assert.strictEqual(article.date, '2024-05-07');
    assert.strictEqual(article.outlet, 'Reuters');
    assert.deepStrictEqual(article.countries.map((c) => c.code).sort(), ['CU', 'NZ', 'RU', 'VE']);
    assert.ok(article.persons.some((p) => p.name === 'Sergey Lavrov'), article.persons.map((p) => p.name).join(', '));
    assert.ok(terms > 20, `${terms} body terms`);
  });
});
