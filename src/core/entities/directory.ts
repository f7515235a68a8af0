// The corpus-wide view of persons. Ids already agree across articles (they depend on the name
// alone); this keeps, per id, what each article contributed, and derives the canonical name — the
// fullest form, the one most articles use among those — lazily, cached until that person changes.

import type { PersonMention } from '../types';
import { fullestForm } from './persons';

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

  set(articleKey: string, persons: PersonMention[]): void {
    this.delete(articleKey);
    this.idsByArticle.set(articleKey, persons.map((p) => p.id));
    for (const person of persons) {
      let contributions = this.byId.get(person.id);
      if (!contributions) this.byId.set(person.id, (contributions = new Map()));
      contributions.set(articleKey, person);
      this.cache.delete(person.id);
    }
    if (persons.length) this.sorted = null;
  }

  delete(articleKey: string): void {
    const ids = this.idsByArticle.get(articleKey);
    if (!ids) return;
    this.idsByArticle.delete(articleKey);
    for (const id of ids) {
      const contributions = this.byId.get(id);
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
