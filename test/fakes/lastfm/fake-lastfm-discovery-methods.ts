// The fake Last.fm's discovery reads with the real wire shapes and rules: track.getSimilar,
// user.getTopTracks (counted from the user's scrobbles in the period), artist.getTopTracks,
// track.getTopTags and artist.getTopTags; missing parameters and unknown tracks or artists answer
// error 6, limits and pages are bounded, names are autocorrected when asked for.
import type { FakeResponse } from '../fake-http-server.js';
import type { FakeCallContext, FakeMethod } from './fake-lastfm-read-methods.js';
import { trackKey, type FakeCatalogTrack, type FakeLastfmState } from './fake-lastfm-state.js';
import { lastfmError, pageAttr, wireList } from './fake-lastfm-wire.js';

export interface FakeSimilarTrack {
  readonly artist: string;
  readonly track: string;
  /** Similarity 0–1. */
  readonly match: number;
}

export interface FakeTag {
  readonly name: string;
  /** Weight 0–100. */
  readonly count: number;
}

interface DiscoveryState {
  readonly similar: Map<string, FakeSimilarTrack[]>;
  readonly trackTags: Map<string, FakeTag[]>;
  readonly artistTags: Map<string, FakeTag[]>;
}

const worlds = new WeakMap<FakeLastfmState, DiscoveryState>();

function discovery(state: FakeLastfmState): DiscoveryState {
  let found = worlds.get(state);
  if (found === undefined) {
    found = { similar: new Map(), trackTags: new Map(), artistTags: new Map() };
    worlds.set(state, found);
  }
  return found;
}

/** Seeding for tests: `fakeLastfmDiscovery(fake.state).addSimilar(...)`. */
export function fakeLastfmDiscovery(state: FakeLastfmState) {
  const world = discovery(state);
  return {
    /** Tracks Last.fm calls similar to `artist – track` (which becomes known to Last.fm). */
    addSimilar(artist: string, track: string, similar: readonly FakeSimilarTrack[]): void {
      world.similar.set(trackKey(artist, track), [...similar]);
    },
    /** The track's top tags; without them, its catalogue tags weigh 100, 90, 80, … */
    setTrackTags(artist: string, track: string, tags: readonly FakeTag[]): void {
      world.trackTags.set(trackKey(artist, track), [...tags]);
    },
    setArtistTags(artist: string, tags: readonly FakeTag[]): void {
      world.artistTags.set(artist.trim().toLowerCase(), [...tags]);
    },
  };
}

const ARTIST_NOT_FOUND = 'The artist you supplied could not be found';
const PERIOD_DAYS: Readonly<Record<string, number | null>> = {
  overall: null,
  '7day': 7,
  '1month': 30,
  '3month': 90,
  '6month': 180,
  '12month': 365,
};
const IMAGES = ['small', 'medium', 'large', 'extralarge'].map((size) => ({ size, '#text': '' }));

function missing(name: string): FakeResponse {
  return lastfmError(6, `Invalid parameters - Your request is missing the [${name}] parameter`);
}

function url(artist: string, track?: string): string {
  const enc = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return `https://www.last.fm/music/${enc(artist)}${track === undefined ? '' : `/_/${enc(track)}`}`;
}

function bounded(
  params: Readonly<Record<string, string>>,
  defaultLimit: number,
): { page: number; limit: number } | FakeResponse {
  const page = Number(params.page ?? '1');
  const limit = Number(params.limit ?? String(defaultLimit));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return lastfmError(6, 'limit param out of bounds (1-1000)');
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000)
    return lastfmError(6, 'page param out of bounds (1-1000000)');
  return { page, limit };
}

function isResponse(value: object): value is FakeResponse {
  return 'status' in value;
}

function corrected(ctx: FakeCallContext, text: string): string {
  return ctx.params.autocorrect === '1' ? ctx.state.correct(text) : text;
}

/** A track Last.fm knows: in the catalogue, or with similar tracks or tags of its own. */
function knownTrack(
  ctx: FakeCallContext,
  artist: string,
  track: string,
): { artist: string; track: string } | null {
  const world = discovery(ctx.state);
  const a = corrected(ctx, artist);
  const t = corrected(ctx, track);
  const catalog = ctx.state.lookup(a, t, false);
  if (catalog !== undefined) return { artist: catalog.artist, track: catalog.track };
  const key = trackKey(a, t);
  return world.similar.has(key) || world.trackTags.has(key) ? { artist: a, track: t } : null;
}

function catalogArtist(state: FakeLastfmState, artist: string): string | null {
  const wanted = artist.trim().toLowerCase();
  const found = [...state.catalog.values()].find((track) => track.artist.toLowerCase() === wanted);
  return found?.artist ?? null;
}

export const getSimilarTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  const byMbid = params.mbid ? state.findByMbid(params.mbid) : undefined;
  if (!byMbid) {
    if (!params.artist) return missing('artist');
    if (!params.track) return missing('track');
  }
  const limit = Number(params.limit ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return lastfmError(6, 'limit param out of bounds (1-1000)');
  const seed = byMbid ?? knownTrack(ctx, params.artist!, params.track!);
  if (!seed) return lastfmError(6, 'Track not found');
  const similar = [...(discovery(state).similar.get(trackKey(seed.artist, seed.track)) ?? [])]
    .sort((a, b) => b.match - a.match)
    .slice(0, limit)
    .map((entry) => similarWire(entry, state.lookup(entry.artist, entry.track, false)));
  return {
    status: 200,
    body: { similartracks: { track: wireList(similar, ctx.legacyLists), '@attr': { artist: seed.artist } } },
  };
};

