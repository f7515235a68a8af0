// The corpus-wide view of persons. Ids already agree across articles (they depend on the name
// alone); this keeps, per id, what each article contributed, and derives the canonical name — the
// fullest form, the one most articles use among those — lazily, cached until that person changes.

import type { PersonMention } from '../types';
import { fullestForm, personId } from './persons';

export interface CorpusPerson {
  id: string;
  name: string;
  variants: string[];
  articles: string[];
}

export class PersonDirectory {
  private readonly byId = new Map<string, Map<string, PersonMention>>();
  private readonly idsByArticle = new Map<string, string[]>();
  private readonly cache = new Map<string, CorpusPerson>();
  private sorted: CorpusPerson[] | null = null;
  /**
   * Surname-only persons ("President Putin" with no full name in the article: id `putin`) by the full persons whose
   * one-word variants they are (Vladimir Putin, named "Putin" in other articles), with how many articles say so.
   */
  private readonly fullBySingle = new Map<string, Map<string, number>>();

  set(articleKey: string, persons: PersonMention[]): void {
    this.delete(articleKey);
    this.idsByArticle.set(articleKey, persons.map((p) => p.id));
    for (const person of persons) {
      let contributions = this.byId.get(person.id);
      if (!contributions) this.byId.set(person.id, (contributions = new Map()));
      contributions.set(articleKey, person);
      this.cache.delete(person.id);
      this.countSingles(person, 1);
    }
    if (persons.length) this.sorted = null;
  }

  /** Counts a full person's one-word variants (its surname as the articles write it) up or down. */
  private countSingles(person: PersonMention, by: 1 | -1): void {
    for (const single of surnameIdsOfMention(person)) {
      let owners = this.fullBySingle.get(single);
      if (!owners) this.fullBySingle.set(single, (owners = new Map()));
      const n = (owners.get(person.id) ?? 0) + by;
      if (n > 0) owners.set(person.id, n);
      else owners.delete(person.id);
      if (!owners.size) this.fullBySingle.delete(single);
    }
  }

  /**
   * The one full person a surname-only person is, when the library knows exactly one whose articles call them so
   * ("Putin" → Vladimir Putin; "Castro" with Fidel and Raúl Castro both known → null).
   */
  linkOf(singleId: string): string | null {
    const owners = this.fullBySingle.get(singleId);
    return owners && owners.size === 1 ? owners.keys().next().value! : null;
  }

  /** What an article contributed (as `set` was given it, for a caller about to delete it). */
  contributed(articleKey: string): PersonMention[] {
    const ids = this.idsByArticle.get(articleKey) ?? [];
    return ids.map((id) => this.byId.get(id)?.get(articleKey)).filter((p): p is PersonMention => p !== undefined);
  }

  /** The surname-only ids these persons' one-word variants make (`putin` for a Vladimir Putin called "Putin"). */
  singlesOf(persons: readonly PersonMention[]): string[] {
    const singles = new Set<string>();
    for (const person of persons) for (const single of surnameIdsOfMention(person)) singles.add(single);
    return [...singles];
  }

  /** The surname-only persons that are this full person (linkOf gives it back), e.g. `putin` for `vladimir-putin`. */
  singlesLinkedTo(fullId: string): string[] {
    const contributions = this.byId.get(fullId);
    if (!contributions) return [];
    const singles = new Set<string>();
    for (const person of contributions.values()) for (const single of surnameIdsOfMention(person)) singles.add(single);
    return [...singles].filter((single) => this.byId.has(single) && this.linkOf(single) === fullId);
  }

  delete(articleKey: string): void {
    const ids = this.idsByArticle.get(articleKey);
    if (!ids) return;
    this.idsByArticle.delete(articleKey);
    for (const id of ids) {
      const contributions = this.byId.get(id);
      const removed = contributions?.get(articleKey);
      if (removed) this.countSingles(removed, -1);
      contributions?.delete(articleKey);
      if (contributions && contributions.size === 0) this.byId.delete(id);
      this.cache.delete(id);
    }
    if (ids.length) this.sorted = null;
  }

  get(id: string): CorpusPerson | undefined {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const contributions = this.byId.get(id);
    if (!contributions) return undefined;
    // Each article's fullest form counts once: the canonical name is the fullest form most articles use.
    const forms = new Map<string, number>();
    const variants = new Set<string>();
    for (const person of contributions.values()) {
      forms.set(person.name, (forms.get(person.name) ?? 0) + 1);
      for (const v of person.variants) variants.add(v);
    }
    const person: CorpusPerson = { id, name: fullestForm(forms), variants: [...variants].sort(), articles: [...contributions.keys()].sort() };
    this.cache.set(id, person);
    return person;
  }

  all(): CorpusPerson[] {
    this.sorted ??= [...this.byId.keys()].map((id) => this.get(id)!)
      .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
    return this.sorted;
  }
}

/**
 * The surname-only ids a full person's one-word variants make (`putin` for a Vladimir Putin some article calls
 * "Putin"); none for a person named by one word. One helper for counting, looking up and linking them alike.
 */
function surnameIdsOfMention(person: PersonMention): string[] {
  if (!/\s/.test(person.name)) return [];
  const ids: string[] = [];
  for (const variant of person.variants) {
    if (/\s/.test(variant)) continue;
    const single = personId(variant);
    if (single !== person.id) ids.push(single);
  }
  return ids;
}
