// Where an article names a person or a country, as sentences with the name highlighted. Computed
// from the body text the corpus holds (features never re-read files). A person is matched by the
// surface forms the extractor attributed to that person in this article (so the "Rodríguez" of one
// article is not another article's Delcy Rodríguez); a country by every name it answers to (name,
// demonym, capital, aliases), written as a proper noun.
//
// Fast path first: the forms are found with the engine's native indexOf (the body as written for a
// person's forms, lower-cased for a country's terms) and only the sentences around the hits are
// delimited, in one forward pass that jumps between possible sentence ends (sentencesAround) — a
// dossier's first page of 200 articles must come in a few milliseconds, even the first time, before
// the engine has compiled this code. When that finds nothing (a form written with other accents or
// spacing), the article is tokenized as the extractor does and matched token by token.
//
// A hard-wrapped article (lines of 60-80 characters, a sentence over several of them) has soft wraps
// (entities/tokens.ts `softWraps`, found once per body and kept with it): its sentences run on over them
// (sentences.ts), the fast path looks for the forms in a copy of the body where the white space around
// each wrap is one space (so "Volodymyr\nZelenskyy" is found as the extractor reads it), and a shown
// sentence has one space where a wrap was, its highlights moved with the text.

import { countryTerms } from '../entities';
import { LOWERCASE_CONTEXT_WORDS } from '../entities/lexicon';
import { phraseKey, softWraps, tokenize, tokenizeTableText, type Token } from '../entities/tokens';
import type { Article } from '../types';
import { sentencesAround, splitSentences, type SentenceSpan, type SoftWraps } from './sentences';

export type DossierSubject = { kind: 'person'; id: string } | { kind: 'country'; code: string };

export interface Highlight {
  /** Offsets into the sentence's text. */
  start: number;
  end: number;
}

export interface MentionSentence {
  text: string;
  highlights: Highlight[];
}

/** A set of token-key phrases ("sergey lavrov", "lavrov"), matched longest first. */
export interface PhraseMatcher {
  phrases: ReadonlySet<string>;
  longest: number;
  /** Every word must be capitalised (country names as proper nouns; person forms always are). */
  properNoun: boolean;
}

/** The body with the white space around each soft wrap made one space, and how to find its places in the body. */
interface JoinedBody {
  text: string;
  /** Per wrap, in order: where its one space is in `text`… */
  at: Int32Array;
  /** …and how many characters of the body `text` lacks after it (a place q > at[k] of `text` is q + shift[k] in the body). */
  shift: Int32Array;
}

interface ArticleText {
  soft: SoftWraps;
  /** Made when first needed (the slow path; the fast path of a body with soft wraps). */
  joined?: JoinedBody;
  tokens?: Token[];
  sentences?: SentenceSpan[];
}

// The body's soft wraps, and its tokens and sentence spans once needed, per article object: an edit
// replaces the object, which drops the entry.
const textCache = new WeakMap<Article, ArticleText>();

function articleText(article: Article, body: string): ArticleText {
  let cached = textCache.get(article);
  if (!cached) {
    cached = { soft: softWraps(body) };
    textCache.set(article, cached);
  }
  return cached;
}

/** Spaces and tabs (and, before a break, a carriage return): the white space a wrap's run is made of. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** The body with each soft wrap and the spaces around it as one space. Linear: each character is looked at once or twice. */
export function joinSoftWraps(body: string, soft: ReadonlySet<number>): JoinedBody {
  const at = new Int32Array(soft.size), shift = new Int32Array(soft.size);
  const parts: string[] = [];
  let last = 0, length = 0, removed = 0, k = 0;
  // softWraps adds the wraps in text order; sorted here all the same (a Set promises insertion order only).
  const wraps = [...soft].sort((a, b) => a - b);
  for (const wrap of wraps) {
    let from = wrap;
    while (from > last && (isBlank(body.charCodeAt(from - 1)) || body.charCodeAt(from - 1) === 13)) from--;
    let to = wrap + 1;
    while (to < body.length && isBlank(body.charCodeAt(to))) to++;
    parts.push(body.slice(last, from), ' ');
    length += from - last;
    at[k] = length;
    length++;
    removed += to - from - 1;
    shift[k++] = removed;
    last = to;
  }
  parts.push(body.slice(last));
  return { text: parts.join(''), at, shift };
}

