// When each track was last tried against a service and how it went, so a resolution run retries only
// what is new, changed or stale, and `--limit` picks the cheapest work first.
import type { ServiceName } from '../../domain/shared/service.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';

export type AttemptOutcome = 'accepted' | 'review' | 'no_match' | 'failed';

export interface IdentityAttempt {
  readonly trackId: TrackId;
  readonly service: ServiceName;
  readonly triedAt: EpochMs;
  readonly outcome: AttemptOutcome;
  /** How many times the track has been tried against the service. */
  readonly attempts: number;
  readonly detail: string | null;
}

export interface PendingQuery {
  readonly service: ServiceName;
  /** Tracks last tried before this instant are stale and tried again. */
  readonly staleBefore: EpochMs;
  readonly limit?: number;
}

export interface IdentityAttemptRepository {
  /** Stores each attempt (counting it), replacing the last one of that track and service. */
  record(attempts: readonly Omit<IdentityAttempt, 'attempts'>[]): Promise<void>;
  forTrack(trackId: TrackId): Promise<IdentityAttempt[]>;
  /**
   * Unmerged tracks with no accepted, pinned or in-review link to the service that were never tried,
   * changed since, or are stale: never-tried first, then those with an ISRC (one cheap look-up), by id.
   */
  pending(query: PendingQuery): Promise<Track[]>;
  countPending(query: Omit<PendingQuery, 'limit'>): Promise<number>;
}
