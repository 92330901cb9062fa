// Merged tracks point at their survivor; anything that finds a merged track must use the survivor.
import type { TrackRepository } from '../ports/track-repository.port.js';
import type { Track, TrackId } from '../../domain/track/track.js';

/** Merges re-point older merges at the new survivor, so chains are short; this bounds a damaged file. */
const MAX_CHAIN = 16;

/** For each given track, the track that stands for it now (itself unless merged), by the given id. */
export async function survivorsOf(
  tracks: TrackRepository,
  found: Iterable<Track>,
): Promise<Map<TrackId, Track>> {
  const result = new Map<TrackId, Track>();
  const waiting = new Map<TrackId, TrackId[]>();
  let frontier: Track[] = [...found];
  for (let depth = 0; frontier.length > 0 && depth < MAX_CHAIN; depth++) {
    const next = new Map<TrackId, TrackId[]>();
    for (const track of frontier) {
      const askers = waiting.get(track.id) ?? [track.id];
      if (track.mergedInto === null) {
        for (const asker of askers) result.set(asker, track);
      } else {
        next.set(track.mergedInto, [...(next.get(track.mergedInto) ?? []), ...askers]);
      }
    }
    waiting.clear();
    for (const [id, askers] of next) waiting.set(id, askers);
    frontier = next.size === 0 ? [] : await tracks.findByIds([...next.keys()]);
  }
  return result;
}
