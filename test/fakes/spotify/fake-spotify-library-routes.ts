// Library and catalogue routes: the current user, saved tracks (read via /me/tracks, written via
// /me/library since 2026), single-track look-ups and search capped at 10 results.
import type { FakeHttpServer, FakeRequest, FakeResponse } from '../fake-http-server.js';
import {
  callerOf,
  isResponse,
  isoSeconds,
  readPaging,
  requestUrl,
  spotifyError,
  type FakeSpotifyContext,
} from './fake-spotify-context.js';
import type { FakeTrack } from './fake-spotify-model.js';

export const MAX_LIBRARY_URIS = 40;
export const MAX_SEARCH_LIMIT = 10;
const LIBRARY_URI = /^spotify:(track|album|episode|show|audiobook|user|playlist):([0-9A-Za-z._-]+)$/;
const TRACK_ID = /^[0-9A-Za-z]{22}$/;

export function registerLibraryRoutes(server: FakeHttpServer, ctx: FakeSpotifyContext): void {
  server.route('GET', '/v1/me', (req) => ({ status: 200, body: ctx.wire.user(callerOf(ctx, req)) }));
  server.route('GET', '/v1/me/tracks', (req) => savedTracks(ctx, req));
  server.route('PUT', '/v1/me/library', (req) => changeLibrary(ctx, req, 'save'));
  server.route('DELETE', '/v1/me/library', (req) => changeLibrary(ctx, req, 'remove'));
  server.route('GET', '/v1/tracks/{id}', (req) => oneTrack(ctx, req));
  server.route('GET', '/v1/search', (req) => search(ctx, req));
}

/** Newest first; a saved track the catalogue has lost comes back as `track: null`. */
function savedTracks(ctx: FakeSpotifyContext, req: FakeRequest): FakeResponse {
  const paging = readPaging(req, 50, 20);
  if (isResponse(paging)) return paging;
  const all = [...ctx.state.savedOf(callerOf(ctx, req))].reverse();
  const items = all.slice(paging.offset, paging.offset + paging.limit).map((saved) => {
    const track = ctx.state.tracks.get(saved.trackId);
    return { added_at: saved.addedAt, track: track === undefined ? null : ctx.wire.track(track) };
  });
  const response: FakeResponse = {
    status: 200,
    body: ctx.wire.page(requestUrl(ctx, req), items, paging.offset, paging.limit, all.length),
  };
  return ctx.bodyFaults?.apply('saved', req, response) ?? response;
}

function changeLibrary(ctx: FakeSpotifyContext, req: FakeRequest, change: 'save' | 'remove'): FakeResponse {
  const text = req.query.get('uris');
  if (text === null || text === '') return spotifyError(400, 'Missing required parameter: uris');
  const uris = text.split(',');
  if (uris.length > MAX_LIBRARY_URIS)
    return spotifyError(400, `Too many uris requested: at most ${MAX_LIBRARY_URIS}`);
  const trackIds: string[] = [];
  for (const uri of uris) {
    const match = LIBRARY_URI.exec(uri);
    if (!match) return spotifyError(400, `Unsupported URI: ${uri}`);
    if (match[1] !== 'track') continue;
    if (change === 'save' && !ctx.state.tracks.has(match[2]!)) {
      return spotifyError(400, 'Payload contains a non-existing ID');
    }
    trackIds.push(match[2]!);
  }
  const saved = ctx.state.savedOf(callerOf(ctx, req));
  if (change === 'remove') {
    const gone = new Set(trackIds);
    const kept = saved.filter((entry) => !gone.has(entry.trackId));
    saved.splice(0, saved.length, ...kept);
  } else {
    const addedAt = isoSeconds(ctx.now());
    for (const trackId of trackIds) {
      if (!saved.some((entry) => entry.trackId === trackId)) saved.push({ trackId, addedAt });
    }
  }
  return { status: 200 };
}

function oneTrack(ctx: FakeSpotifyContext, req: FakeRequest): FakeResponse {
  const id = req.params.id ?? '';
  if (!TRACK_ID.test(id)) return spotifyError(400, 'invalid id');
  const track = ctx.state.tracks.get(id);
  return track === undefined
    ? spotifyError(404, 'Resource not found')
    : { status: 200, body: ctx.wire.track(track) };
}

function search(ctx: FakeSpotifyContext, req: FakeRequest): FakeResponse {
  const q = req.query.get('q');
  if (q === null || q.trim() === '') return spotifyError(400, 'No search query');
  const types = (req.query.get('type') ?? '').split(',');
  if (!types.includes('track')) return spotifyError(400, 'Missing or unsupported parameter type');
  const paging = readPaging(req, MAX_SEARCH_LIMIT, 5);
  if (isResponse(paging)) return paging;
  const filter = parseQuery(q);
  const hits = [...ctx.state.tracks.values()].filter((track) => matches(track, filter));
  const items = hits.slice(paging.offset, paging.offset + paging.limit).map((track) => ctx.wire.track(track));
  return {
    status: 200,
    body: { tracks: ctx.wire.page(requestUrl(ctx, req), items, paging.offset, paging.limit, hits.length) },
  };
}

interface SearchFilter {
  readonly fields: ReadonlyArray<readonly [string, string]>;
  readonly words: readonly string[];
}

/** `isrc:X track:"Two words" artist:Name free text`: field filters, quoted or single-word. */
export function parseQuery(q: string): SearchFilter {
  const fields: Array<[string, string]> = [];
  const words: string[] = [];
  const token = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"|(\S+)/g;
  for (const match of q.matchAll(token)) {
    if (match[1] !== undefined) fields.push([match[1].toLowerCase(), match[2]!]);
    else if (match[3] !== undefined) fields.push([match[3].toLowerCase(), match[4]!]);
    else words.push(match[5] ?? match[6]!);
  }
  return { fields, words };
}

function matches(track: FakeTrack, filter: SearchFilter): boolean {
  const has = (haystack: string, needle: string): boolean => fold(haystack).includes(fold(needle));
  const artists = track.artists.map((a) => a.name).join(' ');
  for (const [field, value] of filter.fields) {
    const ok =
      field === 'isrc'
        ? fold(track.isrc ?? '') === fold(value)
        : field === 'track'
          ? has(track.name, value)
          : field === 'artist'
            ? has(artists, value)
            : field === 'album'
              ? has(track.album.name, value)
              : field === 'year'
                ? track.album.releaseDate.startsWith(value)
                : false;
    if (!ok) return false;
  }
  const all = `${track.name} ${artists} ${track.album.name}`;
  return filter.words.every((word) => has(all, word));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
