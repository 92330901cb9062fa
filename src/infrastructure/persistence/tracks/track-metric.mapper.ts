// TrackMetric ↔ `track_metrics` row.
import type { ServiceName } from '../../../domain/shared/service.js';
import type { TrackMetric } from '../../../domain/track/track-metric.js';
import type { TrackMetricEntity } from './track-metric.entity.js';

export function trackMetricToDomain(row: TrackMetricEntity): TrackMetric {
  return Object.freeze({
    trackId: row.trackId,
    name: row.name,
    value: row.value,
    // Written from the domain's source union by trackMetricToRow.
    source: row.source as ServiceName | 'narada',
    fetchedAt: row.fetchedAt,
  });
}

export function trackMetricToRow(metric: TrackMetric): TrackMetricEntity {
  return {
    trackId: metric.trackId,
    name: metric.name,
    value: metric.value,
    source: metric.source,
    fetchedAt: metric.fetchedAt,
  };
}
