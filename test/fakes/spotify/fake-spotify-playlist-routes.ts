// Playlist routes of the 2026 Web API: list/create under /me/playlists, read a playlist, and read or
// change its entries under /playlists/{id}/items with Spotify's limits and move semantics.
import type { FakeHttpServer, FakeRequest, FakeResponse } from '../fake-http-server.js';
import {
  bumpSnapshot,
  callerOf,
  checkAddableUri,
  isResponse,
  isoSeconds,
  readPaging,
  readUris,
  requestUrl,
  spotifyError,
  type FakeSpotifyContext,
  type Paging,
} from './fake-spotify-context.js';
import { fakeSpotifyId, type FakePlaylist } from './fake-spotify-model.js';
import type { Json } from './fake-spotify-wire.js';

const MAX_ITEMS_PER_WRITE = 100;
const NOT_YOURS = "You cannot add tracks to a playlist you don't own.";
let created = 0;

export function registerPlaylistRoutes(server: FakeHttpServer, ctx: FakeSpotifyContext): void {
  server.route('GET', '/v1/me/playlists', (req) => listMine(ctx, req));
  server.route('POST', '/v1/me/playlists', (req) => create(ctx, req));
  server.route('GET', '/v1/playlists/{id}', (req) =>
    spoiled(
      ctx,
      'header',
      req,
      withPlaylist(ctx, req, (p) => read(ctx, req, p)),
    ),
  );
  server.route('GET', '/v1/playlists/{id}/items', (req) =>
    spoiled(
      ctx,
      'page',
      req,
      withPlaylist(ctx, req, (p) => readEntries(ctx, req, p)),
    ),
  );
  server.route('POST', '/v1/playlists/{id}/items', (req) => editable(ctx, req, (p) => add(ctx, req, p)));
  server.route('DELETE', '/v1/playlists/{id}/items', (req) => editable(ctx, req, (p) => remove(req, p)));
  server.route('PUT', '/v1/playlists/{id}/items', (req) =>
    editable(ctx, req, (p) => (readUris(req) !== null ? replace(ctx, req, p) : reorder(req, p))),
  );
}

function spoiled(
  ctx: FakeSpotifyContext,
  target: 'page' | 'header',
  req: FakeRequest,
  response: FakeResponse,
): FakeResponse {
  return ctx.bodyFaults?.apply(target, req, response) ?? response;
}

function ok(body: unknown, status = 200): FakeResponse {
  return { status, body };
}

function forbidden(): FakeResponse {
  return spotifyError(403, 'Forbidden');
}

function mayEdit(ctx: FakeSpotifyContext, req: FakeRequest, playlist: FakePlaylist): boolean {
  return ctx.state.mayEdit(playlist, callerOf(ctx, req));
}

function withPlaylist(
  ctx: FakeSpotifyContext,
  req: FakeRequest,
  handle: (playlist: FakePlaylist) => FakeResponse,
): FakeResponse {
  const playlist = ctx.state.playlists.get(req.params.id ?? '');
  return playlist === undefined ? spotifyError(404, 'Resource not found') : handle(playlist);
}

function editable(
  ctx: FakeSpotifyContext,
  req: FakeRequest,
  handle: (playlist: FakePlaylist) => FakeResponse,
): FakeResponse {
  return withPlaylist(ctx, req, (p) => (mayEdit(ctx, req, p) ? handle(p) : spotifyError(403, NOT_YOURS)));
}

function listMine(ctx: FakeSpotifyContext, req: FakeRequest): FakeResponse {
  const paging = readPaging(req, 50, 20);
  if (isResponse(paging)) return paging;
  const me = callerOf(ctx, req);
  const mine = [...ctx.state.playlists.values()].filter((p) => p.ownerId === me || p.followers.includes(me));
  const items = mine
    .slice(paging.offset, paging.offset + paging.limit)
    .map((p) => ctx.wire.playlist(p, null));
  return ok(ctx.wire.page(requestUrl(ctx, req), items, paging.offset, paging.limit, mine.length));
}

function create(ctx: FakeSpotifyContext, req: FakeRequest): FakeResponse {
  const body = (req.body ?? {}) as {
    name?: unknown;
    description?: unknown;
    public?: unknown;
    collaborative?: unknown;
  };
  if (typeof body.name !== 'string' || body.name.trim() === '')
    return spotifyError(400, 'Missing required field: name');
  const isPublic = body.public === undefined ? true : body.public === true;
  const collaborative = body.collaborative === true;
  if (collaborative && isPublic) {
    return spotifyError(400, 'Collaborative playlists must not be public; set public to false');
  }
  const playlist: FakePlaylist = {
    id: fakeSpotifyId('p', 900_000 + ++created),
    name: body.name,
    description: typeof body.description === 'string' ? body.description : null,
    ownerId: callerOf(ctx, req),
    isPublic,
    collaborative,
    followers: [],
    entries: [],
    snapshotId: '',
    version: 0,
  };
  bumpSnapshot(playlist);
  ctx.state.playlists.set(playlist.id, playlist);
  return ok(ctx.wire.playlist(playlist, firstPage(ctx, playlist)), 201);
}

