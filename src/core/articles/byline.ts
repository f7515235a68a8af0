// Bylines: "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters", "By Jane Doe | AP",
// "Written by Jane Doe", "Author: Jane Doe", "By Jane Doe (Reuters)", "By Jane Doe, March 3, 2024", and the foreign
// press's "Par Jean Dupont", "Por Juan Pérez", "Von Anna Schmidt", "Autor: …". Read only on short stand-alone lines in the header or
// footer zone (the caller's job), with anchored patterns over at most 120 characters.

import { parseDateLine } from './dateLines';
import { isOutletLine } from './outlets';
import { EMPHASIS_AND_SPACE, trimChars } from './trim';

export interface Byline {
  /** The authors' names, joined with ", ". */
  author: string;
  /** An outlet named after the names ("By Jane Doe, Reuters"), if any. */
  outlet: string | null;
  /** A date after the names ("By Jane Doe, March 3, 2024", "By Jane Doe on March 3, 2024", "By Jane Doe | March 3, 2024"). */
  date?: string;
}

const MAX_LINE = 120;
const PREFIX_RE = /^(?:by|written by|posted by|story by|words by|reporting by|author|authors|byline|par|écrit par|por|escrito por|von|autor|autora|autores|auteur|auteure|autore)\s*:?\s+/i;
/** One name: two to five capitalised words, initials and particles allowed ("Antony J. Blinken", "Daniel arap Moi"). */
const NAME_RE = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|van|von|der|de|da|del|di|du|la|le|bin|al|arap|ibn|dos|das))*$/u;

/** Roles written after a name ("By Jane Doe, Staff Writer"): dropped, not taken for a name. */
const ROLE_RE = /\b(?:staff|writer|correspondent|editor|reporter|contributor|columnist|bureau|chief|desk)\b/i;

function asName(raw: string): string | null {
  const s = raw.trim().replace(/^(?:the\s+)?/i, '');
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5 || !NAME_RE.test(s)) return null;
  // "BY JANE DOE": names written in capitals are shown in title case.
  return s === s.toUpperCase() ? words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ') : s;
}

/** Parses a byline line; null when the line is not one. */
export function parseByline(rawLine: string): Byline | null {
  const line = trimChars(rawLine, EMPHASIS_AND_SPACE);
  if (!line || line.length > MAX_LINE) return null;
  const prefix = PREFIX_RE.exec(line);
  if (!prefix) return null;
  let rest = line.slice(prefix[0].length).trim();
  let outlet: string | null = null;
  let date: string | undefined;
  const bar = rest.split(/\s+[|•·—–-]\s+/);
  if (bar.length === 2) {
    rest = bar[0]!;
    const after = bar[1]!.trim();
    const dated = parseDateLine(after);
    if (dated && !dated.yearOnly) date = dated.date;
    else outlet = after || null;
  }
  // "By Jane Doe (Reuters)": the outlet in brackets.
  const bracket = /\s*\(([^()]{2,40})\)$/.exec(rest);
  if (bracket && isOutletLine(bracket[1]!)) {
    outlet ??= bracket[1]!;
    rest = rest.slice(0, bracket.index);
  }
  // "By Jane Doe on March 3, 2024", "By Jane Doe, March 3, 2024": the date after the names.
  const on = /(?:\s+on|,)\s+([^,]*\d[^]*)$/.exec(rest);
  if (on && !date) {
    const dated = parseDateLine(on[1]!);
    if (dated && !dated.yearOnly) {
      date = dated.date;
      rest = rest.slice(0, on.index);
    }
  }
  const parts = rest.split(/\s*,\s*|\s+and\s+|\s*&\s*/);
  const names: string[] = [];
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const lastPart = p === parts.length - 1;
    if (names.length && ROLE_RE.test(part)) continue;
    // "By Jane Doe, The Associated Press": an outlet after the names is no second author.
    if (names.length && lastPart && isOutletLine(part)) {
      outlet ??= part;
      continue;
    }
    const name = asName(part);
    if (name) names.push(name);
    // After the names: an outlet ("By Jane Doe, Reuters") or a role ("Secretary of State"), dropped.
    else if (names.length && part && lastPart && /^\p{Lu}/u.test(part)) {
      if (!outlet && isOutletLine(part)) outlet = part;
    } else return null;
  }
  return names.length ? { author: names.join(', '), outlet, ...(date ? { date } : {}) } : null;
}
