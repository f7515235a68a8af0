// Fewer things that are not people taken for people (issue #13): companies, products, outlets, teams and
// place words read as names, each pinned on a sentence of its own (written here, not taken from the dev sets).
import * as assert from 'assert';
import { extractEntities } from '../../src/core/entities';

const persons = (body: string) => extractEntities({ title: null, body, outlet: null }).persons.map((p) => p.name).sort();

describe('entities: persons, precision', () => {
  it('a bare word only a reporting verb vouches for names no person when nothing else names it', () => {
    assert.deepStrictEqual(persons('Contoso announced on Monday that the old phone will lose support. Contoso says it is time.'), []);
    assert.deepStrictEqual(persons('Subsidies added to the bill included tax relief.'), []);
    // With a title elsewhere, or a full name, the bare word is the person's.
    assert.deepStrictEqual(persons('Mayor Brandt opened the fair. Brandt said it was the largest yet.'), ['Brandt']);
    assert.deepStrictEqual(persons('Jonas Brandt opened the fair. Brandt said it was the largest yet.'), ['Jonas Brandt']);
  });

  it('a title modifier alone ("first", "former", "acting") titles no bare word', () => {
    assert.deepStrictEqual(persons('It will be the first Expocon held in the south. First Thessalians was read aloud.'), []);
    // A full title still does, and "State" closing "Secretary of State" is one.
    assert.deepStrictEqual(persons('Then Senator Halvorsen spoke. Later Secretary of State Lindqvist\'s plane landed.'), ['Halvorsen', 'Lindqvist']);
  });

  it('lists: a titled bare word vouches for the full name after "and"; an organisation before an officer is no list', () => {
    assert.deepStrictEqual(persons('She has been talking to President Okonkwo and Tunde Adeyemo before the vote.'), ['Okonkwo', 'Tunde Adeyemo']);
    assert.deepStrictEqual(persons('The director of Citizens for Honest Budgets, Steve Ellis, offered his view.'), ['Steve Ellis']);
    // A list of names still vouches for its unknown members.
    assert.deepStrictEqual(persons('It will not bring back George Floyd, Breonna Taylor or the others.'), ['Breonna Taylor', 'George Floyd']);
  });

  it('a bare word after "the" (a team, a paper) confirms no full name ending in it', () => {
    assert.deepStrictEqual(persons('The Tamworth Falcons won again. The Falcons led early, and the Falcons kept the lead.'), []);
    // A bare family name without "the" still does.
    assert.deepStrictEqual(persons('Naledi Pandor spoke first. Pandor then left the hall.'), ['Naledi Pandor']);
  });

  it("a newspaper's head word ends a paper's name; a thing's noun before a run makes it a publication's or a product's", () => {
    assert.deepStrictEqual(persons('"Flood costs rise" — Halifax Courier, May 2, 2009. Read the Lethbridge Sun today.'), []);
    assert.deepStrictEqual(persons('It was published in the journal Ocean Dynamics Letters. Users of the browser Kestrel Nova said so.'), []);
    // A given name first is a person's name still.
    assert.deepStrictEqual(persons('Reporter Jennifer Sun wrote it. The band John Carter joined was new.'), ['Jennifer Sun', 'John Carter']);
  });

  it('a run after an organisation\'s head word and "of" goes on with its name; a person\'s starts at a given name', () => {
    assert.deepStrictEqual(persons('A student at University of Ohio Dayton Rania Haddad heard of it. Haddad said so.'), []);
    assert.deepStrictEqual(persons('A student at University of Ohio Dayton Michael Haddad heard of it.'), ['Michael Haddad']);
    assert.deepStrictEqual(persons('He met President of the Republic of China Hu Jintao in May.'), ['Hu Jintao']);
  });

  it('a function word of Spanish, Portuguese, French or Italian, or a sentence adverb, opens no name', () => {
    // Quoted and translated text: "Para" (for), "Entre" (between), "Não" (no), "Mais" (but) are capitalised by position only.
    assert.deepStrictEqual(persons('Teresa Quispe spoke. Para Teresa Quispe, la protesta es justa. Entre Quispe y el ministro no hay acuerdo.'), ['Teresa Quispe']);
    assert.deepStrictEqual(persons('Não Gilberto, disse ela. Mais Duval a refusé.'), []);
    assert.deepStrictEqual(persons('Suddenly Okafor was gone. Whenever Okafor speaks, the hall listens.'), []);
    // A given name that is no such word still opens one ("Per Stig Møller").
    assert.deepStrictEqual(persons('Per Stig Møller visited Oslo.'), ['Per Stig Møller']);
  });

  it('newspapers named in Cantonese, Spanish or Portuguese ("… Po", "Diario de …"), a -ción noun and "Free" before a name are no persons', () => {
    assert.deepStrictEqual(persons('Ming Kee Po stressed the new policy. Sing Tak Pao ran the story too.'), []);
    assert.deepStrictEqual(persons('Lucas Ferreira of Diario de Tumbes compiles the links. Jornal do Norte agreed.'), ['Lucas Ferreira']);
    assert.deepStrictEqual(persons('Lo que la Constitución y el Convenio dicen es claro.'), []);
    assert.deepStrictEqual(persons('Now is the time to speak with one voice: Free Aung San Suu Kyi.'), ['Aung San Suu Kyi']);
  });

  it("elided particles inside a name: Italian dell'/dall' and the Arabic article written with an apostrophe", () => {
    assert.deepStrictEqual(persons("Marcello dell'Utri said it was over."), ["Marcello dell'Utri"]);
    assert.deepStrictEqual(persons("Abdelhak al'Koush said it was over. Mohamed el'Baradei agreed."), ["Abdelhak al'Koush", "Mohamed el'Baradei"]);
    assert.deepStrictEqual(persons("Valéry Giscard d'Estaing said it was over."), ["Valéry Giscard d'Estaing"]);
  });

  it('armed groups named like persons ("Boko Haram", "al-Shabaab") are none', () => {
    assert.deepStrictEqual(persons('Boko Haram claimed the attack. Al-Shabaab fighters attacked the base.'), []);
  });
});