/** The playlist with its first page of entries, which only owners and collaborators get. */
function read(ctx: FakeSpotifyContext, req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  return ok(ctx.wire.playlist(playlist, mayEdit(ctx, req, playlist) ? firstPage(ctx, playlist) : null));
}

function firstPage(ctx: FakeSpotifyContext, playlist: FakePlaylist): Json {
  const url = new URL(`/v1/playlists/${playlist.id}/items`, ctx.origin());
  return entriesPage(ctx, playlist, url, { offset: 0, limit: 100 });
}

function readEntries(ctx: FakeSpotifyContext, req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  if (!mayEdit(ctx, req, playlist)) return forbidden();
  const paging = readPaging(req, 100, 100);
  return isResponse(paging) ? paging : ok(entriesPage(ctx, playlist, requestUrl(ctx, req), paging));
}

function entriesPage(ctx: FakeSpotifyContext, playlist: FakePlaylist, url: URL, paging: Paging): Json {
  const slice = playlist.entries.slice(paging.offset, paging.offset + paging.limit);
  const items = slice.map((entry) => ctx.wire.playlistEntry(entry));
  return ctx.wire.page(url, items, paging.offset, paging.limit, playlist.entries.length);
}

function add(ctx: FakeSpotifyContext, req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  const uris = readUris(req);
  if (uris === null || uris.length === 0) return spotifyError(400, 'No uris provided');
  if (uris.length > MAX_ITEMS_PER_WRITE)
    return spotifyError(400, 'You can add a maximum of 100 tracks per request.');
  for (const uri of uris) {
    const refused = checkAddableUri(ctx, uri);
    if (refused !== null) return refused;
  }
  const body = (req.body ?? {}) as { position?: unknown };
  const rawPosition = req.query.get('position') ?? body.position;
  const position =
    rawPosition === undefined || rawPosition === null ? playlist.entries.length : Number(rawPosition);
  if (!Number.isInteger(position) || position < 0 || position > playlist.entries.length) {
    return spotifyError(400, 'Index out of bounds');
  }
  const addedAt = isoSeconds(ctx.now());
  const addedBy = callerOf(ctx, req);
  playlist.entries.splice(position, 0, ...uris.map((uri) => ({ uri, addedAt, addedBy })));
  bumpSnapshot(playlist);
  return ok({ snapshot_id: playlist.snapshotId }, 201);
}

/** Removes every occurrence of each URI; a stale `snapshot_id` is accepted, as Spotify does. */
function remove(req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  const body = (req.body ?? {}) as { items?: unknown };
  if (!Array.isArray(body.items)) return spotifyError(400, 'Missing required field: items');
  if (body.items.length > MAX_ITEMS_PER_WRITE)
    return spotifyError(400, 'Too many tracks requested: at most 100');
  const uris = new Set<string>();
  for (const entry of body.items as unknown[]) {
    const uri = (entry as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string') return spotifyError(400, 'Each item needs a uri');
    uris.add(uri);
  }
  playlist.entries = playlist.entries.filter((entry) => !uris.has(entry.uri));
  bumpSnapshot(playlist);
  return ok({ snapshot_id: playlist.snapshotId });
}

function replace(ctx: FakeSpotifyContext, req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  const uris = readUris(req) ?? [];
  if (uris.length > MAX_ITEMS_PER_WRITE)
    return spotifyError(400, 'You can add a maximum of 100 tracks per request.');
  for (const uri of uris) {
    const refused = checkAddableUri(ctx, uri);
    if (refused !== null) return refused;
  }
  const addedAt = isoSeconds(ctx.now());
  const addedBy = callerOf(ctx, req);
  playlist.entries = uris.map((uri) => ({ uri, addedAt, addedBy }));
  bumpSnapshot(playlist);
  return ok({ snapshot_id: playlist.snapshotId });
}

/** `insert_before` counts positions before the move (Spotify's documented examples). */
function reorder(req: FakeRequest, playlist: FakePlaylist): FakeResponse {
  const body = (req.body ?? {}) as { range_start?: unknown; range_length?: unknown; insert_before?: unknown };
  const start = body.range_start;
  const length = body.range_length ?? 1;
  const before = body.insert_before;
  const n = playlist.entries.length;
  if (!isInt(start) || !isInt(length) || !isInt(before)) {
    return spotifyError(400, 'range_start and insert_before are required integers');
  }
  if (start < 0 || length < 1 || start + length > n || before < 0 || before > n) {
    return spotifyError(400, 'Index out of bounds');
  }
  if (before < start || before > start + length) {
    const moved = playlist.entries.splice(start, length);
    playlist.entries.splice(before > start ? before - length : before, 0, ...moved);
  }
  bumpSnapshot(playlist);
  return ok({ snapshot_id: playlist.snapshotId });
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
