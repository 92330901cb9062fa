// filter.by_metric: keep tracks whose metric value lies in an inclusive range.
import type { MetricName } from '../../track/track-metric.js';
import { metricValue, type TrackList, withTracks } from '../track-list.js';
import { checkRange } from './transform-params.js';

const NODE = 'filter.by_metric';

export interface MetricFilter {
  readonly metricName: MetricName;
  /** Inclusive lower bound (`min_value`). */
  readonly minValue?: number;
  /** Inclusive upper bound (`max_value`). */
  readonly maxValue?: number;
  /** Keep tracks lacking the metric (`include_missing`, default false). */
  readonly includeMissing?: boolean;
}

export function filterByMetric(list: TrackList, params: MetricFilter): TrackList {
  const { metricName, minValue, maxValue, includeMissing = false } = params;
  checkRange(NODE, { key: 'min_value', value: minValue }, { key: 'max_value', value: maxValue });
  return withTracks(
    list,
    list.tracks.filter((track) => {
      const value = metricValue(list, metricName, track.id);
      if (value === undefined) return includeMissing;
      return (minValue === undefined || value >= minValue) && (maxValue === undefined || value <= maxValue);
    }),
  );
}
