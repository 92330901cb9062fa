// Merges that can be undone: each merge keeps a journal of exactly which rows it moved or combined.
import type { IdentityStatus, Track, TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface TrackMergeRecord {
  readonly id: number;
  readonly mergedId: TrackId;
  readonly survivorId: TrackId;
  readonly previousStatus: Exclude<IdentityStatus, 'merged'>;
  /** Why the tracks were found to be one ("same MusicBrainz recording …", "by the user"). */
  readonly reason: string;
  readonly mergedAt: EpochMs;
  readonly undoneAt: EpochMs | null;
}

export interface TrackMergeStore {
  /**
   * Stores `merged` (made by `track.mergeInto(survivor)`), re-points everything that named it at the
   * survivor and journals what moved, in one transaction.
   */
  merge(
    merged: Track,
    previousStatus: Exclude<IdentityStatus, 'merged'>,
    reason: string,
  ): Promise<TrackMergeRecord>;
  /** Undoes the track's standing merge from its journal; the track comes back as `restored`. */
  unmerge(merge: TrackMergeRecord, restored: Track, at: EpochMs): Promise<TrackMergeRecord>;
  /** The merge that made the track merged now, or null. */
  standingMerge(trackId: TrackId): Promise<TrackMergeRecord | null>;
  /** Merges into or out of the track, newest first. */
  history(trackId: TrackId): Promise<TrackMergeRecord[]>;
  /** Pairs a person split again: resolution never merges them automatically. */
  undonePairs(): Promise<ReadonlyArray<readonly [TrackId, TrackId]>>;
}
