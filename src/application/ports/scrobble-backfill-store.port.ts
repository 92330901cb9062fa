// The listens Narada holds that Last.fm does not: captured elsewhere (Spotify exports) and never
// matched to a Last.fm scrobble in the interpreted view.
import type { TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { ListenCapture } from '../../domain/history/listen-identity.js';

export interface UnscrobbledListen {
  readonly playId: number;
  readonly trackId: TrackId;
  readonly capture: ListenCapture;
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly durationMs: number | null;
}

export interface ScrobbleBackfillStore {
  /** Such listens of `user` starting at or after `since`, oldest first. */
  unscrobbledSince(user: string, since: EpochMs): Promise<UnscrobbledListen[]>;
  /** How many such listens of `user` started before `before`. */
  countUnscrobbledBefore(user: string, before: EpochMs): Promise<number>;
}
