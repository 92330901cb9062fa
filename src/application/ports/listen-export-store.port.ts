// The interpreted listens to write out or send elsewhere: one per listen (plays that duplicate
// another capture of the same listen are left out), oldest first, read a page at a time.
import type { ListeningSource } from '../../domain/history/listening-event.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface ExportedListen {
  readonly playId: number;
  readonly user: string;
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
  /** The capture this play came from (`lastfm`, `spotify_export`). */
  readonly source: string;
  readonly trackId: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly recordingMbid: string | null;
  /** The Spotify track id of an accepted mapping of the track, when it has one. */
  readonly spotifyId: string | null;
}

/** Where a page ends: the next page starts after this (start time, play id). */
export interface ListenCursor {
  readonly playedAt: EpochMs;
  readonly playId: number;
}

export interface ListenPageQuery {
  /** Every listener when absent. */
  readonly user?: string;
  /** Start times in [since, until). */
  readonly since?: EpochMs;
  readonly until?: EpochMs;
  readonly after?: ListenCursor;
  /**
   * Leaves out listens a source already holds: captured from it, or folded into one captured from it
   * (a listen that came from a ListenBrainz export is not sent back to ListenBrainz).
   */
  readonly notFrom?: ListeningSource;
  readonly limit: number;
}

export interface ListenExportStore {
  /** Up to `limit` listens after `after`, ordered by (start time, play id). */
  page(query: ListenPageQuery): Promise<ExportedListen[]>;
}
