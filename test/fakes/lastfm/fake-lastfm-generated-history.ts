// A fake Last.fm for benchmarks: one user's history of any size, generated on request. Scrobble i
// (0 = newest) is computed from i alone, so a million scrobbles take no memory, and each page of
// `user.getRecentTracks` is written straight as JSON text in the main fake's wire format (building
// objects and formatting dates the general way would make the fake, not Narada, the bottleneck).
import { FakeHttpServer, type FakeRequest, type FakeResponse } from '../fake-http-server.js';
import { FAKE_LASTFM_API_KEY } from './fake-lastfm.js';
import type { FakeScrobble } from './fake-lastfm-state.js';
import { lastfmError, pageAttr } from './fake-lastfm-wire.js';

const IMAGES = JSON.stringify(
  ['small', 'medium', 'large', 'extralarge'].map((size) => ({ size, '#text': '' })),
);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface GeneratedHistoryOptions {
  readonly user: string;
  readonly count: number;
  /** Unix seconds of the newest scrobble. */
  readonly newest: number;
  readonly stepSeconds: number;
  /** How many distinct tracks the history cycles through. */
  readonly tracks: number;
}

export interface GeneratedHistoryLastfm {
  /** The whole endpoint, for LASTFM_API_URL. */
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/** Scrobble `i` of the history, newest first. */
export function generatedScrobble(i: number, options: GeneratedHistoryOptions): FakeScrobble {
  // A multiplicative hash spreads consecutive scrobbles over the catalogue, as real listening does.
  const track = (i * 2_654_435_761) % options.tracks;
  return {
    artist: `Artist ${track % 2_000}`,
    track: `Song ${track}`,
    album: `Album ${track % 5_000}`,
    timestamp: options.newest - i * options.stepSeconds,
    mbid: null,
    artistMbid: null,
    albumMbid: null,
  };
}

export async function startGeneratedHistoryLastfm(
  options: GeneratedHistoryOptions,
): Promise<GeneratedHistoryLastfm> {
  const server = new FakeHttpServer();
  server.route('GET', '/2.0/', (req) => recentTracks(req, options));
  const origin = await server.listen();
  return { url: `${origin}/2.0/`, apiKey: FAKE_LASTFM_API_KEY, close: () => server.close() };
}

function recentTracks(req: FakeRequest, options: GeneratedHistoryOptions): FakeResponse {
  const param = (name: string) => req.query.get(name) ?? undefined;
  if (param('api_key') !== FAKE_LASTFM_API_KEY) return lastfmError(10);
  if (param('method')?.toLowerCase() !== 'user.getrecenttracks') return lastfmError(3);
  if (param('user')?.toLowerCase() !== options.user.toLowerCase())
    return lastfmError(6, 'User not found', 404);
  const page = Number(param('page') ?? '1');
  const limit = Number(param('limit') ?? '50');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return lastfmError(6, 'limit param out of bounds (1-1000)');
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000)
    return lastfmError(6, 'page param out of bounds (1-1000000)');
  const { first, last } = indexRange(param('from'), param('to'), options);
  const total = Math.max(0, last - first + 1);
  const start = first + (page - 1) * limit;
  const end = Math.min(last, start + limit - 1);
  const extended = param('extended') === '1';
  const entries: string[] = [];
  for (let i = start; i <= end; i++) entries.push(entryText(generatedScrobble(i, options), extended));
  const attr = JSON.stringify(pageAttr(options.user, page, limit, total));
  return {
    status: 200,
    body: `{"recenttracks":{"track":[${entries.join(',')}],"@attr":${attr}}}`,
    raw: true,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  };
}

/** The JSON text of recentTrackWire(scrobble, extended, false), written directly (checked against it in tests). */
export function entryText(s: FakeScrobble, extended: boolean): string {
  const artist = extended
    ? `{"url":${JSON.stringify(musicUrl(s.artist))},"name":${JSON.stringify(s.artist)},"mbid":"","image":${IMAGES}}`
    : `{"mbid":"","#text":${JSON.stringify(s.artist)}}`;
  return (
    `{"artist":${artist},"streamable":"0","image":${IMAGES},"mbid":"",` +
    `"album":{"mbid":"","#text":${JSON.stringify(s.album ?? '')}},"name":${JSON.stringify(s.track)},` +
    `"url":${JSON.stringify(musicUrl(s.artist, s.track))},` +
    `"date":{"uts":"${s.timestamp}","#text":"${formatDate(s.timestamp)}"}${extended ? ',"loved":"0"' : ''}}`
  );
}

function musicUrl(artist: string, track?: string): string {
  const enc = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return `https://www.last.fm/music/${enc(artist)}${track === undefined ? '' : `/_/${enc(track)}`}`;
}

/** `01 Jun 2024, 09:05`, as the main fake writes it, without the cost of toLocaleString. */
function formatDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Indices of the scrobbles with from ≤ timestamp < to (unix seconds). */
function indexRange(from: string | undefined, to: string | undefined, o: GeneratedHistoryOptions) {
  const first = to === undefined ? 0 : Math.max(0, Math.floor((o.newest - Number(to)) / o.stepSeconds) + 1);
  const last =
    from === undefined
      ? o.count - 1
      : Math.min(o.count - 1, Math.floor((o.newest - Number(from)) / o.stepSeconds));
  return { first, last };
}
