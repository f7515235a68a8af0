// Persons named in an article. Runs of capitalised words (with name particles: "bin", "da", "van der",
// "al-") are cut of their leading modifiers — titles and roles, demonyms and country words, the head of
// an organisation ("Russian Security Council Dmitry Medvedev") — up to the first given name; runs that
// are an organisation, a place or an event ("Nelson Mandela Foundation", "Kennedy era") are dropped.
// A full-name candidate (two to five words) stands when something vouches for it: a known given name,
// a title or role before it, a reporting verb after it ("said"), an apposition (", who", ", the former
// footballer"), a country's possessive ("Kazakhstan's"), a particle only names have ("bin", "van der",
// "al-"). Otherwise it stands only if the article confirms it: its bare family name used elsewhere
// ("Pandor said") or a relative's full name ("Victoria Beckham" beside "David Beckham"); "Goldman Sachs"
// and "Fort Myers" have neither. Bare words ("Lavrov", "Rodríguez Parrilla", "Prince Mohammed",
// "Anwar") then attach to the one full name of the article they are part of, aliases ("known as
// Jokowi") to the person named just before. Ids depend on the name alone, so the same person gets the
// same id in every article and every run ("Serguei"/"Sergey"/"Sergei Lavrov" → sergei-lavrov).

import type { PersonMention } from '../types';
import { isDemonym, isGazetteerPhrase, lookupCountry } from './countries';
import {
  AFTER_NAME_NOT_PERSON, ALIAS_CUES, APPOSITION_ARTICLES, APPOSITION_NOUNS, APPOSITION_WORDS, COMMON_SUFFIX_RE, COMMON_WORDS, EAST_ASIAN_SURNAMES,
  AUTHORED_WORDS, TO_A_PERSON, COMMON_GIVEN_NAMES, PUBLICATION_HEADS, THING_NOUNS, COMPASS_WORDS, CREDIT_WORDS, INTERJECTIONS, GIVEN_NAMES, GROUP_ADJECTIVES, KIN_WORDS, NAME_PARTICLES, US_STATES, NAME_SUFFIXES, NON_PERSON_WORDS, PATRONYMIC_PARTICLES, PERSON_PARTICLES, PERSON_PASSIVES, PLACE_PREPOSITIONS,
  SPEECH_VERBS, STOP_WORDS, FOREIGN_STOP_WORDS, TITLE_WORDS,
} from './lexicon';
import { tokenize, type Token } from './tokens';
import { translitKey } from './translit';
import { memoizeString } from '../memo';

interface Mention {
  tokens: Token[];
  titled: boolean;
  /** A single country word ("Montenegro"): a person only as the surname of a full name in the article. */
  country: boolean;
  /** Nothing vouched for it ("Paris Mitchell", "Naledi Pandor"): a person only if the article confirms it. */
  weak: boolean;
  /** After "known as" / "nicknamed": another name of the person named just before. */
  alias?: boolean;
  /** A bare word vouched for only by a reporting verb after it ("Microsoft announced", "Reuters said"): it attaches to
   *  a full name or a titled mention of the same word, but alone it names no person. */
  spoken?: boolean;
  /** Token index of the run the mention came from, and one past its end (for lists of names). */
  at?: number;
  until?: number;
}

// What the lexicons say of a word, as bits, computed once per distinct word and kept (bounded) across
// articles: a run of capitalised words asks the same questions of each word several times.
const GIVEN = 1;
const EAST_ASIAN = 2;
const COUNTRY = 4;
const DEMONYM = 8;
const TITLE = 16;
const STOP = 32;
const COMMON = 64;
const NON_PERSON = 128;
const NOUN_ENDING = 256;
const NAME_SUFFIX = 512;
const COMMON_GIVEN = 1024;
const GROUP = 2048;
const US_STATE = 4096;
/** `nameish` (a function of the word as written, like the rest). */
const NAMEISH = 8192;

/** Keyed by the word as written; all-caps words apart (a two-letter word is a country code only in capitals). */
const flagCache = new Map<string, number>();
const capsFlagCache = new Map<string, number>();

function flagsOf(t: Token): number {
  if (t.flags >= 0) return t.flags;
  const cache = t.allCaps ? capsFlagCache : flagCache;
  let f = cache.get(t.text);
  if (f === undefined) {
    const key = t.key;
    const tk = translitKey(t.text);
    f = (GIVEN_NAMES.has(tk) ? GIVEN : 0)
      | (EAST_ASIAN_SURNAMES.has(tk) ? EAST_ASIAN : 0)
      // Two-letter words are country codes only in capitals: "Li Qiang" and "De Croo" are not Liechtenstein or Germany.
      | ((t.text.length > 2 || t.allCaps) && lookupCountry(t.text) !== null ? COUNTRY : 0)
      | (isDemonym(t.text) || (key.endsWith('s') && isDemonym(t.text.slice(0, -1))) ? DEMONYM : 0)
      // "Vice-Chancellor", "Vice-President": a compound of title words is a title.
      | (TITLE_WORDS.has(key) || (key.includes('-') && key.split('-').every((part) => TITLE_WORDS.has(part)))
        // "Vice Presidents", "Senators": the plural of a title is a title.
        || (key.length > 4 && key.endsWith('s') && TITLE_WORDS.has(key.slice(0, -1))) ? TITLE : 0)
      | (STOP_WORDS.has(key) || FOREIGN_STOP_WORDS.has(key) ? STOP : 0)
      | (COMMON_WORDS.has(key) ? COMMON : 0)
      // "Cities", "Agencies", "Embassies": the plural of an organisation's or place's head word (only "-ies": "Parks",
      // "Rivers", "Banks" are family names).
      | (NON_PERSON_WORDS.has(key) || (key.endsWith('ies') && NON_PERSON_WORDS.has(`${key.slice(0, -3)}y`)) ? NON_PERSON : 0)
      | (COMMON_SUFFIX_RE.test(key) ? NOUN_ENDING : 0)
      | (NAME_SUFFIXES.has(key) ? NAME_SUFFIX : 0)
      | (COMMON_GIVEN_NAMES.has(tk) ? COMMON_GIVEN : 0)
      | (GROUP_ADJECTIVES.has(key) ? GROUP : 0)
      | (US_STATES.has(key) ? US_STATE : 0)
      | (nameishUncached(t) ? NAMEISH : 0);
    if (cache.size >= 100_000) cache.clear();
    cache.set(t.text, f);
  }
  t.flags = f;
  return f;
}

const has = (t: Token, flag: number) => (flagsOf(t) & flag) !== 0;
const isGiven = (t: Token) => has(t, GIVEN);
const isEastAsianSurname = (t: Token) => has(t, EAST_ASIAN);
const isCountryWord = (t: Token) => has(t, COUNTRY);

/** "South Korean", "South Africans": a demonym (or its plural) is a people, not a person. */
const isDemonymPhrase = (tokens: Token[]) => {
  const text = tokens.map((t) => t.text).join(' ');
  return lookupCountry(text) !== null || (/s$/.test(text) && lookupCountry(text.slice(0, -1)) !== null);
};

