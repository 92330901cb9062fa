// selector.one_per_artist: one track for each primary artist, either the first in the list or the
// one with the highest value of a metric (play counts), kept in list order.
import type { Track } from '../../track/track.js';
import type { MetricName } from '../../track/track-metric.js';
import { metricValue, type TrackList, withTracks } from '../track-list.js';
import { primaryArtistKey } from './artist-key.js';
import { invalidParam } from './transform-params.js';

export type OnePerArtist =
  | { readonly keep: 'first' }
  /** The highest value wins; a tie, or tracks lacking the metric, go to the earlier track. */
  | { readonly keep: 'most_played'; readonly metricName: MetricName };

export function onePerArtist(list: TrackList, params: OnePerArtist): TrackList {
  if (params.keep === 'most_played' && params.metricName.trim() === '') {
    throw invalidParam('selector.one_per_artist', 'metric_name', 'is required when keep is most_played');
  }
  const chosen = new Map<string, Track>();
  for (const track of list.tracks) {
    const key = primaryArtistKey(track);
    const held = chosen.get(key);
    if (held === undefined) chosen.set(key, track);
    else if (
      params.keep === 'most_played' &&
      value(list, params.metricName, track) > value(list, params.metricName, held)
    )
      chosen.set(key, track);
  }
  const kept = new Set(chosen.values());
  return withTracks(
    list,
    list.tracks.filter((track) => kept.delete(track)),
  );
}

function value(list: TrackList, name: MetricName, track: Track): number {
  return metricValue(list, name, track.id) ?? -Infinity;
}
