// Persons named in an article: capitalised word sequences, cut of titles and roles, checked against
// organisation/place/event words, confirmed by a given name, a title, a reporting verb or plain
// two-to-four-word shape; then surname-only mentions ("Lavrov", "Rodríguez Parrilla") are attached
// to the full name they belong to in the same article. Ids depend on the name alone, so the same
// person gets the same id in every article ("Serguei"/"Sergey"/"Sergei Lavrov" → sergei-lavrov).

import type { PersonMention } from '../types';
import { isGazetteerPhrase, lookupCountry } from './countries';
import {
  COMMON_SUFFIX_RE, COMMON_WORDS, EAST_ASIAN_SURNAMES, GIVEN_NAMES, NAME_PARTICLES, NON_PERSON_WORDS, PLACE_PREPOSITIONS,
  SPEECH_VERBS, STOP_WORDS, TITLE_WORDS,
} from './lexicon';
import { tokenize, type Token } from './tokens';
import { translitKey } from './translit';

interface Mention {
  tokens: Token[];
  /** True when the mention has the shape of a full name (not a bare surname). */
  full: boolean;
  titled: boolean;
  start: number;
}

const isGiven = (t: Token) => GIVEN_NAMES.has(translitKey(t.text));
const isEastAsianSurname = (t: Token) => EAST_ASIAN_SURNAMES.has(translitKey(t.text));
// Two-letter words are country codes only in capitals: "Li Qiang" and "De Croo" are not Liechtenstein or Germany.
const isCountryWord = (t: Token) => (t.text.length > 2 || t.allCaps) && lookupCountry(t.text) !== null;
/** "South Korean", "South Africans": a demonym (or its plural) is a people, not a person. */
const isDemonymPhrase = (tokens: Token[]) => {
  const text = tokens.map((t) => t.text).join(' ');
  return lookupCountry(text) !== null || (/s$/.test(text) && lookupCountry(text.slice(0, -1)) !== null);
};

const ARABIC_ARTICLE_RE = /^(?:al|el|ad|ash|as|at|az)-\p{Lu}/u;

/** Could this token be part of a name? (capitalised word, not an acronym, no digits) */
/** A middle initial: "W" (its full stop is in the gap) or "H.W.". */
const isInitial = (t: Token) => /^\p{Lu}$|^(?:\p{Lu}\.){1,3}$/u.test(t.text);

function nameish(t: Token): boolean {
  if (!t.capitalised) return NAME_PARTICLES.has(t.key) || (t.text.includes('-') && /^(?:al|el|ad|ash|as|at|az)-\p{Lu}/u.test(t.text));
  if (/\d/.test(t.text)) return false;
  if (isInitial(t)) return true;
  if (t.allCaps && t.text.replace(/[-.]/g, '').length > 1) return false;
  if (t.capitalised) return true;
  // "al-Assad", "bin Salman", "van der Leyen": particles inside a name.
  return /^(?:al|el|ad|ash|as|at|az)-\p{Lu}/u.test(t.text) || NAME_PARTICLES.has(t.key);
}

function sequences(tokens: Token[]): { seq: Token[]; index: number }[] {
  const result: { seq: Token[]; index: number }[] = [];
  let current: Token[] = [];
  let startIndex = 0;
  const flush = () => {
    // Particles may not open or close a name.
    // ("al-Assad", "el-Sisi" may close one.)
    while (current.length && !current[current.length - 1]!.capitalised && !ARABIC_ARTICLE_RE.test(current[current.length - 1]!.text)) current.pop();
    while (current.length && !current[0]!.capitalised) {
      current.shift();
      startIndex++;
    }
    if (current.length) result.push({ seq: current, index: startIndex });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = current[current.length - 1];
    // "George W. Bush": a single-letter initial's full stop does not end the name.
    const joined = !!previous && !previous.possessive
      && (t.gap === ' ' || (t.gap === '. ' && /^\p{Lu}$/u.test(previous.text)));
    if (!nameish(t) || (current.length && !joined)) flush();
    if (!nameish(t)) continue;
    if (!current.length) startIndex = i;
    current.push(t);
  }
  flush();
  return result;
}