const ARABIC_ARTICLE_RE = /^(?:al|el|ad|ash|as|at|az)-\p{Lu}/u;
/** A middle initial: "W" (its full stop is in the gap) or "H.W.". */
const INITIAL_RE = /^\p{Lu}$|^(?:\p{Lu}\.){1,3}$|^(?:\p{Lu}\.){1,2}\p{Lu}$/u;
/** Elided particles inside a name: French and Italian "d'Ettorre", "d'Estaing", "dell'Utri", and the Arabic article
 *  written with an apostrophe ("Abdelhak al'Koush", "el'Baradei"). */
const ELIDED_PARTICLE_RE = /^(?:[dl]|dell|dall|al|el)['’]\p{Lu}/u;
/** Cheap test first: an apostrophe as the second, third or fifth character. */
const elided = (text: string) => {
  const apostrophe = (i: number) => { const c = text.charCodeAt(i); return c === 39 || c === 0x2019; };
  return (apostrophe(1) || apostrophe(2) || apostrophe(4)) && ELIDED_PARTICLE_RE.test(text);
};
/** A romanised Chinese or Korean given name: two syllables joined by a hyphen ("Ka-ki", "Cheuk-ting", "Jong-un"). */
const SYLLABLE_PAIR_RE = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{1,6}$/u;
/** An acronym written with inner capitals ("IoT", "PhD", "CoE"): ends in a capital after a lower-case letter. */
const MIXED_ACRONYM_RE = /\p{Ll}\p{Lu}+$/u;

const CONTRACTION_RE = /['’](?:m|re|ve|ll|d)$|n['’]t$/i;

/** Could this token be part of a name? (capitalised word, initial or particle; not an acronym, no digits) Kept with the
 *  word's other bits: it is asked of every capitalised word and of the words after it, and runs up to three regexes. */
const nameish = (t: Token): boolean => (flagsOf(t) & NAMEISH) !== 0;

function nameishUncached(t: Token): boolean {
  // "I'm", "We've", "They'll": contractions are never part of a name.
  if (CONTRACTION_RE.test(t.text)) return false;
  if (!t.capitalised) return NAME_PARTICLES.has(t.key) || (t.text.includes('-') && ARABIC_ARTICLE_RE.test(t.text)) || elided(t.text);
  const c = t.text.charCodeAt(t.text.length - 1);
  // (The regex only for a word ending in an ASCII capital that is not all capitals: most words end in a small letter.)
  const lastCode = t.text.charCodeAt(t.text.length - 1);
  if (lastCode >= 65 && lastCode <= 90 && !t.allCaps && MIXED_ACRONYM_RE.test(t.text)) return false;
  if (c >= 48 && c <= 57) return false;
  if (t.allCaps) return t.text.length === 1 || INITIAL_RE.test(t.text);
  return !/\d/.test(t.text);
}

/** The next token continues the run: one space after the previous word (or ". " after an initial: "George W. Bush", "O.J. Simpson"). */
function joined(previous: Token, t: Token): boolean {
  if (previous.possessive) return false;
  return t.gap === ' ' || (t.gap === '. ' && (previous.text.length === 1 || (previous.allCaps && INITIAL_RE.test(previous.text))));
}

function extractMentions(tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  const n = tokens.length;
  // "Reporting by Jane Doe; Editing by John Roe": names after a credit's "by" up to the end of its clause
  // are the piece's staff, not persons it names.
  let creditUntil = -1;
  for (let i = 0; i < n; ) {
    const first = tokens[i]!;
    if (first.key === 'by' && i >= creditUntil && i > 0 && CREDIT_WORDS.has(tokens[i - 1]!.key) && first.gap === ' ') {
      creditUntil = i + 1;
      while (creditUntil < n && !tokens[creditUntil]!.sentenceStart) creditUntil++;
    }
    if (first.allCaps && i >= creditUntil) {
      const caps = capitalsName(tokens, i);
      if (caps) {
        mentions.push(caps.mention);
        i = caps.end;
        continue;
      }
    }
    if (!first.capitalised || !nameish(first) || i < creditUntil) {
      i++;
      continue;
    }
    const inverted = invertedName(tokens, i);
    if (inverted) {
      mentions.push(inverted.mention);
      i = inverted.end;
      continue;
    }
    let end = i + 1;
    while (end < n && joined(tokens[end - 1]!, tokens[end]!) && nameish(tokens[end]!)) end++;
    // Particles may not close a name ("al-Assad" may).
    let last = end;
    while (last > i && !tokens[last - 1]!.capitalised && !ARABIC_ARTICLE_RE.test(tokens[last - 1]!.text) && !elided(tokens[last - 1]!.text)) last--;
    // Most runs are one ordinary capitalised word ("The", "He", "Monday"): rejected at once.
    if (!(last === i + 1 && (has(first, STOP) || has(first, COMMON) || has(first, TITLE)))) {
      const mention = candidate(tokens, i, last);
      if (mention) {
        if (aliasCue(tokens, i)) mention.alias = true;
        mention.at = i;
        mention.until = last;
        mentions.push(mention);
      }
    }
    i = end;
  }
  // A list of names: "George Floyd, Breonna Taylor and …", "Ben Chan and Leung Che-cheung": an unvouched full name
  // next to a vouched one, with only a comma or "and" between, is a person too (twice over: the list may run on).
  // A name confirmed once is confirmed at each of its mentions, so the list may go on from a later one.
  const confirmed = new Set<string>();
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < mentions.length; j++) {
      const m = mentions[j]!;
      if (!m.weak || m.tokens.length < 2 || has(m.tokens[0]!, COMMON) || (m.tokens[0]!.text.includes('-') && !hyphenatedGiven(m.tokens[0]!))) continue;
      if (confirmed.has(keysOf(m.tokens).join(' ')) || listed(tokens, mentions, j - 1) || listed(tokens, mentions, j)) {
        m.weak = false;
        confirmed.add(keysOf(m.tokens).join(' '));
      }
    }
  }
  return mentions;
}

/** How two mentions are joined as neighbours in a list ("A B, C D", "A B and C D", "A B–C D"), if they are. */
function listJoin(tokens: Token[], a: Mention | undefined, b: Mention | undefined): 'comma' | 'and' | 'dash' | null {
  if (!a || !b || a.until === undefined || b.at === undefined) return null;
  const next = tokens[a.until];
  if (!next) return null;
  if (b.at === a.until) return next.gap === ', ' ? 'comma' : next.gap === '–' || next.gap === '—' || next.gap === ' – ' ? 'dash' : null;
  return b.at === a.until + 1 && next.key === 'and' && (next.gap === ' ' || next.gap === ', ') && tokens[b.at]!.gap === ' ' ? 'and' : null;
}

/** Are mentions[j] and mentions[j + 1] neighbours in a list of names, one of them vouched for? A full name, or with
 *  "and" a bare word a title vouches for ("President Kibaki and Raila Odinga"). An unvouched name after "for"/"of" and
 *  before a comma is an organisation's, the name after it its officer's ("Vice President of Taxpayers for Common Sense,
 *  Steve Ellis, said"). */
function listed(tokens: Token[], mentions: Mention[], j: number): boolean {
  const a = mentions[j];
  const b = mentions[j + 1];
  if (!a || !b || (a.weak && b.weak) || a.tokens.length + b.tokens.length < 3) return false;
  const join = listJoin(tokens, a, b);
  if (!join) return false;
  if (a.tokens.length < 2 || b.tokens.length < 2) {
    const bare = a.tokens.length < 2 ? a : b;
    return join === 'and' && bare.titled && !bare.spoken;
  }
  if (join === 'comma' && a.weak && a.at !== undefined) {
    const before = tokens[a.at - 1];
    if (before && (before.key === 'for' || before.key === 'of') && !before.capitalised && tokens[a.at]!.gap === ' ') return false;
  }
  return true;
}