/** Where the place `q` of the joined text is in the body (a place on a wrap's space: where its white space begins). */
function bodyPlace(joined: JoinedBody, q: number): number {
  // The last wrap whose space is before q.
  let lo = 0, hi = joined.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (joined.at[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? q : q + joined.shift[lo - 1]!;
}

/**
 * The sentence as shown: each line break in it (a soft wrap: a hard one ends the sentence) and the white
 * space around it made one space, the highlights (in text order) moved with the text. Linear in the sentence.
 */
export function shownSentence(sentence: MentionSentence): MentionSentence {
  const text = sentence.text;
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (nl < 0 && cr < 0) return sentence;
  // The runs of white space that hold a break: [from, to) each, made one space.
  const runs: number[] = [];
  let out = '';
  let last = 0;
  while (nl >= 0 || cr >= 0) {
    const b = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
    let from = b;
    while (from > last && isBlank(text.charCodeAt(from - 1))) from--;
    let to = b + 1;
    while (to < text.length && (isBlank(text.charCodeAt(to)) || text.charCodeAt(to) === 10 || text.charCodeAt(to) === 13)) to++;
    out += `${text.slice(last, from)} `;
    runs.push(from, to);
    last = to;
    nl = text.indexOf('\n', to);
    cr = text.indexOf('\r', to);
  }
  out += text.slice(last);
  // A place after a run moves back by what the runs up to it lost; one inside a run goes to its space.
  let r = 0, lost = 0;
  const place = (x: number, isEnd: boolean): number => {
    while (r < runs.length && runs[r + 1]! <= x) {
      lost += runs[r + 1]! - runs[r]! - 1;
      r += 2;
    }
    if (r < runs.length && x > runs[r]!) return runs[r]! - lost + (isEnd ? 1 : 0);
    return x - lost;
  };
  const highlights: Highlight[] = [];
  for (const h of sentence.highlights) {
    // Starts and ends in text order (highlights do not overlap): one pass over the runs for both.
    const start = place(h.start, false);
    highlights.push({ start, end: h.end });
  }
  r = 0;
  lost = 0;
  for (const h of highlights) h.end = place(h.end, true);
  return { text: out, highlights };
}

function matcherOf(forms: Iterable<string>, properNoun: boolean): PhraseMatcher {
  const phrases = new Set<string>();
  let longest = 0;
  for (const form of forms) {
    const tokens = tokenizeTableText(form, LOWERCASE_CONTEXT_WORDS);
    if (!tokens.length) continue;
    phrases.add(phraseKey(tokens));
    longest = Math.max(longest, tokens.length);
  }
  return { phrases, longest, properNoun };
}

const countryMatchers = new Map<string, PhraseMatcher>();

export function countryMatcher(code: string): PhraseMatcher {
  let matcher = countryMatchers.get(code);
  if (!matcher) {
    // countryTerms gives token keys already; they are matched against token keys the same way.
    const phrases = new Set(countryTerms(code));
    let longest = 0;
    for (const phrase of phrases) longest = Math.max(longest, phrase.split(' ').length);
    matcher = { phrases, longest, properNoun: true };
    countryMatchers.set(code, matcher);
  }
  return matcher;
}

/** The matcher for a subject in one article (a person's forms are the ones this article uses). */
export function matcherFor(subject: DossierSubject, article: Article, extraForms: readonly string[] = []): PhraseMatcher {
  if (subject.kind === 'country') return countryMatcher(subject.code);
  const person = article.persons.find((p) => p.id === subject.id);
  return matcherOf([...(person?.variants ?? []), ...(person ? [person.name] : []), ...extraForms], true);
}

/** Spaces only (or a hyphen between spaces): words in one name. */
function joins(gap: string): boolean {
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Token ranges of the text that the matcher finds, longest phrase first, left to right. */
export function findPhrases(tokens: readonly Token[], matcher: PhraseMatcher): Highlight[] {
  const found: Highlight[] = [];
  if (!matcher.phrases.size) return found;
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let best = 0;
    for (let n = 1; n <= matcher.longest && i + n <= tokens.length; n++) {
      const token = tokens[i + n - 1]!;
      if (n > 1 && !joins(token.gap)) break;
      if (matcher.properNoun && !token.capitalised && !token.allCaps && n === 1) break;
      key = n === 1 ? token.key : `${key} ${token.key}`;
      if (matcher.phrases.has(key) && (token.capitalised || token.allCaps || !matcher.properNoun)) best = n;
    }
    if (best) {
      found.push({ start: tokens[i]!.start, end: tokens[i + best - 1]!.end });
      i += best - 1;
    }
  }
  return found;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR_RE.test(ch);
}

/**
 * Whole-word occurrences of the needles in `haystack`, longest first where they overlap, in text
 * order. `check` can refuse a hit (a country term not written as a proper noun).
 */
function findNeedles(haystack: string, needles: Iterable<string>, check: (start: number, end: number) => boolean): Highlight[] {
  const hits: Highlight[] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordChar(haystack[at - 1]) || isWordChar(haystack[end]) || !check(at, end)) continue;
      hits.push({ start: at, end });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  for (const hit of hits) if (!kept.length || hit.start >= kept[kept.length - 1]!.end) kept.push(hit);
  return kept;
}

function isUpperChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase();
}

