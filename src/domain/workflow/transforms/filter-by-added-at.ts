// filter.by_added_at: keep tracks by when they were added to the playlist they were read from (the
// `added_at` metric the playlist and liked-songs sources attach, epoch ms): an age window in days
// before `now`, and/or absolute bounds.
import type { EpochMs } from '../../values/time.js';
import { metricValue, type TrackList, withTracks } from '../track-list.js';
import { checkCount, checkRange, invalidParam, MS_PER_DAY } from './transform-params.js';

const NODE = 'filter.by_added_at';
export const ADDED_AT_METRIC = 'added_at';

export interface AddedAtFilter {
  readonly now: EpochMs;
  /** Keep tracks added at most this many whole days ago. */
  readonly maxAgeDays?: number;
  /** Keep tracks added at least this many whole days ago. */
  readonly minAgeDays?: number;
  /** Keep tracks added at or after this instant. */
  readonly after?: EpochMs;
  /** Keep tracks added before this instant. */
  readonly before?: EpochMs;
  /** Keep tracks with no known added_at (default: drop them). */
  readonly includeMissing?: boolean;
}

/** Every bound given must hold; ages count whole days, both age bounds inclusive. */
export function filterByAddedAt(list: TrackList, params: AddedAtFilter): TrackList {
  const { now, maxAgeDays, minAgeDays, after, before, includeMissing = false } = params;
  checkCount(NODE, 'max_age_days', maxAgeDays);
  checkCount(NODE, 'min_age_days', minAgeDays);
  checkRange(NODE, { key: 'min_age_days', value: minAgeDays }, { key: 'max_age_days', value: maxAgeDays });
  if (after !== undefined && before !== undefined && after >= before) {
    throw invalidParam(NODE, 'after', 'must be earlier than before; swap them or drop one');
  }
  return withTracks(
    list,
    list.tracks.filter((track) => {
      const addedAt = metricValue(list, ADDED_AT_METRIC, track.id);
      if (addedAt === undefined) return includeMissing;
      const ageDays = Math.floor((now - addedAt) / MS_PER_DAY);
      return (
        (maxAgeDays === undefined || ageDays <= maxAgeDays) &&
        (minAgeDays === undefined || ageDays >= minAgeDays) &&
        (after === undefined || addedAt >= after) &&
        (before === undefined || addedAt < before)
      );
    }),
  );
}