/** Names in capitals in mixed-case text, as transcripts and the Congressional Record print them: a surname after a
 *  title ("Senator PADILLA", "Vice President HARRIS"), or a given name and a surname ("JOHN OSSOFF") between words
 *  that are not capitals (a headline in capitals names nobody this way). Shown in title case. */
function capitalsName(tokens: Token[], i: number): { mention: Mention; end: number } | null {
  const t = tokens[i]!;
  if (t.text.length < 3 || !/^\p{Lu}+$/u.test(t.text)) return null;
  const before = tokens[i - 1];
  const titleCase = (x: Token): Token => ({ ...x, text: x.text[0] + x.text.slice(1).toLowerCase(), allCaps: false, flags: -1 });
  const plain = (x: Token | undefined) => !x || !x.allCaps;
  if (before && !before.allCaps && has(before, TITLE) && (t.gap === ' ' || (t.gap === '. ' && ABBREVIATED_TITLES.has(before.key)))
    && !has(t, STOP | TITLE | NON_PERSON | COUNTRY)) {
    return { mention: { tokens: [titleCase(t)], titled: true, country: false, weak: false }, end: i + 1 };
  }
  const next = tokens[i + 1];
  if (next && next.gap === ' ' && next.text.length >= 3 && /^\p{Lu}+$/u.test(next.text) && plain(before) && plain(tokens[i + 2])) {
    const a = titleCase(t);
    const b = titleCase(next);
    if (has(a, GIVEN | COMMON_GIVEN) && !has(b, STOP | TITLE | NON_PERSON | COUNTRY | COMMON)) {
      return { mention: { tokens: [a, b], titled: true, country: false, weak: false }, end: i + 2 };
    }
  }
  return null;
}

/** A catalogue's inverted name: "Austen, Jane.", "Macaulay, Thomas Babington.", "Marx, Karl and Engels, Friedrich.": a
 *  family name opening a sentence (or after "and"), a comma, one or two name words starting with a given name, then the
 *  end of the sentence or "and". The mention is the name in reading order. */
function invertedName(tokens: Token[], i: number): { mention: Mention; end: number } | null {
  const family = tokens[i]!;
  const comma = tokens[i + 1];
  if (!comma || comma.gap !== ', ' || !comma.capitalised || family.possessive || family.text.includes('-')) return null;
  if (!(family.sentenceStart || tokens[i - 1]?.key === 'and')) return null;
  if (has(family, STOP | COMMON | TITLE | NON_PERSON | DEMONYM | GIVEN | GROUP | US_STATE) || family.allCaps || INTERJECTIONS.has(family.key)) return null;
  if (!has(comma, GIVEN | COMMON_GIVEN) || has(comma, STOP | TITLE | COUNTRY)) return null;
  let end = i + 2;
  if (end < tokens.length && tokens[end]!.gap === ' ' && tokens[end]!.capitalised && !has(tokens[end]!, STOP | COMMON | TITLE | NON_PERSON)) end++;
  const next = tokens[end];
  const closed = !next || next.key === 'and' || (/^[.;]\s/.test(next.gap) || /\n/.test(next.gap));
  if (!closed || tokens[end - 1]!.possessive) return null;
  const given = tokens.slice(i + 1, end).map((t, k) => ({ ...t, gap: k === 0 ? '' : ' ' }));
  return { mention: { tokens: [...given, { ...family, gap: ' ' }], titled: true, country: false, weak: false }, end };
}

/** Title words that modify a title ("Prime Minister", "Foreign Secretary", "former President") but are none alone: before
 *  a bare word they title nothing ("the first Wikimania", "First Corinthians", "the acting Chair"). */
const MODIFIER_TITLES = new Set(['first', 'prime', 'vice', 'foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'trade', 'health',
  'education', 'affairs', 'state', 'acting', 'former', 'late', 'incoming', 'outgoing', 'opposition', 'party', 'top', 'senior', 'junior',
  'assistant', 'under', 'field', 'executive']);

/** A title word just before the run: "President Putin", "Foreign Minister, Sergey Lavrov". `bare`: the run is one word,
 *  which a title modifier alone does not title. */
function titledAt(tokens: Token[], start: number, bare = false): boolean {
  const before = tokens[start - 1];
  if (!before || !has(before, TITLE) || (bare && MODIFIER_TITLES.has(before.key))) return false;
  const gap = tokens[start]!.gap;
  // "Mr. Wasserstrom", "Dr. Nelson": an abbreviated title keeps its full stop.
  return gap === ' ' || gap === ', ' || (gap === '. ' && ABBREVIATED_TITLES.has(before.key));
}

/** Endings of adjectives and agent nouns ("Nonpartisan", "Socialist", "Federal", "Retired"): not a given name opening a run. */
const ADJECTIVE_ENDING_RE = /(?:an|ist|al|ic|ed|ing|ive|ous|ary|ese|ish|ern|er|less|ful)$/;

const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'rev', 'sgt', 'adm', 'supt', 'amb']);

const SINGLE_REJECT = STOP | COMMON | TITLE | NON_PERSON | DEMONYM | NAME_SUFFIX | GROUP | US_STATE;

/** "Pan-democrat", "Co-founder", "York-born": a hyphenated word with a lower-case part that is not a romanised
 *  syllable after a Chinese or Korean family name ("Kwok Ka-ki") or an elided particle. */
function lowerCompound(t: Token, before: Token | undefined): boolean {
  if (!t.capitalised || !t.text.includes('-')) return false;
  // "Ka-ki" after a Chinese family name is a given name; "York-born", "Green-have" are not.
  if (SYLLABLE_PAIR_RE.test(t.text) && !!before && before.end + 1 === t.start && has(before, EAST_ASIAN)) return false;
  const parts = t.text.split('-');
  for (let k = 1; k < parts.length; k++) if (parts[k] && !/^\p{Lu}/u.test(parts[k]!) && !ELIDED_PARTICLE_RE.test(parts[k]!)) return true;
  return false;
}

/** A hyphenated word some part of which is lower case, a group or a place ("York-born", "African-American", "Biden-Harris"
 *  is a pair of names, not one). */
function compoundNotName(text: string): boolean {
  const parts = text.split('-');
  for (const part of parts) {
    if (!part || !/^\p{Lu}/u.test(part)) return true;
    const key = part.toLowerCase();
    if (GROUP_ADJECTIVES.has(key) || US_STATES.has(key) || NON_PERSON_WORDS.has(key) || isDemonym(part) || lookupCountry(part) !== null) return true;
  }
  return false;
}