function fastHits(article: Article, body: string, subject: DossierSubject, extraForms: readonly string[]): Highlight[] {
  if (subject.kind === 'person') {
    const person = article.persons.find((p) => p.id === subject.id);
    const forms = [...new Set([...(person?.variants ?? []), ...(person ? [person.name] : []), ...extraForms])];
    return findNeedles(body, forms, () => true);
  }
  const lower = body.toLowerCase();
  // Lower-casing that changes the length (a dotted capital I) would shift offsets: use the slow path.
  if (lower.length !== body.length) return [];
  return findNeedles(lower, countryMatcher(subject.code).phrases, (start, end) => {
    // A proper noun: a capital first letter; short codes ("US") only in capitals.
    if (!isUpperChar(body[start])) return false;
    if (end - start <= 3 && body.slice(start, end) !== body.slice(start, end).toUpperCase()) return false;
    return true;
  }) as Highlight[];
}

/** The sentences (as sentencesAround finds them) holding the hits, in text order, each hit highlighted. */
function sentencesAt(text: string, hits: readonly Highlight[], soft: SoftWraps): MentionSentence[] {
  const spans = sentencesAround(text, hits, soft);
  const result: MentionSentence[] = [];
  let last: SentenceSpan | null = null;
  let sentence: MentionSentence | null = null;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!, span = spans[k]!;
    const highlight = { start: hit.start - span.start, end: Math.min(hit.end, span.end) - span.start };
    if (span === last) {
      sentence!.highlights.push(highlight);
      continue;
    }
    sentence = { text: text.slice(span.start, span.end), highlights: [highlight] };
    result.push(sentence);
    last = span;
  }
  return soft ? result.map(shownSentence) : result;
}

function sentencesOf(text: string, hits: readonly Highlight[], spanOf: (hit: Highlight) => SentenceSpan, soft: SoftWraps): MentionSentence[] {
  const result: MentionSentence[] = [];
  let current: { span: SentenceSpan; sentence: MentionSentence } | null = null;
  for (const hit of hits) {
    if (current && hit.start < current.span.end && hit.start >= current.span.start) {
      current.sentence.highlights.push({ start: hit.start - current.span.start, end: Math.min(hit.end, current.span.end) - current.span.start });
      continue;
    }
    const span = spanOf(hit);
    const sentence: MentionSentence = { text: text.slice(span.start, span.end), highlights: [{ start: hit.start - span.start, end: Math.min(hit.end, span.end) - span.start }] };
    result.push(sentence);
    current = { span, sentence };
  }
  return soft ? result.map(shownSentence) : result;
}

/**
 * The sentences of the article's body that name the subject, with the names highlighted. When the
 * body names them nowhere (only the title does, or a caption the reader set aside), the title or
 * the excerpt stands in, so no article of the dossier is shown without text.
 */
export function mentionSentences(article: Article, subject: DossierSubject, extraForms: readonly string[] = []): MentionSentence[] {
  if (extraForms.length) return computeMentionSentences(article, subject, extraForms);
  // Per article object and subject: a panel rebuilt after an index change recomputes only the
  // articles that changed (an edit replaces the article object, which drops its entry).
  let bySubject = sentenceCache.get(article);
  if (!bySubject) sentenceCache.set(article, (bySubject = new Map()));
  const key = subject.kind === 'person' ? `p:${subject.id}` : `c:${subject.code}`;
  let sentences = bySubject.get(key);
  if (!sentences) bySubject.set(key, (sentences = computeMentionSentences(article, subject, extraForms)));
  return sentences;
}

const sentenceCache = new WeakMap<Article, Map<string, MentionSentence[]>>();

let bodiesRead = 0;

/** How many times an article's body has been searched for a subject so far (for the panel's log and the bench). */
export function mentionSearches(): number {
  return bodiesRead;
}

function computeMentionSentences(article: Article, subject: DossierSubject, extraForms: readonly string[]): MentionSentence[] {
  // The body is read once (after a reopen it is decoded from the cache file on first read).
  const body = article.body;
  bodiesRead++;
  const cached = articleText(article, body);
  const soft = cached.soft;
  let fast: Highlight[];
  if (soft) {
    // Looked for in the body with its wraps as spaces, the hits then placed in the body.
    const joined = (cached.joined ??= joinSoftWraps(body, soft));
    fast = fastHits(article, joined.text, subject, extraForms)
      .map((hit) => ({ start: bodyPlace(joined, hit.start), end: bodyPlace(joined, hit.end - 1) + 1 }));
  } else fast = fastHits(article, body, subject, extraForms);
  if (fast.length) return sentencesAt(body, fast, soft);
  const matcher = matcherFor(subject, article, extraForms);
  const tokens = (cached.tokens ??= tokenize(body, LOWERCASE_CONTEXT_WORDS));
  const sentences = (cached.sentences ??= splitSentences(body, soft));
  const hits = findPhrases(tokens, matcher);
  let s = 0;
  const result = sentencesOf(body, hits, (hit) => {
    while (s < sentences.length && sentences[s]!.end <= hit.start) s++;
    const span = sentences[s];
    return span && span.start <= hit.start ? span : { start: hit.start, end: hit.end };
  }, soft);
  if (result.length) return result;
  const fallback = article.title ?? article.excerpt;
  const fallbackTokens = tokenize(fallback, LOWERCASE_CONTEXT_WORDS);
  return fallback ? [{ text: fallback, highlights: findPhrases(fallbackTokens, matcher) }] : [];
}
