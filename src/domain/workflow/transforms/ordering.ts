// The one sort the sorters share: stable, with tracks lacking a value last in either direction.
import type { Track } from '../../track/track.js';

export function sortTracksBy(
  tracks: readonly Track[],
  valueOf: (track: Track) => number | undefined,
  descending: boolean,
): Track[] {
  return tracks
    .map((track, index) => ({ track, index, value: valueOf(track) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        const missing = Number(a.value === undefined) - Number(b.value === undefined);
        return missing !== 0 ? missing : a.index - b.index;
      }
      const order = descending ? b.value - a.value : a.value - b.value;
      return order !== 0 ? order : a.index - b.index;
    })
    .map(({ track }) => track);
}
