// The former definition (commit 542b612), kept unchanged as the reference the dossier's property tests
// compare the current finder with: same sentences, same highlights, on the seeds and on random text.

// Where an article names a person or a country, as sentences with the name highlighted. Computed
// from the body text the corpus holds (features never re-read files). A person is matched by the
// surface forms the extractor attributed to that person in this article (so the "Rodríguez" of one
// article is not another article's Delcy Rodríguez); a country by every name it answers to (name,
// demonym, capital, aliases), written as a proper noun.
//
// Fast path first: the forms are found with the engine's native indexOf (the body as written for a
// person's forms, lower-cased for a country's terms) and only the sentences around the hits are
// delimited — a dossier of 1,000 articles must come in tens of milliseconds. When that finds
// nothing (a form written with other accents or spacing), the article is tokenized as the
// extractor does and matched token by token.

import { countryTerms } from '../../../src/core/entities';
import { LOWERCASE_CONTEXT_WORDS } from '../../../src/core/entities/lexicon';
import { tokenize, type Token } from '../../../src/core/entities/tokens';
import type { Article } from '../../../src/core/types';
import { sentenceAround, splitSentences, type SentenceSpan } from './sentences';

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

interface ArticleText {
  tokens: Token[];
  sentences: SentenceSpan[];
}

// Tokens and sentence spans per article object: an edit replaces the object, which drops the entry.
const textCache = new WeakMap<Article, ArticleText>();

function articleText(article: Article): ArticleText {
  let cached = textCache.get(article);
  if (!cached) {
    cached = { tokens: tokenize(article.body, LOWERCASE_CONTEXT_WORDS), sentences: splitSentences(article.body) };
    textCache.set(article, cached);
  }
  return cached;
}

function phraseKey(tokens: Token[]): string {
  return tokens.map((t) => t.key).join(' ');
}

function matcherOf(forms: Iterable<string>, properNoun: boolean): PhraseMatcher {
  const phrases = new Set<string>();
  let longest = 0;
  for (const form of forms) {
    const tokens = tokenize(form, LOWERCASE_CONTEXT_WORDS);
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

function fastHits(article: Article, subject: DossierSubject, extraForms: readonly string[]): Highlight[] {
  const body = article.body;
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

function sentencesOf(text: string, hits: readonly Highlight[], spanOf: (hit: Highlight) => SentenceSpan): MentionSentence[] {
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
  return result;
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

function computeMentionSentences(article: Article, subject: DossierSubject, extraForms: readonly string[]): MentionSentence[] {
  const fast = fastHits(article, subject, extraForms);
  if (fast.length) return sentencesOf(article.body, fast, (hit) => sentenceAround(article.body, hit.start, hit.end));
  const matcher = matcherFor(subject, article, extraForms);
  const { tokens, sentences } = articleText(article);
  const hits = findPhrases(tokens, matcher);
  let s = 0;
  const result = sentencesOf(article.body, hits, (hit) => {
    while (s < sentences.length && sentences[s]!.end <= hit.start) s++;
    const span = sentences[s];
    return span && span.start <= hit.start ? span : { start: hit.start, end: hit.end };
  });
  if (result.length) return result;
  const fallback = article.title ?? article.excerpt;
  const fallbackTokens = tokenize(fallback, LOWERCASE_CONTEXT_WORDS);
  return fallback ? [{ text: fallback, highlights: findPhrases(fallbackTokens, matcher) }] : [];
}
