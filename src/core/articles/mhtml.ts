// A web page saved as one file (".mhtml", ".mht": Chrome's and Edge's "Webpage, Single File", and
// Internet Explorer's "Web Archive"): a MIME message (RFC 2557, multipart/related) whose first
// text/html part is the page, the others its images, style sheets and frames. This finds that part,
// undoes its transfer encoding (quoted-printable or base64) and hands its bytes, its charset and the
// page's address to the HTML reader. Byte-level and single-pass: every byte is looked at a bounded
// number of times (a delimiter is tested only at a line start), so a hostile archive cannot stall it.

export interface MhtmlPage {
  /** The page's HTML, transfer encoding undone (still in its charset). */
  html: Uint8Array;
  /** The part's `charset` parameter, when it has one. */
  charset: string | null;
  /** The page's address: the part's Content-Location, else the archive's Snapshot-Content-Location. */
  url: string | null;
}

export type MhtmlResult = { page: MhtmlPage } | { error: string };

/** The longest header block read (a message's or a part's): an archive's headers are a few hundred bytes. */
const MAX_HEADER_BYTES = 64 * 1024;
/** RFC 2046 caps a boundary at 70 characters. */
const MAX_BOUNDARY = 70;

const CR = 13, LF = 10;

/** The page of an MHTML archive, or why there is none (for the user's warning). */
export function readMhtml(bytes: Uint8Array): MhtmlResult {
  const top = readHeaders(bytes, 0);
  if (!top) return { error: 'it has no MIME header (not a web archive)' };
  const type = top.headers.get('content-type') ?? '';
  const snapshotUrl = urlOrNull(top.headers.get('snapshot-content-location') ?? top.headers.get('content-location'));
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'text/html') {
    // A single-part archive: the message body is the page.
    const html = decodeBody(bytes.subarray(top.end), top.headers.get('content-transfer-encoding'));
    return { page: { html, charset: parameter(type, 'charset'), url: snapshotUrl } };
  }
  if (!mediaType.startsWith('multipart/')) return { error: `its content is ${mediaType || 'of no type'}, not a web page` };
  const boundary = parameter(type, 'boundary');
  if (!boundary || boundary.length > MAX_BOUNDARY) return { error: 'its MIME boundary is missing or malformed' };
  const delimiter = asciiBytes(`--${boundary}`);

  // Parts: from each delimiter line to the next. The first text/html part is the page.
  let at = nextDelimiter(bytes, delimiter, top.end);
  let parts = 0;
  while (at >= 0) {
    const afterDelimiter = at + delimiter.length;
    // The closing delimiter ("--boundary--") ends the message.
    if (bytes[afterDelimiter] === 45 && bytes[afterDelimiter + 1] === 45) break;
    const headerStart = lineEnd(bytes, afterDelimiter);
    const part = readHeaders(bytes, headerStart);
    if (!part) break;
    const next = nextDelimiter(bytes, delimiter, part.end);
    parts++;
    const partType = part.headers.get('content-type') ?? 'text/plain';
    if (partType.split(';')[0]!.trim().toLowerCase() === 'text/html') {
      // The body ends before the line break that precedes the next delimiter.
      let end = next < 0 ? bytes.length : next;
      if (end > part.end && bytes[end - 1] === LF) end--;
      if (end > part.end && bytes[end - 1] === CR) end--;
      const html = decodeBody(bytes.subarray(part.end, end), part.headers.get('content-transfer-encoding'));
      return { page: { html, charset: parameter(partType, 'charset'), url: urlOrNull(part.headers.get('content-location')) ?? snapshotUrl } };
    }
    at = next;
  }
  return { error: parts ? `none of its ${parts} parts is a web page (text/html)` : 'it has no MIME parts' };
}

/** Header fields (names lower-cased, folded lines unfolded) from `start` to the blank line, and where the body starts. */
function readHeaders(bytes: Uint8Array, start: number): { headers: Map<string, string>; end: number } | null {
  const headers = new Map<string, string>();
  let name: string | null = null;
  let i = start;
  const limit = Math.min(bytes.length, start + MAX_HEADER_BYTES);
  while (i < limit) {
    const end = lineBreakAt(bytes, i, limit + 1);
    // (A "header" line running past a whole header block: not an archive.)
    if (end > limit && end < bytes.length) return null;
    const line = ascii(bytes, i, end);
    i = lineEnd(bytes, end);
    if (line === '') return { headers, end: i };
    // A folded line goes on with the field before it.
    if ((line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) && name) {
      headers.set(name, `${headers.get(name)!} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return headers.size ? { headers, end: i } : null;
    name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers.size && i >= bytes.length ? { headers, end: bytes.length } : null;
}

/** A header's parameter (`boundary="…"`, `charset=utf-8`), unquoted; split on ";" (no regular expression). */
function parameter(value: string, wanted: string): string | null {
  for (const piece of value.split(';').slice(1)) {
    const eq = piece.indexOf('=');
    if (eq < 0 || piece.slice(0, eq).trim().toLowerCase() !== wanted) continue;
    let v = piece.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    return v || null;
  }
  return null;
}

function urlOrNull(value: string | undefined): string | null {
  const v = value?.trim();
  return v && /^https?:\/\/\S+$/i.test(v) && v.length <= 2048 ? v : null;
}

/** The index of the next line that starts with `delimiter`, from `from` (itself a line start) on; -1 if none. */
function nextDelimiter(bytes: Uint8Array, delimiter: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    if (startsWith(bytes, i, delimiter)) return i;
    // On to the next line start.
    const lf = bytes.indexOf(LF, i);
    if (lf < 0) return -1;
    i = lf + 1;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

/** Where the line at `i` ends (at its CR or LF, or the end). */
function lineBreakAt(bytes: Uint8Array, i: number, max = bytes.length): number {
  let j = i;
  const stop = Math.min(max, bytes.length);
  while (j < stop && bytes[j] !== LF && bytes[j] !== CR) j++;
  return j;
}

/** The start of the line after the break at `i` (CRLF, LF or CR). */
function lineEnd(bytes: Uint8Array, i: number): number {
  let j = lineBreakAt(bytes, i);
  if (bytes[j] === CR) j++;
  if (bytes[j] === LF) j++;
  return j;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function decodeBody(body: Uint8Array, encoding: string | undefined): Uint8Array {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  if (e === 'base64') return decodeBase64(body);
  return body;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Quoted-printable (RFC 2045): "=XX" is a byte, "=" at a line's end a soft break; anything else as it is. */
export function decodeQuotedPrintable(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== 61) {
      out[n++] = c;
      continue;
    }
    // A soft line break: "=" then (spaces and) CRLF or LF.
    let j = i + 1;
    while (j < body.length && (body[j] === 32 || body[j] === 9)) j++;
    if (j < body.length && (body[j] === CR || body[j] === LF)) {
      if (body[j] === CR && body[j + 1] === LF) j++;
      i = j;
      continue;
    }
    if (j === body.length) break;
    const hi = hexValue(body[i + 1] ?? 0), lo = hexValue(body[i + 2] ?? 0);
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

const BASE64 = (() => {
  const table = new Int16Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[45] = 62; // "-" and "_": the URL-safe alphabet
  table[95] = 63;
  return table;
})();

/** Base64, ignoring line breaks and anything outside the alphabet; stops at "=". */
export function decodeBase64(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((body.length * 3) / 4) + 3);
  let n = 0, acc = 0, bits = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === 61) break;
    const v = BASE64[c]!;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
