// File names for backups, made from playlist names: never a path (no separators, no `..`, no hidden or
// device names), short enough for every file system, and never the name of another playlist's file.

/** Bytes a name may take before `.json` and a disambiguating suffix (file systems allow 255). */
const MAX_NAME_BYTES = 150;
const FORBIDDEN = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
// Direction overrides can make `evil\u202Enosj.exe` look like another name in a listing.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A playlist name as one safe path segment (without extension); `playlist` when nothing is left. */
export function safeFileStem(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const short = truncateUtf8(cleaned, MAX_NAME_BYTES).replace(/[.\s]+$/, '');
  if (short === '') return 'playlist';
  return WINDOWS_DEVICE.test(short) ? `_${short}` : short;
}

/**
 * The file name for a playlist's backup: `<name>.json`, or `<name> (<id>).json` when that is taken by
 * another file (compared without case, as on macOS and Windows), then numbered if even that is taken.
 */
export function backupFileName(playlistName: string, playlistId: string, taken: ReadonlySet<string>): string {
  const stem = safeFileStem(playlistName);
  const isFree = (candidate: string): boolean => !taken.has(candidate.toLowerCase());
  const plain = `${stem}.json`;
  if (isFree(plain)) return plain;
  const withId = `${stem} (${safeFileStem(playlistId)}).json`;
  if (isFree(withId)) return withId;
  for (let n = 2; ; n++) {
    const numbered = `${stem} (${safeFileStem(playlistId)}) ${n}.json`;
    if (isFree(numbered)) return numbered;
  }
}

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}
