// Everything the fake Spotify decides before routing: removed pre-2026 routes (403, recorded so tests
// can assert none were called), injected faults (429 storms, quota, 5xx) and bearer-token checks.
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';
import type { FakeRequest, FakeResponse } from '../fake-http-server.js';
import { bearerToken, spotifyError, type FakeSpotifyContext } from './fake-spotify-context.js';
import { MAX_SEARCH_LIMIT } from './fake-spotify-library-routes.js';

export interface RemovedRouteCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly rule: string;
}

export type FakeFault =
  | {
      readonly kind: 'rate-limit';
      readonly retryAfterSeconds: number;
      readonly emptyBody: boolean;
      readonly quota: boolean;
    }
  | { readonly kind: 'fail'; readonly status: number };

/** Faults drawn at random from a seed, so a run under faults can be repeated exactly. */
export interface FakeSpotifyRandomFaults {
  readonly seed: number;
  /** Share of API requests (0–1) answered 429 with Retry-After. */
  readonly rateLimitShare?: number;
  /** Default 1. */
  readonly retryAfterSeconds?: number;
  /** Send the July 2026 `QUOTA_EXCEEDED` body with those 429s (default true), else "API rate limit exceeded". */
  readonly quota?: boolean;
  /** Every access token expires after this many authenticated API requests, again and again. */
  readonly expireTokensEvery?: number;
}

interface RemovedRule {
  readonly rule: string;
  readonly test: (req: FakeRequest) => boolean;
  readonly answer: FakeResponse;
}

const FORBIDDEN = spotifyError(403, 'Forbidden');

/** What a development-mode app can no longer call since 2026-03-09. */
const REMOVED_ROUTES: readonly RemovedRule[] = [
  {
    rule: '* /playlists/{id}/tracks',
    test: (r) => /^\/v1\/playlists\/[^/]+\/tracks\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: '* /users/{id}/playlists',
    test: (r) => /^\/v1\/users\/[^/]+\/playlists(\/.*)?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'GET /tracks?ids=',
    test: (r) => r.method === 'GET' && /^\/v1\/tracks\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'GET /albums?ids=',
    test: (r) => r.method === 'GET' && /^\/v1\/albums\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'GET /artists?ids=',
    test: (r) => r.method === 'GET' && /^\/v1\/artists\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'PUT|DELETE /me/tracks',
    test: (r) => (r.method === 'PUT' || r.method === 'DELETE') && /^\/v1\/me\/tracks\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'GET /me/tracks/contains',
    test: (r) => /^\/v1\/me\/tracks\/contains\/?$/.test(r.path),
    answer: FORBIDDEN,
  },
  {
    rule: 'GET /search limit>10',
    test: (r) => /^\/v1\/search\/?$/.test(r.path) && Number(r.query.get('limit') ?? 0) > MAX_SEARCH_LIMIT,
    answer: spotifyError(400, 'Invalid limit'),
  },
];

export class FakeSpotifyGuard {
  readonly removedCalls: RemovedRouteCall[] = [];
  readonly faults: FakeFault[] = [];
  /** Authenticated API requests still served before every access token expires. */
  expireAfter: number | null = null;
  private random: (() => number) | null = null;
  private randomFaults: FakeSpotifyRandomFaults | null = null;
  private servedSinceExpiry = 0;

  constructor(private readonly ctx: FakeSpotifyContext) {}

  injectRandomFaults(faults: FakeSpotifyRandomFaults): void {
    this.randomFaults = faults;
    this.random = seededRandom(faults.seed);
    this.servedSinceExpiry = 0;
  }

  check(req: FakeRequest): FakeResponse | null {
    if (!req.path.startsWith('/v1/')) return null;
    const removed = REMOVED_ROUTES.find((rule) => rule.test(req));
    if (removed !== undefined) {
      this.removedCalls.push({
        method: req.method,
        path: req.path,
        query: req.query.toString(),
        rule: removed.rule,
      });
    }
    const fault = this.faults.shift() ?? this.randomFault();
    if (fault !== undefined) return faultResponse(fault);
    const refused = this.authenticate(req);
    if (refused !== null) return refused;
    this.expireNowAndThen();
    return removed?.answer ?? null;
  }

  private randomFault(): FakeFault | undefined {
    const plan = this.randomFaults;
    if (plan === null || this.random === null || this.random() >= (plan.rateLimitShare ?? 0))
      return undefined;
    return {
      kind: 'rate-limit',
      retryAfterSeconds: plan.retryAfterSeconds ?? 1,
      emptyBody: false,
      quota: plan.quota ?? true,
    };
  }

  /** Tokens expire mid-run: after every `expireTokensEvery` served requests, all of them at once. */
  private expireNowAndThen(): void {
    const every = this.randomFaults?.expireTokensEvery;
    if (every === undefined) return;
    this.servedSinceExpiry += 1;
    if (this.servedSinceExpiry < every) return;
    this.servedSinceExpiry = 0;
    this.expireAll();
  }

  private authenticate(req: FakeRequest): FakeResponse | null {
    if (this.expireAfter === 0) {
      this.expireAll();
      this.expireAfter = null;
    }
    const token = bearerToken(req);
    if (token === null) return spotifyError(401, 'No token provided');
    const record = this.ctx.state.accessTokens.get(token);
    if (record === undefined) return spotifyError(401, 'Invalid access token');
    if (record.expiresAt <= this.ctx.now()) {
      return {
        ...spotifyError(401, 'The access token expired'),
        headers: {
          'www-authenticate':
            'Bearer realm="spotify", error="invalid_token", error_description="The access token expired"',
        },
      };
    }
    if (this.expireAfter !== null) this.expireAfter -= 1;
    return null;
  }

  expireAll(): void {
    const past = this.ctx.now() - 1;
    for (const record of this.ctx.state.accessTokens.values())
      record.expiresAt = Math.min(record.expiresAt, past);
  }
}

function faultResponse(fault: FakeFault): FakeResponse {
  if (fault.kind === 'fail')
    return spotifyError(fault.status, fault.status >= 500 ? 'Server error' : 'Injected failure');
  const headers = { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.emptyBody) return { status: 429, headers };
  if (fault.quota) return { ...spotifyError(429, 'Too many requests', 'QUOTA_EXCEEDED'), headers };
  return { ...spotifyError(429, 'API rate limit exceeded'), headers };
}
