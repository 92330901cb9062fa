// enricher.lastfm_tags: each track's Last.fm top tags (track.getTopTags, else the artist's
// artist.getTopTags when the track has none), attached as `lastfm_tag:<name>` metrics weighted 0–100
// for filter.by_tags, and cached like the play counts for `max_age_hours`.
import * as z from 'zod';
import type { LastfmTag } from '../../ports/lastfm.port.js';
import { isFresh, type MetricName, type TrackMetric } from '../../../domain/track/track-metric.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { TAG_METRIC_PREFIX, tagMetricName } from '../../../domain/workflow/transforms/index.js';
import { trackList, type TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { boundedMap } from './bounded-map.js';
import { lastfmName } from './enricher-lastfm.node.js';
import { mainInput } from './node-inputs.js';
import { lastfmConcurrency, MS_PER_HOUR } from './node-params.js';

/** When a track's tags were last fetched; its value is how many were kept (0: none anywhere). */
const FETCHED = 'lastfm_tags_fetched';
const SAVE_EVERY = 200;

type Origin = 'track' | 'artist' | 'none';

export const lastfmTagsEnricher = defineNode({
  type: 'enricher.lastfm_tags',
  kind: 'enricher',
  description:
    "Adds each track's Last.fm top tags (the artist's when the track has none) as lastfm_tag:<name> weights 0-100, cached",
  params: z.looseObject({
    max_age_hours: z
      .number()
      .min(0)
      .default(720)
      .describe('Reuse tags fetched within this many hours; 0 always asks Last.fm'),
    max_tags: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .describe('Keep at most this many of the heaviest tags per track'),
    artist_fallback: z
      .boolean()
      .default(true)
      .describe("Use the artist's top tags for a track that has none of its own"),
    concurrency: lastfmConcurrency,
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const tracks = [...new Map(list.tracks.map((track) => [track.id, track])).values()];
    const cached = await cachedTags(ctx, tracks, params.max_age_hours * MS_PER_HOUR);
    const stale = tracks.filter((track) => !cached.has(track.id));
    ctx.progress.setTotal(stale.length);
    const fetched = await fetchTags(ctx, stale, params);
    const tags = new Map([...cached, ...fetched.tags]);
    return {
      output: withTags(list, tags),
      details: {
        cached: cached.size,
        fetched: stale.length,
        fromArtist: fetched.origins.artist,
        withoutTags: fetched.origins.none + [...cached.values()].filter((t) => t.size === 0).length,
      },
    };
  },
});

async function cachedTags(
  ctx: NodeContext,
  tracks: readonly Track[],
  maxAgeMs: number,
): Promise<Map<TrackId, Map<MetricName, number>>> {
  const result = new Map<TrackId, Map<MetricName, number>>();
  if (maxAgeMs === 0 || tracks.length === 0) return result;
  const ids = tracks.map((track) => track.id);
  const markers = new Map<TrackId, number>();
  for (const marker of await ctx.trackMetrics.get(ids, [FETCHED])) {
    if (isFresh(marker, ctx.run.now, maxAgeMs)) markers.set(marker.trackId, marker.fetchedAt);
  }
  if (markers.size === 0) return result;
  for (const id of markers.keys()) result.set(id, new Map());
  for (const metric of await ctx.trackMetrics.withPrefix([...markers.keys()], TAG_METRIC_PREFIX)) {
    // A tag fetched before the latest fetch is one Last.fm no longer gives.
    const at = markers.get(metric.trackId);
    if (at !== undefined && metric.fetchedAt >= at)
      result.get(metric.trackId)!.set(metric.name, metric.value);
  }
  return result;
}

async function fetchTags(
  ctx: NodeContext,
  tracks: readonly Track[],
  params: { readonly max_tags: number; readonly artist_fallback: boolean; readonly concurrency: number },
): Promise<{ tags: Map<TrackId, Map<MetricName, number>>; origins: Record<Origin, number> }> {
  const tags = new Map<TrackId, Map<MetricName, number>>();
  const origins: Record<Origin, number> = { track: 0, artist: 0, none: 0 };
  const artistTags = new Map<string, Promise<readonly LastfmTag[] | null>>();
  let unsaved: TrackMetric[] = [];
  const save = async (): Promise<void> => {
    const batch = unsaved;
    unsaved = [];
    if (batch.length > 0) await ctx.trackMetrics.upsertMany(batch);
  };
  try {
    await boundedMap(tracks, params.concurrency, async (track) => {
      const name = await lastfmName(ctx, track);
      let found = weighted(await ctx.lastfm.getTrackTopTags(name));
      let origin: Origin = found.length > 0 ? 'track' : 'none';
      if (found.length === 0 && params.artist_fallback) {
        const key = name.artist.trim().toLowerCase();
        if (!artistTags.has(key)) artistTags.set(key, ctx.lastfm.getArtistTopTags(name.artist));
        found = weighted(await artistTags.get(key)!);
        if (found.length > 0) origin = 'artist';
      }
      origins[origin] += 1;
      const values = new Map<MetricName, number>();
      for (const tag of found.slice(0, params.max_tags)) {
        const metric = tagMetricName(tag.name);
        values.set(metric, Math.max(values.get(metric) ?? 0, tag.count));
      }
      tags.set(track.id, values);
      unsaved.push(
        ...[...values].map(([metric, value]) => metricOf(track.id, metric, value, ctx.run.now)),
        metricOf(track.id, FETCHED, values.size, ctx.run.now),
      );
      ctx.progress.advance();
      if (unsaved.length >= SAVE_EVERY) await save();
    });
  } finally {
    await save();
  }
  return { tags, origins };
}

/** Tags of weight 0 say nothing; Last.fm lists them heaviest first already, but not always. */
function weighted(tags: readonly LastfmTag[] | null): LastfmTag[] {
  return (tags ?? [])
    .filter((tag) => tag.count > 0 && tag.name.trim() !== '')
    .sort((a, b) => b.count - a.count);
}

function metricOf(trackId: TrackId, name: MetricName, value: number, at: number): TrackMetric {
  return { trackId, name, value, source: 'lastfm', fetchedAt: at };
}

function withTags(list: TrackList, tags: ReadonlyMap<TrackId, ReadonlyMap<MetricName, number>>): TrackList {
  const byName = new Map<MetricName, Map<TrackId, number>>();
  for (const [trackId, values] of tags) {
    for (const [name, value] of values) {
      const byTrack = byName.get(name) ?? new Map<TrackId, number>();
      byTrack.set(trackId, value);
      byName.set(name, byTrack);
    }
  }
  const metrics = new Map(list.metrics);
  for (const [name, values] of byName) metrics.set(name, new Map([...(metrics.get(name) ?? []), ...values]));
  return trackList(list.tracks, { ...list, metrics });
}
