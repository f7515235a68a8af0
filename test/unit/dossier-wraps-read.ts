// The text as the dossier's sentence finder reads a hard-wrapped one, for comparing it with the former
// finder (test/unit/dossier-former/), which ended a sentence at every line break.

import { hardBreakAt } from '../../src/core/dossier/sentences';
import { softWraps } from '../../src/core/entities/tokens';

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u00a0';

/**
 * `t` with each line break that ends no sentence (a soft wrap, the "\r" before one, a wrap after an
 * abbreviation) made a space, so the length and every place stay. With `collapse`, the white space
 * around such a break is one space instead (what a shown sentence has there).
 */
export function asWrapsRead(t: string, collapse = false): string {
  const soft = softWraps(t);
  if (!soft) return t;
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c !== 10 && c !== 13) || hardBreakAt(t, i, soft)) {
      out.push(t[i]!);
      continue;
    }
    if (!collapse) {
      out.push(' ');
      continue;
    }
    while (out.length && isBlank(out[out.length - 1])) out.pop();
    out.push(' ');
    while (i + 1 < t.length && (isBlank(t[i + 1]) || ((t[i + 1] === '\n' || t[i + 1] === '\r') && !hardBreakAt(t, i + 1, soft)))) i++;
  }
  return out.join('');
}
