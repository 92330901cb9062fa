// A wire-compatible fake of Last.fm API 2.0 (JSON) on 127.0.0.1: one endpoint `/2.0/` checking the
// API key, signatures and session keys, the `/api/auth/` approval page, and fault injection.
import { createHash } from 'node:crypto';
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';
import { FakeHttpServer, type FakeRequest, type FakeResponse } from '../fake-http-server.js';
import {
  getLovedTracks,
  getRecentTracks,
  getTrackInfo,
  searchTracks,
  type FakeMethod,
} from './fake-lastfm-read-methods.js';
import {
  getArtistTopTags,
  getArtistTopTracks,
  getSimilarTracks,
  getTrackTopTags,
  getUserTopTracks,
} from './fake-lastfm-discovery-methods.js';
import {
  FakeLastfmState,
  type FakeCatalogTrack,
  type FakeLove,
  type FakeNowPlaying,
  type FakeScrobble,
} from './fake-lastfm-state.js';
import {
  FakeLastfmFaults,
  type FakeLastfmFault,
  type FakeLastfmFaultHandle,
  type FakeLastfmFaultOptions,
} from './fake-lastfm-faults.js';
import { escapeSlashes, lastfmError } from './fake-lastfm-wire.js';
import { getSession, getToken, loveTrack, scrobbleTracks, unloveTrack } from './fake-lastfm-write-methods.js';
import { getUserInfoRegistered, getWeeklyChartList } from './fake-lastfm-chart-methods.js';

export const FAKE_LASTFM_API_KEY = 'fake-lastfm-api-key';
export const FAKE_LASTFM_SECRET = 'fake-lastfm-shared-secret';

export interface FakeLastfmOptions {
  readonly apiKey?: string;
  readonly secret?: string;
  /** Epoch ms "now" for the scrobble age rules; default the real clock. */
  readonly now?: () => number;
  /** Send one-item lists as bare objects and empty history in the old `#text` shape. */
  readonly legacyLists?: boolean;
  /** Write `/` as `\/` in JSON answers, as Last.fm does (fixture error-29) and JSON.stringify does not. */
  readonly escapedSlashes?: boolean;
  /** How track.getInfo answers an unknown track: error 6, or the 200 stub of the fixture. */
  readonly unknownTracks?: 'error' | 'stub';
  /** Who approves tokens on the `/api/auth/` page; default `fake-user`. */
  readonly approvingUser?: string;
  /** Wait this long before answering each API call: a slow Last.fm, for progress and timeout tests. */
  readonly delayMs?: number;
  /** Seeded random error answers from the start (see `injectRandomErrors`). */
  readonly randomErrors?: FakeLastfmRandomErrors;
}

/** Errors drawn at random from a seed, so a run under faults can be repeated exactly. */
export interface FakeLastfmRandomErrors {
  readonly seed: number;
  /** Share of API calls (0–1) answered with the error. */
  readonly share: number;
  /** Default 29 (rate limit exceeded, HTTP 429). */
  readonly code?: number;
}

interface MethodSpec {
  readonly run: FakeMethod;
  readonly signed: boolean;
  readonly needsSession: boolean;
}

const METHODS: Readonly<Record<string, MethodSpec>> = {
  'user.getrecenttracks': { run: getRecentTracks, signed: false, needsSession: false },
  'user.getlovedtracks': { run: getLovedTracks, signed: false, needsSession: false },
  'user.getinfo': { run: getUserInfoRegistered, signed: false, needsSession: false },
  'user.getweeklychartlist': { run: getWeeklyChartList, signed: false, needsSession: false },
  'track.getinfo': { run: getTrackInfo, signed: false, needsSession: false },
  'track.search': { run: searchTracks, signed: false, needsSession: false },
  'track.getsimilar': { run: getSimilarTracks, signed: false, needsSession: false },
  'user.gettoptracks': { run: getUserTopTracks, signed: false, needsSession: false },
  'artist.gettoptracks': { run: getArtistTopTracks, signed: false, needsSession: false },
  'track.gettoptags': { run: getTrackTopTags, signed: false, needsSession: false },
  'artist.gettoptags': { run: getArtistTopTags, signed: false, needsSession: false },
  'track.love': { run: loveTrack, signed: true, needsSession: true },
  'track.unlove': { run: unloveTrack, signed: true, needsSession: true },
  'track.scrobble': { run: scrobbleTracks, signed: true, needsSession: true },
  'auth.gettoken': { run: getToken, signed: true, needsSession: false },
  'auth.getsession': { run: getSession, signed: true, needsSession: false },
};

