// aTrackMetric(): a Last.fm user play count fetched at BUILT_AT, unless overridden.
import type { TrackMetric } from '../../src/domain/track/track-metric.js';
import { BUILT_AT, nextId } from './ids.js';

export function aTrackMetric(overrides: Partial<TrackMetric> = {}): TrackMetric {
  return Object.freeze({
    trackId: nextId(),
    name: 'lastfm_user_playcount',
    value: 10,
    source: 'lastfm',
    fetchedAt: BUILT_AT,
    ...overrides,
  });
}
