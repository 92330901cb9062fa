// filter.by_artists: drop tracks by artists who appear in another task's list (`exclusion_source`).
import type { Track } from '../../track/track.js';
import { type TrackList, withTracks } from '../track-list.js';

export interface ArtistExclusion {
  /** The list whose artists are excluded. */
  readonly exclude: TrackList;
  /**
   * `exclude_all_artists`: compare every credited artist, on both sides, instead of only the primary
   * (first-credited) artist. Default false, as in the original.
   */
  readonly allArtists?: boolean;
}

/** Names compare case-insensitively after trimming; Unicode is normalised so "é" matches "é". */
export function filterByArtists(list: TrackList, params: ArtistExclusion): TrackList {
  const allArtists = params.allArtists ?? false;
  const excluded = new Set(params.exclude.tracks.flatMap((track) => comparedArtists(track, allArtists)));
  return withTracks(
    list,
    list.tracks.filter((track) => !comparedArtists(track, allArtists).some((name) => excluded.has(name))),
  );
}

function comparedArtists(track: Track, allArtists: boolean): string[] {
  const credited = allArtists ? track.artists : track.artists.slice(0, 1);
  return credited.map((name) => name.normalize('NFC').trim().toLowerCase()).filter((name) => name !== '');
}