/** A logged API call with its parameters (query and form merged). */
export interface FakeLastfmCall {
  readonly httpMethod: string;
  readonly apiMethod: string;
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
  /** Epoch ms the fake received it. */
  readonly at: number;
}

export interface FakeLastfm {
  /** The whole endpoint, for LASTFM_API_URL. */
  readonly url: string;
  readonly origin: string;
  readonly apiKey: string;
  readonly secret: string;
  readonly state: FakeLastfmState;
  /** API calls in arrival order, optionally only those of one method (`user.getRecentTracks`). */
  calls(apiMethod?: string): FakeLastfmCall[];
  addUser(name: string): void;
  addScrobbles(user: string, scrobbles: readonly FakeScrobble[]): void;
  setNowPlaying(user: string, track: FakeNowPlaying | null): void;
  addLove(user: string, love: FakeLove): void;
  addTrack(track: FakeCatalogTrack): void;
  /** `autocorrect('the beatles', 'The Beatles')`: applies to artists and titles. */
  autocorrect(from: string, to: string): void;
  /** A valid session key for `user`, as if they had logged in. */
  createSession(user: string): string;
  /** The next `n` API calls answer Last.fm error `code` (29 → HTTP 429, 11 → 503, 16 → 500). */
  errorNext(n: number, code: number): void;
  /** The next `n` API calls answer bare HTTP `status` with a plain-text body. */
  failNext(n: number, status: number): void;
  /** From now on a seeded share of API calls answers a Last.fm error; queued faults go first. */
  injectRandomErrors(errors: FakeLastfmRandomErrors): void;
  /**
   * Calls of `apiMethod` (`user.getRecentTracks`), optionally only for one page, get `fault`: once,
   * `times` times or always, until cleared through the handle.
   */
  fault(apiMethod: string, fault: FakeLastfmFault, options?: FakeLastfmFaultOptions): FakeLastfmFaultHandle;
  close(): Promise<void>;
}

