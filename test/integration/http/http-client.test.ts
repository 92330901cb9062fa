import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  UpstreamUnavailableError,
} from '../../../src/application/ports/upstream-errors.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import {
  HttpClient,
  type HttpClientOptions,
  type RetryWait,
} from '../../../src/infrastructure/connectors/http/http-client.js';
import { describeLongWait, type LongWait } from '../../../src/infrastructure/connectors/http/long-wait.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { FakeHttpServer, type FakeResponse } from '../../fakes/fake-http-server.js';
import { FastForwardClock } from './fast-forward-clock.js';

let server: FakeHttpServer;
let baseUrl: string;
let clock: FastForwardClock;
let calls: CallCounter;

beforeEach(async () => {
  server = new FakeHttpServer();
  baseUrl = await server.listen();
  clock = new FastForwardClock();
  calls = new CallCounter();
});

afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    service: 'spotify',
    userAgent: 'narada/test (+https://github.com/narada-music/narada)',
    limiter: adaptiveLimiter(clock),
    calls,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...overrides,
  });
}

/** Answers with `failures` in turn, then 200 `{ok:true}` for good. */
function routeFailingThenOk(failures: readonly FakeResponse[]): void {
  let served = 0;
  server.route('GET', '/v1/me', () => failures[served++] ?? { status: 200, body: { ok: true } });
}

const getMe = { method: 'GET', endpoint: 'GET /me' } as const;

