// Reads one row of a Spotify streaming-history export into Narada's terms. The extended history
// (`ts`, `ms_played`, `master_metadata_*`, `spotify_track_uri`, `episode_*`, `audiobook_*`) and the
// account data (`endTime` "YYYY-MM-DD HH:MM" UTC, `msPlayed`, `artistName`, `trackName`, or
// `podcastName`/`episodeName`) are told apart by their keys; a row of neither shape is an error.
import type { SpotifyStreamRow } from '../../domain/history/spotify-listen-rules.js';

export type RowReading =
  { readonly ok: true; readonly row: SpotifyStreamRow } | { readonly ok: false; readonly reason: string };

const ACCOUNT_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/;

export function readSpotifyRow(value: unknown): RowReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('the row is not an object');
  const row = value as Readonly<Record<string, unknown>>;
  if ('ts' in row || 'ms_played' in row) return readExtended(row);
  if ('endTime' in row || 'msPlayed' in row) return readAccount(row);
  return fail(
    'the row has neither "ts" and "ms_played" (extended history) nor "endTime" and "msPlayed" (account data)',
  );
}

function readExtended(row: Readonly<Record<string, unknown>>): RowReading {
  const endedAt = typeof row.ts === 'string' ? Date.parse(row.ts) : NaN;
  if (Number.isNaN(endedAt)) return fail(`"ts" is not a date-time: ${JSON.stringify(row.ts)}`);
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
  const match = typeof row.endTime === 'string' ? ACCOUNT_TIME.exec(row.endTime) : null;
  const endedAt = match === null ? NaN : Date.parse(`${match[1]}T${match[2]}Z`);
  if (Number.isNaN(endedAt))
    return fail(`"endTime" is not "YYYY-MM-DD HH:MM": ${JSON.stringify(row.endTime)}`);
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
