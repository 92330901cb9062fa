// Local play counts for workflow nodes (enricher.play_history, filter.by_play_history) and anything
// else that needs "how often, how lately": read from interpreted plays, each listen counted once.
import type { TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';

/** A period of start times: `from` included, `to` excluded; either may be open. */
export interface PlayHistoryPeriod {
  readonly from?: EpochMs;
  readonly to?: EpochMs;
}

export interface PlayHistoryOptions {
  /** Counts plays in this period as `playsInPeriod`; without it, `playsInPeriod` equals `totalPlays`. */
  readonly period?: PlayHistoryPeriod;
  /** Only this listener's plays; default every listener in the database. */
  readonly user?: string;
}

export interface TrackPlayHistory {
  readonly trackId: TrackId;
  readonly totalPlays: number;
  /** Start of the latest play; null when never played. */
  readonly lastPlayedAt: EpochMs | null;
  readonly playsInPeriod: number;
}

export interface PlayHistoryQuery {
  /**
   * One entry per asked id, in the order asked; never-played tracks have zeros. A merged track's id
   * answers with its survivor's plays, since merges re-point plays there.
   */
  forTracks(trackIds: readonly TrackId[], options?: PlayHistoryOptions): Promise<TrackPlayHistory[]>;
}