describe('HttpClient over a real socket', () => {
  it('waits out a storm of 429s for as long as Retry-After says, then returns the answer', async () => {
    const tooMany: FakeResponse = { status: 429, headers: { 'retry-after': '2' } };
    routeFailingThenOk([tooMany, tooMany, tooMany]);
    const response = await client().request({ ...getMe, url: `${baseUrl}/v1/me` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
    expect(calls.snapshot()).toEqual({ 'spotify GET /me': 4 });
  });

  it('honours Retry-After: 0 and reads the empty 429 body as null', async () => {
    routeFailingThenOk([{ status: 429, headers: { 'retry-after': '0' } }]);
    const bodies: unknown[] = [];
    const response = await client({
      classify: (answer) => {
        bodies.push(answer.body);
        return answer.status === 429 ? { kind: 'retry', reason: 'rate limited' } : { kind: 'ok' };
      },
    }).request({ ...getMe, url: `${baseUrl}/v1/me` });
    expect(response.status).toBe(200);
    expect(bodies[0]).toBeNull();
    expect(clock.sleeps).toEqual([0]);
  });

  it('backs off exponentially after 500s when no Retry-After is given, then succeeds', async () => {
    routeFailingThenOk([
      { status: 500, body: { error: 'x' } },
      { status: 502, body: 'Bad gateway', raw: true },
    ]);
    const response = await client().request({ ...getMe, url: `${baseUrl}/v1/me` });
    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([375, 750]);
  });

  it('gives up with UpstreamUnavailableError when every attempt fails', async () => {
    routeFailingThenOk(Array.from({ length: 10 }, () => ({ status: 503 })));
    const failure = client({ retry: { maxAttempts: 3 } }).request({ ...getMe, url: `${baseUrl}/v1/me` });
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toMatchObject({
      retryable: true,
      status: 503,
      code: 'SPOTIFY.UNAVAILABLE',
    });
    expect(calls.total('spotify')).toBe(3);
  });

  it('throws RateLimitedError at once when Retry-After exceeds the ceiling, telling when to come back', async () => {
    routeFailingThenOk([{ status: 429, headers: { 'retry-after': '13749' } }]);
    const before = clock.now();
    const failure = client().request({ ...getMe, url: `${baseUrl}/v1/me` });
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    const error = (await failure.catch((e: unknown) => e)) as RateLimitedError;
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 13_749_000);
    expect(error.message).toMatch(
      /^Spotify asks us to wait 3 h 5\d min \(NARADA_MAX_RETRY_AFTER_MINUTES allows 10 min\); run again after .*\d\d:\d\d UTC$/,
    );
    expect(clock.sleeps).toEqual([]);
    expect(calls.total()).toBe(1);
  });

  it('honours a configured ceiling lower than the default', async () => {
    routeFailingThenOk([{ status: 429, headers: { 'retry-after': '120' } }]);
    const failure = client({ retry: { maxRetryAfterMs: 60_000 } }).request({
      ...getMe,
      url: `${baseUrl}/v1/me`,
    });
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('spends no attempts on 429s: more of them than maxAttempts are waited out', async () => {
    const tooMany: FakeResponse = { status: 429, headers: { 'retry-after': '1' } };
    routeFailingThenOk(Array.from({ length: 6 }, () => tooMany));
    const response = await client({ retry: { maxAttempts: 2 } }).request({
      ...getMe,
      url: `${baseUrl}/v1/me`,
    });
    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('stops with RateLimitedError once 429s would keep one call waiting longer than the ceiling in all', async () => {
    const tooMany: FakeResponse = { status: 429, headers: { 'retry-after': '20' } };
    routeFailingThenOk(Array.from({ length: 10 }, () => tooMany));
    const failure = client({ retry: { maxRetryAfterMs: 60_000 } }).request({
      ...getMe,
      url: `${baseUrl}/v1/me`,
    });
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    await expect(failure).rejects.toThrow(
      /^Spotify still asks us to slow down after 1 min of waiting \(NARADA_MAX_RETRY_AFTER_MINUTES allows 1 min\); run again after/,
    );
    expect(clock.sleeps).toEqual([20_000, 20_000, 20_000]);
    expect(calls.total()).toBe(4);
  });

  it('announces a long wait once, with the service, the reason and when it ends', async () => {
    const waits: LongWait[] = [];
    const tooMany: FakeResponse = { status: 429, headers: { 'retry-after': '45' } };
    routeFailingThenOk([{ status: 429, headers: { 'retry-after': '1' } }, tooMany]);
    const http = client({ onLongWait: (wait) => waits.push(wait) });
    const started = clock.now();
    await http.request({ ...getMe, url: `${baseUrl}/v1/me` });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ service: 'spotify', reason: 'HTTP 429 rate limited', waitMs: 45_000 });
    expect(waits[0]!.until).toBeGreaterThanOrEqual(started + 46_000);
    expect(describeLongWait({ ...waits[0]!, until: Date.UTC(2026, 4, 2, 14, 3, 27) })).toBe(
      'Spotify asks Narada to slow down (HTTP 429 rate limited): every Spotify call waits 45 s, until 14:03:27 UTC',
    );
  });

  it('tells the retry listener of every retry, short waits too, with the attempt that failed and why', async () => {
    const retries: RetryWait[] = [];
    routeFailingThenOk([{ status: 500 }, { status: 429, headers: { 'retry-after': '1' } }]);
    await client({ onRetry: (retry) => retries.push(retry) }).request({ ...getMe, url: `${baseUrl}/v1/me` });
    expect(retries).toEqual([
      {
        service: 'spotify',
        endpoint: 'GET /me',
        attempt: 1,
        reason: 'HTTP 500',
        slowDown: false,
        waitMs: clock.sleeps[0],
      },
      {
        service: 'spotify',
        endpoint: 'GET /me',
        attempt: 2,
        reason: 'HTTP 429 rate limited',
        slowDown: true,
        waitMs: 1000,
      },
    ]);
  });

  it('times out a request that gets no answer, retries it, then reports the service unavailable', async () => {
    server.route(
      'GET',
      '/v1/slow',
      () => new Promise<FakeResponse>((r) => setTimeout(() => r({ status: 200 }), 1000)),
    );
    const failure = client({ timeoutMs: 100, retry: { maxAttempts: 2 } }).request({
      method: 'GET',
      url: `${baseUrl}/v1/slow`,
      endpoint: 'GET /slow',
    });
    await expect(failure).rejects.toThrow(/no answer within 100 ms, 2 attempts/);
    expect(calls.total()).toBe(2);
  });

  it('reports a refused connection as unavailable without leaking the URL', async () => {
    await server.close();
    const failure = client({ retry: { maxAttempts: 2 } }).request({
      ...getMe,
      url: `${baseUrl}/v1/me?api_key=secret123`,
    });
    await expect(failure).rejects.toThrow(/network error \(ECONNREFUSED\)/);
    await expect(failure).rejects.not.toThrow(/secret123/);
  });

  it('fails at once on 404 and on other 4xx, without retrying', async () => {
    server.route('GET', '/v1/gone', () => ({
      status: 404,
      body: { error: { status: 404, message: 'Not found' } },
    }));
    server.route('GET', '/v1/bad', () => ({
      status: 400,
      body: { error: { status: 400, message: 'Bad limit' } },
    }));
    const http = client();
    await expect(
      http.request({ method: 'GET', url: `${baseUrl}/v1/gone`, endpoint: 'GET /gone' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const rejected = http.request({ method: 'GET', url: `${baseUrl}/v1/bad`, endpoint: 'GET /bad' });
    await expect(rejected).rejects.toBeInstanceOf(UpstreamError);
    await expect(rejected).rejects.toThrow('Spotify refused GET /bad (HTTP 400: Bad limit)');
    expect(calls.total()).toBe(2);
  });

  it('sends the User-Agent, query, JSON and form bodies, and keeps a paging link’s own query', async () => {
    const seen: Array<{ ua: unknown; type: unknown; query: string; body: unknown }> = [];
    const echo = (req: { headers: Record<string, unknown>; query: URLSearchParams; body: unknown }) => {
      seen.push({
        ua: req.headers['user-agent'],
        type: req.headers['content-type'],
        query: req.query.toString(),
        body: req.body,
      });
      return { status: 200, body: 'done', raw: true } as FakeResponse;
    };
    server.route('GET', '/v1/items', echo).route('POST', '/v1/items', echo);
    const http = client();
    const page = await http.request({
      method: 'GET',
      url: `${baseUrl}/v1/items?offset=100&limit=100`,
      query: { market: 'from_token', skip: undefined },
      endpoint: 'GET /items',
    });
    expect(page.body).toBe('done');
    await http.request({
      method: 'POST',
      url: `${baseUrl}/v1/items`,
      json: { uris: ['a'] },
      endpoint: 'POST /items',
    });
    await http.request({
      method: 'POST',
      url: `${baseUrl}/v1/items`,
      form: { method: 'track.love' },
      endpoint: 'POST /items',
    });
    expect(seen).toEqual([
      {
        ua: 'narada/test (+https://github.com/narada-music/narada)',
        type: undefined,
        query: 'offset=100&limit=100&market=from_token',
        body: null,
      },
      {
        ua: 'narada/test (+https://github.com/narada-music/narada)',
        type: 'application/json',
        query: '',
        body: { uris: ['a'] },
      },
      {
        ua: 'narada/test (+https://github.com/narada-music/narada)',
        type: 'application/x-www-form-urlencoded',
        query: '',
        body: { method: 'track.love' },
      },
    ]);
    expect(calls.snapshot()).toEqual({ 'spotify GET /items': 1, 'spotify POST /items': 2 });
  });
});

describe('HttpClient with a shared limiter and the real clock', () => {
  it('a 429 holds back other callers of the same service until Retry-After has passed', async () => {
    let first = true;
    server.route('GET', '/v1/me', () => {
      if (!first) return { status: 200, body: { ok: true } };
      first = false;
      return { status: 429, headers: { 'retry-after': '1' } };
    });
    const limiter = adaptiveLimiter();
    const http = new HttpClient({ service: 'spotify', userAgent: 'narada/test', limiter, calls });
    const throttled = http.request({ ...getMe, url: `${baseUrl}/v1/me` });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const other = http.request({ ...getMe, url: `${baseUrl}/v1/me` });
    await Promise.all([throttled, other]);
    const [rejectedAt, ...later] = server.requests.map((r) => r.at);
    expect(later).toHaveLength(2);
    for (const at of later) expect(at - rejectedAt!).toBeGreaterThanOrEqual(990);
  });

  it('says a long pause once even when several callers are held back by it', async () => {
    let served = 0;
    server.route('GET', '/v1/me', () =>
      served++ < 2 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200, body: { ok: true } },
    );
    const waits: LongWait[] = [];
    const http = new HttpClient({
      service: 'spotify',
      userAgent: 'narada/test',
      limiter: adaptiveLimiter(),
      calls,
      onLongWait: (wait) => waits.push(wait),
      longWaitMs: 500,
    });
    await Promise.all([
      http.request({ ...getMe, url: `${baseUrl}/v1/me` }),
      http.request({ ...getMe, url: `${baseUrl}/v1/me` }),
    ]);
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200, 200]);
    expect(waits).toHaveLength(1);
  });
});
