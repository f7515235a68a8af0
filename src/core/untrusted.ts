// Text taken from article files is untrusted: it may carry Markdown or HTML, `$(icon)` syntax, bidi
// controls that reorder what is shown (a "Trojan Source" title), terminal escape sequences or lines of
// megabytes. These helpers turn it into plain text for each kind of place it is shown. Each is one
// linear pass (no pattern here can backtrack).

/** Bidirectional embedding, override and isolate controls, and the implicit marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls and DEL, ESC included (tabs and line ends are handled as spaces). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** The longest text shown in a label, a description or a card line. */
export const MAX_SHOWN_CHARS = 300;

/** Cuts at `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function cutText(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code < 0xdc00) end--;
  return text.slice(0, end) + '…';
}

/** One line of plain text: no controls or bidi overrides, line breaks as spaces, at most `max` characters. */
export function plainText(text: string, max = MAX_SHOWN_CHARS): string {
  // Cut first (with room for what is removed) so a megabyte title costs no more than a short one.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  return cutText(head.replace(BIDI_CONTROLS, '').replace(LINE_BREAKS, ' ').replace(CONTROLS, ''), max);
}

/**
 * For quick pick labels, descriptions and details and code lens titles, where VS Code renders
 * `$(name)` as an icon: `\$(` shows the characters instead.
 */
export function labelText(text: string, max = MAX_SHOWN_CHARS): string {
  return plainText(text, max).replace(/\$\(/g, '\\$(');
}

/** For a terminal: no escape sequences (ESC, CSI and the other controls are dropped), bidi controls removed. */
export function terminalText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
}
