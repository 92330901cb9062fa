// sorter.separate_artists: reorders tracks so no two neighbours share a primary artist where that is
// possible, and with as few neighbours sharing one as the artists' counts allow where it is not.
import type { Track } from '../../track/track.js';
import { type TrackList, withTracks } from '../track-list.js';
import { primaryArtistKey } from './artist-key.js';

interface ArtistQueue {
  readonly key: string;
  readonly tracks: Track[];
  /** Input positions of `tracks`. */
  readonly positions: number[];
  head: number;
}

/**
 * Greedy and deterministic: each place takes the earliest remaining track whose artist differs from
 * the previous one and leaves a rest that can still be separated; when no such track exists, the
 * artist with the most tracks left (earliest first on a tie) goes next, so runs are as few as
 * possible. A list that is already separated comes back unchanged.
 */
export function separateArtists(list: TrackList): TrackList {
  const byKey = new Map<string, ArtistQueue>();
  list.tracks.forEach((track, position) => {
    const key = primaryArtistKey(track);
    const queue = byKey.get(key) ?? { key, tracks: [], positions: [], head: 0 };
    queue.tracks.push(track);
    queue.positions.push(position);
    byKey.set(key, queue);
  });
  const counts = new Counts(
    list.tracks.length,
    [...byKey.values()].map((q) => q.tracks.length),
  );
  // Artists with tracks left, by the input position of their next track.
  const active = [...byKey.values()];
  const order: Track[] = [];
  let last: string | null = null;
  while (active.length > 0) {
    const rest = list.tracks.length - order.length - 1;
    let index = counts.canSeparate(rest)
      ? active.findIndex((queue) => queue.key !== last && counts.separableAfterTaking(left(queue), rest))
      : -1;
    if (index === -1) index = mostLeft(active, last);
    const queue = active[index]!;
    order.push(queue.tracks[queue.head]!);
    counts.take(left(queue));
    queue.head += 1;
    last = queue.key;
    active.splice(index, 1);
    if (left(queue) > 0) active.splice(insertionPoint(active, queue.positions[queue.head]!), 0, queue);
  }
  return withTracks(list, order);
}

function left(queue: ArtistQueue): number {
  return queue.tracks.length - queue.head;
}

/** Where an artist whose next track is at `position` goes in `active` (binary search). */
function insertionPoint(active: readonly ArtistQueue[], position: number): number {
  let low = 0;
  let high = active.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (active[mid]!.positions[active[mid]!.head]! < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The artist with the most tracks left (the earliest on a tie), other than the previous one if possible. */
function mostLeft(active: readonly ArtistQueue[], last: string | null): number {
  let best = -1;
  for (let i = 0; i < active.length; i++) {
    if (active[i]!.key === last && active.length > 1) continue;
    if (best === -1 || left(active[i]!) > left(active[best]!)) best = i;
  }
  return best;
}

/** How many artists have each number of tracks left, so feasibility is checked without a scan. */
class Counts {
  private readonly artistsWith: number[];
  private max: number;

  constructor(total: number, counts: readonly number[]) {
    this.artistsWith = new Array<number>(total + 1).fill(0);
    for (const count of counts) this.artistsWith[count]! += 1;
    this.max = Math.max(0, ...counts);
  }

  /**
   * Whether, after taking one track of an artist with `count` left, the `rest` tracks can still be
   * laid out with no neighbours alike: that artist (now last) may hold at most half of them, rounded
   * down, and any other artist at most half, rounded up.
   */
  separableAfterTaking(count: number, rest: number): boolean {
    if (count - 1 > Math.floor(rest / 2)) return false;
    return this.maxOfOthers(count) <= Math.ceil(rest / 2);
  }

  /** False when even the artist with the most tracks left cannot be spread over the `rest`: runs follow. */
  canSeparate(rest: number): boolean {
    return this.max - 1 <= Math.floor(rest / 2);
  }

  take(count: number): void {
    this.artistsWith[count]! -= 1;
    this.artistsWith[count - 1]! += 1;
    while (this.max > 0 && this.artistsWith[this.max] === 0) this.max -= 1;
  }

  private maxOfOthers(count: number): number {
    if (count !== this.max || this.artistsWith[count]! > 1) return this.max;
    let next = count - 1;
    while (next > 0 && this.artistsWith[next] === 0) next -= 1;
    return next;
  }
}
