// sorter.by_metric: order tracks by one metric; tracks lacking it go last, ties keep input order.
import type { MetricName } from '../../track/track-metric.js';
import { metricValue, type TrackList, withTracks } from '../track-list.js';
import { sortTracksBy } from './ordering.js';

export interface MetricSort {
  readonly metricName: MetricName;
  /** true: highest first. Required because the original node defaults it to true, not false. */
  readonly reverse: boolean;
}

export function sortByMetric(list: TrackList, params: MetricSort): TrackList {
  return withTracks(
    list,
    sortTracksBy(list.tracks, (track) => metricValue(list, params.metricName, track.id), params.reverse),
  );
}
