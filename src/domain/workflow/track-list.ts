// What flows between workflow tasks: an ordered list of tracks plus the facts enrichers attached to
// them (metrics, play history). Transforms take one and return a new one; nothing is mutated.
import type { Track, TrackId } from '../track/track.js';
import type { MetricName } from '../track/track-metric.js';
import type { EpochMs } from '../values/time.js';

/** One metric's values: track → value. A track absent from the map lacks the metric. */
export type MetricValues = ReadonlyMap<TrackId, number>;

/** A track's listening in the local history, as the play-history enricher found it. */
export interface PlayStats {
  readonly totalPlays: number;
  readonly lastPlayedAt: EpochMs | null;
  /** Plays within the enricher's period (e.g. the last 30 days), when it was asked for one. */
  readonly playsInPeriod?: number;
}

export interface TrackList {
  readonly tracks: readonly Track[];
  /** Metric name → track → value. */
  readonly metrics: ReadonlyMap<MetricName, MetricValues>;
  /**
   * Track → plays. A track absent from the map was not looked up; the enricher records never-played
   * tracks as `{ totalPlays: 0, lastPlayedAt: null }`.
   */
  readonly playHistory?: ReadonlyMap<TrackId, PlayStats>;
  readonly name?: string;
}

/** What makes two tracks "the same" for deduplication and exclusion. */
export type TrackKey = (track: Track) => string | number;

/** A merged track is the same recording as the track it was merged into. */
export const byTrackIdentity: TrackKey = (track) => track.mergedInto ?? track.id;

export function trackList(
  tracks: readonly Track[],
  extras: Partial<Omit<TrackList, 'tracks'>> = {},
): TrackList {
  return Object.freeze({
    ...extras,
    tracks: Object.freeze([...tracks]),
    metrics: extras.metrics ?? new Map(),
  });
}

/** Same metrics, history and name; other tracks. */
export function withTracks(list: TrackList, tracks: readonly Track[]): TrackList {
  return trackList(tracks, list);
}

/** Adds (or replaces) one metric, as an enricher does. */
export function withMetric(list: TrackList, name: MetricName, values: MetricValues): TrackList {
  return trackList(list.tracks, { ...list, metrics: new Map([...list.metrics, [name, values]]) });
}

export function withPlayHistory(list: TrackList, playHistory: ReadonlyMap<TrackId, PlayStats>): TrackList {
  return trackList(list.tracks, { ...list, playHistory });
}

/** The track's value of the metric, or `undefined` when it lacks one (NaN counts as lacking). */
export function metricValue(list: TrackList, name: MetricName, trackId: TrackId): number | undefined {
  const value = list.metrics.get(name)?.get(trackId);
  return value === undefined || Number.isNaN(value) ? undefined : value;
}

/**
 * A list of `tracks` carrying the metrics and play history of every input. When two inputs hold a
 * value for the same metric and track, the earlier input wins (as the first occurrence wins in
 * deduplication). The combined list has no name.
 */
export function combineTrackLists(lists: readonly TrackList[], tracks: readonly Track[]): TrackList {
  const metrics = new Map<MetricName, Map<TrackId, number>>();
  for (const list of lists) {
    for (const [name, values] of list.metrics) {
      const merged = metrics.get(name) ?? new Map<TrackId, number>();
      for (const [trackId, value] of values) if (!merged.has(trackId)) merged.set(trackId, value);
      metrics.set(name, merged);
    }
  }
  const histories = lists.flatMap((list) => (list.playHistory ? [list.playHistory] : []));
  if (histories.length === 0) return trackList(tracks, { metrics });
  const playHistory = new Map<TrackId, PlayStats>();
  for (const history of histories) {
    for (const [trackId, stats] of history) if (!playHistory.has(trackId)) playHistory.set(trackId, stats);
  }
  return trackList(tracks, { metrics, playHistory });
}
