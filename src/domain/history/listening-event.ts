// The ledger: a listen exactly as the upstream reported it. Never updated, never deleted.
import type { EpochMs } from '../values/time.js';

/**
 * `lastfm_csv`: a Last.fm history exported to CSV; `listenbrainz`: a ListenBrainz export;
 * `submission`: sent by a player to Narada's own ListenBrainz-compatible API (`narada serve`).
 */
export type ListeningSource =
  'lastfm' | 'spotify' | 'spotify_export' | 'lastfm_csv' | 'listenbrainz' | 'submission';

export interface RawListeningEvent {
  /** The listener: the service user name, or the export's owner. */
  readonly user: string;
  readonly source: ListeningSource;
  /** When playback started (Spotify's `ts` is the end: start = ts − ms_played). */
  readonly playedAt: EpochMs;
  /** The upstream's track key: a Spotify URI, or Last.fm's artist/title key. */
  readonly trackKey: string;
  readonly msPlayed: number | null;
  /** The upstream record as received, byte for byte (JSON text). */
  readonly payload: string;
  readonly importRunId: number | null;
}

/** The ledger's natural key: one user cannot have two events from one source at one time for one track. */
export function listeningEventKey(
  e: Pick<RawListeningEvent, 'user' | 'source' | 'playedAt' | 'trackKey'>,
): string {
  return `${e.user}\u001f${e.source}\u001f${e.playedAt}\u001f${e.trackKey}`;
}
