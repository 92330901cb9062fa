// How the fake Last.fm writes JSON: every number a string, `#text` and `@attr` from the XML
// conversion, error envelopes with the messages and HTTP statuses real Last.fm sends.
import type { FakeResponse } from '../fake-http-server.js';
import type { FakeCatalogTrack, FakeLove, FakeNowPlaying, FakeScrobble } from './fake-lastfm-state.js';

/** Messages as captured in test/fixtures/lastfm (or from Last.fm's official error list). */
export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  3: 'Invalid Method - No method with that name in this package',
  4: 'Invalid authentication token supplied',
  5: 'Invalid format - This service does not exist in that format',
  6: 'Invalid parameters - Your request is missing a required parameter',
  8: 'Operation failed - Most likely the backend service failed. Please try again.',
  9: 'Invalid session key - Please re-authenticate',
  10: 'Invalid API key - You must be granted a valid key by last.fm',
  11: 'Service Offline - This service is temporarily offline. Try again later.',
  13: 'Invalid method signature supplied',
  14: 'Unauthorized Token - This token has not been authorized',
  16: 'There was a temporary error processing your request. Please try again',
  26: 'API Key Suspended - This application is not allowed to make requests to the web services',
  29: 'Rate Limit Exceeded - This application has made too many requests in a short period. If this is your API key, see https://www.last.fm/api/tos#4.4 for information about raising the limit.',
};

const STATUS_BY_CODE: Readonly<Record<number, number>> = {
  3: 400,
  4: 403,
  5: 400,
  6: 400,
  // Not captured: the status is a guess (the client goes by the envelope, not the status).
  8: 500,
  9: 403,
  10: 403,
  11: 503,
  13: 403,
  14: 403,
  16: 500,
  26: 403,
  29: 429,
};

export function lastfmError(
  code: number,
  message = ERROR_MESSAGES[code] ?? 'Error',
  status?: number,
): FakeResponse {
  return { status: status ?? STATUS_BY_CODE[code] ?? 400, body: { error: code, message, links: [] } };
}

/** JSON text with every `/` escaped, as Last.fm writes it; JSON has `/` only inside strings. */
export function escapeSlashes(json: string): string {
  return json.replaceAll('/', '\\/');
}

/** A one-item list is a bare object in the old API; `legacy` turns that behaviour on. */
export function wireList<T>(items: readonly T[], legacy: boolean): T | readonly T[] {
  return legacy && items.length === 1 ? items[0]! : items;
}

export function pageAttr(user: string, page: number, perPage: number, total: number): Record<string, string> {
  return {
    user,
    totalPages: String(Math.ceil(total / perPage)),
    page: String(page),
    perPage: String(perPage),
    total: String(total),
  };
}

function musicUrl(artist: string, track?: string): string {
  const enc = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return `https://www.last.fm/music/${enc(artist)}${track === undefined ? '' : `/_/${enc(track)}`}`;
}

function formatDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())} ${month} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const IMAGES = ['small', 'medium', 'large', 'extralarge'].map((size) => ({ size, '#text': '' }));

/** A `user.getRecentTracks` entry; `loved` is only sent with extended=1. */
export function recentTrackWire(
  entry: FakeScrobble | (FakeNowPlaying & { nowPlaying: true }),
  extended: boolean,
  loved: boolean,
): Record<string, unknown> {
  const mbids = 'nowPlaying' in entry ? { mbid: null, artistMbid: null, albumMbid: null } : entry;
  const artist = extended
    ? { url: musicUrl(entry.artist), name: entry.artist, mbid: mbids.artistMbid ?? '', image: IMAGES }
    : { mbid: mbids.artistMbid ?? '', '#text': entry.artist };
  return {
    ...('nowPlaying' in entry ? { '@attr': { nowplaying: 'true' } } : {}),
    artist,
    streamable: '0',
    image: IMAGES,
    mbid: mbids.mbid ?? '',
    album: { mbid: mbids.albumMbid ?? '', '#text': entry.album ?? '' },
    name: entry.track,
    url: musicUrl(entry.artist, entry.track),
    ...('nowPlaying' in entry
      ? {}
      : { date: { uts: String(entry.timestamp), '#text': formatDate(entry.timestamp) } }),
    ...(extended ? { loved: loved ? '1' : '0' } : {}),
  };
}

