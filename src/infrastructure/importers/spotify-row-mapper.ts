// Reads one row of a Spotify streaming-history export into Narada's terms. The extended history
// (`ts`, `ms_played`, `master_metadata_*`, `spotify_track_uri`, `episode_*`, `audiobook_*`) and the
// account data (`endTime` "YYYY-MM-DD HH:MM" UTC, `msPlayed`, `artistName`, `trackName`, or
// `podcastName`/`episodeName`) are told apart by their keys; a row of neither shape is an error,
// and so is a row whose time or duration is not a plausible listen (implausibleSpotifyRow).
import { implausibleSpotifyRow, type SpotifyStreamRow } from '../../domain/history/spotify-listen-rules.js';

export type RowReading =
  { readonly ok: true; readonly row: SpotifyStreamRow } | { readonly ok: false; readonly reason: string };

/** `ts`: an ISO 8601 date-time with its zone, as Spotify writes it (`2025-04-28T21:04:35Z`). */
const EXTENDED_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** `endTime`: UTC to the minute (`2025-03-31 06:11`). */
const ACCOUNT_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}(:\d{2})?$/;

export function readSpotifyRow(value: unknown): RowReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('the row is not an object');
  const row = value as Readonly<Record<string, unknown>>;
  const reading =
    'ts' in row || 'ms_played' in row
      ? readExtended(row)
      : 'endTime' in row || 'msPlayed' in row
        ? readAccount(row)
        : fail(
            'the row has neither "ts" and "ms_played" (extended history) nor "endTime" and "msPlayed" (account data)',
          );
  if (!reading.ok) return reading;
  const implausible = implausibleSpotifyRow(reading.row);
  return implausible === null ? reading : fail(implausible);
}

function readExtended(row: Readonly<Record<string, unknown>>): RowReading {
  const endedAt = instant(row.ts, EXTENDED_TIME);
  if (endedAt === null) return fail(`"ts" is not a date-time: ${JSON.stringify(row.ts)}`);
  const msPlayed = duration(row.ms_played);
  if (msPlayed === null)
    return fail(`"ms_played" is not a number of milliseconds: ${JSON.stringify(row.ms_played)}`);
  return {
    ok: true,
    row: {
      format: 'extended',
      endedAt,
      msPlayed,
      trackName: text(row.master_metadata_track_name),
      artistName: text(row.master_metadata_album_artist_name),
      albumName: text(row.master_metadata_album_album_name),
      trackUri: text(row.spotify_track_uri),
      episode: anyText(row, ['episode_name', 'episode_show_name', 'spotify_episode_uri']),
      audiobook: anyText(row, [
        'audiobook_title',
        'audiobook_uri',
        'audiobook_chapter_uri',
        'audiobook_chapter_title',
      ]),
    },
  };
}

function readAccount(row: Readonly<Record<string, unknown>>): RowReading {
  const endedAt = instant(row.endTime, ACCOUNT_TIME);
  if (endedAt === null) return fail(`"endTime" is not "YYYY-MM-DD HH:MM": ${JSON.stringify(row.endTime)}`);
  const msPlayed = duration(row.msPlayed);
  if (msPlayed === null)
    return fail(`"msPlayed" is not a number of milliseconds: ${JSON.stringify(row.msPlayed)}`);
  return {
    ok: true,
    row: {
      format: 'account',
      endedAt,
      msPlayed,
      trackName: text(row.trackName),
      artistName: text(row.artistName),
      albumName: null,
      trackUri: null,
      episode: anyText(row, ['podcastName', 'episodeName']),
      audiobook: false,
    },
  };
}

/**
 * The instant a time field names, when it has the export's shape and its day is on the calendar
 * (Date.parse rolls Feb 30 over to Mar 2). Not parseInstant, which does the same for typed dates:
 * this runs once per row, and its calendar check by arithmetic is several times faster.
 */
function instant(value: unknown, shape: RegExp): number | null {
  const match = typeof value === 'string' ? shape.exec(value) : null;
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const at = Date.parse(
    shape === ACCOUNT_TIME ? `${(value as string).replace(' ', 'T')}Z` : (value as string),
  );
  return Number.isNaN(at) ? null : at;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function duration(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function anyText(row: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.some((key) => typeof row[key] === 'string' && (row[key] as string) !== '');
}

function fail(reason: string): RowReading {
  return { ok: false, reason };
}
