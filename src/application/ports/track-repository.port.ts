// Internal tracks: look-ups by id and deterministic keys, single and bulk inserts, and merges.
import type { Isrc } from '../../domain/values/isrc.js';
import type { Mbid } from '../../domain/values/mbid.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { Track, TrackDraft, TrackId } from '../../domain/track/track.js';

export interface TrackRepository {
  findById(id: TrackId): Promise<Track | null>;
  /** The tracks that exist among `ids`, in the order asked for. */
  findByIds(ids: readonly TrackId[]): Promise<Track[]>;
  /** Every track carrying the code, merged ones included (their status says so), oldest first. */
  findByIsrc(isrc: Isrc): Promise<Track[]>;
  findByMbid(mbid: Mbid): Promise<Track[]>;
  insert(draft: TrackDraft, at: EpochMs): Promise<Track>;
  /** Bulk path: all drafts in one transaction (none stored if one fails); ids in draft order. */
  insertMany(drafts: readonly TrackDraft[], at: EpochMs): Promise<TrackId[]>;
  /** Stores the track's current state; fails with `DATABASE.NOT_FOUND` when it was never inserted. */
  update(track: Track): Promise<void>;
  /**
   * Stores a track made by `track.mergeInto(survivor)` and re-points everything that referred to it
   * (mappings, playlist items, likes, plays, metrics, daily listens) at the survivor, in one transaction.
   */
  recordMerge(merged: Track): Promise<void>;
  count(): Promise<number>;
  /** Every track in id order, `pageSize` at a time, without loading them all. */
  pages(pageSize?: number): AsyncIterable<readonly Track[]>;
}
