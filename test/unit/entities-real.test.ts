// Rules of the entity extractor generalised from real articles (issue #13, the dev set in
// test/fixtures/devset), one family per test, on sentences written here (not dev-set text).
import * as assert from 'assert';
import { extractEntities } from '../../src/core/entities';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

const entities = (body: string) => extractEntities({ title: null, body, outlet: null });
const persons = (body: string) => entities(body).persons.map((p) => p.name).sort();
const countries = (body: string) => entities(body).countries.map((c) => c.code).sort();

describe('entities on real articles: persons', () => {
  it('a common given name that ends like a noun still vouches for the name', () => {
    assert.deepStrictEqual(persons('The board then heard from Gary Whitcombe and Zachary Tallis about the budget.'),
      ['Gary Whitcombe', 'Zachary Tallis']);
  });
  it('Cantonese family names and hyphenated two-syllable given names', () => {
    assert.deepStrictEqual(persons('Newcomers included Tsang Wing-hong and Lau Mei-ling of the Labour Party.'), ['Lau Mei-ling', 'Tsang Wing-hong']);
    assert.deepStrictEqual(persons('The vote went to Winnie Yeung and Marcus Chow.'), ['Marcus Chow', 'Winnie Yeung']);
    // A lower-case compound is not a given name: "Boston-born", "Green-have".
    assert.deepStrictEqual(persons('She is the first Boston-born mayor.'), []);
  });
  it('initials before a family name', () => {
    assert.deepStrictEqual(persons('The film recalls the trial of T.J. Hollister and the case of R Venkatesan.'), ['R Venkatesan', 'T.J. Hollister']);
    // "D.C." is no initial of a person; "H.E." (His Excellency) is no initial before "Dr." — but "Dr. Ruiz" is titled.
    assert.deepStrictEqual(persons('The ruling of the D.C. Circuit was cited by H.E. Dr. Ruiz.'), ['Ruiz']);
  });
  it('names in capitals in mixed-case text (transcripts, the Congressional Record)', () => {
    assert.deepStrictEqual(persons('I thank Senator ABERNATHY for that. And MARTIN QUIGG is the first of us.'), ['Abernathy', 'Martin Quigg']);
    // A headline in capitals names nobody.
    assert.deepStrictEqual(persons('MAIDEN SPEECH ON THE FLOOR\nSENATORS WILL JUDGE'), []);
  });
  it('a given name that is also an organisation word starts a name; compounds of given names vouch', () => {
    assert.deepStrictEqual(persons('The chairman, Bill Hartwell, opened. It is run by Mary-Louise Fenwick.'), ['Bill Hartwell', 'Mary-Louise Fenwick']);
    assert.deepStrictEqual(persons('The Senate passed the Bill.'), []);
  });
  it('a person noun in an apposition vouches for the name', () => {
    assert.deepStrictEqual(persons('Ketevan Orlova, a local woman, found it.'), ['Ketevan Orlova']);
  });
  it('an abbreviated title keeps its full stop', () => {
    assert.deepStrictEqual(persons('Thank you, Mr. Quennell. Dr. Abebe agreed.'), ['Abebe', 'Quennell']);
  });
  it('an unvouched full name in a list with a vouched one', () => {
    assert.deepStrictEqual(persons('They remembered George Tolliver, Breyana Marsh and Ketura Vane.'), ['Breyana Marsh', 'George Tolliver', 'Ketura Vane']);
    assert.deepStrictEqual(persons('It was founded by Goldman Sachs and Fort Myers.'), []);
    // A name confirmed in one list is confirmed where another list goes on from it.
    assert.deepStrictEqual(persons('We mourn George Tolliver, Breyana Marsh. Say it: Breyana Marsh–Ketura Vane.'), ['Breyana Marsh', 'George Tolliver', 'Ketura Vane']);
  });
  it('elided particles inside a name', () => {
    assert.deepStrictEqual(persons('She studied under Prof. Chiara d\'Albertis in Turin.'), ['Chiara d\'Albertis']);
  });
  it('role nouns before a name act as titles', () => {
    assert.deepStrictEqual(persons('The plan was drafted by councillor Brennagh Tolley and researcher Oku Mbeki-Sayre.'),
      ['Brennagh Tolley', 'Oku Mbeki-Sayre']);
  });
  it('group adjectives, US states and hyphenated group words are not names', () => {
    assert.deepStrictEqual(persons('He became the first Jewish Senator and spoke for African-American voters in Texas.'), []);
    assert.deepStrictEqual(persons('She ran for Governor of Nebraska.'), []);
  });
  it('credit lines name the staff, not persons of the story', () => {
    assert.deepStrictEqual(persons('Talks resumed in Geneva, Minister Ondrej Halas said.\nReporting by Jane Wetherby and Tom Arliss; Editing by Mark Pellow'),
      ['Ondrej Halas']);
  });
  it('events, storms, festivals and documents are not persons', () => {
    assert.deepStrictEqual(persons('Cyclone Marlowe hit the coast during the Lantern Festival and National Poetry Month. An Open Letter followed.'), []);
    assert.deepStrictEqual(persons('Voters in Kowloon West and Halden North stayed home.'), []);
  });
  it('a name between an organisation and a reporting verb', () => {
    assert.deepStrictEqual(persons('The director of the Housing Council Edvin Marrak told reporters no.'), ['Edvin Marrak']);
  });
  it('a family name that is also a word, before a reporting verb', () => {
    assert.deepStrictEqual(persons('Prime Minister John Key said the vote would go ahead.'), ['John Key']);
  });
  it('an author after "written by" or "a paper by"', () => {
    assert.deepStrictEqual(persons('They read a memoir written by Ferris Oldacre and a paper by Ines Kowalczyk.'), ['Ferris Oldacre', 'Ines Kowalczyk']);
  });
  it('catalogue-inverted names, not interview replies', () => {
    assert.deepStrictEqual(persons('Good books:\nBronte, Anne. Selected\nDickens, Charles and Chekhov, Anton. Stories'),
      ['Anne Bronte', 'Anton Chekhov', 'Charles Dickens']);
    assert.deepStrictEqual(persons('Did you like it?\nYes, Michael. We did.'), []);
  });
  it('no name ends in an initial; a title word after a full name is not part of it', () => {
    assert.deepStrictEqual(persons('In 1988 [George H. W.] Bush won.'), []);
    assert.deepStrictEqual(persons('They passed the Emmett Till Justice for Victims Act.'), ['Emmett Till']);
  });
});

