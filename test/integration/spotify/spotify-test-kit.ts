// Wiring for Spotify integration tests: the real client over a socket to the fake, with a virtual
// clock (so Retry-After waits are recorded, not slept) and an in-memory credential store.
import { afterEach, beforeEach } from '@jest/globals';
import type { StoredCredentials } from '../../../src/application/ports/credential-store.port.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import type { HttpClient } from '../../../src/infrastructure/connectors/http/http-client.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import type { SpotifyClientConfig } from '../../../src/infrastructure/connectors/spotify/spotify-config.js';
import { createSpotifyHttpClient } from '../../../src/infrastructure/connectors/spotify/spotify-http.js';
import { SpotifyWebApiClient } from '../../../src/infrastructure/connectors/spotify/spotify-web-api-client.js';
import {
  startFakeSpotify,
  type FakeSpotify,
  type FakeSpotifyOptions,
} from '../../fakes/spotify/fake-spotify.js';
import { MemoryCredentialStore } from '../../fakes/spotify/memory-credential-store.js';

/** Real time plus whatever was "slept": the limiter and retry logic see waits pass instantly. */
export class VirtualClock {
  readonly sleeps: number[] = [];
  private offset: number;
  readonly now = (): number => Date.now() + this.offset;

  /** Starts at `startAt` (epoch ms) when given, so what it prints can be asserted exactly; else at the real time. */
  constructor(startAt?: number) {
    this.offset = startAt === undefined ? 0 : startAt - Date.now();
  }

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.offset += Math.max(0, ms);
  };
}

export interface SpotifyTestRig {
  readonly client: SpotifyWebApiClient;
  readonly http: HttpClient;
  readonly calls: CallCounter;
  readonly credentials: MemoryCredentialStore;
  readonly clock: VirtualClock;
  readonly config: SpotifyClientConfig;
}

export function spotifyConfig(
  fake: FakeSpotify,
  overrides: Partial<SpotifyClientConfig> = {},
): SpotifyClientConfig {
  return {
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    clientId: fake.clientId,
    clientSecret: null,
    redirectUri: 'http://127.0.0.1:0/callback',
    refreshToken: null,
    ...overrides,
  };
}

export function spotifyHttp(clock: VirtualClock, calls: CallCounter): HttpClient {
  return createSpotifyHttpClient({
    limiter: adaptiveLimiter({ now: clock.now, sleep: clock.sleep }),
    calls,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    timeoutMs: 5_000,
  });
}

/** A client logged in through `SPOTIFY_REFRESH_TOKEN` unless `stored` or `config` say otherwise. */
export function spotifyRig(
  fake: FakeSpotify,
  options: { config?: Partial<SpotifyClientConfig>; stored?: StoredCredentials } = {},
): SpotifyTestRig {
  const clock = new VirtualClock();
  const calls = new CallCounter();
  const http = spotifyHttp(clock, calls);
  const credentials = new MemoryCredentialStore(options.stored ?? {});
  const config = spotifyConfig(fake, {
    ...(options.stored === undefined ? { refreshToken: fake.issueRefreshToken() } : {}),
    ...options.config,
  });
  const client = new SpotifyWebApiClient({ config, http, credentials, now: clock.now });
  return { client, http, calls, credentials, clock, config };
}

/**
 * The fake Spotify of the running test: a fresh one is started before each test of the file and closed
 * after it. What is returned stands for whichever is running, so a file names it once, at its top.
 */
export function fakeSpotifyPerTest(options: FakeSpotifyOptions = {}): FakeSpotify {
  let current: FakeSpotify | undefined;
  beforeEach(async () => {
    current = await startFakeSpotify(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as FakeSpotify, {
    get(_, key) {
      if (current === undefined) throw new Error('the fake Spotify runs only inside a test or its hooks');
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/** The error a promise rejects with, which must be a NaradaError (the failure a user is shown). */
export async function failureOf(promise: Promise<unknown>): Promise<NaradaError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NaradaError)) throw new Error(`expected a NaradaError, got ${String(error)}`);
  return error;
}

/** How many times the fake answered the page at `offset` of a paged route. */
export function readsOfPage(fake: FakeSpotify, route: string, offset: number): number {
  return fake.callsTo(route).filter((r) => new URLSearchParams(r.query).get('offset') === String(offset))
    .length;
}
