// The brief a note gets from a dossier: one Markdown bullet per chosen mention,
// `date — sentence [@key]`, which Pandoc renders with the exported bibliography. Sentences come
// from articles, so what Markdown or Pandoc would read as markup in them is escaped: a sentence can
// never become a link, an image, HTML, a citation or emphasis in the user's note.

import type { DossierEntry } from './dossier';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Escapes the characters Markdown and Pandoc give a meaning inside a paragraph. */
export function escapeInlineMarkdown(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if ('\\`*_[]<>@#|~^$'.includes(ch)) out += `\\${ch}`;
    else if (ch === '&') out += '&amp;';
    else out += ch;
  }
  return out;
}

/** ISO dates as written; a month-day without a year as "February 19"; none as "n.d." (as Pandoc prints it). */
export function briefDate(date: string | null): string {
  if (!date) return 'n.d.';
  const monthDay = /^--(\d{2})-(\d{2})$/.exec(date);
  if (monthDay) return `${MONTHS[Number(monthDay[1]) - 1] ?? monthDay[1]} ${Number(monthDay[2])}`;
  return date;
}

export interface BriefMention {
  entry: Pick<DossierEntry, 'key' | 'date'>;
  sentence: string;
}

/** The brief's Markdown: one bullet per mention, in the order given, ending with a newline. */
export function briefMarkdown(mentions: readonly BriefMention[]): string {
  return mentions.map(({ entry, sentence }) => `- ${briefDate(entry.date)} — ${escapeInlineMarkdown(sentence)} [@${entry.key}]\n`).join('');
}

/** Mentions to put in a brief: every sentence of the entries, or those picked as `key#index`. */
export function briefMentions(entries: readonly DossierEntry[], picked?: ReadonlySet<string>): BriefMention[] {
  const mentions: BriefMention[] = [];
  for (const entry of entries) {
    entry.sentences.forEach((sentence, index) => {
      if (!picked || picked.has(`${entry.key}#${index}`)) mentions.push({ entry, sentence: sentence.text });
    });
  }
  return mentions;
}