/** Title words just before a sequence ("President", "Foreign Minister,", "the diplomat"). */
function titledBefore(tokens: Token[], index: number): boolean {
  const prev = tokens[index - 1];
  if (!prev || !/^,? $/.test(tokens[index]!.gap)) return false;
  return TITLE_WORDS.has(prev.key);
}

function extractMentions(text: string, given?: Token[]): Mention[] {
  const tokens = given ?? tokenize(text);
  const mentions: Mention[] = [];
  for (const { seq: raw, index } of sequences(tokens)) {
    if (raw.some((t) => NON_PERSON_WORDS.has(t.key))) continue;
    let seq = raw;
    let titled = titledBefore(tokens, index);
    // Cut leading function words, titles and country words ("Russian Foreign Minister Sergey Lavrov").
    while (seq.length && (STOP_WORDS.has(seq[0]!.key) || TITLE_WORDS.has(seq[0]!.key) || (isCountryWord(seq[0]!) && !isGiven(seq[0]!)))) {
      if (TITLE_WORDS.has(seq[0]!.key)) titled = true;
      seq = seq.slice(1);
    }
    // A whole place, capital or region phrase ("Abu Dhabi", "Burkina Faso", "West African", "United Arab Emirates").
    if (seq.length && isDemonymPhrase(seq)) continue;
    if (seq.length > 1 && (isGazetteerPhrase(seq) || isGazetteerPhrase(seq.slice(0, -1)) && isCountryWord(seq[seq.length - 1]!))) continue;
    // A headline word ends the name ("Maduro Already in Moscow", "Sergey Lavrov Visiting Venezuela").
    const stop = seq.findIndex((t, i) => i > 0 && (COMMON_WORDS.has(t.key) || STOP_WORDS.has(t.key)));
    if (stop > 0) seq = seq.slice(0, stop);
    // Trailing country words are not part of a name, unless right after a given name ("Michael Jordan").
    while (seq.length > 1 && isCountryWord(seq[seq.length - 1]!) && !(seq.length === 2 && isGiven(seq[0]!))) seq = seq.slice(0, -1);
    if (!seq.length) continue;
    // A given name after unknown words starts the name ("Foreign Minsiter Felipe Perez Roque").
    const givenAt = seq.findIndex(isGiven);
    if (givenAt > 0 && !isGiven(seq[0]!) && !isEastAsianSurname(seq[0]!)) {
      titled = true;
      seq = seq.slice(givenAt);
    }
    // Common-noun endings rule a word out ("Cooperation"), except in East Asian names ("Xi Jinping").
    if (!isEastAsianSurname(seq[0]!) && seq.some((t, i) => COMMON_SUFFIX_RE.test(t.key) && !(i === 0 && isGiven(t)))) continue;
    if (seq.some((t) => isCountryWord(t)) && !(seq.length === 2 && isGiven(seq[0]!))) continue;
    if (seq.length > 5) continue;
    const first = seq[0]!;
    const startToken = index + raw.indexOf(first);
    const before = tokens[startToken - 1];
    const after = tokens[startToken + seq.length];
    const afterPlace = before && PLACE_PREPOSITIONS.has(before.key) && first.gap === ' ';
    const speech = !!after && SPEECH_VERBS.has(after.key) && after.gap === ' ';
    const given = isGiven(first) || isEastAsianSurname(first);
    if (seq.length === 1) {
      if (STOP_WORDS.has(first.key) || COMMON_WORDS.has(first.key) || first.allCaps) continue;
      mentions.push({ tokens: seq, full: false, titled: titled || speech, start: first.start });
      continue;
    }
    const confirmed = given || titled || speech || !afterPlace;
    if (!confirmed) continue;
    mentions.push({ tokens: seq, full: given || titled || speech || !first.sentenceStart || seq.length >= 2, titled, start: first.start });
  }
  return mentions;
}

/** The name as written, with the full stops of initials ("George W. Bush"). */
function surfaceOf(tokens: Token[]): string {
  return tokens.map((t, i) => (i === 0 ? t.text : t.gap.replace(/\s+/g, ' ') + t.text)).join('');
}

function keysOf(tokens: Token[]): string[] {
  return tokens.flatMap((t) => t.text.split('-')).map(translitKey).filter(Boolean);
}