/** A one-word run ("Lavrov", "Montenegro"): a bare name, to be attached to a full name later. */
function single(tokens: Token[], start: number): Mention | null {
  const t = tokens[start]!;
  const f = flagsOf(t);
  if (f & SINGLE_REJECT || t.allCaps || INITIAL_RE.test(t.text)) return null;
  if (f & NOUN_ENDING && !(f & (GIVEN | EAST_ASIAN))) return null;
  // "African-American", "New York-born", "Biden-Harris": a compound of group, place or lower-case parts is no name.
  if (t.text.includes('-') && !ARABIC_ARTICLE_RE.test(t.text) && compoundNotName(t.text)) return null;
  const after = tokens[start + 1];
  if (after && after.gap === ' ' && !after.capitalised) {
    // "the Kennedy era" (but "Assad's government" is his).
    if (AFTER_NAME_NOT_PERSON.has(after.key) && !t.possessive) return null;
    // "Lavrov said" (but not "in Miami warned").
    if (SPEECH_VERBS.has(after.key) && !afterPlaceWord(tokens, start)) {
      const titled = titledAt(tokens, start, true);
      return { tokens: [t], titled: true, spoken: !titled, country: (f & COUNTRY) !== 0, weak: false };
    }
  }
  // "his wife Laura", "brother Tom": a kin word before a lone given name names someone by first name only.
  const before = tokens[start - 1];
  if (before && KIN_WORDS.has(before.key) && !before.capitalised && f & (GIVEN | COMMON_GIVEN)) return null;
  return { tokens: [t], titled: titledAt(tokens, start, true), country: (f & COUNTRY) !== 0, weak: false };
}

/** Colours: the first word of organisations' and places' names ("Red Crescent", "Blue Nile"), not a given name. */
const COLOUR_WORDS = new Set(['red', 'green', 'blue', 'white', 'black', 'yellow', 'orange', 'golden', 'silver', 'purple', 'grey', 'gray']);

/** Articles of French, Spanish, Italian and Portuguese, and German's der/die, that open a run: "Le Monde", "El Tiempo",
 *  "Der Spiegel", "Die Zeit" (not "das": an Indian family name). */
