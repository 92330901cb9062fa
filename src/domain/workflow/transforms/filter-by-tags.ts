// filter.by_tags: keep tracks by their tags, as an enricher attached them: one metric per tag,
// `lastfm_tag:<name>`, valued by the tag's weight (0–100, Last.fm's share of the top tag's count).
import type { MetricName } from '../../track/track-metric.js';
import type { Track } from '../../track/track.js';
import { metricValue, type TrackList, withTracks } from '../track-list.js';
import { invalidParam } from './transform-params.js';

const NODE = 'filter.by_tags';
export const TAG_METRIC_PREFIX = 'lastfm_tag:';

/** Tag names compare case-insensitively after trimming: "Shoegaze" is "shoegaze". */
export function tagKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

export function tagMetricName(name: string): MetricName {
  return `${TAG_METRIC_PREFIX}${tagKey(name)}`;
}

export interface TagFilter {
  /** Keep tracks carrying these tags (any or all of them, per `match`). Empty: no include rule. */
  readonly include?: readonly string[];
  /** Drop tracks carrying any of these tags. */
  readonly exclude?: readonly string[];
  /** `any` (default): one included tag is enough; `all`: every included tag is needed. */
  readonly match?: 'any' | 'all';
  /** A tag counts only at this weight or above (0–100; default 1, so a weight of 0 does not count). */
  readonly minWeight?: number;
  /** Keep tracks that carry no tag at all (not enriched, or Last.fm has none). Default false. */
  readonly includeMissing?: boolean;
}

export function filterByTags(list: TrackList, params: TagFilter): TrackList {
  const include = (params.include ?? []).map(tagKey).filter((tag) => tag !== '');
  const exclude = (params.exclude ?? []).map(tagKey).filter((tag) => tag !== '');
  const minWeight = params.minWeight ?? 1;
  if (include.length === 0 && exclude.length === 0) {
    throw invalidParam(NODE, 'include', 'or exclude must name at least one tag');
  }
  if (!(minWeight >= 0 && minWeight <= 100)) {
    throw invalidParam(NODE, 'min_weight', `must be between 0 and 100, got ${minWeight}`);
  }
  const tagged = tracksWithTags(list);
  const has = (track: Track, tag: string): boolean =>
    (metricValue(list, `${TAG_METRIC_PREFIX}${tag}`, track.id) ?? -1) >= minWeight;
  return withTracks(
    list,
    list.tracks.filter((track) => {
      if (!tagged.has(track.id)) return params.includeMissing ?? false;
      if (exclude.some((tag) => has(track, tag))) return false;
      if (include.length === 0) return true;
      return params.match === 'all'
        ? include.every((tag) => has(track, tag))
        : include.some((tag) => has(track, tag));
    }),
  );
}

/** Tracks that carry at least one tag metric. */
function tracksWithTags(list: TrackList): Set<number> {
  const tagged = new Set<number>();
  for (const [name, values] of list.metrics) {
    if (name.startsWith(TAG_METRIC_PREFIX)) for (const trackId of values.keys()) tagged.add(trackId);
  }
  return tagged;
}