/** The id of a name: given name + first family name, transliteration-folded; East Asian names whole. */
export function personId(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const tokens = parts.map(translitKey);
  const significant = tokens.filter((t) => !NAME_PARTICLES.has(t));
  if (significant.length <= 1) return significant.join('-') || tokens.join('-');
  const firstIsEastAsian = EAST_ASIAN_SURNAMES.has(significant[0]!) && !GIVEN_NAMES.has(significant[0]!);
  if (firstIsEastAsian) return parts.flatMap((p) => p.split('-')).map(translitKey).join('-');
  // Arabic names: the "al-"/"el-" family name identifies ("Abdel Fattah el-Sisi" vs "Abdel Fattah al-Burhan").
  const family = significant.slice(1).find((t) => /^(?:al|el)-./.test(t));
  if (family) return `${significant[0]}-${family.replace(/^(?:al|el)-/, '')}`;
  return `${significant[0]}-${significant[1]!.split('-')[0]}` + (significant[1]!.includes('-') ? '-' + significant[1]!.split('-').slice(1).join('-') : '');
}

interface PersonBuild {
  fullForms: Map<string, number>;
  variants: Set<string>;
  keys: string[];
  mentions: number;
}

/** `tokens`: the text's tokens when the caller already has them (extractEntities shares one pass). */
export function extractPersons(text: string, tokens?: Token[]): PersonMention[] {
  const mentions = extractMentions(text, tokens);
  const people: PersonBuild[] = [];
  // Longest first, so "Rodríguez Parrilla" meets "Bruno Rodríguez Parrilla" already in place.
  const fullMentions = mentions.filter((m) => m.full && m.tokens.length >= 2).sort((a, b) => b.tokens.length - a.tokens.length);
  // Full names: merge the same name written differently (accents, transliteration, a longer form).
  for (const m of fullMentions) {
    const keys = keysOf(m.tokens);
    const surface = surfaceOf(m.tokens);
    const same = people.find((p) => sameFullName(p.keys, keys));
    const owners = same || isGiven(m.tokens[0]!) ? [] : people.filter((p) => containsRun(p.keys.slice(1), keys));
    if (owners.length === 1) {
      owners[0]!.variants.add(surface);
      owners[0]!.mentions++;
    } else if (same) {
      same.fullForms.set(surface, (same.fullForms.get(surface) ?? 0) + 1);
      same.variants.add(surface);
      same.mentions++;
      if (keys.length > same.keys.length) same.keys = keys;
    } else people.push({ fullForms: new Map([[surface, 1]]), variants: new Set([surface]), keys, mentions: 1 });
  }
  // Partial mentions: attach to the one full name they are the family-name part of.
  for (const m of mentions) {
    if (m.full && m.tokens.length >= 2 && people.some((p) => p.variants.has(surfaceOf(m.tokens)))) continue;
    const keys = keysOf(m.tokens);
    const owners = people.filter((p) => containsRun(p.keys.slice(1), keys) || (m.tokens.length === 1 && p.keys[0] === keys[0] && EAST_ASIAN_SURNAMES.has(keys[0]!)));
    if (owners.length === 1) {
      owners[0]!.variants.add(surfaceOf(m.tokens));
      owners[0]!.mentions++;
    } else if (owners.length === 0 && m.titled && m.tokens.length === 1) {
      // "President Putin" with no full name in the article: a person known by surname only.
      const surface = surfaceOf(m.tokens);
      const existing = people.find((p) => p.keys.length === 1 && p.keys[0] === keys[0]);
      if (existing) {
        existing.mentions++;
        existing.variants.add(surface);
      } else people.push({ fullForms: new Map([[surface, 1]]), variants: new Set([surface]), keys, mentions: 1 });
    }
  }
  return people.map((p) => {
    const name = fullestForm(p.fullForms);
    return { id: personId(name), name, variants: [...p.variants].sort(), mentions: p.mentions };
  }).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function sameFullName(a: string[], b: string[]): boolean {
  if (a[0] !== b[0]) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((k, i) => long[i] === k);
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The longest form; among equals the most frequent, then the one keeping its accents, then alphabetical. */
export function fullestForm(forms: Map<string, number>): string {
  const accents = (s: string) => s.replace(/[\x00-\x7f]/g, '').length;
  return [...forms].sort((a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1]
    || accents(b[0]) - accents(a[0]) || a[0].localeCompare(b[0]))[0]![0];
}
