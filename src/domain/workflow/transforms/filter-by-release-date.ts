// filter.by_release_date: keep tracks released within an age window measured from `now`.
import type { EpochMs } from '../../values/time.js';
import { type TrackList, withTracks } from '../track-list.js';
import { checkCount, checkRange, MS_PER_DAY } from './transform-params.js';

const NODE = 'filter.by_release_date';

export interface ReleaseDateFilter {
  /** The instant ages are measured from (the run's start); the domain reads no clock. */
  readonly now: EpochMs;
  /** Keep tracks at most this many whole days old (`max_age_days`). */
  readonly maxAgeDays?: number;
  /** Keep tracks at least this many whole days old (`min_age_days`). */
  readonly minAgeDays?: number;
  /** Keep tracks with no known release date (default: drop them). */
  readonly includeMissing?: boolean;
}

/**
 * A track's age is the number of whole days from its release date to `now`; a partial date counts
 * from its first day (`2024` from 1 January, `2024-05` from 1 May). Both bounds are inclusive.
 */
export function filterByReleaseDate(list: TrackList, params: ReleaseDateFilter): TrackList {
  const { now, maxAgeDays, minAgeDays, includeMissing = false } = params;
  checkCount(NODE, 'max_age_days', maxAgeDays);
  checkCount(NODE, 'min_age_days', minAgeDays);
  checkRange(NODE, { key: 'min_age_days', value: minAgeDays }, { key: 'max_age_days', value: maxAgeDays });
  return withTracks(
    list,
    list.tracks.filter((track) => {
      if (track.releaseDate === null) return includeMissing;
      const ageDays = Math.floor((now - track.releaseDate.toEpochMs()) / MS_PER_DAY);
      return (
        (maxAgeDays === undefined || ageDays <= maxAgeDays) &&
        (minAgeDays === undefined || ageDays >= minAgeDays)
      );
    }),
  );
}
