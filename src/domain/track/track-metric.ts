// A measured fact about a track (play counts, listeners), with when it was fetched for freshness.
import type { ServiceName } from '../shared/service.js';
import type { EpochMs } from '../values/time.js';
import type { TrackId } from './track.js';

export type MetricName =
  'lastfm_user_playcount' | 'lastfm_global_playcount' | 'lastfm_listeners' | 'total_plays' | (string & {});

export interface TrackMetric {
  readonly trackId: TrackId;
  readonly name: MetricName;
  readonly value: number;
  readonly source: ServiceName | 'narada';
  readonly fetchedAt: EpochMs;
}

export function isFresh(metric: Pick<TrackMetric, 'fetchedAt'>, now: EpochMs, maxAgeMs: number): boolean {
  return now - metric.fetchedAt <= maxAgeMs;
}
