// filter.deduplicate: one track per identity, keeping the first occurrence and the order.
import { byTrackIdentity, type TrackKey, type TrackList, withTracks } from '../track-list.js';

export interface DeduplicateParams {
  /** What counts as the same track; defaults to the internal id, following merges. */
  readonly key?: TrackKey;
}

export function deduplicate(list: TrackList, params: DeduplicateParams = {}): TrackList {
  const key = params.key ?? byTrackIdentity;
  const seen = new Set<string | number>();
  return withTracks(
    list,
    list.tracks.filter((track) => {
      const identity = key(track);
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    }),
  );
}
