// Which countries an article is about: names, official names, alternative spellings, demonyms (and
// their plurals: "Palestinians"), capitals used for their country and all-caps datelines, matched
// longest-first over word tokens ("South Sudan" before "Sudan", "Equatorial Guinea" before "Guinea").
// Words inside the outlet's name ("Radio Habana Cuba") and inside a person's name ("Luís Montenegro",
// "Michael Jordan") are not mentions; region phrases ("Latin America") are matched and counted for nobody.
//
// Historical states: "Soviet Union", "USSR" and "U.S.S.R." count as their own entry with the pseudo-code
// SU (reserved for it in ISO 3166-3), named "Soviet Union", shown without a flag — an article about the
// USSR is not thereby about Russia. The adjective "Soviet" alone ("Soviet-era allies", "post-Soviet")
// is not a mention: it dates things more often than it names the state.
// Other choices: bare "Congo" is the Democratic Republic (CD), as in AP and Reuters usage; "Brussels"
// stands for the EU as often as for Belgium and is not a mention by itself; a demonym the dataset gives
// to several entries ("Dutch", "Dominican") belongs to the state, the larger one if two are states.

import type { CountryMention } from '../types';
import { GAZETTEER } from './gazetteer.data';
import { COUNTRY_LINK_WORDS, CREDIT_WORDS, GIVEN_NAMES, LANGUAGE_CUES } from './lexicon';
import { fold, phraseKey, tokenize, tokenizeTableText, type Token } from './tokens';

export interface CountryInfo {
  code: string;
  name: string;
  demonym: string | null;
  capital: string | null;
  flag: string;
}

/** Names the dataset lacks: short forms, old spellings, codes as newspapers write them. */
const CURATED_ALIASES: [string, string][] = [
  ['US', 'U.S.'], ['US', 'US'], ['US', 'USA'], ['US', 'U.S.A.'], ['US', 'America'], ['US', 'United States of America'],
  ['GB', 'UK'], ['GB', 'U.K.'], ['GB', 'Britain'], ['GB', 'England'], ['GB', 'Scotland'], ['GB', 'Wales'], ['GB', 'Northern Ireland'],
  ['TR', 'Turkey'], ['TR', 'Türkiye'], ['UA', 'Kiev'], ['UA', 'Kyiv'], ['RU', 'Russian Federation'],
  ['AE', 'UAE'], ['AE', 'Emirates'], ['CD', 'DRC'], ['CD', 'DR Congo'], ['CN', 'PRC'],
  ['KR', 'South Korea'], ['KP', 'North Korea'], ['KP', 'Pyongyang'],
  ['CZ', 'Czech Republic'], ['MM', 'Burma'], ['SZ', 'Swaziland'], ['CV', 'Cape Verde'], ['CI', 'Ivory Coast'],
  ['MK', 'Macedonia'], ['NL', 'Holland'], ['VA', 'Vatican'], ['PS', 'Palestine'], ['PS', 'Gaza'],
  ['IR', 'Persia'], ['LK', 'Ceylon'],
  ['SU', 'Soviet Union'], ['SU', 'USSR'], ['SU', 'U.S.S.R.'],
  // Bare "Congo" is the Democratic Republic in news usage (AP, Reuters); the other is written out.
  ['CD', 'Congo'], ['CD', 'Congo-Kinshasa'], ['CD', 'Democratic Republic of Congo'], ['CG', 'Republic of Congo'], ['CG', 'Congo-Brazzaville'],
  ['CG', 'Congo Republic'], ['CG', 'Brazzaville'], ['BA', 'Bosnia'], ['BF', 'Burkina'],
];

/** Capitals the dataset spells otherwise or lacks (matched as capitals: a dateline, "Jorge Washington", "Washington Post"). */
const CURATED_CAPITALS: [string, string][] = [
  ['US', 'Washington'], ['IN', 'New Delhi'], ['IN', 'Delhi'], ['VN', 'Hanoi'], ['CN', 'Peking'], ['IN', 'Bombay'], ['TW', 'Taipei'],
];

