// Warming the per-file path up in idle time. A window reopened from the persistent cache has never
// read an article: the first file saved afterwards paid for compiling the reader and the entity
// rules (their functions and regular expressions) and for building their lazily made tables —
// 65–130 ms in plain Node at 100k, ~280 ms in a busy extension host, against 3–8 ms for the next
// file. Running the same path once on a built-in sample, in a few steps the caller spreads over idle
// ticks, moves that cost out of the first change the user waits for. Nothing is kept: the sample's
// record goes nowhere.

import { readArticleFileSync, type ArticleRead, type FormatLimits } from '../articles';
import { bodyTerms } from '../search/normalize';
import { countedTerms } from '../search/termIndex';
import { extractRead, type Extracted } from './extract';

/** A short article in the shapes the reader and the rules see most (dateline, titles, countries, a byline). */
const SAMPLE = [
  'Foreign ministers meet in Wellington on fisheries and trade',
  '',
  'By Jane Doe',
  'Published: 7 May 2024',
  '',
  'WELLINGTON, May 7 (Reuters) - Russian Foreign Minister Sergey Lavrov met his New Zealand counterpart',
  'Winston Peters in Wellington on Tuesday, the ministry said. "We discussed trade," Lavrov told reporters.',
  'Cuba\'s Bruno Rodríguez Parrilla and Venezuela\'s Delcy Rodríguez joined by video from Havana and Caracas.',
  '',
  'Source: https://www.reuters.com/world/sample-2024-05-07/',
].join('\n');

export interface WarmUp {
  /** Steps of a few milliseconds each once compiled (the first run of each is the cost). */
  steps: (() => void)[];
  /** What the sample gave (after the steps ran): the path did its real work. */
  result(): { extracted: Extracted | null; terms: number };
}

export function warmUp(limits?: FormatLimits): WarmUp {
  let read: ArticleRead | null = null;
  let extracted: Extracted | null = null;
  let terms = 0;
  return {
    steps: [
      () => { read = readArticleFileSync('dossier-warm-up.txt', new TextEncoder().encode(SAMPLE), limits); },
      () => { if (read) extracted = extractRead(read); },
      () => { if (extracted?.article) terms = countedTerms(bodyTerms(extracted.article.body)).terms.length; },
    ],
    result: () => ({ extracted, terms }),
  };
}
