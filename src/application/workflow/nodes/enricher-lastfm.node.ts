// enricher.lastfm: the user's play count, the global play count and the listener count of each track
// from Last.fm's track.getInfo, asked under the names Last.fm knows the track by (its resolved
// Last.fm identity, else the track's own artist and title), cached as metrics for `max_age_hours`.
import * as z from 'zod';
import type { LastfmTrackInfo } from '../../ports/lastfm.port.js';
import { isFresh, type MetricName, type TrackMetric } from '../../../domain/track/track-metric.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { withMetric, type TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { boundedMap } from './bounded-map.js';
import { lastfmConcurrency, MS_PER_HOUR } from './node-params.js';

const USER_PLAYCOUNT = 'lastfm_user_playcount';
const GLOBAL_PLAYCOUNT = 'lastfm_global_playcount';
const LISTENERS = 'lastfm_listeners';
/** Cached like a count, so a track Last.fm does not know is not asked about again on every run. */
const NOT_FOUND = 'lastfm_not_found';
/** Metrics are stored in chunks so an interrupted run keeps what it fetched. */
const SAVE_EVERY = 200;

export const lastfmEnricher = defineNode({
  type: 'enricher.lastfm',
  kind: 'enricher',
  description: `Adds Last.fm play counts (${USER_PLAYCOUNT}, ${GLOBAL_PLAYCOUNT}, ${LISTENERS}) via track.getInfo, cached`,
  params: z.looseObject({
    max_age_hours: z
      .number()
      .min(0)
      .default(168)
      .describe('Reuse counts fetched within this many hours; 0 always asks Last.fm'),
    concurrency: lastfmConcurrency,
  }),
  async run(ctx, { params, inputs }) {
    const list = [...inputs.values()][0]!;
    const identity = await ctx.lastfm.whoAmI();
    const names: MetricName[] =
      identity === null ? [GLOBAL_PLAYCOUNT, LISTENERS] : [USER_PLAYCOUNT, GLOBAL_PLAYCOUNT, LISTENERS];
    const tracks = uniqueTracks(list.tracks);
    const values = await cachedValues(ctx, tracks, [...names, NOT_FOUND], params.max_age_hours * MS_PER_HOUR);
    const unknown = values.get(NOT_FOUND)!;
    const stale = tracks.filter(
      (track) => !unknown.has(track.id) && names.some((name) => !values.get(name)!.has(track.id)),
    );
    const unknownBefore = tracks.filter((track) => unknown.has(track.id)).length;
    ctx.progress.setTotal(stale.length);
    const fetched = await fetchCounts(ctx, stale, params.concurrency, identity !== null);
    for (const metric of fetched.metrics) values.get(metric.name)?.set(metric.trackId, metric.value);
    let output: TrackList = list;
    for (const name of [USER_PLAYCOUNT, GLOBAL_PLAYCOUNT, LISTENERS]) {
      const known = values.get(name);
      if (known !== undefined) output = withMetric(output, name, known);
    }
    return {
      output,
      details: {
        cached: tracks.length - stale.length,
        fetched: stale.length,
        unknownToLastfm: fetched.unknown + unknownBefore,
      },
      warnings:
        identity === null
          ? [
              `no Last.fm user is configured, so ${USER_PLAYCOUNT} is missing; set LASTFM_USERNAME or run \`narada auth lastfm\``,
            ]
          : [],
    };
  },
});

function uniqueTracks(tracks: readonly Track[]): Track[] {
  return [...new Map(tracks.map((track) => [track.id, track])).values()];
}

async function cachedValues(
  ctx: NodeContext,
  tracks: readonly Track[],
  names: readonly MetricName[],
  maxAgeMs: number,
): Promise<Map<MetricName, Map<TrackId, number>>> {
  const values = new Map(names.map((name) => [name, new Map<TrackId, number>()]));
  if (maxAgeMs === 0 || tracks.length === 0) return values;
  const stored = await ctx.trackMetrics.get(
    tracks.map((track) => track.id),
    names,
  );
  for (const metric of stored) {
    if (isFresh(metric, ctx.run.now, maxAgeMs)) values.get(metric.name)?.set(metric.trackId, metric.value);
  }
  return values;
}

async function fetchCounts(
  ctx: NodeContext,
  tracks: readonly Track[],
  concurrency: number,
  userAsked: boolean,
): Promise<{ metrics: TrackMetric[]; unknown: number }> {
  const metrics: TrackMetric[] = [];
  let unsaved: TrackMetric[] = [];
  let unknown = 0;
  const save = async (): Promise<void> => {
    const batch = unsaved;
    unsaved = [];
    if (batch.length > 0) await ctx.trackMetrics.upsertMany(batch);
  };
  try {
    await boundedMap(tracks, concurrency, async (track) => {
      const info = await ctx.lastfm.getTrackInfo(await lastfmName(ctx, track));
      ctx.progress.advance();
      const found =
        info === null
          ? [
              {
                trackId: track.id,
                name: NOT_FOUND,
                value: 1,
                source: 'lastfm' as const,
                fetchedAt: ctx.run.now,
              },
            ]
          : metricsOf(track.id, info, ctx.run.now, userAsked);
      if (info === null) unknown += 1;
      metrics.push(...found);
      unsaved.push(...found);
      if (unsaved.length >= SAVE_EVERY) await save();
    });
  } finally {
    await save();
  }
  return { metrics, unknown };
}

/** The artist and title Last.fm knows the track by: its accepted Last.fm identity, else its own. */
export async function lastfmName(ctx: NodeContext, track: Track): Promise<{ artist: string; title: string }> {
  const mapping = (await ctx.trackMappings.forTrack(track.id)).find(
    (candidate) => candidate.service === 'lastfm' && candidate.status === 'accepted',
  );
  const [artist, title] = mapping?.externalId.split('\u001f') ?? [];
  if (artist && title) return { artist, title };
  return { artist: track.primaryArtist, title: track.title };
}

/** Last.fm leaves out the user's count of a track they never played; for a user asked about, that is 0. */
function metricsOf(trackId: TrackId, info: LastfmTrackInfo, at: number, userAsked: boolean): TrackMetric[] {
  const pairs: [MetricName, number | null][] = [
    [USER_PLAYCOUNT, info.userPlaycount ?? (userAsked ? 0 : null)],
    [GLOBAL_PLAYCOUNT, info.globalPlaycount],
    [LISTENERS, info.listeners],
  ];
  return pairs.flatMap(([name, value]) =>
    value === null ? [] : [{ trackId, name, value, source: 'lastfm' as const, fetchedAt: at }],
  );
}
