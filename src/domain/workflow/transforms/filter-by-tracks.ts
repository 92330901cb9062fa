// filter.by_tracks: drop every track that also appears in another task's list (`exclusion_source`).
import { byTrackIdentity, type TrackKey, type TrackList, withTracks } from '../track-list.js';

export interface TrackExclusion {
  /** The list whose tracks are removed from the input. */
  readonly exclude: TrackList;
  /** What counts as the same track; defaults to the internal id, following merges. */
  readonly key?: TrackKey;
}

export function filterByTracks(list: TrackList, params: TrackExclusion): TrackList {
  const key = params.key ?? byTrackIdentity;
  const excluded = new Set(params.exclude.tracks.map(key));
  return withTracks(
    list,
    list.tracks.filter((track) => !excluded.has(key(track))),
  );
}
