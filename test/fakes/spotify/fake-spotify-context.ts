// What every fake Spotify route needs: state, wire shapes, the clock, who is calling, and the
// error and paging conventions of the real service.
import type { FakeRequest, FakeResponse } from '../fake-http-server.js';
import type { FakeSpotifyBodyFaults } from './fake-spotify-body-faults.js';
import type { FakePlaylist, FakeSpotifyState } from './fake-spotify-model.js';
import type { FakeSpotifyWire } from './fake-spotify-wire.js';

export interface FakeSpotifyContext {
  readonly state: FakeSpotifyState;
  readonly wire: FakeSpotifyWire;
  now(): number;
  /** `http://127.0.0.1:port` of the fake. */
  origin(): string;
  /** Playlist answers to spoil (sent as 200 but cut short, HTML, or not whole). */
  readonly bodyFaults?: FakeSpotifyBodyFaults;
}

export function spotifyError(status: number, message: string, reason?: string): FakeResponse {
  return { status, body: { error: { status, message, ...(reason === undefined ? {} : { reason }) } } };
}

export function oauthError(error: string, description: string, status = 400): FakeResponse {
  return { status, body: { error, error_description: description } };
}

/** The user whose bearer token authorised the request (checked already by the auth hook). */
export function callerOf(ctx: FakeSpotifyContext, req: FakeRequest): string {
  const token = bearerToken(req);
  const userId = token === null ? undefined : ctx.state.accessTokens.get(token)?.userId;
  if (userId === undefined) throw new Error('route reached without a valid token');
  return userId;
}

export function bearerToken(req: FakeRequest): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
  return match ? match[1]! : null;
}

/** The absolute URL the client asked for, for building `next` links. */
export function requestUrl(ctx: FakeSpotifyContext, req: FakeRequest): URL {
  const url = new URL(req.path, ctx.origin());
  req.query.forEach((value, key) => url.searchParams.set(key, value));
  return url;
}

export interface Paging {
  readonly offset: number;
  readonly limit: number;
}

/** `limit` in 1…max (above max is a 400, as Spotify answers), `offset` ≥ 0. */
export function readPaging(req: FakeRequest, max: number, fallback: number): Paging | FakeResponse {
  const limit = req.query.has('limit') ? Number(req.query.get('limit')) : fallback;
  const offset = req.query.has('offset') ? Number(req.query.get('offset')) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) return spotifyError(400, 'Invalid limit');
  if (!Number.isInteger(offset) || offset < 0) return spotifyError(400, 'Invalid offset');
  return { offset, limit };
}

export function isResponse(value: Paging | FakeResponse): value is FakeResponse {
  return 'status' in value;
}

/** Spotify's timestamps: ISO 8601 without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Every write changes the snapshot id; clients may pass old ones, which Spotify does not refuse. */
export function bumpSnapshot(playlist: FakePlaylist): void {
  playlist.version += 1;
  playlist.snapshotId = Buffer.from(`${playlist.id}:${playlist.version}:narada-fake`).toString('base64');
}

const PLAYABLE_URI = /^spotify:(track|episode):([0-9A-Za-z]{22})$/;

/** A URI a client may add to a playlist; the error response otherwise. */
export function checkAddableUri(ctx: FakeSpotifyContext, uri: string): FakeResponse | null {
  const match = PLAYABLE_URI.exec(uri);
  if (!match) return spotifyError(400, `Invalid base62 id or unsupported URI: ${uri}`);
  const known = match[1] === 'track' ? ctx.state.tracks.has(match[2]!) : ctx.state.episodes.has(match[2]!);
  return known ? null : spotifyError(400, 'Payload contains a non-existing ID');
}

/** `uris` as a comma-separated query parameter or a JSON array in the body; the query wins. */
export function readUris(req: FakeRequest): string[] | null {
  if (req.query.has('uris')) {
    const text = req.query.get('uris') ?? '';
    return text === '' ? [] : text.split(',');
  }
  const body = req.body as { uris?: unknown } | null;
  if (body !== null && typeof body === 'object' && Array.isArray(body.uris)) {
    return body.uris.filter((uri): uri is string => typeof uri === 'string');
  }
  return null;
}