export function lovedTrackWire(
  love: FakeLove,
  catalog: FakeCatalogTrack | undefined,
): Record<string, unknown> {
  return {
    artist: { url: musicUrl(love.artist), name: love.artist, mbid: catalog?.artistMbid ?? '' },
    date: { uts: String(love.date), '#text': formatDate(love.date) },
    mbid: catalog?.mbid ?? '',
    url: musicUrl(love.artist, love.track),
    name: love.track,
    image: IMAGES,
    streamable: { fulltrack: '0', '#text': '0' },
  };
}

export function trackInfoWire(
  track: FakeCatalogTrack,
  user: { playcount: number; loved: boolean } | null,
): Record<string, unknown> {
  return {
    track: {
      name: track.track,
      ...(track.mbid === null ? {} : { mbid: track.mbid }),
      url: musicUrl(track.artist, track.track),
      duration: String(track.durationMs),
      streamable: { '#text': '0', fulltrack: '0' },
      listeners: String(track.listeners),
      playcount: String(track.playcount),
      artist: {
        name: track.artist,
        ...(track.artistMbid === null ? {} : { mbid: track.artistMbid }),
        url: musicUrl(track.artist),
      },
      ...(track.album === null
        ? {}
        : {
            album: {
              artist: track.artist,
              title: track.album,
              ...(track.albumMbid === null ? {} : { mbid: track.albumMbid }),
              url: musicUrl(track.artist, track.album),
              image: IMAGES,
              '@attr': { position: '1' },
            },
          }),
      ...(user === null ? {} : { userplaycount: String(user.playcount), userloved: user.loved ? '1' : '0' }),
      toptags: { tag: track.tags.map((name) => ({ name, url: `https://www.last.fm/tag/${name}` })) },
    },
  };
}

/** What Last.fm answers for an artist/title it has never seen (fixture track.getInfo-not-found.json). */
export function trackInfoStubWire(artist: string, track: string): Record<string, unknown> {
  return {
    track: {
      name: track,
      url: musicUrl(artist, track),
      duration: '0',
      streamable: { '#text': '0', fulltrack: '0' },
      listeners: '2',
      playcount: '4',
      artist: { name: artist, url: musicUrl(artist) },
      toptags: { tag: [] },
    },
  };
}

export function searchWire(
  query: string,
  hits: readonly FakeCatalogTrack[],
  page: number,
  limit: number,
  total: number,
): Record<string, unknown> {
  return {
    results: {
      'opensearch:Query': { '#text': '', role: 'request', startPage: String(page) },
      'opensearch:totalResults': String(total),
      'opensearch:startIndex': String((page - 1) * limit),
      'opensearch:itemsPerPage': String(limit),
      trackmatches: {
        track: hits.map((hit) => ({
          name: hit.track,
          artist: hit.artist,
          url: musicUrl(hit.artist, hit.track),
          streamable: 'FIXME',
          listeners: String(hit.listeners),
          image: IMAGES,
          mbid: hit.mbid ?? '',
        })),
      },
      '@attr': { for: query },
    },
  };
}

export interface ScrobbleVerdict {
  readonly artist: string;
  readonly track: string;
  readonly album: string;
  readonly albumArtist: string;
  readonly timestamp: string;
  readonly corrected: boolean;
  readonly ignoredCode: number;
  readonly ignoredMessage: string;
}

export function scrobbleResponseWire(verdicts: readonly ScrobbleVerdict[]): Record<string, unknown> {
  const items = verdicts.map((v) => ({
    track: { '#text': v.track, corrected: v.corrected ? '1' : '0' },
    artist: { '#text': v.artist, corrected: v.corrected ? '1' : '0' },
    album: { '#text': v.album, corrected: '0' },
    albumArtist: { '#text': v.albumArtist, corrected: '0' },
    timestamp: v.timestamp,
    ignoredMessage: { '#text': v.ignoredMessage, code: String(v.ignoredCode) },
  }));
  const accepted = verdicts.filter((v) => v.ignoredCode === 0).length;
  return {
    scrobbles: {
      // Last.fm sends one scrobble as a bare object even today (fixture track.scrobble-single-accepted.json).
      scrobble: items.length === 1 ? items[0] : items,
      '@attr': { accepted: String(accepted), ignored: String(verdicts.length - accepted) },
    },
  };
}
