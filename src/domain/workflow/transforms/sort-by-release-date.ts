// sorter.by_release_date: oldest first (newest with `reverse`); undated tracks last, ties in input order.
import { type TrackList, withTracks } from '../track-list.js';
import { sortTracksBy } from './ordering.js';

export interface ReleaseDateSort {
  /** true: newest first. */
  readonly reverse: boolean;
}

/** A partial date sorts at its first day, so `2024` ties with `2024-01-01` and precedes `2024-03`. */
export function sortByReleaseDate(list: TrackList, params: ReleaseDateSort): TrackList {
  return withTracks(
    list,
    sortTracksBy(list.tracks, (track) => track.releaseDate?.toEpochMs(), params.reverse),
  );
}
