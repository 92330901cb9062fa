// Interpretation of the ledger: plays of internal tracks, and their daily roll-up.
import type { EpochMs } from '../values/time.js';
import type { TrackId } from '../track/track.js';

export interface Play {
  readonly id: number;
  readonly eventId: number;
  readonly user: string;
  readonly trackId: TrackId;
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
  /** Set when this play is the same listen as another (e.g. a Spotify export row that was also scrobbled). */
  readonly duplicateOf: number | null;
}

export interface DailyListens {
  readonly user: string;
  readonly trackId: TrackId;
  /** UTC calendar date `YYYY-MM-DD`. */
  readonly date: string;
  readonly listenCount: number;
  readonly totalMsPlayed: number;
}