const ROMANCE_ARTICLES = new Set(['le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'der', 'die']);

/** "the journal Nature …", "the browser Firefox": a thing's noun right before a run that does not start with a given name. */
function afterThingNoun(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  return !!before && !before.capitalised && THING_NOUNS.has(before.key) && tokens[start]!.gap === ' ' && !has(tokens[start]!, GIVEN | COMMON_GIVEN);
}

/** The person mention in tokens[start, end), if any. */
function candidate(tokens: Token[], start: number, end: number): Mention | null {
  if (afterThingNoun(tokens, start)) return null;
  if (end - start === 1) return single(tokens, start);
  const titledBefore = titledAt(tokens, start);
  let titled = titledBefore;
  // "Paris Mitchell": a country name and one more word, a person only if the article confirms the bare name.
  if (end - start === 2 && !titledBefore) {
    const c = tokens[start]!;
    const x = tokens[start + 1]!;
    if ((flagsOf(c) & (COUNTRY | DEMONYM)) === COUNTRY && !(flagsOf(x) & (COUNTRY | GIVEN | TITLE | STOP | COMMON | NON_PERSON | NOUN_ENDING))
      && !x.allCaps && !lookupCountry(`${c.text} ${x.text}`)) {
      return { tokens: [c, x], titled: false, country: false, weak: true };
    }
  }
  // A Romance article opens the name of a paper, a place or a brand ("Le Monde", "Le Mans", "El Tiempo"), not a
  // person's: a name inside the run starts at a given name ("Le Monde Diplomatique Ignacio Ramonet").
  if (ROMANCE_ARTICLES.has(tokens[start]!.key) && tokens[start]!.text !== tokens[start]!.text.toUpperCase()) {
    let k = start + 1;
    while (k < end - 1 && !has(tokens[k]!, GIVEN | COMMON_GIVEN)) k++;
    if (k >= end - 1 || k === start + 1) return null;
    return candidate(tokens, k, end);
  }
  // Leading modifiers, up to the first given name: "Russian Foreign Minister", "Philippine Vice President",
  // "Russian Security Council" (an organisation: what follows must then start with a given name).
  let cut = start;
  // "University of Texas Arlington Amneh Jafari", "Bank of Nova Scotia …": a run right after an organisation's head word
  // and "of" goes on with its name; a person's name in it starts at a given name.
  const organisationOf = organisationOfBefore(tokens, start);
  let afterOrganisation = organisationOf;
  // The last title word (a modifier alone titles no bare word: "First Corinthians").
  let lastTitle = titledBefore ? tokens[start - 1] : undefined;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    const f = flagsOf(t);
    // "Sheikh" is a title before a name and a given name ("Sheikh Hasina") only when nothing follows.
    if (f & GIVEN && !(f & TITLE && k + 1 < end && tokens[k + 1]!.capitalised)) break;
    // A capitalised function word in mid-sentence right after a title is a name: "Vietnamese leader To Lam".
    if (k === start && titledBefore && !t.sentenceStart && k + 1 < end && (f & (STOP | TITLE)) === STOP) break;
    // A title word that ends the run modifies nothing: "Hun Sen" (not "Sen." Hun), "the Emmett Till Justice
    // for Victims Act" — but one after words that open no name ends a role: "Deputy National Security Advisor".
    // (A state's name before it is the state's office: "Virginia Governor".)
    if ((f & (TITLE | STOP)) === TITLE && k === end - 1 && k > cut && (ABBREVIATED_TITLES.has(t.key) || (has(tokens[cut]!, GIVEN | COMMON_GIVEN) && !(k === cut + 1 && has(tokens[cut]!, US_STATE))))) break;
    if (f & (TITLE | STOP | GROUP) || lowerCompound(t, tokens[k - 1])) {
      // "Senate Majority Leader Harry Reid": a title after an organisation's name is its office; a name follows.
      if (f & TITLE) {
        titled = true;
        lastTitle = t;
        afterOrganisation = false;
      }
      cut = k + 1;
    } else if (f & US_STATE && !(f & COMMON_GIVEN) && k + 1 < end) {
      cut = k + 1;
    } else if (f & NON_PERSON) {
      cut = k + 1;
      afterOrganisation = true;
      titled = false;
    } else if (f & COUNTRY && k + 1 < end) {
      // Right after a title, a country name (not a demonym) followed by another name word is a given name:
      // "Foreign Minister Israel Katz" (but "Former Kazakh President …").
      const previousIsTitle = k > start ? has(tokens[k - 1]!, TITLE) : titledBefore;
      if (previousIsTitle && !(f & DEMONYM) && !(flagsOf(tokens[k + 1]!) & (COUNTRY | TITLE | STOP | NON_PERSON))
        && !lookupCountry(`${t.text} ${tokens[k + 1]!.text}`)) break;
      // "Prime Minister of Japan Yoshiro Mori": the country closes a role phrase, and the title vouches for the name.
      if (k === start && roleOfBefore(tokens, start) && roleAdjacent(tokens, start)) titled = true;
      cut = k + 1;
    }
  }
  let from = cut;
  let to = end;
  if (from >= to) return null;
  // A whole place, capital or region phrase ("Abu Dhabi", "United Arab Emirates", "West African").
  if (to - from > 1 && isGazetteerPhrase(tokens.slice(from, to))) return null;
  // A given name after unknown words starts the name ("Foreign Minsiter Felipe Perez Roque"); after a role phrase
  // ("Minister of Culture Gilberto Gil", "Secretary of State for Industry X Y") a common given name does too.
  const roleOf = roleOfBefore(tokens, start);
  if (!isGiven(tokens[from]!) && !isEastAsianSurname(tokens[from]!)) {
    for (let k = from + 1; k < to - 1; k++) {
      // …but not a father's name after "bin"/"van" ("Tamim bin Hamad Al Thani").
      if ((isGiven(tokens[k]!) || (roleOf && has(tokens[k]!, COMMON_GIVEN))) && !NAME_PARTICLES.has(tokens[k - 1]!.key)) {
        // …nor when one unknown word opens the run and could itself be a given name ("Abdelbaset Ali al-Megrahi",
        // "co-pilot Remi Emmanuel Plesel", "João Pedro Stédile"): nothing before it was cut, and it is no place,
        // people, common or organisation word.
        // (An unknown word with an adjective's ending is a modifier: "Nonpartisan Paul Tse".)
        if (!roleOf && from === start && k === from + 1 && !(flagsOf(tokens[from]!) & (COUNTRY | DEMONYM | US_STATE | GROUP | COMMON | NOUN_ENDING | NON_PERSON))
          && (has(tokens[from]!, COMMON_GIVEN) || !ADJECTIVE_ENDING_RE.test(tokens[from]!.key)) && !isGazetteerPhrase([tokens[from]!])) break;
        titled = true;
        from = k;
        break;
      }
    }
  }
  const speechAfterRun = !!tokens[end] && SPEECH_VERBS.has(tokens[end]!.key) && tokens[end]!.gap === ' ';
  // (After "Republic of China" a Chinese family name starts one: "Hu Jintao".)
  if (afterOrganisation && !isGiven(tokens[from]!) && !(organisationOf && from > start && isEastAsianSurname(tokens[from]!))) {
    // "CEO of the Refugee Council Enver Solomon told …": two name words between an organisation and a reporting verb.
    if (!(speechAfterRun && to - from === 2 && !(flagsOf(tokens[from]!) & (NOUN_ENDING | COMMON | COUNTRY)) && !(flagsOf(tokens[from + 1]!) & (NOUN_ENDING | COUNTRY)))) return null;
    titled = true;
  }
  // A headline word ends the name ("Maduro Already in Moscow", "Sergey Lavrov Visiting Venezuela"), but not a
  // family name that is also a word right before a reporting verb ("Prime Minister John Key said").
  for (let k = from + 1; k < to; k++) {
    if (has(tokens[k]!, COMMON) && k === end - 1 && speechAfterRun && !has(tokens[k]!, STOP)) continue;
    if (has(tokens[k]!, COMMON) || has(tokens[k]!, STOP)) {
      to = k;
      break;
    }
  }
  // Organisations, places and events: "Nelson Mandela Foundation", "José Martí Memorial", "Prensa Latina".
  // (A given name that is also such a word starts a name: "Bill Green", not a parliament's bill.)
  for (let k = from; k < end; k++) if (has(tokens[k]!, NON_PERSON) && !(k === from && to - from > 1 && isGiven(tokens[k]!))) return null;
  const after = tokens[to];
  if (after && !after.capitalised && AFTER_NAME_NOT_PERSON.has(after.key) && after.gap === ' ' && !tokens[to - 1]!.possessive) return null;
  let seq = tokens.slice(from, to);
  // "Edmonton Sun", "Toronto Star": a newspaper's head word ends the name of a paper, not a person's.
  if (seq.length >= 2 && PUBLICATION_HEADS.has(seq[seq.length - 1]!.key) && !has(seq[0]!, GIVEN | COMMON_GIVEN)) return null;
  // "Red Cross", "White Helmets", "Golden Dawn", "Black Caucus": a colour opens an organisation's or a place's
  // name, never a person's.
  if (to - from >= 2 && COLOUR_WORDS.has(seq[0]!.key) && !has(seq[1]!, GIVEN)) return null;
  // "New York-born", "Chairman Green-have": a compound with a lower-case part inside a run is no name.
  for (let k = 0; k < seq.length; k++) if (lowerCompound(seq[k]!, k > 0 ? seq[k - 1] : undefined)) return null;
  // "Kowloon West", "New Territories East": a compass word ends a place's name; "East Kalimantan", "South Sulawesi":
  // one opening it starts one.
  if (seq.length > 1 && COMPASS_WORDS.has(seq[seq.length - 1]!.key) && !has(seq[0]!, GIVEN | COMMON_GIVEN)) return null;
  if (seq.length > 1 && COMPASS_WORDS.has(seq[0]!.key)) return null;
  // "(R Minnesota)", "(D Ohio)": a party letter and a state.
  if (seq.length === 2 && INITIAL_RE.test(seq[0]!.text) && has(seq[1]!, US_STATE)) return null;
  // A title compound after the name is its apposition: "Michael Spindelegger Vice-Chancellor".
  while (seq.length > 2 && seq[seq.length - 1]!.key.includes('-') && has(seq[seq.length - 1]!, TITLE)) seq = seq.slice(0, -1);
  // Initials do not end a name ("[George H. W.] Bush" gives no "George H. W"); nor does a title word after a full
  // name that starts with a given name ("the George Floyd Justice in Policing Act").
  while (seq.length > 1 && INITIAL_RE.test(seq[seq.length - 1]!.text)) seq = seq.slice(0, -1);
  if (seq.length >= 3 && has(seq[seq.length - 1]!, TITLE) && has(seq[0]!, GIVEN | COMMON_GIVEN)) seq = seq.slice(0, -1);
  // Trailing country words are not part of a name, unless right after a given name ("Michael Jordan").
  while (seq.length > 1 && isCountryWord(seq[seq.length - 1]!) && !(seq.length === 2 && isGiven(seq[0]!))) seq = seq.slice(0, -1);
  // Name suffixes and initials do not end a name ("Ferdinand Marcos Jr" keeps its "Jr", "Marcos Jr" alone is no name).
  const firstTok = seq[0]!;
  if (seq.length > 1 && (isDemonymPhrase(seq) || isGazetteerPhrase(seq)
    || (isGazetteerPhrase(seq.slice(0, -1)) && isCountryWord(seq[seq.length - 1]!)))) return null;
  let words = 0;
  for (let k = 0; k < seq.length; k++) {
    const t = seq[k]!;
    if (t.capitalised && ++words > 5) return null;
    // Common-noun endings rule a word out ("Technological Cooperation"), unless a title or a given name vouches
    // for the name ("Commerce Secretary Howard Lutnick", "Florence Jennings", "Gary Chan": a given name may itself
    // end like a noun), or it is East Asian ("Xi Jinping").
    if (has(t, NOUN_ENDING) && !titled && !has(firstTok, GIVEN | COMMON_GIVEN | EAST_ASIAN)) return null;
  }
  const next = tokens[from + seq.length];
  const speech = !!next && SPEECH_VERBS.has(next.key) && next.gap === ' ';
  if (seq.length === 1) {
    if (flagsOf(firstTok) & SINGLE_REJECT || firstTok.allCaps || INITIAL_RE.test(firstTok.text)) return null;
    // ("Secretary of State Blinken": "State" closes a role phrase and titles him.)
    const bareTitled = titled && !(lastTitle && MODIFIER_TITLES.has(lastTitle.key) && !roleOfBefore(tokens, start));
    return { tokens: seq, titled: bareTitled || speech, spoken: !bareTitled && speech, country: isCountryWord(firstTok), weak: false };
  }
  const given = isGiven(firstTok) || isEastAsianSurname(firstTok);
  const countryAt = seq.findIndex(isCountryWord);
  let weak = false;
  if (countryAt >= 0) {
    if (given && seq.length === 2) {
      // "Michael Jordan", "Luís Montenegro": a given name and a country word.
    } else if (countryAt === 0 && seq.length === 2 && !titled && !isCountryWord(seq[1]!) && !isGiven(seq[1]!)) weak = true;
    else if (!(countryAt === 0 && titled)) return null;
  }
  const prep = tokens[from - 1];
  const afterPlace = !!prep && PLACE_PREPOSITIONS.has(prep.key) && firstTok.gap === ' ' && !toAPerson(tokens, from - 1);
  const vouched = given || titled || speech || authoredBy(tokens, from) || hyphenatedGiven(firstTok) || has(firstTok, COMMON_GIVEN) || initialsFirst(seq) || eastAsianShape(seq) || apposition(tokens, from + seq.length) || afterCountryPossessive(tokens, from)
    || visiting(tokens, from + seq.length) || passiveAfter(tokens, from + seq.length);
  // A particle only names have ("bin", "van der", "al-") vouches too, but not after a place preposition ("in Sharm el-Sheikh").
  const particle = seq.some((t) => PERSON_PARTICLES.has(t.key) || (!t.capitalised && ARABIC_ARTICLE_RE.test(t.text)));
  if (afterPlace && !vouched) return null;
  // "Projeto de Lei Azeredo", "Blogueros Reaccionan Ante Discurso de Obama": four words or more that nothing vouches
  // for and no given name (nor a particle, "Al Amin Khalifah Fhimah") opens are a bill's or a headline's words before a
  // name, not a name.
  if (!vouched && seq.length >= 4 && !has(firstTok, GIVEN | COMMON_GIVEN) && !NAME_PARTICLES.has(firstTok.key)
    && !seq.some((t) => PERSON_PARTICLES.has(t.key))) return null;
  if (!vouched && particle) return { tokens: seq, titled, country: false, weak };
  // Nothing says it is a person ("Goldman Sachs", "Fort Myers", "Hurricane Milton"): it stands only if the
  // article confirms it, by the bare family name ("Pandor said") or a relative's full name ("David Beckham").
  return { tokens: seq, titled, country: false, weak: weak || !vouched };
}

/** The run follows an organisation's head word and "of": "University of …", "Bank of …". */
function organisationOfBefore(tokens: Token[], start: number): boolean {
  const of = tokens[start - 1];
  const head = tokens[start - 2];
  return !!of && !!head && of.key === 'of' && !of.capitalised && tokens[start]!.gap === ' ' && of.gap === ' ' && head.capitalised
    && has(head, NON_PERSON) && !has(head, TITLE);
}

/** "Minister of Culture …", "Secretary of State for Industry …", "Minister of the Cities …": the run follows a title's "of"/"for". */
function roleOfBefore(tokens: Token[], start: number): boolean {
  let k = start - 1;
  if (tokens[k]?.key === 'the') k--;
  const of = tokens[k];
  return !!of && (of.key === 'of' || of.key === 'for') && !of.capitalised && !!tokens[k - 1] && has(tokens[k - 1]!, TITLE);
}

/** The role phrase before `start` is written out word by word: "Prime Minister of Japan", with no word dropped between. */
function roleAdjacent(tokens: Token[], start: number): boolean {
  let k = start;
  if (tokens[k]!.gap !== ' ') return false;
  if (tokens[k - 1]?.key === 'the') {
    if (tokens[k - 1]!.gap !== ' ') return false;
    k--;
  }
  return tokens[k - 1]?.gap === ' ';
}

/** "Ayrton Senna was killed", "… were arrested": a participle only people undergo, after "was"/"were". */
function passiveAfter(tokens: Token[], at: number): boolean {
  const be = tokens[at];
  const verb = tokens[at + 1];
  return !!be && !!verb && (be.key === 'was' || be.key === 'were') && be.gap === ' ' && verb.gap === ' ' && PERSON_PASSIVES.has(verb.key);
}

/** "John-Christian", "Jean-Claude", "Anna-Lena": a compound of given names. */
function hyphenatedGiven(t: Token): boolean {
  if (!t.text.includes('-')) return false;
  const parts = t.text.split('-');
  for (const part of parts) {
    const key = translitKey(part);
    if (!part || !/^\p{Lu}/u.test(part) || !(GIVEN_NAMES.has(key) || COMMON_GIVEN_NAMES.has(key))) return false;
  }
  return true;
}

/** "written by Marc Headley", "a paper by A. S. Heagle": an author after "by". */
function authoredBy(tokens: Token[], from: number): boolean {
  const by = tokens[from - 1];
  const word = tokens[from - 2];
  return !!by && !!word && by.key === 'by' && tokens[from]!.gap === ' ' && by.gap === ' ' && AUTHORED_WORDS.has(word.key);
}

/** "O.J. Simpson", "L. Ron Hubbard", "R Saravanan": initials before a family name (not two bare letters, "T C Phailin"). */
function initialsFirst(seq: Token[]): boolean {
  const first = seq[0]!;
  if (seq.length < 2 || !INITIAL_RE.test(first.text) || has(first, COUNTRY | STOP)) return false;
  const second = seq[1]!;
  if (has(second, TITLE | STOP | NON_PERSON)) return false;
  return first.text.includes('.') || second.gap === '. ' || !INITIAL_RE.test(second.text);
}

/** "Kwok Ka-ki", "Lam Cheuk-ting" (family name, then a hyphenated two-syllable given name); "Starry Lee", "Holden Chow"
 *  (a given name before a Chinese or Korean family name). */
function eastAsianShape(seq: Token[]): boolean {
  if (seq.length !== 2) return false;
  const [a, b] = seq as [Token, Token];
  if (has(a, STOP | COMMON | NON_PERSON | COUNTRY | NOUN_ENDING | TITLE) || a.allCaps) return false;
  if (has(a, EAST_ASIAN) && SYLLABLE_PAIR_RE.test(b.text)) return true;
  return has(b, EAST_ASIAN) && !has(a, EAST_ASIAN) && !b.text.includes('-');
}

/** "… known as Jokowi", "… nicknamed Hemedti" (the name right after the cue). */
function aliasCue(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  if (!before || tokens[start]!.gap !== ' ') return false;
  if (before.key === 'as') {
    const known = tokens[start - 2];
    return !!known && known.key === 'known' && before.gap === ' ';
  }
  return before.key !== 'known' && ALIAS_CUES.has(before.key);
}

/** "according to", "close to", "adviser to": a "to" whose words before it point at a person or a source, not a place. */
function toAPerson(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1];
  return tokens[at]!.key === 'to' && !!before && tokens[at]!.gap === ' ' && TO_A_PERSON.has(before.key);
}