export async function startFakeLastfm(options: FakeLastfmOptions = {}): Promise<FakeLastfm> {
  const apiKey = options.apiKey ?? FAKE_LASTFM_API_KEY;
  const secret = options.secret ?? FAKE_LASTFM_SECRET;
  const now = options.now ?? (() => Date.now());
  const approvingUser = options.approvingUser ?? 'fake-user';
  const state = new FakeLastfmState();
  const faults: Array<() => FakeResponse> = [];
  const methodFaults = new FakeLastfmFaults();
  const server = new FakeHttpServer();
  const API_PATH = '/2.0/';

  const handleApi = (req: FakeRequest): FakeResponse | Promise<FakeResponse> => {
    const params = paramsOf(req);
    if (params.format !== 'json') return lastfmError(5);
    if (params.api_key !== apiKey) return lastfmError(10);
    const spec = METHODS[(params.method ?? '').toLowerCase()];
    if (!spec) return lastfmError(3);
    if (spec.needsSession && req.method !== 'POST') {
      return lastfmError(3, 'Invalid Method - This method must be called with HTTP POST');
    }
    // Any call made with a session key is an authenticated call and must be signed.
    const signed = spec.signed || params.sk !== undefined;
    if (signed && params.api_sig?.toLowerCase() !== expectedSignature(params, secret)) return lastfmError(13);
    const sessionUser = params.sk === undefined ? null : (state.sessions.get(params.sk) ?? null);
    if ((spec.needsSession || params.sk !== undefined) && sessionUser === null) return lastfmError(9);
    return methodFaults.answer(params, () =>
      spec.run({
        params,
        state,
        legacyLists: options.legacyLists ?? false,
        unknownTracks: options.unknownTracks ?? 'error',
        now: now(),
        sessionUser,
      }),
    );
  };

  let randomError: (() => FakeResponse | null) | null = null;
  const injectRandomErrors = (errors: FakeLastfmRandomErrors): void => {
    const random = seededRandom(errors.seed);
    randomError = () => (random() < errors.share ? lastfmError(errors.code ?? 29) : null);
  };
  if (options.randomErrors !== undefined) injectRandomErrors(options.randomErrors);
  server.before = (req) => {
    if (req.path !== API_PATH) return null;
    return faults.length > 0 ? faults.shift()!() : (randomError?.() ?? null);
  };
  const answerApi = async (req: FakeRequest): Promise<FakeResponse> => {
    if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const response = await handleApi(req);
    return options.escapedSlashes ? withEscapedSlashes(response) : response;
  };
  server.route('GET', API_PATH, answerApi);
  server.route('POST', API_PATH, answerApi);
  // The page a user opens to approve a token; here, opening it approves it for `approvingUser`.
  server.route('GET', '/api/auth/', (req) => {
    const token = req.query.get('token') ?? '';
    if (req.query.get('api_key') !== apiKey || !state.tokens.has(token)) {
      return {
        status: 400,
        body: 'Invalid API key or token',
        raw: true,
        headers: { 'content-type': 'text/html' },
      };
    }
    state.tokens.set(token, approvingUser);
    state.user(approvingUser);
    return {
      status: 200,
      body: '<html><body>Application authorized. You can close this window.</body></html>',
      raw: true,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  });

  const origin = await server.listen();
  return {
    url: `${origin}${API_PATH}`,
    origin,
    apiKey,
    secret,
    state,
    calls(apiMethod) {
      return server.requests
        .filter((r) => r.path === API_PATH)
        .map((r) => {
          const params = { ...Object.fromEntries(new URLSearchParams(r.query)), ...formOf(r.body) };
          return {
            httpMethod: r.method,
            apiMethod: params.method ?? '',
            params,
            status: r.status,
            at: r.at,
          };
        })
        .filter(
          (call) => apiMethod === undefined || call.apiMethod.toLowerCase() === apiMethod.toLowerCase(),
        );
    },
    addUser: (name) => void state.user(name),
    addScrobbles: (user, scrobbles) => state.addScrobbles(user, scrobbles),
    setNowPlaying: (user, track) => void (state.user(user).nowPlaying = track),
    addLove: (user, love) => state.love(user, love),
    addTrack: (track) => state.addTrack(track),
    autocorrect: (from, to) => void state.corrections.set(from.trim().toLowerCase(), to),
    createSession: (user) => state.createSession(user),
    errorNext(n, code) {
      for (let i = 0; i < n; i++) faults.push(() => lastfmError(code));
    },
    failNext(n, status) {
      for (let i = 0; i < n; i++) {
        faults.push(() => ({
          status,
          body: `HTTP ${status}`,
          raw: true,
          headers: { 'content-type': 'text/plain' },
        }));
      }
    },
    injectRandomErrors,
    fault: (apiMethod, fault, faultOptions) => methodFaults.add(apiMethod, fault, faultOptions),
    close: () => server.close(),
  };
}

function withEscapedSlashes(response: FakeResponse): FakeResponse {
  if (response.raw || response.body === undefined) return response;
  return {
    ...response,
    body: escapeSlashes(JSON.stringify(response.body)),
    raw: true,
    headers: { 'content-type': 'application/json; charset=utf-8', ...response.headers },
  };
}

function formOf(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

function paramsOf(req: FakeRequest): Record<string, string> {
  return { ...Object.fromEntries(req.query), ...formOf(req.body) };
}

/** Computed here independently of the client: byte-order sort, key+value, secret, md5 hex. */
function expectedSignature(params: Readonly<Record<string, string>>, secret: string): string {
  const keys = Object.keys(params)
    .filter((key) => key !== 'format' && key !== 'callback' && key !== 'api_sig')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const base = keys.map((key) => key + params[key]).join('') + secret;
  return createHash('md5').update(Buffer.from(base, 'utf8')).digest('hex');
}
