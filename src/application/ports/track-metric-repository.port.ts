// Measured facts about tracks (play counts, listeners), the latest value of each.
import type { MetricName, TrackMetric } from '../../domain/track/track-metric.js';
import type { TrackId } from '../../domain/track/track.js';

export interface TrackMetricRepository {
  /** Replaces the value of each (track, metric name), in one transaction. */
  upsertMany(metrics: readonly TrackMetric[]): Promise<void>;
  /** The stored values among `trackIds` × `names`; absent pairs are simply missing. */
  get(trackIds: readonly TrackId[], names: readonly MetricName[]): Promise<TrackMetric[]>;
  /** The stored values among `trackIds` of every metric whose name starts with `prefix` (`lastfm_tag:`). */
  withPrefix(trackIds: readonly TrackId[], prefix: string): Promise<TrackMetric[]>;
}
