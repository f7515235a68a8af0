// Trimming marks off both ends of a line by index loops. The pattern `/[*_\s]+$/` looks simple but
// is quadratic on a long run of marks followed by another character (the engine retries the run
// from every position), and these helpers run on every line before any length check.

/** `s` without any of `leading` at its start and any of `trailing` at its end (then trimmed). */
export function trimChars(s: string, leading: string, trailing: string = leading): string {
  let start = 0;
  let end = s.length;
  while (start < end && leading.includes(s[start]!)) start++;
  while (end > start && trailing.includes(s[end - 1]!)) end--;
  return s.slice(start, end).trim();
}

/** Markdown emphasis marks and white space (what `\s` matches in a regular expression). */
export const EMPHASIS_AND_SPACE = '*_ \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
