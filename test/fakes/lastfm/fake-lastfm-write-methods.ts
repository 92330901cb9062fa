// The fake Last.fm's signed methods: love/unlove (idempotent, autocorrected), track.scrobble (at most
// 50, too-old and too-new timestamps ignored) and the token → approval → session login.
import type { FakeCallContext, FakeMethod } from './fake-lastfm-read-methods.js';
import type { FakeScrobble } from './fake-lastfm-state.js';
import { lastfmError, scrobbleResponseWire, type ScrobbleVerdict } from './fake-lastfm-wire.js';

const DAY_SECONDS = 86_400;
/** Last.fm ignores scrobbles older than two weeks (code 3) and those a day in the future (code 4). */
const MAX_AGE_SECONDS = 14 * DAY_SECONDS;

function requireParams(ctx: FakeCallContext, names: readonly string[]) {
  const absent = names.find((name) => !ctx.params[name]);
  return absent === undefined
    ? null
    : lastfmError(6, `Invalid parameters - Your request is missing the [${absent}] parameter`);
}

function loveChange(kind: 'love' | 'unlove'): FakeMethod {
  return (ctx) => {
    const problem = requireParams(ctx, ['artist', 'track']);
    if (problem) return problem;
    const user = ctx.sessionUser!;
    const artist = ctx.state.correct(ctx.params.artist!);
    const track = ctx.state.correct(ctx.params.track!);
    const known = ctx.state.lookup(artist, track, false);
    const stored = { artist: known?.artist ?? artist, track: known?.track ?? track };
    if (kind === 'love') ctx.state.love(user, { ...stored, date: Math.floor(ctx.now / 1000) });
    else ctx.state.unlove(user, stored.artist, stored.track);
    return { status: 200, body: {} };
  };
}

export const loveTrack = loveChange('love');
export const unloveTrack = loveChange('unlove');

export const scrobbleTracks: FakeMethod = (ctx) => {
  const indices = Object.keys(ctx.params)
    .map((key) => /^artist\[(\d+)\]$/.exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (indices.length === 0)
    return lastfmError(6, 'Invalid parameters - Your request is missing the [artist] parameter');
  if (indices.length > 50 || indices.some((i) => i > 49)) {
    return lastfmError(6, 'Invalid parameters - A batch may hold at most 50 scrobbles');
  }
  const problem = requireParams(
    ctx,
    indices.flatMap((i) => [`track[${i}]`, `timestamp[${i}]`]),
  );
  if (problem) return problem;
  const nowSeconds = Math.floor(ctx.now / 1000);
  const accepted: FakeScrobble[] = [];
  const verdicts = indices.map((i): ScrobbleVerdict => {
    const given = { artist: ctx.params[`artist[${i}]`]!, track: ctx.params[`track[${i}]`]! };
    const artist = ctx.state.correct(given.artist);
    const track = ctx.state.correct(given.track);
    const timestamp = Number(ctx.params[`timestamp[${i}]`]);
    const album = ctx.params[`album[${i}]`] ?? '';
    const ignoredCode =
      !Number.isInteger(timestamp) || timestamp < nowSeconds - MAX_AGE_SECONDS
        ? 3
        : timestamp > nowSeconds + DAY_SECONDS
          ? 4
          : 0;
    if (ignoredCode === 0) {
      const known = ctx.state.lookup(artist, track, false);
      accepted.push({
        artist,
        track,
        album: album === '' ? null : album,
        timestamp,
        mbid: ctx.params[`mbid[${i}]`] ?? known?.mbid ?? null,
        artistMbid: known?.artistMbid ?? null,
        albumMbid: null,
      });
    }
    return {
      artist,
      track,
      album,
      albumArtist: ctx.params[`albumArtist[${i}]`] ?? '',
      timestamp: String(ctx.params[`timestamp[${i}]`]),
      corrected: artist !== given.artist || track !== given.track,
      ignoredCode,
      ignoredMessage: ignoredCode === 3 ? 'Timestamp too old' : ignoredCode === 4 ? 'Timestamp too new' : '',
    };
  });
  ctx.state.addScrobbles(ctx.sessionUser!, accepted);
  return { status: 200, body: scrobbleResponseWire(verdicts) };
};

export const getToken: FakeMethod = (ctx) => ({ status: 200, body: { token: ctx.state.issueToken() } });

export const getSession: FakeMethod = (ctx) => {
  const problem = requireParams(ctx, ['token']);
  if (problem) return problem;
  const token = ctx.params.token!;
  if (!ctx.state.tokens.has(token)) return lastfmError(4);
  const approvedBy = ctx.state.tokens.get(token);
  if (approvedBy == null) return lastfmError(14);
  // A token buys one session.
  ctx.state.tokens.delete(token);
  const key = ctx.state.createSession(approvedBy);
  return { status: 200, body: { session: { name: approvedBy, key, subscriber: 0 } } };
};
