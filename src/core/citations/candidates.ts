// Which articles completion offers after `@` + what was typed, in order: keys that start with it,
// then what the search engine finds (persons, countries, outlets, titles; typo-tolerant), then, for
// one or two letters, any article with a word starting with them. The last step matters while a word
// is still short (`@l`, `@la`): the search engine wants three letters, and an empty answer would end
// the completion session, so `@lav` would never be asked for.

import { countryInfo } from '../entities';
import { asciiFold } from '../library/keys';
import type { Article } from '../types';

const wordsCache = new WeakMap<Article, string[]>();
/** How many of the newest articles a one- or two-letter prefix is looked for in, word by word. */
const SHORT_PREFIX_SCAN = 5000;

/** The words an article answers to: key parts, outlet, title, persons, countries (name, demonym, capital). */
export function articleWords(article: Article): string[] {
  let words = wordsCache.get(article);
  if (!words) {
    const texts = [article.key, article.outlet ?? '', article.title ?? article.label];
    for (const p of article.persons) texts.push(p.name, ...p.variants);
    for (const c of article.countries) {
      const info = countryInfo(c.code);
      texts.push(c.name, info?.demonym ?? '', info?.capital ?? '');
    }
    words = [...new Set(texts.flatMap((t) => asciiFold(t).toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean))];
    wordsCache.set(article, words);
  }
  return words;
}

/**
 * The keys of `articles`, lower-cased, by position: computed once per article list (the corpus keeps
 * its list until it changes), since lower-casing 100,000 keys on every keystroke took ~20 ms.
 */
const lowerKeysCache = new WeakMap<readonly Article[], string[]>();
function lowerKeys(articles: readonly Article[]): string[] {
  let keys = lowerKeysCache.get(articles);
  if (!keys) lowerKeysCache.set(articles, (keys = articles.map((a) => a.key.toLowerCase())));
  return keys;
}

export interface CandidateSource {
  /** All articles, newest first. */
  articles(): readonly Article[];
  get(key: string): Article | undefined;
}

export function citationCandidates(prefix: string, corpus: CandidateSource, search: (query: string) => readonly string[], max = 100): Article[] {
  const all = corpus.articles();
  if (!prefix) return all.slice(0, max);
  const result: Article[] = [];
  const seen = new Set<string>();
  const add = (article: Article | undefined) => {
    if (article && !seen.has(article.key) && result.length < max) {
      seen.add(article.key);
      result.push(article);
    }
  };
  const lower = prefix.toLowerCase();
  const keys = lowerKeys(all);
  for (let i = 0; i < all.length; i++) {
    if (result.length >= max) return result;
    if (keys[i]!.startsWith(lower)) add(all[i]);
  }
  const query = prefix.replace(/[-:./_]+/g, ' ').trim();
  if (query) for (const key of search(query)) add(corpus.get(key));
  const folded = asciiFold(prefix).toLowerCase().replace(/[^a-z0-9]+/g, '');
  // Only for one or two letters (from three on, the search engine matches prefixes itself), and only
  // over the newest articles: it is there to keep the completion session alive, and reading every
  // article of a large library would be felt on a keystroke.
  if (folded && folded.length < 3) {
    for (let i = 0; i < all.length && i < SHORT_PREFIX_SCAN && result.length < max; i++) {
      if (articleWords(all[i]!).some((w) => w.startsWith(folded))) add(all[i]);
    }
  }
  return result;
}
