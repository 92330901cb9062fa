// filter.by_liked: keep only the tracks that are liked on a service, or only those that are not.
import type { TrackId } from '../../track/track.js';
import { type TrackList, withTracks } from '../track-list.js';

export interface LikedFilter {
  /** Internal ids of the liked tracks (merged tracks count under the track they were merged into). */
  readonly likedTrackIds: ReadonlySet<TrackId>;
  /** true: keep liked tracks; false: keep the others. */
  readonly liked: boolean;
}

export function filterByLiked(list: TrackList, params: LikedFilter): TrackList {
  const isLiked = (id: TrackId, mergedInto: TrackId | null): boolean =>
    params.likedTrackIds.has(id) || (mergedInto !== null && params.likedTrackIds.has(mergedInto));
  return withTracks(
    list,
    list.tracks.filter((track) => isLiked(track.id, track.mergedInto) === params.liked),
  );
}
