// The search box syntax: free words plus `field:value` filters, values optionally quoted.
//   lavrov cuba            free text
//   person:lavrov          articles naming a person whose name matches "lavrov"
//   person:"delcy rodriguez" country:VE year:2019 outlet:tass
// Filters combine with AND. An unknown `foo:bar` stays free text.

export type FilterField = 'person' | 'country' | 'outlet' | 'year';

export interface QueryFilter {
  field: FilterField;
  value: string;
}

export interface ParsedQuery {
  /** The free text, filters removed. */
  text: string;
  filters: QueryFilter[];
}

const FILTER_RE = /(^|\s)(person|country|outlet|year):(?:"([^"]*)"?|(\S*))/gi;

export function parseQuery(query: string): ParsedQuery {
  const filters: QueryFilter[] = [];
  const text = query.replace(FILTER_RE, (_all, lead: string, field: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (value) filters.push({ field: field.toLowerCase() as FilterField, value });
    return lead;
  });
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}

/** Quotes a filter value when it needs it: `person:"Sergey Lavrov"`. */
export function filterQuery(field: FilterField, value: string): string {
  return /[\s"]/.test(value) ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
}

/** A `person:` / `country:` / `outlet:` filter whose value is still being typed, at the end of the query. */
export interface PendingFilter {
  field: 'person' | 'country' | 'outlet';
  /** What is typed so far (without the opening quote). */
  value: string;
  /** Where the filter starts in the query. */
  start: number;
}

const PENDING_RE = /(^|\s)(person|country|outlet):(?:"([^"]*)|([^\s"]*))$/i;

/**
 * The filter being typed: `person:lav`, `country:"south af` (quote still open), `outlet:`. A value
 * followed by a space or a closing quote is finished, and `year:` has nothing to suggest.
 */
export function pendingFilter(query: string): PendingFilter | null {
  const m = PENDING_RE.exec(query);
  if (!m) return null;
  return { field: m[2]!.toLowerCase() as PendingFilter['field'], value: m[3] ?? m[4] ?? '', start: m.index + m[1]!.length };
}

/** The query with the pending filter completed to `value` (quoted when needed), ready for more words. */
export function completeFilter(query: string, pending: PendingFilter, value: string): string {
  return `${query.slice(0, pending.start)}${filterQuery(pending.field, value)} `;
}
