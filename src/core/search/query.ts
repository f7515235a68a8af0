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
