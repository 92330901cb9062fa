// selector.limit_tracks: keep at most `count` tracks: the first, the last, or a seeded random sample.
import type { Track } from '../../track/track.js';
import { type TrackList, withTracks } from '../track-list.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { checkCount, invalidParam } from './transform-params.js';

const NODE = 'selector.limit_tracks';

export type LimitParams =
  | { readonly count: number; readonly method?: 'first' | 'last' }
  /** `seed` makes the sample repeatable; the caller picks it (from the config, or the run). */
  | { readonly count: number; readonly method: 'random'; readonly seed: number };

/** `random` keeps the sampled tracks in their input order, so a sort upstream still shows. */
export function limitTracks(list: TrackList, params: LimitParams): TrackList {
  checkCount(NODE, 'count', params.count);
  const { tracks } = list;
  const count = Math.min(params.count, tracks.length);
  const { method } = params;
  switch (method) {
    case undefined:
    case 'first':
      return withTracks(list, tracks.slice(0, count));
    case 'last':
      return withTracks(list, tracks.slice(tracks.length - count));
    case 'random':
      if (!Number.isSafeInteger(params.seed)) {
        throw invalidParam(NODE, 'seed', `must be a whole number, got ${params.seed}`);
      }
      return withTracks(list, sample(tracks, count, seededRandom(params.seed)));
    default:
      // Reached only from untyped input (a workflow file read without its schema).
      throw invalidParam(NODE, 'method', `must be first, last or random, got ${String(method)}`);
  }
}

/** A partial Fisher–Yates shuffle of positions, read back in input order. */
function sample(tracks: readonly Track[], count: number, random: () => number): Track[] {
  const positions = tracks.map((_, index) => index);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (positions.length - i));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((position) => tracks[position]!);
}
