// Sources reading Last.fm: tracks similar to seeds (track.getSimilar), the user's top tracks of a
// period (user.getTopTracks) and artists' top tracks (artist.getTopTracks). What Last.fm names is
// found on Spotify through the identity pipeline (lastfm-tracks-on-spotify.ts) before it flows on.
import * as z from 'zod';
import { LASTFM_PERIODS, type LastfmChartTrack } from '../../ports/lastfm.port.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import type { Track } from '../../../domain/track/track.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { resolveOnSpotify } from './lastfm-tracks-on-spotify.js';

/** Last.fm's largest page; a longer list is read page by page. */
const PAGE_SIZE = 200;

const perSeed = (what: string) =>
  z.number().int().min(1).max(100).default(10).describe(`How many ${what} to take per seed`);

const similarParams = z.looseObject({
  artist: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("The seed track's artist (with title), instead of upstream tracks"),
  title: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("The seed track's title (with artist), instead of upstream tracks"),
  limit: perSeed('similar tracks'),
});

export const lastfmSimilarTracksSource = defineNode({
  type: 'source.lastfm_similar_tracks',
  kind: 'source',
  seedInput: true,
  description:
    'Tracks Last.fm finds similar to each upstream track, or to the configured artist and title, found on Spotify',
  params: similarParams,
  check: (params, task) => {
    if ((params.artist === undefined) !== (params.title === undefined)) {
      return [
        {
          path: [params.artist === undefined ? 'artist' : 'title'],
          message: 'is required with the other; give both or neither',
        },
      ];
    }
    if (params.artist === undefined && task.upstream.length === 0) {
      return [
        { path: ['artist'], message: 'and title are required when no upstream task gives the seed tracks' },
      ];
    }
    if (params.artist !== undefined && task.upstream.length > 0) {
      return [
        { path: ['artist'], message: 'names a seed, but "upstream" gives seeds too; keep one of them' },
      ];
    }
    return [];
  },
  async run(ctx, { params, inputs }) {
    const seeds =
      params.artist !== undefined && params.title !== undefined
        ? [{ artist: params.artist, title: params.title }]
        : seedsOf([...inputs.values()][0]?.tracks ?? []);
    const found: LastfmChartTrack[] = [];
    let unknownSeeds = 0;
    for (const seed of seeds) {
      const similar = await ctx.lastfm.getSimilarTracks({ ...seed, limit: params.limit });
      if (similar === null) unknownSeeds += 1;
      found.push(...(similar ?? []));
    }
    const resolved = await resolveOnSpotify(ctx, found, 'Similar tracks');
    return {
      output: resolved.list,
      inputCount: seeds.length,
      details: { seeds: seeds.length, unknownSeeds, ...resolved.details },
      warnings: [
        ...(unknownSeeds > 0
          ? [`Last.fm does not know ${unknownSeeds} of the ${seeds.length} seed track(s)`]
          : []),
        ...resolved.warnings,
      ],
    };
  },
});

export const lastfmTopTracksSource = defineNode({
  type: 'source.lastfm_top_tracks',
  kind: 'source',
  description:
    'Your most played tracks on Last.fm in a period (overall, 7day, 1month, 3month, 6month, 12month), found on Spotify',
  params: z.looseObject({
    period: z.enum(LASTFM_PERIODS).default('overall').describe('The chart period'),
    limit: z.number().int().min(1).max(1000).default(50).describe('How many of the top tracks to read'),
  }),
  async run(ctx, { params }) {
    await requireUser(ctx);
    const found: LastfmChartTrack[] = [];
    for (let page = 1, pages = 1; page <= pages && found.length < params.limit; page++) {
      const chart = await ctx.lastfm.getUserTopTracks({
        period: params.period,
        page,
        limit: Math.min(PAGE_SIZE, params.limit),
      });
      pages = chart.totalPages;
      found.push(...chart.tracks);
      if (chart.tracks.length === 0) break;
    }
    const chosen = found.slice(0, params.limit);
    const resolved = await resolveOnSpotify(ctx, chosen, `Top tracks (${params.period})`);
    return {
      output: resolved.list,
      inputCount: chosen.length,
      details: { period: params.period, ...resolved.details },
      warnings: resolved.warnings,
    };
  },
});

export const lastfmArtistTopTracksSource = defineNode({
  type: 'source.lastfm_artist_top_tracks',
  kind: 'source',
  seedInput: true,
  description:
    "The most played tracks of the configured artists, or of the upstream tracks' artists, found on Spotify",
  params: z.looseObject({
    artists: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .describe('The artists, instead of upstream tracks'),
    artist: z.string().trim().min(1).optional().describe('One artist (the same as artists with one name)'),
    limit: perSeed('top tracks'),
  }),
  check: (params, task) => {
    const named = params.artist !== undefined || params.artists !== undefined;
    if (!named && task.upstream.length === 0) {
      return [{ path: ['artists'], message: 'is required when no upstream task gives the artists' }];
    }
    if (named && task.upstream.length > 0) {
      return [
        { path: ['artists'], message: 'names artists, but "upstream" gives artists too; keep one of them' },
      ];
    }
    return [];
  },
  async run(ctx, { params, inputs }) {
    const configured = [...(params.artists ?? []), ...(params.artist === undefined ? [] : [params.artist])];
    const artists = uniqueNames(
      configured.length > 0
        ? configured
        : ([...inputs.values()][0]?.tracks ?? []).map((track) => track.primaryArtist),
    );
    const found: LastfmChartTrack[] = [];
    const unknown: string[] = [];
    for (const artist of artists) {
      const chart = await ctx.lastfm.getArtistTopTracks({ artist, limit: params.limit });
      if (chart === null) unknown.push(artist);
      found.push(...(chart?.tracks ?? []).slice(0, params.limit));
    }
    const resolved = await resolveOnSpotify(ctx, found, 'Artist top tracks');
    return {
      output: resolved.list,
      inputCount: artists.length,
      details: { artists: artists.length, unknownArtists: unknown.length, ...resolved.details },
      warnings: [
        ...(unknown.length > 0
          ? [`Last.fm does not know the artist(s) ${unknown.map((a) => `"${a}"`).join(', ')}`]
          : []),
        ...resolved.warnings,
      ],
    };
  },
});

/** Each upstream track once, under its primary artist and title. */
function seedsOf(tracks: readonly Track[]): Array<{ artist: string; title: string }> {
  const seeds = new Map<string, { artist: string; title: string }>();
  for (const track of tracks) {
    const key = `${track.primaryArtist.toLowerCase()}\u001f${track.title.toLowerCase()}`;
    if (!seeds.has(key) && track.primaryArtist !== '')
      seeds.set(key, { artist: track.primaryArtist, title: track.title });
  }
  return [...seeds.values()];
}

function uniqueNames(names: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (key !== '' && !byKey.has(key)) byKey.set(key, name.trim());
  }
  return [...byKey.values()];
}

async function requireUser(ctx: NodeContext): Promise<void> {
  if ((await ctx.lastfm.whoAmI()) === null) {
    throw new ConfigurationError(
      'WORKFLOW.LASTFM_USER_MISSING',
      'source.lastfm_top_tracks reads your Last.fm charts: set LASTFM_USERNAME or run `narada auth lastfm`',
    );
  }
}
