// Rules of the entity extractor generalised from the third dev set (issue #13, kremlin.ru and White House
// pages in test/fixtures/devset/tune3), one family per test, on sentences written here (not dev-set text).
import * as assert from 'assert';
import { extractEntities } from '../../src/core/entities';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

const entities = (body: string, title: string | null = null) => extractEntities({ title, body, outlet: null });
const persons = (body: string, title: string | null = null) => entities(body, title).persons.map((p) => p.name).sort();
const countries = (body: string) => entities(body).countries.map((c) => c.code).sort();

describe('entities on the third dev set: persons', () => {
  it('a role phrase closed by a country vouches for the name after it', () => {
    assert.deepStrictEqual(persons('Special Envoy and Former Prime Minister of Norway Torvald Aasheim (retranslated): Thank you.'), ['Torvald Aasheim']);
    // …but only when the phrase is written out: words dropped between are another sentence's.
    assert.deepStrictEqual(persons('Critics of the deal have faulted Saudi Arabia\'s record.'), []);
  });

  it('a full role ends a run: "Deputy National Security Advisor" names nobody', () => {
    assert.ok(!persons('Statement by Deputy National Security Advisor for Cyber Policy on the incidents').some((p) => p.includes('Advisor')));
    assert.deepStrictEqual(persons('The Deputy National Security Advisor spoke.'), []);
    // An abbreviated title at the end still is a name's part: "Hun Sen".
    assert.deepStrictEqual(persons('Prime Minister Hun Sen said so.'), ['Hun Sen']);
  });

  it('accords, agreements and pacts in the plural are no persons; nor a system, a missile or a paper after a name', () => {
    assert.deepStrictEqual(persons('They praised the Abraham Accords and the Minsk Agreements.'), []);
    assert.deepStrictEqual(persons('Funds will replenish Israel\'s Iron Dome system and Lithuania\'s Patriot missiles.'), []);
    assert.deepStrictEqual(persons('Germany\'s Frankfurter Allgemeine newspaper published the article.'), []);
  });

  it('a colour opens an organisation\'s name, not a person\'s', () => {
    assert.deepStrictEqual(persons('The Red Crescent said aid had arrived, and the White Helmets said so too.'), []);
    assert.deepStrictEqual(persons('Singer Barry White and Jack Black said they would come.'), ['Barry White', 'Jack Black']);
  });

  it('an apostrophe a page escaped does not split the word', () => {
    assert.deepStrictEqual(persons('Sean O\\\'Brien said the talks went well.'), ['Sean O\'Brien']);
  });
});

describe('entities on the third dev set: countries', () => {
  it('names written with "&" and "St." are the states', () => {
    assert.deepStrictEqual(countries('Ministers from Antigua & Barbuda, St. Kitts & Nevis, Trinidad & Tobago and St. Vincent & the Grenadines met.'),
      ['AG', 'KN', 'TT', 'VC']);
    assert.deepStrictEqual(countries('The St. Lucia delegation and Bosnia & Herzegovina signed.'), ['BA', 'LC']);
  });

  it('Northern Ireland is the United Kingdom, not Ireland', () => {
    assert.deepStrictEqual(countries('The summit will be held in Lough Erne, Northern Ireland.'), ['GB']);
  });

  it("an escaped apostrophe keeps the People's Republic of China from reading as the Republic of China", () => {
    assert.deepStrictEqual(countries('Meeting with President of the People\\\'s Republic of China.'), ['CN']);
  });

  it('a capital alone on a line under a headline is where the meeting was, not a country the piece is about', () => {
    assert.deepStrictEqual(countries('Talks with the President of Iran\nApril 24, 2002\nAshgabat\n\nRussia and Iran agreed to cooperate.'), ['IR', 'RU']);
    // Alone, it still says which country.
    assert.deepStrictEqual(countries('Talks\nAshgabat\n\nThe two presidents agreed to cooperate.'), ['TM']);
  });

  it('stays linear on long runs of "&" and "St." names', () => {
    const ratio = growthRatio((n) => 'St. Kitts & Nevis & '.repeat(n / 20) + 'People\\\'s '.repeat(n / 40), (text) => extractEntities({ title: null, body: text, outlet: null }), 20000);
    assert.ok(ratio < MAX_LINEAR_RATIO, `8× the input took ${ratio.toFixed(1)}× the time`);
  });
});
