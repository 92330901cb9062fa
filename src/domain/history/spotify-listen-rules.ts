// Which rows of a Spotify streaming-history export are listens. Spotify's `ts`/`endTime` marks the
// END of playback, so a listen started at end − ms played. Podcasts, audiobooks, rows without a track
// and plays shorter than the threshold are counted and skipped (see docs/HISTORY.md).
import { lastfmTrackKey } from '../track/connector-track.js';
import type { EpochMs } from '../values/time.js';

/** A listen counts from 30 s played, the threshold Spotify itself uses for a stream. */
export const DEFAULT_MIN_MS_PLAYED = 30_000;

/**
 * What a row can hold before it is damage rather than a listen: one row is one playback of one
 * item, and nothing Spotify streams plays for a day; its end falls from Spotify's founding (2006)
 * to 2100. Beyond these a listen's start (end − ms played) would be nonsense.
 */
export const SPOTIFY_ROW_LIMITS = Object.freeze({
  maxMsPlayed: 24 * 60 * 60 * 1000,
  earliestEnd: Date.UTC(2006, 0, 1),
  latestEnd: Date.UTC(2100, 0, 1),
});

/** One row of either export format, read into Narada's terms (the raw text is kept apart). */
export interface SpotifyStreamRow {
  /** `extended`: Streaming_History_Audio_*.json / endsong_*.json; `account`: StreamingHistory*.json. */
  readonly format: 'extended' | 'account';
  /** When playback ended. */
  readonly endedAt: EpochMs;
  readonly msPlayed: number;
  readonly trackName: string | null;
  readonly artistName: string | null;
  readonly albumName: string | null;
  /** `spotify:track:…` (or `spotify:local:…`); account-data rows have none. */
  readonly trackUri: string | null;
  /** A podcast or video episode. */
  readonly episode: boolean;
  readonly audiobook: boolean;
}

export type SkipReason = 'short' | 'podcast' | 'audiobook' | 'no_track';

export const SKIP_REASONS: readonly SkipReason[] = ['short', 'podcast', 'audiobook', 'no_track'];

export interface SpotifyListen {
  /** Start of playback: the row's end minus the time played. */
  readonly playedAt: EpochMs;
  readonly msPlayed: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  /** The ledger's track key: the track URI, or Last.fm's artist/title key when the row has no URI. */
  readonly trackKey: string;
  readonly trackUri: string | null;
}

export type SpotifyRowVerdict =
  | { readonly kind: 'listen'; readonly listen: SpotifyListen }
  | { readonly kind: 'skip'; readonly reason: SkipReason };

export function judgeSpotifyRow(
  row: SpotifyStreamRow,
  minMsPlayed = DEFAULT_MIN_MS_PLAYED,
): SpotifyRowVerdict {
  if (row.audiobook) return skip('audiobook');
  if (row.episode) return skip('podcast');
  const title = present(row.trackName);
  const artist = present(row.artistName);
  if (title === null || artist === null) return skip('no_track');
  if (row.msPlayed < minMsPlayed) return skip('short');
  const trackUri = present(row.trackUri);
  return {
    kind: 'listen',
    listen: {
      playedAt: row.endedAt - row.msPlayed,
      msPlayed: row.msPlayed,
      artist,
      title,
      album: present(row.albumName),
      trackKey: trackUri ?? lastfmTrackKey(artist, title),
      trackUri,
    },
  };
}

/** Why a row's numbers cannot be a listen (see SPOTIFY_ROW_LIMITS), or null when they can. */
export function implausibleSpotifyRow(row: SpotifyStreamRow): string | null {
  const [played, ended] = row.format === 'extended' ? ['ms_played', 'ts'] : ['msPlayed', 'endTime'];
  if (row.msPlayed > SPOTIFY_ROW_LIMITS.maxMsPlayed)
    return `"${played}" is ${row.msPlayed} ms, more than a day (${SPOTIFY_ROW_LIMITS.maxMsPlayed} ms): no stream lasts that long`;
  if (row.endedAt < SPOTIFY_ROW_LIMITS.earliestEnd || row.endedAt >= SPOTIFY_ROW_LIMITS.latestEnd)
    return `"${ended}" is ${new Date(row.endedAt).toISOString()}, outside the years 2006 to 2099 a Spotify listen can fall in`;
  return null;
}

function skip(reason: SkipReason): SpotifyRowVerdict {
  return { kind: 'skip', reason };
}

function present(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
