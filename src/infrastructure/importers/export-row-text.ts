// One export row's bytes as text, twice: the ledger payload, from which the exact bytes come back
// (exportRowBytes), and the text the row is read from. Spotify writes UTF-8; a row that is not
// valid UTF-8 (a Latin-1 byte in a track name) is kept as its bytes, never with U+FFFD in them.
import { isUtf8 } from 'node:buffer';

/** A payload holding a row's bytes in base64: still JSON, and never how a Spotify row begins. */
const RAW_BYTES_PREFIX = '{"narada_raw_bytes_base64":"';
const RAW_BYTES_SUFFIX = '"}';

/**
 * WHATWG's "latin1" is Windows-1252: ISO-8859-1 with printable characters in 0x80–0x9F (the five
 * bytes it leaves undefined stay C1 controls). Spelled out: Node 20's TextDecoder reads 0x80–0x9F
 * as ISO-8859-1.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export interface ExportRowText {
  /** The row to parse: its UTF-8, with each byte that is not UTF-8 read as Latin-1 (Windows-1252). */
  readonly text: string;
  /** For the ledger: the row's text when it is UTF-8, else its bytes in base64 (see exportRowBytes). */
  readonly payload: string;
  /** False when the row had bytes that are not UTF-8. */
  readonly utf8: boolean;
}

export function exportRowText(bytes: Buffer): ExportRowText {
  if (!isUtf8(bytes))
    return { text: withLatin1Fallback(bytes), payload: rawBytesPayload(bytes), utf8: false };
  const text = bytes.toString('utf8');
  // A UTF-8 row that happens to begin like the base64 form is stored that way too, so reading
  // a payload back is never ambiguous.
  return { text, payload: text.startsWith(RAW_BYTES_PREFIX) ? rawBytesPayload(bytes) : text, utf8: true };
}

/** The exact bytes of the row a ledger payload of a Spotify export holds. */
export function exportRowBytes(payload: string): Buffer {
  if (payload.startsWith(RAW_BYTES_PREFIX) && payload.endsWith(RAW_BYTES_SUFFIX)) {
    return Buffer.from(payload.slice(RAW_BYTES_PREFIX.length, -RAW_BYTES_SUFFIX.length), 'base64');
  }
  return Buffer.from(payload, 'utf8');
}

function rawBytesPayload(bytes: Buffer): string {
  return `${RAW_BYTES_PREFIX}${bytes.toString('base64')}${RAW_BYTES_SUFFIX}`;
}

function withLatin1Fallback(buffer: Buffer): string {
  let text = '';
  let runStart = 0;
  for (let at = 0; at < buffer.length;) {
    const length = utf8SequenceLength(buffer, at);
    if (length > 0) {
      at += length;
      continue;
    }
    text += buffer.toString('utf8', runStart, at) + latin1Character(buffer[at]!);
    at += 1;
    runStart = at;
  }
  return text + buffer.toString('utf8', runStart);
}

function latin1Character(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
}

/** The length of the well-formed UTF-8 sequence at `at` (WHATWG's ranges), or 0 when there is none. */
function utf8SequenceLength(bytes: Buffer, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0; // overlong
    if (lead === 0xed) high = 0x9f; // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90; // overlong
    if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
  } else return 0;
  for (let k = 1; k < length; k++) {
    const next = bytes[at + k];
    if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}
