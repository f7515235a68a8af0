// Messages from Dossier's webviews, checked before anything acts on them: a webview renders
// article text, so it is treated as untrusted — only known message types, with a key the corpus
// knows, a subject of a known kind and bounded sizes, get through; anything else is dropped (and
// logged once per panel, so a broken script shows up without flooding the output).

import type { Corpus } from '../../core/library/corpus';
import type { DossierFilters, DossierSubject } from '../../core/dossier';

export type DossierMessage =
  | { type: 'ready' }
  | { type: 'openArticle'; key: string; sentence: string | null; toSide: boolean }
  | { type: 'openDossier'; subject: DossierSubject }
  | { type: 'copyKey'; key: string }
  | { type: 'cite'; key: string }
  | { type: 'insertBrief'; picks: string[] | null }
  | { type: 'newNote'; key: string }
  | { type: 'filter'; country: string | null; fromYear: number | null; toYear: number | null }
  | { type: 'view'; filters: DossierFilters }
  | { type: 'more'; generation: number; offset: number }
  | { type: 'state'; state: unknown };

const MAX_TEXT = 5000;
const MAX_PICKS = 10_000;
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,199}$/u;
const CODE_RE = /^[A-Z]{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function knownKey(corpus: Corpus, value: unknown): string | null {
  return typeof value === 'string' && value.length <= 200 && corpus.has(value) ? value : null;
}

export function parseSubject(value: unknown): DossierSubject | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'person' && typeof value.id === 'string' && ID_RE.test(value.id)) return { kind: 'person', id: value.id };
  if (value.kind === 'country' && typeof value.code === 'string' && CODE_RE.test(value.code)) return { kind: 'country', code: value.code };
  return null;
}

function year(value: unknown): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 9999 ? value : undefined;
}

/** The message, if it is one Dossier knows and its arguments are valid; otherwise null. */
export function parseMessage(corpus: Corpus, raw: unknown): DossierMessage | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openArticle': {
      const key = knownKey(corpus, raw.key);
      const sentence = typeof raw.sentence === 'string' && raw.sentence.length <= MAX_TEXT ? raw.sentence : null;
      return key ? { type: 'openArticle', key, sentence, toSide: raw.toSide === true } : null;
    }
    case 'copyKey':
    case 'cite':
    case 'newNote': {
      const key = knownKey(corpus, raw.key);
      return key ? { type: raw.type, key } : null;
    }
    case 'openDossier': {
      const subject = parseSubject(raw.subject);
      return subject ? { type: 'openDossier', subject } : null;
    }
    case 'insertBrief': {
      if (raw.picks === null || raw.picks === undefined) return { type: 'insertBrief', picks: null };
      if (!Array.isArray(raw.picks) || raw.picks.length > MAX_PICKS) return null;
      const picks = raw.picks.filter((p): p is string => typeof p === 'string' && /^[^#]{1,200}#\d{1,5}$/.test(p) && corpus.has(p.slice(0, p.lastIndexOf('#'))));
      return picks.length === raw.picks.length ? { type: 'insertBrief', picks } : null;
    }
    case 'filter': {
      const country = raw.country === null || raw.country === '' || raw.country === undefined ? null
        : typeof raw.country === 'string' && CODE_RE.test(raw.country) ? raw.country : undefined;
      const fromYear = year(raw.fromYear), toYear = year(raw.toYear);
      if (country === undefined || fromYear === undefined || toYear === undefined) return null;
      return { type: 'filter', country, fromYear, toYear };
    }
    case 'view': {
      // The dossier's filters: a year range, an outlet (any name: it is only compared), a text.
      const filters = isRecord(raw.filters) ? raw.filters : {};
      const fromYear = year(filters.fromYear), toYear = year(filters.toYear);
      const outlet = filters.outlet === null || filters.outlet === undefined || filters.outlet === '' ? null
        : typeof filters.outlet === 'string' && filters.outlet.length <= 300 ? filters.outlet : undefined;
      const text = filters.text === null || filters.text === undefined ? '' : typeof filters.text === 'string' && filters.text.length <= 300 ? filters.text : undefined;
      if (fromYear === undefined || toYear === undefined || outlet === undefined || text === undefined) return null;
      return { type: 'view', filters: { fromYear, toYear, outlet, text } };
    }
    case 'more': {
      const { generation, offset } = raw;
      if (typeof generation !== 'number' || !Number.isSafeInteger(generation) || generation < 0) return null;
      if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return null;
      return { type: 'more', generation, offset };
    }
    case 'state':
      return { type: 'state', state: raw.state };
    default:
      return null;
  }
}