/** Demonyms the dataset lacks or spells otherwise ("Tadzhik", "Ecuadorean"). */
const CURATED_DEMONYMS: [string, string][] = [
  ['KZ', 'Kazakh'], ['KG', 'Kyrgyz'], ['TJ', 'Tajik'], ['UZ', 'Uzbek'], ['AZ', 'Azeri'], ['LA', 'Lao'], ['TL', 'Timorese'],
  ['NP', 'Nepali'], ['MV', 'Maldivian'], ['EC', 'Ecuadorian'], ['AR', 'Argentinian'], ['AR', 'Argentinean'], ['SR', 'Surinamese'],
  ['BA', 'Bosnian'], ['SI', 'Slovenian'], ['IS', 'Icelandic'], ['DJ', 'Djiboutian'], ['KM', 'Comorian'], ['SV', 'Salvadorean'],
  ['VE', 'Venezuelan'], ['BO', 'Bolivian'], ['PH', 'Filipino'],
  ['TW', 'Taiwanese'], ['AE', 'Emirati'], ['KR', 'South Korean'], ['KP', 'North Korean'], ['SA', 'Saudi'],
];

/** Phrases that contain a country word but name a region: matched first and counted for nobody. */
const REGIONS = ['Latin America', 'Latin American', 'South America', 'South American', 'North America', 'North American',
  'Central America', 'Central American', 'Central Asia', 'Central Asian', 'Central African', 'Central Africa', 'East Asia',
  'Southeast Asia', 'South Asia', 'West Africa', 'West African', 'East Africa', 'East African', 'North Africa', 'North African',
  'Southern Africa', 'Sub-Saharan Africa', 'Middle East', 'Western Hemisphere', 'New Guinea', 'Indian Ocean', 'Indian Ocean',
  'Arab World', 'Persian Gulf', 'Korean Peninsula', 'Washington Post', 'New Mexico', 'New Jersey', 'New York', 'Georgia Tech',
  'Jordan River', 'Turkey Creek', 'Washington State', 'United Nations'];

/** Capitals too often something else (a person's name, a word) to stand for their country. */
const AMBIGUOUS_CAPITALS = new Set(['brussels' /* the EU as often as Belgium */, 'victoria', 'kingston', 'hamilton', 'male', 'georgetown', 'santiago', 'lima', 'colombo',
  'praia', 'victoria', 'roseau', 'castries', 'saint john\'s', 'palikir', 'sucre', 'porto-novo', 'city of victoria', 'city of san marino', 'san marino']);
/** Country names that are also given names: not a country next to a name ("Michael Jordan", "Chad Smith"). */
const NAME_LIKE = new Set(['jordan', 'chad', 'georgia', 'israel', 'india', 'china', 'kenya', 'paris', 'niger']);
/** Names shared with US states: "Atlanta, Georgia" is not the country. */
const STATE_LIKE = new Set(['georgia']);

interface Entry {
  code: string;
  /** The phrase's key (folded words joined by spaces). */
  phrase: string;
  kind: 'name' | 'demonym' | 'capital' | 'alias' | 'region';
  /** Codes and dotted abbreviations must match case exactly ("US", never "us"). */
  exactCase: string | null;
  /** Native spellings keep their accents: "Ísland" is Iceland, "Island" is a word. */
  exactAccents?: string;
}

const infoByCode = new Map<string, CountryInfo>();
/** Every one-word demonym and its code, whatever kind its phrase entry got first ("Saudi" is also a short name). */
const demonymCodes = new Map<string, string>();
const phrases = new Map<string, Entry>();
let longestPhrase = 1;
/** Longest phrase length by first word: most tokens start no phrase and are skipped at once. */
const longestByFirst = new Map<string, number>();

function addPhrase(text: string, entry: Omit<Entry, 'phrase'>): void {
  const key = phraseKey(tokenizeTableText(text));
  if (!key || phrases.has(key)) return;
  phrases.set(key, { ...entry, phrase: key });
  const words = key.split(' ');
  longestPhrase = Math.max(longestPhrase, words.length);
  longestByFirst.set(words[0]!, Math.max(longestByFirst.get(words[0]!) ?? 0, words.length));
}