describe('entities on real articles: countries', () => {
  it('a demonym read as a language is not a mention', () => {
    assert.deepStrictEqual(countries('The books are in German. Some come in languages like Polish, Hebrew, and Japanese.'), []);
    assert.deepStrictEqual(countries('German troops crossed into Polish territory.'), ['DE', 'PL']);
  });
  it('a currency code is not the country', () => {
    assert.deepStrictEqual(countries('Damage was put at US$10 billion.'), []);
  });
  it('cultural phrases are not mentions', () => {
    assert.deepStrictEqual(countries('They marked Chinese New Year with Irish Cream and Turkish coffee.'), []);
  });
  it('plural demonyms count whatever their entry is (Saudis)', () => {
    assert.deepStrictEqual(countries('The economy is close to the Saudis\'. So it goes.'), ['SA']);
  });
  it('lower-case hyphenated compounds with a country word count', () => {
    assert.deepStrictEqual(countries('The half-Chinese candidate beat the pro-Moscow one.'), ['CN', 'RU']);
  });
  it('a capital in a dateline counts only with another mention, or alone', () => {
    assert.deepStrictEqual(countries('HAVANA (RHC) -- The harvest was late this year.'), ['CU']);
    assert.deepStrictEqual(countries('WASHINGTON (Reuters) - Chile and Peru signed a deal on Monday.'), ['CL', 'PE']);
    assert.deepStrictEqual(countries('WASHINGTON (Reuters) - Chile signed a deal with the United States.'), ['CL', 'US']);
    // A sentence opening with a capital is no dateline.
    assert.deepStrictEqual(countries('It met in Tripoli.\nAnkara, which backed it, agreed.'), ['LY', 'TR']);
  });
});

describe('entities on real articles: linear time', function () {
  this.timeout(60000);
  const cases: Record<string, (n: number) => string> = {
    'credit lines': (n) => 'Reporting by Ann Lee and '.repeat(n / 25),
    'language lists': (n) => 'in German, '.repeat(n / 11),
    'inverted names': (n) => 'Austen, Jane and '.repeat(n / 17),
    'forms of one name and titled surnames': (n) => 'Joe Biden met Joseph R. Biden Jr. and George H.W. Bush; President Biden and Mr. Bush said. '.repeat(n / 92),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`extracts entities from ${name} repeated`, () => {
      const ratio = growthRatio(make, (text) => entities(text), 50000);
      assert.ok(ratio < MAX_LINEAR_RATIO, `${name}: 8× the input took ${ratio.toFixed(1)}× the time`);
    });
  }
});
