// What Insert Citation writes, as one text edit: `[@a; @b]` at the cursor or over a selection;
// `; @a` added before the `]` of the citation bracket the cursor is in; a key being typed after `@`
// replaced by the chosen ones. Pure, so every case is unit-tested; the command applies the edit in
// one step (one undo) and touches nothing else.

import { citationContextAt, scanCitations, type CitationOccurrence } from './scanner';

export interface TextEdit {
  /** Offsets of the text replaced (equal for an insertion). */
  start: number;
  end: number;
  text: string;
}

/** The citation bracket whose `[` is before `start` and whose `]` is at or after `end`, if any. */
function bracketAround(citations: CitationOccurrence[], start: number, end: number): CitationOccurrence['bracket'] {
  for (const c of citations) if (c.bracket && c.bracket.start < start && end < c.bracket.end) return c.bracket;
  return null;
}

/**
 * The edit that cites `keys` at a selection. `isKnown` tells a complete key (left alone: the cursor
 * just after `@x` adds to it) from one being typed (replaced by the chosen keys).
 */
export function citationEdit(text: string, selectionStart: number, selectionEnd: number, keys: readonly string[], isKnown: (key: string) => boolean = () => false): TextEdit | null {
  const unique = [...new Set(keys)];
  if (!unique.length) return null;
  const cited = (list: string[]) => list.map((k) => `@${k}`).join('; ');
  const citations = scanCitations(text);

  if (selectionStart !== selectionEnd) {
    // A selection inside a citation bracket (a key to swap) becomes keys; elsewhere a whole citation.
    const inside = bracketAround(citations, selectionStart, selectionEnd);
    return { start: selectionStart, end: selectionEnd, text: inside ? cited(unique) : `[${cited(unique)}]` };
  }

  const offset = selectionStart;
  const typing = citationContextAt(text, offset);
  if (typing && !isKnown(text.slice(typing.atOffset + 1, typing.keyEnd))) {
    // `[see @lav|` or `As @lav|`: the chosen keys replace the one being typed.
    const replaced = { start: typing.atOffset, end: typing.keyEnd };
    if (typing.inBracket) return { ...replaced, text: cited(unique) + (typing.closed ? '' : ']') };
    return { ...replaced, text: unique.length === 1 ? cited(unique) : `[${cited(unique)}]` };
  }

  const bracket = bracketAround(citations, offset, offset);
  if (bracket) {
    const present = new Set(citations.filter((c) => c.bracket?.start === bracket.start).map((c) => c.key));
    const added = unique.filter((k) => !present.has(k));
    if (!added.length) return null;
    return { start: bracket.end - 1, end: bracket.end - 1, text: `; ${cited(added)}` };
  }
  return { start: offset, end: offset, text: `[${cited(unique)}]` };
}