function afterPlaceWord(tokens: Token[], start: number): boolean {
  const prep = tokens[start - 1];
  return !!prep && PLACE_PREPOSITIONS.has(prep.key) && tokens[start]!.gap === ' ';
}

/** ", who …", ", the former footballer": the words after a name that say it is a person's. */
function apposition(tokens: Token[], at: number): boolean {
  const next = tokens[at];
  if (!next || next.gap !== ', ') return false;
  if (APPOSITION_WORDS.has(next.key)) return true;
  // ", head of East Kalimantan's police", ", spokesman for …": a lower-case role word right after the comma.
  if (!next.capitalised && has(next, TITLE) && !has(next, STOP)) return true;
  // ", Turkey's interior minister", ", Zuma's spokesman": a possessive, then a role word.
  if (next.possessive && next.capitalised) {
    for (let k = at + 1; k < at + 4 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (/[^\sa-z'-]/.test(t.gap)) return false;
      if (has(t, TITLE) && !t.capitalised) return true;
    }
    return false;
  }
  if (!APPOSITION_ARTICLES.has(next.key)) return false;
  // ", the new asylum minister": a role word within the next few words, before any punctuation.
  for (let k = at + 1; k < at + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (/[^\sa-z'-]/.test(t.gap)) return false;
    if (has(t, TITLE) || APPOSITION_NOUNS.has(t.key)) return true;
  }
  return false;
}

/** "Diosdado Cabello in Russia for Special Mission": a headline's "<name> in <country>". */
function visiting(tokens: Token[], at: number): boolean {
  const prep = tokens[at];
  const place = tokens[at + 1];
  return !!prep && !!place && prep.key === 'in' && prep.gap === ' ' && place.gap === ' ' && isCountryWord(place)
    && !has(place, DEMONYM) && (prep.start > 0 && tokens[at - 1]!.end === prep.start - 1);
}

/** "Kazakhstan's Kassym-Jomart Tokayev", "Venezuela's Nicolás Maduro": a name right after a country's possessive. */
function afterCountryPossessive(tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  return !!before && before.possessive && tokens[from]!.gap === ' ' && isCountryWord(before);
}

/** The name as written, with the full stops of initials ("George W. Bush"). */
function surfaceOf(tokens: Token[]): string {
  let s = tokens[0]!.text;
  for (let i = 1; i < tokens.length; i++) s += (tokens[i]!.gap === ' ' ? ' ' : tokens[i]!.gap.replace(/\s+/g, ' ')) + tokens[i]!.text;
  return s;
}

function keysOf(tokens: Token[]): string[] {
  const keys: string[] = [];
  for (const t of tokens) {
    if (t.text.includes('-')) {
      for (const part of t.text.split('-')) if (part) keys.push(translitKey(part));
    } else keys.push(translitKey(t.text));
  }
  return keys;
}

/** The id of a name: given name + initials + family name, transliteration-folded; East Asian names whole.
 *  The family name is the first word after the given names ("Bruno Rodríguez Parrilla" → bruno-rodrigez,
 *  "Recep Tayyip Erdoğan" → recep-erdogan, "Juan José Zúñiga" → juan-zuniga), or the "al-"/"el-" name. */
export function personId(name: string): string {
  return personIdMemo(name);
}

// Each person of each article asks for its id (split, regexes, transliteration per word); names repeat across a corpus.
const personIdMemo = memoizeString((name) => personIdUncached(name));

function personIdUncached(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const words = parts
    .map((p) => ({ raw: p, key: translitKey(p.replace(/\.$/, '')), initial: INITIAL_RE.test(p.replace(/\.$/, '')) || /^(?:\p{Lu}\.)+$/u.test(p) }))
    .filter((w) => w.key && !NAME_PARTICLES.has(w.key) && !NAME_SUFFIXES.has(w.key));
  if (words.length <= 1) return words.map((w) => w.key).join('-') || parts.map((p) => translitKey(p)).join('-');
  const first = words[0]!;
  if (EAST_ASIAN_SURNAMES.has(first.key) && !GIVEN_NAMES.has(first.key)) return parts.flatMap((p) => p.split('-')).map(translitKey).join('-');
  const rest = words.slice(1);
  const initials: string[] = [];
  while (rest.length > 1 && rest[0]!.initial) initials.push(rest.shift()!.raw.replace(/\./g, '').toLowerCase());
  // Arabic names: the "al-"/"el-" family name identifies ("Abdel Fattah el-Sisi" vs "Abdel Fattah al-Burhan").
  const arabic = rest.find((w) => /^(?:al|el)-./.test(w.key));
  let family = arabic ? arabic.key.replace(/^(?:al|el)-/, '') : undefined;
  if (!family) {
    const w = rest.find((r, i) => i === rest.length - 1 || !GIVEN_NAMES.has(r.key))!;
    family = w.key;
  }
  return [first.key, ...initials, family].join('-');
}

interface PersonBuild {
  fullForms: Map<string, number>;
  variants: Set<string>;
  keys: string[];
  /** Positions in `keys` that are family names ("Salman" in "Mohammed bin Salman" is a father's name). */
  patronymic: Set<number>;
  mentions: number;
  tokens: Token[];
}

export interface PersonResult {
  persons: PersonMention[];
  /** Start offsets of every word counted as part of a person's name (for the country pass). */
  starts: Set<number>;
}

/** `tokens`: the text's tokens when the caller already has them (extractEntities shares one pass). */
export function extractPersons(text: string, tokens?: Token[]): PersonMention[] {
  return extractPersonsWithStarts(tokens ?? tokenize(text)).persons;
}

export function extractPersonsWithStarts(tokens: Token[]): PersonResult {
  const all = extractMentions(tokens);
  const aliases = all.filter((m) => m.alias);
  const mentions = aliases.length ? all.filter((m) => !m.alias) : all;
  const people: PersonBuild[] = [];
  const starts = new Set<number>();
  const credit = (p: PersonBuild, m: Mention, full: boolean) => {
    const surface = surfaceOf(m.tokens);
    if (full) p.fullForms.set(surface, (p.fullForms.get(surface) ?? 0) + 1);
    p.variants.add(surface);
    p.mentions++;
    p.tokens.push(...m.tokens);
  };
  const newPerson = (m: Mention, keys: string[]): PersonBuild => {
    const p: PersonBuild = { fullForms: new Map(), variants: new Set(), keys, patronymic: patronymicPositions(m.tokens), mentions: 0, tokens: [] };
    people.push(p);
    credit(p, m, true);
    return p;
  };
  // Full names first, longest first, so "Rodríguez Parrilla" meets "Bruno Rodríguez Parrilla" already in place.
  const fullMentions = mentions.filter((m) => m.tokens.length >= 2 && !m.weak).sort((a, b) => b.tokens.length - a.tokens.length);
  for (const m of fullMentions) {
    const keys = keysOf(m.tokens);
    const same = people.find((p) => sameFullName(p.keys, keys));
    // "Rodríguez Parrilla" in "Bruno Rodríguez Parrilla"; "Lula da Silva" in "Luiz Inácio Lula da Silva" (three words
    // or more when the first is a given name: "Jose Lopez" inside "Maria Jose Lopez" may be someone else).
    const owners = same || (isGiven(m.tokens[0]!) && keys.length < 3) ? [] : people.filter((p) => containsRun(p.keys, keys, 1, p.patronymic));
    if (owners.length === 1) credit(owners[0]!, m, false);
    else if (same) {
      credit(same, m, true);
      if (keys.length > same.keys.length) {
        same.keys = keys;
        same.patronymic = patronymicPositions(m.tokens);
      }
    } else newPerson(m, keys);
  }
  // Full names nothing vouched for ("Naledi Pandor", "Paris Mitchell", "Goldman Sachs"): part of a known name
  // ("Rodríguez Parrilla"), or confirmed by the bare family name elsewhere ("Pandor said") or by a relative's
  // full name ("Victoria Beckham" beside "David Beckham"); otherwise not a person.
  const weakGroups: { keys: string[]; mentions: Mention[] }[] = [];
  const singleKeys: string[] = [];
  // A bare word after "the" ("the Capitals led", "the Chronicle reported") is a team's, a paper's or a thing's name:
  // it confirms no full name ending in it, a person's bare name or not.
  const thingKeys = new Set<string>();
  for (const m of mentions) {
    if (m.tokens.length !== 1 || m.country) continue;
    const key = translitKey(m.tokens[0]!.text);
    const before = m.at !== undefined ? tokens[m.at - 1] : undefined;
    if (before && before.key === 'the' && tokens[m.at!]!.gap === ' ') thingKeys.add(key);
    else singleKeys.push(key);
  }
  for (const m of mentions) {
    if (!m.weak) continue;
    const keys = keysOf(m.tokens);
    const group = weakGroups.find((g) => sameFullName(g.keys, keys));
    if (group) {
      group.mentions.push(m);
      if (keys.length > group.keys.length) group.keys = keys;
    } else weakGroups.push({ keys, mentions: [m] });
  }
  for (const g of weakGroups) {
    const same = people.find((p) => sameFullName(p.keys, g.keys));
    const owners = same ? [same] : people.filter((p) => containsRun(p.keys, g.keys, 1, p.patronymic));
    if (owners.length === 1) {
      for (const m of g.mentions) credit(owners[0]!, m, !!same);
      continue;
    }
    const last = g.keys[g.keys.length - 1]!;
    if (thingKeys.has(last)) continue;
    const bare = singleKeys.some((k) => g.keys.indexOf(k, 1) > 0);
    const relative = people.some((p) => p.keys.length > 1 && p.keys[p.keys.length - 1] === last)
      || weakGroups.some((o) => o !== g && o.keys[o.keys.length - 1] === last && o.keys[0] !== g.keys[0]);
    if (!bare && !relative) continue;
    const p = newPerson(g.mentions[0]!, g.keys);
    for (const m of g.mentions.slice(1)) credit(p, m, true);
  }
  const unattached: Mention[] = [];
  // Bare words: the family-name part of one full name, or (failing that) its given name ("Prince Mohammed", "Anwar said").
  for (const m of mentions) {
    if (m.tokens.length >= 2) continue;
    const keys = keysOf(m.tokens);
    let owners = people.filter((p) => containsRun(p.keys, keys, 1, p.patronymic)
      || (EAST_ASIAN_SURNAMES.has(keys[0]!) && p.keys[0] === keys[0]));
    if (owners.length === 0 && keys.length === 1 && !m.country) {
      owners = people.filter((p) => p.keys.length > 1 && p.keys[0] === keys[0]);
      if (people.some((p) => p.keys.indexOf(keys[0]!, 1) > 0)) owners = [];
    }
    if (owners.length === 1) credit(owners[0]!, m, false);
    else if (owners.length === 0 && !m.country) unattached.push(m);
  }
  const aliasOwners = new Map<string, PersonBuild>();
  // "Widodo, widely known as Jokowi": the alias belongs to the person named last before it (in the same stretch of text).
  for (const m of aliases) {
    const at = m.tokens[0]!.start;
    let owner: PersonBuild | undefined;
    let nearest = -1;
    for (const p of people) {
      for (const t of p.tokens) if (t.start < at && t.start > nearest) [nearest, owner] = [t.start, p];
    }
    if (owner && at - nearest < 200) {
      credit(owner, m, false);
      aliasOwners.set(keysOf(m.tokens).join(' '), owner);
    } else if (m.tokens.length >= 2 || m.titled) newPerson(m, keysOf(m.tokens));
  }
  // "President Putin" with no full name in the article: a person known by surname only. A bare word only a reporting
  // verb vouches for ("Microsoft announced", "Earmarks added") joins such a titled mention of the same word, or is no
  // person: an article names a person in full or by title at least once.
  const titledAlone: Mention[] = [];
  for (const m of unattached) {
    const aliasOwner = aliasOwners.get(keysOf(m.tokens).join(' '));
    if (aliasOwner) credit(aliasOwner, m, false);
    else if (m.titled) titledAlone.push(m);
  }
  for (const pass of [false, true]) {
    for (const m of titledAlone) {
      if (!!m.spoken !== pass) continue;
      const keys = keysOf(m.tokens);
      const existing = people.find((p) => p.keys.length === keys.length && p.keys.every((k, i) => k === keys[i]));
      if (existing) credit(existing, m, true);
      else if (!pass) newPerson(m, keys);
    }
  }
  // Two full forms with the same id are one person ("Abdelbaset Ali al-Megrahi" in a headline, "Abdelbaset
  // al-Megrahi" in the text: same given and family name): their mentions and spellings are merged.
  // (The builds are this call's own, so the first one of an id takes the others' counts in place.)
  const byId = new Map<string, { name: string; build: PersonBuild; merged: boolean }>();
  for (const p of people) {
    for (const t of p.tokens) starts.add(t.start);
    const name = fullestForm(p.fullForms);
    const id = personId(name);
    const first = byId.get(id);
    if (!first) {
      byId.set(id, { name, build: p, merged: false });
      continue;
    }
    for (const [form, count] of p.fullForms) first.build.fullForms.set(form, (first.build.fullForms.get(form) ?? 0) + count);
    for (const v of p.variants) first.build.variants.add(v);
    first.build.mentions += p.mentions;
    first.merged = true;
  }
  const persons = [...byId].map(([id, { name, build, merged }]) => {
    return { id, name: merged ? fullestForm(build.fullForms) : name, variants: [...build.variants].sort(), mentions: build.mentions };
  }).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { persons, starts };
}

/** Key positions right after "bin"/"ibn"/"bint": a father's name, not a family name to attach a bare word to. */
function patronymicPositions(tokens: Token[]): Set<number> {
  const result = new Set<number>();
  let position = 0;
  let afterParticle = false;
  for (const t of tokens) {
    const parts = t.text.includes('-') ? t.text.split('-').filter(Boolean).length : 1;
    if (afterParticle) result.add(position);
    afterParticle = PATRONYMIC_PARTICLES.has(t.key);
    position += parts;
  }
  return result;
}

function sameFullName(a: string[], b: string[]): boolean {
  if (a[0] !== b[0]) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((k, i) => long[i] === k);
}

/** Is `needle` a run of `haystack` from position `from` on? A one-word needle never matches a patronymic position. */
function containsRun(haystack: string[], needle: string[], from: number, patronymic: Set<number>): boolean {
  if (!needle.length || needle.length > haystack.length - from) return false;
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.length === 1 && patronymic.has(i)) continue;
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The longest form; among equals the most frequent, then the one keeping its accents, then alphabetical. */
export function fullestForm(forms: Map<string, number>): string {
  const accents = (s: string) => s.replace(/[\x00-\x7f]/g, '').length;
  let best: [string, number] | undefined;
  for (const form of forms) {
    if (!best) {
      best = form;
      continue;
    }
    const d = form[0].split(/\s+/).length - best[0].split(/\s+/).length || form[1] - best[1]
      || accents(form[0]) - accents(best[0]) || best[0].localeCompare(form[0]);
    if (d > 0) best = form;
  }
  return best![0];
}
