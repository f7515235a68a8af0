// A stand-alone date line in an article's header or footer: the line is a date and nothing else
// but a label ("Published:", "Updated"), a weekday, a time and a section tag. Only such lines are
// read: a date inside a sentence of the body is never the article's date.
//
//   Monday, April 30, 2012          22.12.2004                10/20/2025 09:31 AM
//   Published: 23 May 2022          Updated March 3, 2024     2019-03-12T10:00:00Z
//   MARCH 3, 2021 PRESS RELEASE     JULY 11, 2022 • STATEMENTS AND RELEASES
//
// Every pattern here is anchored and works on one short line (at most 120 characters), so nothing
// can backtrack over article text. chrono-node was considered and left out (see README, "The
// article reader"): its strength is finding dates inside any sentence, which is what must not
// happen here, and a date line takes only the dozen shapes below.

import { isoDate, parseDateText } from './dates';
import { EMPHASIS_AND_SPACE, trimChars } from './trim';

export interface DateLine {
  date: string;
  /** "Updated …", "Last modified …": a later date than the publication, used only when no other. */
  updated: boolean;
  /** Labelled as the publication ("Published: …", "Publication date: …", "Posted …"). */
  published?: boolean;
  /** A year alone ("2020"): a footer's copyright year as often as a date. */
  yearOnly?: boolean;
  /** The name after the date in a blog's "Posted on March 3, 2024 by Jane Doe". */
  author?: string;
  /** Labelled "Created" (a notes app's clip date, as in Notion's properties): the article's date only when no other. */
  created?: boolean;
  /** What a bar or dot set after the date ("March 3, 2024 · Reuters", "JULY 11, 2022 • STATEMENTS AND RELEASES"). */
  tail?: string;
}

/** " by Jane Doe" closing a date line: a capitalised name of one to four words (one short line: no backtracking to speak of). */
const BY_TAIL_RE = /\s+by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|al|bin)){0,4})$/u;

/** A label on a line of its own, its date on the next ("Publication date:" / "March 22, 2013, 22:00"). */
export interface DateLabel {
  updated: boolean;
}

const MAX_LINE = 120;
const LABEL_RE = /^(?:(?:first |originally )?published(?: on| at)?|posted(?: on| at)?|updated(?: on| at)?|last updated(?: on| at)?|last modified(?: on| at)?|modified(?: on| at)?|date(?: published)?|publication date|released|issued|created|(?:übersetzung )?veröffentlicht(?: am)?|aktualisiert(?: am)?|publié(?: le)?|mis à jour(?: le)?|publicado(?: el| em| en)?|actualizado(?: el)?|atualizado(?: em)?|pubblicato(?: il)?|aggiornato(?: il)?)\s*[:\-–—]?\s*/i;
/** The labels of a later date than the publication ("Updated", "aktualisiert", "mis à jour", "actualizado"…). */
const UPDATED_RE = /updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato/i;
const WEEKDAY_RE = /^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\.?,?\s+/iu;
/** `09:31 AM`, `10:00 GMT`, `16:45 (UTC+3)`, ` - 10:42`, `at 9 a.m. EST`, `@ 10:57 UTC` (blogs), `14.30 GMT` (the Guardian), `à 10h15`, `um 10:15 Uhr`: a time after the date. */
const TIME_TAIL_RE = /(?:,|\s[-–|•@]|\sat|\sà|\sum|\sa las)?\s+\d{1,2}(?:[:.h]\d{2}){0,2}\s*(?:[ap]\.?m\.?|uhr)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?$/i;
/** A trailing section tag after a bullet or bar, or an all-caps kind: `• STATEMENTS AND RELEASES`. */
const SECTION_TAIL_RE = /(?:\s+[•|·]\s+[^•|·]{1,60}|\s+(?:PRESS RELEASE|STATEMENT|STATEMENTS AND RELEASES|NEWS|REMARKS|SPEECHES))$/;

/** A line that is only a date label ("Publication date:", "Last updated at"): it labels the next line. */
export function parseDateLabel(rawLine: string): DateLabel | null {
  const line = trimChars(rawLine, EMPHASIS_AND_SPACE + '#>', EMPHASIS_AND_SPACE);
  if (!line || line.length > 40) return null;
  const label = LABEL_RE.exec(line);
  return label && label[0].length === line.length ? { updated: UPDATED_RE.test(label[0]) } : null;
}

/**
 * Parses a line that is only a date (with a label, weekday, time or section tag); null otherwise.
 * `labelAbove`: a label on the line above ("Last updated at" / "March 23, 2013, 10:48").
 */
export function parseDateLine(rawLine: string, labelAbove?: DateLabel | null): DateLine | null {
  let line = trimChars(rawLine, EMPHASIS_AND_SPACE + '#>', EMPHASIS_AND_SPACE);
  if (!line || line.length > MAX_LINE || !/\d/.test(line)) return null;
  const label = LABEL_RE.exec(line);
  const updated = label ? UPDATED_RE.test(label[0]) : !!labelAbove?.updated;
  const created = !!label && /created/i.test(label[0]);
  const published = label ? !updated && !created : !!labelAbove && !labelAbove.updated;
  if (label) line = line.slice(label[0].length);
  const section = SECTION_TAIL_RE.exec(line);
  const tail = section ? section[0].replace(/^\s+[•|·]\s+/, '').trim() : undefined;
  line = (section ? line.slice(0, section.index) : line).replace(WEEKDAY_RE, '').trim();
  // WordPress's "Posted on March 3, 2024 by Jane Doe": the date, then its author.
  const by = BY_TAIL_RE.exec(line);
  const author = by ? by[1]! : undefined;
  if (by) line = line.slice(0, by.index).trim();
  // "10/20/2025 09:31 AM": a 12-hour clock is American, so the date is month first.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?$/i.exec(line);
  if (us) {
    const date = isoDate(Number(us[3]), Number(us[1]), Number(us[2]));
    return date ? { date, updated, published, ...(author ? { author } : {}), ...(created ? { created } : {}), ...(tail ? { tail } : {}) } : null;
  }
  const whole = parseWhole(line) ?? parseWhole(line.replace(TIME_TAIL_RE, '').replace(/[,.]$/, '').trim());
  return whole ? { date: whole, updated, published, yearOnly: /^\d{4}$/.test(whole), ...(author ? { author } : {}), ...(created ? { created } : {}), ...(tail ? { tail } : {}) } : null;
}

function parseWhole(line: string): string | null {
  const date = parseDateText(line);
  if (!date) return null;
  // parseDateText accepts a date followed by more words ("May 7, 2025 and then"); a date line is
  // the date alone, so the whole line must be used up by a date shape.
  return /^(?:\d{4}(?:[-/.]\d{1,2}){0,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4}|\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th|er|º|°)?\.? (?:de )?\p{L}+\.?,? (?:de )?\d{4}|\p{L}+ (?:de )?\d{4})$/u.test(line)
    ? date : null;
}
