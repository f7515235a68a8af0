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

const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);

/** The warning for a file over the limit (also given by readers that check the size before reading). */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `skipped: ${mb(size)} MB is over the ${mb(maxBytes)} MB limit for an article (dossier.maxFileSizeMB)`;
}

export function decodeArticleBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.byteLength > maxBytes) return { text: null, warning: tooLargeMessage(bytes.byteLength, maxBytes) };
  // Byte-order marks first; UTF-32's little-endian mark begins like UTF-16's, so it is tested first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return decodeUtf32(bytes.subarray(4), true);
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return decodeUtf32(bytes.subarray(4), false);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), null);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), null);
  if (bytes.includes(0)) {
    // Without a mark, text in UTF-16 still shows itself: ASCII letters leave every other byte NUL.
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return checked(new TextDecoder(utf16).decode(bytes), `no byte-order mark: read as ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}`);
    return { text: null, warning: 'skipped: binary file (it contains NUL bytes)' };
  }
  try {
    return checked(utf8Strict.decode(bytes), null);
  } catch {
    // Most non-UTF-8 text in the wild is Windows-1252 (Latin-1 plus curly quotes): reading it so keeps
    // "Rodríguez" readable where replacement characters would not. (Random bytes decode to control
    // characters throughout, which `checked` turns away.)
    return checked(new TextDecoder('windows-1252').decode(bytes), 'not valid UTF-8: read as Windows-1252');
  }
}

/** Text with many control characters (other than tabs, line and page breaks) is binary data. */
function checked(text: string, warning: string | null): Decoded {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) controls++;
  }
  if (controls > 16 && controls > text.length / 50) {
    return { text: null, warning: 'skipped: binary file (control characters throughout)' };
  }
  return { text, warning };
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** UTF-32 (TextDecoder has no decoder for it): code points of four bytes; invalid ones become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): Decoded {
  if (bytes.length % 4) return { text: null, warning: 'skipped: UTF-32 text of a length that is not a multiple of 4 bytes' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? 0xfffd : cp);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return checked(parts.join(''), null);
}

/** Strips a BOM and normalises line ends, so every later rule sees `\n` only. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