function flag(code: string): string {
  if (!/^[A-Z]{2}$/.test(code) || code === 'SU') return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

for (const [code, name, official, alts, demonyms, capitals] of GAZETTEER) {
  infoByCode.set(code, { code, name, demonym: demonyms[0] ?? null, capital: capitals[0] ?? null, flag: flag(code) });
}
/** The ways a name is written besides its dataset form: "Antigua & Barbuda", "St. Kitts & Nevis", "St Lucia". */
function writtenForms(name: string): string[] {
  const forms = [name];
  if (name.includes(' and ')) forms.push(name.replace(/ and /g, ' & '));
  for (const form of [...forms]) if (/^Saint /.test(form)) forms.push(form.replace(/^Saint /, 'St. '));
  return forms;
}

/**
 * The phrase tables (names, aliases, capitals, demonyms, regions), built on first use: tokenizing the
 * gazetteer's ~2,000 phrases took ~30-50 ms of every extension load, and a window reopened from the
 * cache extracts nothing until a file changes. (`countryInfo` needs only `infoByCode`, built above.)
 */
let phrasesBuilt = false;
function buildPhrases(): void {
  if (phrasesBuilt) return;
  phrasesBuilt = true;
  for (const region of REGIONS) addPhrase(region, { code: '', kind: 'region', exactCase: null });
  for (const [code, name, official, alts] of GAZETTEER) {
    for (const form of [...writtenForms(name), ...writtenForms(official)]) addPhrase(form, { code, kind: 'name', exactCase: null });
    for (const alt of alts) {
      addPhrase(alt, { code, kind: 'name', exactCase: null, ...(/[^\x00-\x7f]/.test(alt) ? { exactAccents: alt.toLowerCase() } : {}) });
    }
  }
  for (const [code, capital] of CURATED_CAPITALS) addPhrase(capital, { code, kind: 'capital', exactCase: null });
  for (const [code, alias] of CURATED_ALIASES) {
    addPhrase(alias, { code, kind: 'alias', exactCase: /^[A-Z.]+$/.test(alias) ? alias : null });
  }
  for (const [code, demonym] of CURATED_DEMONYMS) {
    addPhrase(demonym, { code, kind: 'demonym', exactCase: null });
    if (!demonym.includes(' ')) demonymCodes.set(fold(demonym), code);
  }
  for (const [code, , , , demonyms, capitals] of GAZETTEER) {
    for (const demonym of demonyms) {
      addPhrase(demonym, { code, kind: 'demonym', exactCase: null });
      if (!demonym.includes(' ') && !demonymCodes.has(fold(demonym))) demonymCodes.set(fold(demonym), code);
    }
    for (const capital of capitals) {
      const plain = capital.replace(/\s+D\.C\.$/, '');
      if (!AMBIGUOUS_CAPITALS.has(fold(plain))) addPhrase(plain, { code, kind: 'capital', exactCase: null });
    }
  }
}
infoByCode.set('SU', { code: 'SU', name: 'Soviet Union', demonym: 'Soviet', capital: 'Moscow', flag: '' });

export function countryInfo(code: string): CountryInfo | undefined {
  return infoByCode.get(code.toUpperCase());
}

/** Resolves a free-text country reference (name, demonym, capital, alias or code) to its code. */
const lookupCache = new Map<string, string | null>();

export function lookupCountry(text: string): string | null {
  let cached = lookupCache.get(text);
  if (cached === undefined) {
    cached = lookupUncached(text);
    if (lookupCache.size > 50_000) lookupCache.clear();
    lookupCache.set(text, cached);
  }
  return cached;
}

function lookupUncached(text: string): string | null {
  buildPhrases();
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && infoByCode.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const entry = phrases.get(phraseKey(tokenizeTableText(trimmed)));
  return entry && entry.kind !== 'region' ? entry.code : null;
}

/** True when the word is a demonym ("Cuban", "Russian"): an adjective before a name, never a given name. */
export function isDemonym(text: string): boolean {
  buildPhrases();
  return phrases.get(fold(text))?.kind === 'demonym';
}

/** True when the words are a gazetteer phrase of any kind (country, capital, demonym or region): "Abu Dhabi", "West African". */
export function isGazetteerPhrase(tokens: Token[]): boolean {
  buildPhrases();
  return phrases.has(phraseKey(tokens));
}

/** All names a country answers to (for search): name, official name, aliases, demonyms, capitals. */
export function countryTerms(code: string): string[] {
  buildPhrases();
  const terms: string[] = [];
  for (const [key, entry] of phrases) if (entry.code === code) terms.push(key);
  return terms;
}

/** Spaces only, or a hyphen between spaces or words: nothing that ends a phrase. */
function plainGap(gap: string): boolean {
  if (gap === ' ') return true;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}


function casingOk(tokens: Token[], i: number, n: number, entry: Entry): boolean {
  if (entry.exactAccents || entry.exactCase) {
    const surface = tokens.slice(i, i + n).map((t) => t.text).join(' ');
    if (entry.exactAccents && surface.toLowerCase() !== entry.exactAccents) return false;
    if (entry.exactCase) return surface === entry.exactCase || surface.replace(/\.$/, '') === entry.exactCase.replace(/\.$/, '');
  }
  // Proper nouns: every significant word capitalised ("Republic of Cuba"), or an all-caps dateline.
  for (let k = i; k < i + n; k++) if (!tokens[k]!.capitalised && !COUNTRY_LINK_WORDS.has(tokens[k]!.key)) return false;
  return true;
}

/** `given`: the text's tokens when the caller already has them (extractEntities shares one pass).
 *  `personStarts`: start offsets of words that belong to a person's name in this text ("Luís Montenegro",
 *  "Paris Mitchell"), which are then not country mentions. */
export function extractCountries(text: string, outlet: string | null, given?: Token[], personStarts?: ReadonlySet<number>): CountryMention[] {
  buildPhrases();
  const tokens = given ?? tokenize(text);
  // The outlet's own name ("Radio Habana Cuba") is not a mention of the country in it: its words are skipped.
  const outletRanges: number[] = [];
  if (outlet) {
    for (let at = text.indexOf(outlet); at >= 0; at = text.indexOf(outlet, at + outlet.length)) outletRanges.push(at, at + outlet.length);
  }
  const counts = new Map<string, number>();
  // Demonyms read as languages ("books in German, Hebrew, and Japanese"): the end of the last one, for lists.
  let languageEnd = -1;
  // Capitals in a dateline ("WASHINGTON (Reuters) -", "Moscow, May 7 -"): they say where the piece was written,
  // so they count only when the country is also named elsewhere, or when no other country is named.
  const datelineOnly = new Map<string, boolean>();
  // "(Reporting by the Washington bureau; editing by …)": a credit's clause names the staff and their desk, not a
  // place the piece is about (as for persons).
  let creditUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (first.key === 'by' && i > 0 && i >= creditUntil && CREDIT_WORDS.has(tokens[i - 1]!.key) && first.gap === ' ') {
      creditUntil = i + 1;
      while (creditUntil < tokens.length && !tokens[creditUntil]!.sentenceStart) creditUntil++;
    }
    if (i < creditUntil) continue;
    if (!first.capitalised && !(first.text.includes('-') && /-\p{Lu}/u.test(first.text))) continue;
    const longest = first.capitalised ? longestByFirst.get(first.key) : undefined;
    if (longest === undefined) {
      if (first.text.includes('-')) {
        if (skipped(first, outletRanges, personStarts)) continue;
        // "Russian-Cuban", "US-patrolled": the parts of a hyphenated word ("Spanish-language", "Spanish-speaking"
        // name a language).
        const parts = first.text.split('-');
        if (parts.some((part) => LANGUAGE_COMPOUNDS.has(part.toLowerCase()))) continue;
        // "Agence France-Presse": a compound with a media word is the agency's name.
        if (parts.some((part) => MEDIA_WORDS.has(fold(part)) || part.toLowerCase() === 'presse')) continue;
        for (const part of parts) {
          const partEntry = phrases.get(fold(part));
          if (partEntry && partEntry.kind !== 'region' && /^\p{Lu}/u.test(part)
            && (!partEntry.exactCase || part === partEntry.exactCase)) counts.set(partEntry.code, (counts.get(partEntry.code) ?? 0) + 1);
        }
      } else if (first.key.length > 4 && first.key.charCodeAt(first.key.length - 1) === 115 /* s */) {
        // Plural demonyms: "Palestinians", "South Africans" (the two-word form starts with a known word).
        const code = demonymCodes.get(first.key.slice(0, -1));
        if (code && !skipped(first, outletRanges, personStarts)) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      continue;
    }
    if (skipped(first, outletRanges, personStarts)) continue;
    // The keys of the phrases starting here, one word longer each; a phrase never spans sentence punctuation.
    let n = 1;
    KEYS[0] = first.key;
    // ("Trinidad & Tobago", "St. Kitts": an ampersand, or the full stop of "St.", inside a name.)
    while (n < longest && i + n < tokens.length && (plainGap(tokens[i + n]!.gap) || tokens[i + n]!.gap === ' & '
      || (tokens[i + n]!.gap === '. ' && tokens[i + n - 1]!.key === 'st'))) {
      KEYS[n] = `${KEYS[n - 1]} ${tokens[i + n]!.key}`;
      n++;
    }
    for (; n >= 1; n--) {
      const key = KEYS[n - 1]!;
      let entry = phrases.get(key);
      if (!entry && n > 1 && key.charCodeAt(key.length - 1) === 115) {
        entry = phrases.get(key.slice(0, -1));
        if (entry?.kind !== 'demonym') entry = undefined;
      }
      if (!entry || !casingOk(tokens, i, n, entry)) continue;
      const last = tokens[i + n - 1]!;
      const after = nextWord(text, last.end);
      let counted = entry.kind !== 'region' && !guarded(tokens, i, n, entry) && !mediaName(tokens, i, n, entry) && !companyName(tokens, i, n, entry)
        && !((entry.kind === 'name' || entry.kind === 'alias') && AIRCRAFT_WORDS.has(after))
        && !currency(text, last.end) && !CURRENCY_NOUNS.has(after) && !eventName(tokens[i + n])
        && !(entry.kind === 'demonym' && cultural(text, last.end));
      if (counted && entry.kind === 'demonym' && n === 1 && language(tokens, i, text, languageEnd)) {
        languageEnd = first.end;
        counted = false;
      }
      if (counted) {
        counts.set(entry.code, (counts.get(entry.code) ?? 0) + 1);
        const dateline = entry.kind === 'capital' && datelineAt(tokens, i, n, text);
        datelineOnly.set(entry.code, dateline && (datelineOnly.get(entry.code) ?? true));
      }
      i += n - 1;
      break;
    }
  }
  const result: CountryMention[] = [];
  // A dateline's country alone beside others is where the piece was filed, not what it is about.
  const others = [...counts.keys()].some((code) => !datelineOnly.get(code));
  for (const [code, mentions] of counts) if (!(others && datelineOnly.get(code))) result.push({ code, name: infoByCode.get(code)?.name ?? code, mentions });
  return result.sort(byMentions);
}

const KEYS: string[] = [];

/** "US$10 billion", "HK$": a code glued to a currency sign names the currency. */
function currency(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c === 36 /* $ */;
}

/** "US dollars", "Canadian dollar", "Chinese yuan": a currency's name, not a mention of the state. */
const CURRENCY_NOUNS = new Set(['dollar', 'dollars', 'cent', 'cents', 'pound', 'pounds', 'euro', 'euros', 'yen', 'yuan', 'rupee', 'rupees',
  'peso', 'pesos', 'franc', 'francs', 'ruble', 'rubles', 'rouble', 'roubles', 'dinar', 'dinars', 'riyal', 'riyals', 'shekel', 'shekels', 'lira']);

/** The lower-case word right after `end` (the country pass sees only the words its rules ask about). */
function nextWord(text: string, end: number): string {
  if (text.charCodeAt(end) !== 32) return '';
  let i = end + 1;
  while (i < text.length && i < end + 12) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) break;
    i++;
  }
  return text.slice(end + 1, i);
}

