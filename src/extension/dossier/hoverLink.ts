// The hover card's line of dossier links: the article's main persons and countries, each opening
// its dossier. Names are escaped (they come from articles); the command arguments are JSON,
// URI-encoded, so nothing in a name can change the command a link runs.

import { escapeMarkdown, flagEmoji } from '../../core/card';
import type { Corpus } from '../../core/library/corpus';
import type { Article } from '../../core/types';

export const OPEN_DOSSIER_COMMAND_ID = 'dossier.openDossier';

function link(label: string, subject: object): string {
  const uri = `command:${OPEN_DOSSIER_COMMAND_ID}?${encodeURIComponent(JSON.stringify([subject]))}`;
  return `[${label}](${uri} "Open the dossier")`;
}

/** "Dossier: Sergey Lavrov · 🇨🇺 Cuba", the most-mentioned three of each; empty when none. */
export function dossierLinksMarkdown(article: Article, corpus: Corpus, max = 3): string {
  const persons = [...article.persons].sort((a, b) => b.mentions - a.mentions).slice(0, max)
    .map((p) => link(escapeMarkdown(corpus.person(p.id)?.name ?? p.name), { kind: 'person', id: p.id }));
  const countries = [...article.countries].sort((a, b) => b.mentions - a.mentions).slice(0, max)
    .map((c) => link(`${flagEmoji(c.code) ? flagEmoji(c.code) + ' ' : ''}${escapeMarkdown(c.name)}`, { kind: 'country', code: c.code }));
  const links = [...persons, ...countries];
  return links.length ? `Dossier: ${links.join(' · ')}` : '';
}