/** getSimilar sends its numbers as JSON numbers, unlike the other methods. */
function similarWire(
  entry: FakeSimilarTrack,
  catalog: FakeCatalogTrack | undefined,
): Record<string, unknown> {
  return {
    name: entry.track,
    playcount: catalog?.playcount ?? 0,
    ...(catalog?.mbid ? { mbid: catalog.mbid } : {}),
    match: entry.match,
    url: url(entry.artist, entry.track),
    streamable: { '#text': '0', fulltrack: '0' },
    duration: Math.round((catalog?.durationMs ?? 0) / 1000),
    artist: {
      name: entry.artist,
      ...(catalog?.artistMbid ? { mbid: catalog.artistMbid } : {}),
      url: url(entry.artist),
    },
    image: IMAGES,
  };
}

export const getUserTopTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.user) return missing('user');
  const user = state.findUser(params.user);
  if (!user) return lastfmError(6, 'User not found', 404);
  const period = params.period ?? 'overall';
  if (!(period in PERIOD_DAYS)) return lastfmError(6, 'Invalid parameters - period');
  const paged = bounded(params, 50);
  if (isResponse(paged)) return paged;
  const days = PERIOD_DAYS[period] ?? null;
  const since = days === null ? -Infinity : ctx.now / 1000 - days * 86_400;
  const plays = new Map<string, { artist: string; track: string; count: number; last: number }>();
  for (const scrobble of user.scrobbles) {
    if (scrobble.timestamp < since) continue;
    const key = trackKey(scrobble.artist, scrobble.track);
    const known = plays.get(key);
    if (known) known.count += 1;
    else
      plays.set(key, { artist: scrobble.artist, track: scrobble.track, count: 1, last: scrobble.timestamp });
  }
  const chart = [...plays.values()].sort((a, b) => b.count - a.count || b.last - a.last);
  const start = (paged.page - 1) * paged.limit;
  const entries = chart.slice(start, start + paged.limit).map((entry, index) => {
    const catalog = state.lookup(entry.artist, entry.track, false);
    return {
      streamable: { fulltrack: '0', '#text': '0' },
      mbid: catalog?.mbid ?? '',
      name: entry.track,
      image: IMAGES,
      artist: { url: url(entry.artist), name: entry.artist, mbid: catalog?.artistMbid ?? '' },
      url: url(entry.artist, entry.track),
      duration: String(Math.round((catalog?.durationMs ?? 0) / 1000)),
      '@attr': { rank: String(start + index + 1) },
      playcount: String(entry.count),
    };
  });
  return {
    status: 200,
    body: {
      toptracks: {
        track: wireList(entries, ctx.legacyLists),
        '@attr': pageAttr(user.name, paged.page, paged.limit, chart.length),
      },
    },
  };
};

export const getArtistTopTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.artist && !params.mbid) return missing('artist');
  const paged = bounded(params, 50);
  if (isResponse(paged)) return paged;
  const artist = catalogArtist(state, corrected(ctx, params.artist ?? ''));
  if (artist === null) return lastfmError(6, ARTIST_NOT_FOUND);
  const tracks = [...state.catalog.values()]
    .filter((track) => track.artist === artist)
    .sort((a, b) => b.playcount - a.playcount);
  const start = (paged.page - 1) * paged.limit;
  const entries = tracks.slice(start, start + paged.limit).map((track, index) => ({
    name: track.track,
    playcount: String(track.playcount),
    listeners: String(track.listeners),
    ...(track.mbid ? { mbid: track.mbid } : {}),
    url: url(track.artist, track.track),
    streamable: '0',
    artist: { name: track.artist, mbid: track.artistMbid ?? '', url: url(track.artist) },
    image: IMAGES,
    '@attr': { rank: String(start + index + 1) },
  }));
  const { user: _user, ...attr } = pageAttr('', paged.page, paged.limit, tracks.length);
  return {
    status: 200,
    body: { toptracks: { track: wireList(entries, ctx.legacyLists), '@attr': { artist, ...attr } } },
  };
};

export const getTrackTopTags: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.artist) return missing('artist');
  if (!params.track) return missing('track');
  const track = knownTrack(ctx, params.artist, params.track);
  if (!track) return lastfmError(6, 'Track not found');
  const key = trackKey(track.artist, track.track);
  const explicit = discovery(state).trackTags.get(key);
  const tags =
    explicit ??
    (state.catalog.get(key)?.tags ?? []).map((name, index) => ({
      name,
      count: Math.max(1, 100 - index * 10),
    }));
  return {
    status: 200,
    body: {
      toptags: {
        tag: tagsWire(tags, ctx.legacyLists),
        '@attr': { artist: track.artist, track: track.track },
      },
    },
  };
};

export const getArtistTopTags: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.artist) return missing('artist');
  const wanted = corrected(ctx, params.artist);
  const explicit = discovery(state).artistTags.get(wanted.trim().toLowerCase());
  const artist = catalogArtist(state, wanted) ?? (explicit ? wanted : null);
  if (artist === null) return lastfmError(6, ARTIST_NOT_FOUND);
  return {
    status: 200,
    body: { toptags: { tag: tagsWire(explicit ?? [], ctx.legacyLists), '@attr': { artist } } },
  };
};

/** Heaviest first; the weight is a JSON number. */
function tagsWire(tags: readonly FakeTag[], legacy: boolean): unknown {
  const sorted = [...tags]
    .sort((a, b) => b.count - a.count)
    .map((tag) => ({
      count: tag.count,
      name: tag.name,
      url: `https://www.last.fm/tag/${encodeURIComponent(tag.name)}`,
    }));
  return wireList(sorted, legacy);
}