/** "Monaco Grand Prix", "Australian Open", "Boston Marathon": an event named after the place. */
const EVENT_WORDS = new Set(['grand', 'open', 'masters', 'rally', 'marathon']);

function eventName(next: Token | undefined): boolean {
  return !!next && next.capitalised && next.gap === ' ' && EVENT_WORDS.has(next.key);
}

/** The second part of "Spanish-language", "French-speaking": the demonym names a language. */
const LANGUAGE_COMPOUNDS = new Set(['language', 'languages', 'speaking', 'speaker', 'speakers']);

/** Lower-case nouns after a demonym that make a cultural phrase, not a mention of the state ("Chinese zodiac",
 *  "Irish Cream", "Chinese New Year", "Turkish coffee"). */
const CULTURAL_NOUNS = new Set(['zodiac', 'cuisine', 'food', 'restaurant', 'restaurants', 'medicine', 'calendar', 'opera', 'tea', 'coffee',
  'cream', 'whiskey', 'whisky', 'cheese', 'dumplings', 'noodles', 'alphabet', 'script', 'characters', 'new year', 'lunar',
  'setter', 'terrier', 'shepherd', 'poodle', 'bulldog', 'breakfast', 'roulette', 'salad', 'fries', 'toast', 'dressing']);

function cultural(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  let word = '';
  for (let i = end + 1; i < text.length && i < end + 20; i++) {
    const c = text.charCodeAt(i);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower >= 97 && lower <= 122) word += String.fromCharCode(lower);
    else if (c === 32 && word === 'new') word += ' ';
    else break;
  }
  return CULTURAL_NOUNS.has(word);
}

