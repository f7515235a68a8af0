// Turns a file's bytes into text, or explains why it cannot. Bad input never throws: it becomes a
// warning, and either no text (skip the file) or text read as well as it can be.

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface Decoded {
  /** null when the file is skipped. */
  text: string | null;
  /** A message for the user when something was off (skipped, or read with a fallback). */
  warning: string | null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeArticleBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.byteLength > maxBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return { text: null, warning: `skipped: ${mb(bytes.byteLength)} MB is over the ${mb(maxBytes)} MB limit for an article` };
  }
  // UTF-16 files announce themselves with a BOM; without one, NUL bytes mean a binary file.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: null };
  if (bytes.includes(0)) return { text: null, warning: 'skipped: binary file (it contains NUL bytes)' };
  try {
    return { text: utf8Strict.decode(bytes), warning: null };
  } catch {
    // Most non-UTF-8 text in the wild is Windows-1252 (Latin-1 plus curly quotes): reading it so keeps
    // "Rodríguez" readable where replacement characters would not.
    return { text: new TextDecoder('windows-1252').decode(bytes), warning: 'not valid UTF-8: read as Windows-1252' };
  }
}

/** Strips a BOM and normalises line ends, so every later rule sees `\n` only. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
