// sorter.separate_artists: reorders tracks so no two neighbours share a primary artist where that is
// possible, and with as few neighbours sharing one as the artists' counts allow where it is not.
import type { Track } from '../../track/track.js';
import { type TrackList, withTracks } from '../track-list.js';
import { primaryArtistKey } from './artist-key.js';

/**
 * Greedy and deterministic: each place takes the earliest remaining track whose artist differs from
 * the previous one and leaves a rest that can still be separated; when no such track exists, the
 * artist with the most tracks left (earliest first on a tie) goes next, so runs are as few as
 * possible. A list that is already separated comes back unchanged.
 */
export function separateArtists(list: TrackList): TrackList {
  const queues = new Map<string, Track[]>();
  for (const track of list.tracks) {
    const key = primaryArtistKey(track);
    const queue = queues.get(key);
    if (queue === undefined) queues.set(key, [track]);
    else queue.push(track);
  }
  const position = new Map(list.tracks.map((track, index) => [track, index]));
  const order: Track[] = [];
  let last: string | null = null;
  let remaining = list.tracks.length;
  while (remaining > 0) {
    // Artists by their earliest remaining track, so ties resolve to input order.
    const artists = [...queues.entries()]
      .filter(([, queue]) => queue.length > 0)
      .sort(([, a], [, b]) => position.get(a[0]!)! - position.get(b[0]!)!);
    const next: [string, Track[]] =
      artists.find(
        ([key, queue]) => key !== last && separable(queues, key, remaining - 1, queue.length - 1),
      ) ?? mostLeft(artists, last);
    const [key, queue] = next;
    order.push(queue.shift()!);
    last = key;
    remaining -= 1;
  }
  return withTracks(list, order);
}

/** After taking one track of `taken`, can the `rest` tracks still be laid out with no neighbours alike? */
function separable(
  queues: ReadonlyMap<string, Track[]>,
  taken: string,
  rest: number,
  takenLeft: number,
): boolean {
  if (takenLeft > Math.floor(rest / 2)) return false;
  for (const [key, queue] of queues) {
    if (key !== taken && queue.length > Math.ceil(rest / 2)) return false;
  }
  return true;
}

function mostLeft(artists: ReadonlyArray<[string, Track[]]>, last: string | null): [string, Track[]] {
  const others = artists.filter(([key]) => key !== last);
  const pool = others.length > 0 ? others : artists;
  return pool.reduce((best, entry) => (entry[1].length > best[1].length ? entry : best));
}
