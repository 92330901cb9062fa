// The combiners: one list from the outputs of several upstream tasks, picked by task id. Tracks are
// not deduplicated (that is filter.deduplicate's job); metrics and play history are merged.
import type { Track } from '../../track/track.js';
import { combineTrackLists, type TrackList } from '../track-list.js';
import { invalidParam } from './transform-params.js';

/** Upstream task id → that task's output. */
export type TaskOutputs = ReadonlyMap<string, TrackList>;

/** combiner.merge_playlists: every track of each source, sources in the listed order. */
export function mergePlaylists(
  inputs: TaskOutputs,
  params: { readonly sources: readonly string[] },
): TrackList {
  const lists = pick(inputs, params.sources, 'combiner.merge_playlists', 'sources');
  return combineTrackLists(
    lists,
    lists.flatMap((list) => list.tracks),
  );
}

/** combiner.concatenate_playlists: lists joined in `order`, whatever the upstream order. */
export function concatenatePlaylists(
  inputs: TaskOutputs,
  params: { readonly order: readonly string[] },
): TrackList {
  const lists = pick(inputs, params.order, 'combiner.concatenate_playlists', 'order');
  return combineTrackLists(
    lists,
    lists.flatMap((list) => list.tracks),
  );
}

/**
 * combiner.interleave_playlists: one track from each source in turn (a1 b1 c1 a2 b2 c2 …); a source
 * that runs out is skipped and the rest continue until all are exhausted.
 */
export function interleavePlaylists(
  inputs: TaskOutputs,
  params: { readonly sources: readonly string[] },
): TrackList {
  const lists = pick(inputs, params.sources, 'combiner.interleave_playlists', 'sources');
  const rounds = Math.max(0, ...lists.map((list) => list.tracks.length));
  const tracks: Track[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const list of lists) {
      const track = list.tracks[round];
      if (track !== undefined) tracks.push(track);
    }
  }
  return combineTrackLists(lists, tracks);
}

function pick(inputs: TaskOutputs, ids: readonly string[], nodeType: string, key: string): TrackList[] {
  return ids.map((id) => {
    const list = inputs.get(id);
    if (list === undefined) {
      const known = [...inputs.keys()].map((name) => `"${name}"`).join(', ') || 'none';
      throw invalidParam(nodeType, key, `names "${id}", which is not an upstream task (upstream: ${known})`);
    }
    return list;
  });
}