/** "books in German", "translated into English.", "languages like German, Hebrew, and Japanese": a demonym after a
 *  language cue (or in a list after one) and before the end of the phrase is a language. `languageEnd`: where the last
 *  language demonym ended. */
function language(tokens: Token[], i: number, text: string, languageEnd: number): boolean {
  const t = tokens[i]!;
  const after = text.charCodeAt(t.end);
  const phraseEnd = Number.isNaN(after) || after === 44 || after === 46 || after === 59 || after === 58 || after === 41 || after === 10 || after === 13
    || after === 33 || after === 63 || (after === 32 && /^ (?:and|or) \p{Lu}/u.test(text.slice(t.end, t.end + 6)));
  if (!phraseEnd) return false;
  const before = tokens[i - 1];
  if (before && LANGUAGE_CUES.has(before.key) && t.gap === ' ') return true;
  // In a list after a language: "German, Hebrew, and Japanese" (Hebrew is no demonym, so the list runs on from German).
  if (languageEnd < 0 || t.start - languageEnd > 40) return false;
  for (let k = languageEnd; k < t.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 59 || c === 10) return false;
  }
  return true;
}

/** A capital opening a line and followed by a comma, a bracket or a dash: the dateline of the piece. */
function datelineAt(tokens: Token[], i: number, n: number, text: string): boolean {
  const first = tokens[i]!;
  if (i > 0 && !first.gap.includes('\n')) return false;
  const end = tokens[i + n - 1]!.end;
  // "Ankara, which backed …" opens a sentence: a dateline's comma is followed by a date or a place in capitals.
  const rest = text.slice(end, end + 16);
  if (/^\s*\(|^\s+[-–—]/.test(rest)) return true;
  // A place line of its own under a headline and a date ("Ashgabat", then the text).
  if (/^[ \t]*(?:\n|$)/.test(rest) && (i === 0 || /\n/.test(first.gap))) return true;
  return /^, (?:\p{Lu}{2,}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)/u.test(rest);
}

/** Head words of media names: a demonym before one names an outlet ("The Canadian Press", "the Irish Times"). */
const MEDIA_WORDS = new Set('press broadcasting times post herald tribune gazette journal news radio television telegraph'.split(' '));

/** "The Canadian Press", "Australian Broadcasting Corporation": an organisation, not a mention of the country. */
function mediaName(tokens: Token[], i: number, n: number, entry: { kind: string }): boolean {
  const next = tokens[i + n];
  return entry.kind === 'demonym' && !!next && next.capitalised && plainGap(next.gap) && MEDIA_WORDS.has(next.key);
}

/** Words that make a country's name a company's: "Japan Airlines", "China Telecom", "Qatar Airways" ("Saudi Aramco" is
 *  not covered: no such word); lower case after it, an aircraft of the airline named for the country ("an Emirates jet"). */
const COMPANY_WORDS = new Set('airlines airways airline air telecom telecommunications petroleum oil inc ltd plc corp corporation company co'.split(' '));
const AIRCRAFT_WORDS = new Set(['jet', 'jets', 'airliner', 'flight', 'flights', 'plane']);

/** "Air France", "Air India" (the airline: a country's name right after "Air"), "Japan Airlines", "China Telecom Corp.":
 *  an organisation word or a company suffix next to the country's name makes it a company's. (The aircraft words are
 *  read from the text after the match, as the currency nouns: "an Emirates jet".) */
function companyName(tokens: Token[], i: number, n: number, entry: { kind: string }): boolean {
  if (entry.kind !== 'name' && entry.kind !== 'alias') return false;
  const before = tokens[i - 1];
  if (before && before.key === 'air' && before.capitalised && plainGap(tokens[i]!.gap)) return true;
  const next = tokens[i + n];
  return !!next && next.capitalised && plainGap(next.gap) && COMPANY_WORDS.has(next.key);
}

function byMentions(a: CountryMention, b: CountryMention): number {
  return b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function skipped(t: Token, outletRanges: number[], personStarts: ReadonlySet<number> | undefined): boolean {
  if (personStarts?.has(t.start)) return true;
  for (let r = 0; r < outletRanges.length; r += 2) if (t.start >= outletRanges[r]! && t.start < outletRanges[r + 1]!) return true;
  return false;
}

/** Context rules that turn a match into a non-mention. */
function guarded(tokens: Token[], i: number, n: number, entry: Entry): boolean {
  const first = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[i + n];
  const key = entry.phrase;
  if (entry.kind !== 'capital' && !NAME_LIKE.has(key) && !STATE_LIKE.has(key)) return false;
  if (NAME_LIKE.has(key)) {
    // "Michael Jordan": after a given name; "Chad Smith": before a capitalised non-place word.
    if (before && first.gap === ' ' && before.capitalised && GIVEN_NAMES.has(before.key)) return true;
    if (after && after.gap === ' ' && after.capitalised && !after.allCaps && !phrases.has(after.key) && !first.sentenceStart) return true;
    if (after && after.gap === ' ' && after.capitalised && !phrases.has(after.key) && GIVEN_NAMES.has(first.key)) return true;
  }
  if (STATE_LIKE.has(key) && before && /^,\s*$/.test(first.gap) && before.capitalised) {
    // "Atlanta, Georgia" is the US state; "Tbilisi, Georgia" is the country.
    const capital = countryInfo(entry.code)?.capital;
    if (!capital || fold(capital) !== before.key) return true;
  }
  // A capital or a demonym inside a person's or an organisation's name ("Jorge Washington", "Moscow State University").
  if (entry.kind === 'capital' && before && first.gap === ' ' && before.capitalised && GIVEN_NAMES.has(before.key)) return true;
  if (entry.kind === 'capital' && after && after.gap === ' ' && after.capitalised && /^(?:university|state|post|times|street|avenue|consensus|declaration|protocol|club)$/.test(after.key)) return true;
  return false;
}
