// The fake Last.fm's read methods with the real rules: required parameters, limit and page bounds,
// newest-first paging, from/to ranges, the now-playing entry, autocorrection and the getInfo stub.
import type { FakeResponse } from '../fake-http-server.js';
import type { FakeLastfmState, FakeScrobble } from './fake-lastfm-state.js';
import {
  lastfmError,
  lovedTrackWire,
  pageAttr,
  recentTrackWire,
  searchWire,
  trackInfoStubWire,
  trackInfoWire,
  wireList,
} from './fake-lastfm-wire.js';

export interface FakeCallContext {
  readonly params: Readonly<Record<string, string>>;
  readonly state: FakeLastfmState;
  /** One-item lists as bare objects and the old empty shape. */
  readonly legacyLists: boolean;
  readonly unknownTracks: 'error' | 'stub';
  /** Epoch ms, for the scrobble age rules. */
  readonly now: number;
  /** The user of a valid `sk`, for write methods. */
  readonly sessionUser: string | null;
}

export type FakeMethod = (ctx: FakeCallContext) => FakeResponse;

function missing(name: string): FakeResponse {
  return lastfmError(6, `Invalid parameters - Your request is missing the [${name}] parameter`);
}

/** An integer parameter within bounds, or the error Last.fm gives. */
function paging(
  params: Readonly<Record<string, string>>,
  defaultLimit: number,
): { page: number; limit: number } | FakeResponse {
  const page = Number(params.page ?? '1');
  const limit = Number(params.limit ?? String(defaultLimit));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return lastfmError(6, 'limit param out of bounds (1-1000)');
  }
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) {
    return lastfmError(6, 'page param out of bounds (1-1000000)');
  }
  return { page, limit };
}

function isError(value: object): value is FakeResponse {
  return 'status' in value;
}

export const getRecentTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.user) return missing('user');
  const user = state.findUser(params.user);
  if (!user) return lastfmError(6, 'User not found', 404);
  const paged = paging(params, 50);
  if (isError(paged)) return paged;
  const from = params.from === undefined ? -Infinity : Number(params.from);
  const to = params.to === undefined ? Infinity : Number(params.to);
  const inRange = user.scrobbles.filter((s: FakeScrobble) => s.timestamp >= from && s.timestamp < to);
  const start = (paged.page - 1) * paged.limit;
  const extended = params.extended === '1';
  const entries = inRange
    .slice(start, start + paged.limit)
    .map((s) => recentTrackWire(s, extended, state.isLoved(user.name, s.artist, s.track)));
  // Last.fm puts the track playing now on top of every page of an open-ended request.
  if (user.nowPlaying && params.to === undefined) {
    const np = user.nowPlaying;
    entries.unshift(
      recentTrackWire({ ...np, nowPlaying: true }, extended, state.isLoved(user.name, np.artist, np.track)),
    );
  }
  const attr = pageAttr(user.name, paged.page, paged.limit, inRange.length);
  if (ctx.legacyLists && entries.length === 0) {
    return { status: 200, body: { recenttracks: { '#text': '\n', ...attr } } };
  }
  return {
    status: 200,
    body: { recenttracks: { track: wireList(entries, ctx.legacyLists), '@attr': attr } },
  };
};

export const getLovedTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.user) return missing('user');
  const user = state.findUser(params.user);
  if (!user) return lastfmError(6, 'User not found', 404);
  const paged = paging(params, 50);
  if (isError(paged)) return paged;
  const loves = state.lovesNewestFirst(user.name);
  const start = (paged.page - 1) * paged.limit;
  const entries = loves
    .slice(start, start + paged.limit)
    .map((love) => lovedTrackWire(love, state.lookup(love.artist, love.track, false)));
  return {
    status: 200,
    body: {
      lovedtracks: {
        track: wireList(entries, ctx.legacyLists),
        '@attr': pageAttr(user.name, paged.page, paged.limit, loves.length),
      },
    },
  };
};

/** `user` names the user; without it, the session's own user (a signed call with `sk`). */
export const getUserInfo: FakeMethod = (ctx) => {
  const name = ctx.params.user ?? ctx.sessionUser;
  if (!name) return missing('user');
  const user = ctx.state.findUser(name);
  if (!user) return lastfmError(6, 'User not found', 404);
  return {
    status: 200,
    body: {
      user: {
        name: user.name,
        playcount: String(user.scrobbles.length),
        url: `https://www.last.fm/user/${encodeURIComponent(user.name)}`,
        subscriber: '0',
        type: 'user',
      },
    },
  };
};

export const getTrackInfo: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  const autocorrect = params.autocorrect === '1';
  let track = params.mbid ? state.findByMbid(params.mbid) : undefined;
  if (!track) {
    if (!params.artist) return missing('artist');
    if (!params.track) return missing('track');
    track = state.lookup(params.artist, params.track, autocorrect);
  }
  if (!track) {
    return ctx.unknownTracks === 'stub'
      ? { status: 200, body: trackInfoStubWire(params.artist ?? '', params.track ?? '') }
      : lastfmError(6, 'Track not found', 404);
  }
  // An unknown `username` is not an error here: the user simply has no plays of the track.
  const username = params.username;
  const user = username
    ? {
        playcount: state.userPlaycount(username, track),
        loved: state.isLoved(username, track.artist, track.track),
      }
    : null;
  return { status: 200, body: trackInfoWire(track, user) };
};

export const searchTracks: FakeMethod = (ctx) => {
  const { params, state } = ctx;
  if (!params.track) return missing('track');
  const paged = paging(params, 30);
  if (isError(paged)) return paged;
  const title = params.track.toLowerCase();
  const artist = params.artist?.toLowerCase();
  const hits = [...state.catalog.values()]
    .filter((t) => t.track.toLowerCase().includes(title))
    .filter((t) => artist === undefined || t.artist.toLowerCase().includes(artist))
    .sort((a, b) => b.listeners - a.listeners);
  const start = (paged.page - 1) * paged.limit;
  return {
    status: 200,
    body: searchWire(
      params.track,
      hits.slice(start, start + paged.limit),
      paged.page,
      paged.limit,
      hits.length,
    ),
  };
};
