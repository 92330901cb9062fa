// Reads an Exportify CSV (or one `narada playlist export --format csv` wrote) as a playlist to restore:
// recognised by its `Track URI` column; each row's URI, else its ISRC and names, find the track again.
// A row that cannot be read is refused with the file and its line, before anything is written.
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { splitExportifyNames } from '../../domain/backup/exportify-columns.js';
import type { RestoreItem, RestoreSource } from '../../domain/backup/restore-source.js';
import type { BackupItemKind } from '../../domain/backup/playlist-backup.js';
import { InvalidInputError } from '../../domain/shared/errors.js';

const URI = /^spotify:(track|episode|local):\S+$/;

/** Whether a text's first line is an Exportify header (newer Exportify puts a `Name` column first). */
export function isExportifyCsv(text: string): boolean {
  const firstLine = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  return /(^|,)"?Track URI"?(,|$)/.test(firstLine);
}

export function exportifyCsvPlaylist(text: string, file: string): RestoreSource {
  let rows: Array<{ record: Record<string, string>; line: number }>;
  try {
    rows = (
      parse(stripBom(text), { columns: true, info: true, skip_empty_lines: true }) as Array<{
        record: Record<string, string>;
        info: { lines: number };
      }>
    ).map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? error.lines : undefined;
    throw unreadable(
      file,
      typeof line === 'number' ? line : null,
      error instanceof Error ? error.message : String(error),
    );
  }
  const name = rows[0]?.record.Name?.trim() || basename(file, extname(file));
  return {
    origin: 'exportify-csv',
    file,
    key: `restore:exportify-csv:${name}`,
    name,
    description: null,
    isPublic: null,
    collaborative: false,
    items: rows.map(({ record, line }, position) => restoreItem(record, position, file, line)),
  };
}

function restoreItem(
  record: Record<string, string>,
  position: number,
  file: string,
  line: number,
): RestoreItem {
  const uri = (record['Track URI'] ?? '').trim();
  if (uri !== '' && !URI.test(uri)) {
    throw unreadable(
      file,
      line,
      `"Track URI" is "${uri}", not a spotify:track:, spotify:episode: or spotify:local: URI`,
    );
  }
  const duration = (record['Track Duration (ms)'] ?? '').trim();
  if (duration !== '' && !/^\d+$/.test(duration)) {
    throw unreadable(file, line, `"Track Duration (ms)" is "${duration}", not a number of milliseconds`);
  }
  const title = (record['Track Name'] ?? '').trim();
  const isrc = (record.ISRC ?? '').trim();
  return {
    position,
    kind: kindOf(uri, title, isrc),
    uri: uri === '' ? null : uri,
    name: title === '' ? null : title,
    artists: splitExportifyNames(record['Artist Name(s)'] ?? ''),
    album: (record['Album Name'] ?? '').trim() || null,
    durationMs: duration === '' ? null : Number(duration),
    isrc: isrc === '' ? null : isrc,
    mbid: null,
  };
}

/** A row without a URI but with a title or ISRC is a track to search for; one with nothing is a gap. */
function kindOf(uri: string, title: string, isrc: string): BackupItemKind {
  if (uri.startsWith('spotify:local:')) return 'local';
  if (uri.startsWith('spotify:episode:')) return 'episode';
  return uri === '' && title === '' && isrc === '' ? 'unavailable' : 'track';
}

function unreadable(file: string, line: number | null, reason: string): InvalidInputError {
  const where = line === null ? '' : ` line ${line}`;
  return new InvalidInputError(
    'BACKUP.BAD_CSV',
    `${file}${where}: ${reason}; the file is not a readable Exportify CSV, nothing was restored`,
    { details: { file, ...(line === null ? {} : { line }) } },
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
