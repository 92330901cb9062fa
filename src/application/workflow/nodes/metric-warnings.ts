// A metric no track carries is nearly always a missing enricher or a misspelt name; say so, and say
// plainly when the metric is Spotify popularity, which development-mode apps no longer receive.
import type { TrackList } from '../../../domain/workflow/track-list.js';

export function metricWarnings(list: TrackList, metricName: string): string[] {
  if (list.tracks.length === 0 || (list.metrics.get(metricName)?.size ?? 0) > 0) return [];
  if (metricName.toLowerCase().includes('popularity')) {
    return [
      `no track has "${metricName}": Spotify no longer sends popularity to development-mode apps (since 2026); ` +
        'use lastfm_global_playcount or lastfm_listeners (enricher.lastfm) instead',
    ];
  }
  // Tag metrics (lastfm_tag:<name>) can run to hundreds; they are summed up in one entry.
  const tags = [...list.metrics.keys()].filter((name) => name.startsWith('lastfm_tag:')).length;
  const known = [
    ...[...list.metrics.keys()].filter((name) => !name.startsWith('lastfm_tag:')),
    ...(tags > 0 ? [`${tags} lastfm_tag:<name> metrics`] : []),
  ];
  return [
    `no track has the metric "${metricName}"` +
      (known.length > 0
        ? ` (the list carries: ${known.join(', ')})`
        : '; add an enricher upstream that provides it'),
  ];
}
