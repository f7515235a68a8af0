// Citation keys: what users type as `[@key]`. Derived from content in the spirit of Better BibTeX
// (outlet + year + the first significant title words), ASCII, lower case, Pandoc-valid, at most 40
// characters; a Markdown article may pin its own with `key:` in front matter. See README "Citation keys".

import { yearOf } from '../articles/dates';

export const MAX_KEY_LENGTH = 40;

const STOP_WORDS = new Set(
  ('a an the and or but nor of to in on at by for from with without into onto over under about as is are was were be been '
    + 'its it this that these those his her their our your my than then so not no yes via vs amid after before during '
    + 'will would shall should can could may might must has have had do does did new says said').split(' '),
);

/** "Rodríguez" -> "rodriguez": fold accents, keep ASCII letters and digits. */
export function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ßẞ]/g, 'ss').replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd');
}

function slugWords(text: string): string[] {
  return asciiFold(text).toLowerCase().replace(/[’']s\b/g, '').replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/** Short outlets stay whole ("tass", "dpa"); long multi-word ones become initials ("rhc"). */
export function outletSlug(outlet: string | null): string {
  if (!outlet) return '';
  const words = slugWords(outlet);
  const joined = words.join('');
  if (joined.length <= 14 || words.length < 2) return joined.slice(0, 14);
  return words.map((w) => w[0]).join('');
}

export interface KeySource {
  title: string | null;
  label: string;
  outlet: string | null;
  date: string | null;
}

export function deriveBaseKey(source: KeySource): string {
  const prefix = outletSlug(source.outlet) + (yearOf(source.date) ?? '');
  const all = slugWords((source.title ?? source.label).replace(/…$/, ''));
  const significant = all.filter((w) => !STOP_WORDS.has(w) && !(prefix && w === prefix));
  const words = (significant.length ? significant : all).slice(0, 3);
  const parts = prefix ? [prefix, ...words] : words;
  while (parts.length > 2 && parts.join('-').length > MAX_KEY_LENGTH) parts.pop();
  const key = parts.join('-').slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');
  return key || 'article';
}

export interface KeyRequest {
  /** Any stable identity of the article (its location). */
  id: string;
  explicitKey: string | null;
  baseKey: string;
}

/**
 * Makes keys unique over the corpus. Explicit keys are taken first, as written. Articles sharing a
 * derived key are ordered by `id`: the first keeps the bare key, the next get "-b", "-c", ... so a
 * key only changes when a colliding article is added before it (pin it with `key:` if that matters).
 */
export function assignKeys(requests: KeyRequest[], takenElsewhere: (key: string) => boolean = () => false): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  const taken = { has: (key: string) => used.has(key) || takenElsewhere(key), add: (key: string) => used.add(key) };
  const sorted = [...requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of sorted) {
    if (r.explicitKey && !taken.has(r.explicitKey)) {
      taken.add(r.explicitKey);
      result.set(r.id, r.explicitKey);
    }
  }
  // Each base key resumes probing where its last article stopped, so n articles sharing a base cost
  // n probes plus one per key taken elsewhere, not n²/2.
  const nextSuffixByBase = new Map<string, number>();
  for (const r of sorted) {
    if (result.has(r.id)) continue;
    const base = r.baseKey;
    let n = nextSuffixByBase.get(base) ?? 0;
    let key = n === 0 ? base : `${base}-${suffix(n)}`;
    while (taken.has(key)) key = `${base}-${suffix(++n)}`;
    nextSuffixByBase.set(base, n + 1);
    taken.add(key);
    result.set(r.id, key);
  }
  return result;
}

/** 1 -> "b", 2 -> "c", ..., 25 -> "z", 26 -> "ba"... (the bare key counts as "a"). */
function suffix(n: number): string {
  let s = '';
  let x = n;
  do {
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return s;
}
