// enricher.spotify: release date, explicit flag and duration from each track's Spotify record. Records
// a Spotify source read this run (or within `max_age_hours`) are reused; others cost one
// GET /tracks/{id} each, since development-mode apps have no batch look-up. Spotify stopped sending
// `popularity` to development-mode apps in 2026, so it cannot be had.
import * as z from 'zod';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { withMetric, withTracks, type TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { boundedMap } from './bounded-map.js';
import { MS_PER_HOUR } from './node-params.js';
import { readProgress } from './spotify-ingest.js';

const POPULARITY_GONE =
  'Spotify no longer sends popularity to development-mode apps (since 2026), so it is not available; ' +
  'sort by lastfm_global_playcount or lastfm_listeners instead';

export const spotifyEnricher = defineNode({
  type: 'enricher.spotify',
  kind: 'enricher',
  description:
    'Adds release date, explicit (0/1) and duration_ms from Spotify; popularity no longer exists for development-mode apps',
  params: z.looseObject({
    max_age_hours: z
      .number()
      .min(0)
      .default(720)
      .describe('Reuse Spotify records fetched within this many hours'),
    attributes: z
      .array(z.string())
      .optional()
      .describe('Accepted for older files; the enricher always adds explicit, duration_ms and release_year'),
  }),
  async run(ctx, { params, inputs }) {
    const list = [...inputs.values()][0]!;
    const records = await spotifyRecords(ctx, list.tracks, params.max_age_hours * MS_PER_HOUR);
    const wantsPopularity = (params.attributes ?? []).some((name) =>
      name.toLowerCase().includes('popularity'),
    );
    return {
      output: enriched(list, records.byTrack),
      details: { cached: records.cached, fetched: records.fetched, withoutSpotifyRecord: records.missing },
      warnings: wantsPopularity ? [POPULARITY_GONE] : [],
    };
  },
});

interface RecordsFound {
  readonly byTrack: ReadonlyMap<TrackId, ConnectorTrack>;
  readonly cached: number;
  readonly fetched: number;
  readonly missing: number;
}

async function spotifyRecords(
  ctx: NodeContext,
  tracks: readonly Track[],
  maxAgeMs: number,
): Promise<RecordsFound> {
  const unique = [...new Map(tracks.map((track) => [track.id, track])).values()];
  const uris = await ctx.state.links.urisFor(unique, ctx.trackMappings);
  const byTrack = new Map<TrackId, ConnectorTrack>();
  const stale: { trackId: TrackId; spotifyId: string }[] = [];
  await boundedMap(unique, 8, async (track, index) => {
    const spotifyId = catalogId(uris[index] ?? null);
    if (spotifyId === null) return;
    const record = await ctx.connectorTracks.find('spotify', spotifyId);
    if (record !== null && ctx.run.now - record.fetchedAt <= maxAgeMs) byTrack.set(track.id, record);
    else stale.push({ trackId: track.id, spotifyId });
  });
  const fetched = await ctx.spotify.getTracks(
    stale.map((item) => item.spotifyId),
    { onProgress: readProgress(ctx) },
  );
  if (fetched.size > 0) await ctx.connectorTracks.upsertMany([...fetched.values()]);
  for (const { trackId, spotifyId } of stale) {
    const record = fetched.get(spotifyId);
    if (record !== undefined) byTrack.set(trackId, record);
  }
  const cached = byTrack.size - fetched.size;
  return { byTrack, cached, fetched: stale.length, missing: unique.length - byTrack.size };
}

/** The catalogue id of a `spotify:track:` URI; local files have none. */
function catalogId(uri: string | null): string | null {
  const match = uri === null ? null : /^spotify:track:([0-9A-Za-z]+)$/.exec(uri);
  return match ? match[1]! : null;
}

function enriched(list: TrackList, records: ReadonlyMap<TrackId, ConnectorTrack>): TrackList {
  const explicit = new Map<TrackId, number>();
  const durations = new Map<TrackId, number>();
  const years = new Map<TrackId, number>();
  const tracks = list.tracks.map((track) => {
    const record = records.get(track.id);
    if (record === undefined) return track;
    const flag = record.attributes['explicit'];
    if (typeof flag === 'boolean') explicit.set(track.id, flag ? 1 : 0);
    const durationMs = track.durationMs ?? record.durationMs;
    if (durationMs !== null) durations.set(track.id, durationMs);
    const releaseDate = track.releaseDate ?? record.releaseDate;
    if (releaseDate !== null) years.set(track.id, releaseDate.year);
    const filled = track.releaseDate === null || track.durationMs === null;
    return filled ? track.with({ releaseDate, durationMs }, track.updatedAt) : track;
  });
  let output = withTracks(list, tracks);
  output = withMetric(output, 'explicit', explicit);
  output = withMetric(output, 'duration_ms', durations);
  return withMetric(output, 'release_year', years);
}
