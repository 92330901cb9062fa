import { afterEach, describe, expect, it } from '@jest/globals';
import {
  RateLimitedError,
  UpstreamUnavailableError,
} from '../../../src/application/ports/upstream-errors.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { tokenBucketLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { LastfmApiClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import { createLastfmHttpClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-http.js';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

describe('LastfmApiClient when Last.fm misbehaves', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  it('backs off through a storm of error 29 (HTTP 429) and then succeeds', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', aScrobbleSeries(2));
    kit.fake.errorNext(3, 29);

    const page = await kit.client.getRecentTracks();
    expect(page.listens).toHaveLength(2);
    expect(kit.fake.calls().map((c) => c.status)).toEqual([429, 429, 429, 200]);
    expect(kit.calls.snapshot()).toEqual({ 'lastfm GET user.getRecentTracks': 4 });
  });

  it('retries error 11 (offline) and 16 (temporary) and bare 5xx answers', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', aScrobbleSeries(1));
    kit.fake.errorNext(1, 11);
    kit.fake.errorNext(1, 16);
    kit.fake.failNext(1, 502);

    expect((await kit.client.getRecentTracks()).listens).toHaveLength(1);
    expect(kit.fake.calls().map((c) => c.status)).toEqual([503, 500, 502, 200]);
  });

  it('keeps slowing down on error 29 beyond the attempts a failing server gets', async () => {
    kit = await startLastfmKit({ maxAttempts: 3 });
    kit.fake.addScrobbles('listener', aScrobbleSeries(1));
    kit.fake.errorNext(6, 29);
    expect((await kit.client.getRecentTracks()).listens).toHaveLength(1);
    expect(kit.fake.calls()).toHaveLength(7);
  });

  it('stops with RateLimitedError naming Last.fm and when to come back once error 29 kept it waiting too long', async () => {
    kit = await startLastfmKit({ maxAttempts: 3, maxRetryAfterMs: 20 });
    kit.fake.errorNext(100, 29);
    const failure = kit.client.getRecentTracks();
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    await expect(failure).rejects.toMatchObject({ code: 'LASTFM.RATE_LIMITED', category: 'failure' });
    await expect(failure).rejects.toThrow(
      /^Last\.fm still asks us to slow down after 1 s of waiting \(NARADA_MAX_RETRY_AFTER_MINUTES allows 1 s\); run again after (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC$/,
    );
    expect(kit.fake.calls().length).toBeGreaterThan(3);
  });

  it('gives up with UpstreamUnavailableError when server errors do not stop', async () => {
    kit = await startLastfmKit({ maxAttempts: 3 });
    kit.fake.errorNext(10, 16);
    await expect(kit.client.getRecentTracks()).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(kit.fake.calls()).toHaveLength(3);
  });

  it('holds back every other Last.fm caller while one waits out an error 29', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', aScrobbleSeries(1));
    // The backoff after a 29 is exactly one second here, so the other callers must wait that long.
    let pausing = (): void => undefined;
    const paused = new Promise<void>((resolve) => (pausing = resolve));
    const http = createLastfmHttpClient({
      limiter: tokenBucketLimiter(1000, 1000),
      calls: new CallCounter(),
      retry: { baseDelayMs: 1000, jitter: false },
      onLongWait: () => pausing(),
      longWaitMs: 0,
    });
    const client = new LastfmApiClient({ config: kit.config, http });
    kit.fake.errorNext(1, 29);

    // The others start once the client has read the 29, not merely once it reached the fake.
    const first = client.getRecentTracks();
    await paused;
    await Promise.all([first, client.getRecentTracks(), client.getRecentTracks()]);

    const [limited, ...later] = kit.fake.calls();
    expect(limited!.status).toBe(429);
    expect(later.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const request of later) expect(request.at - limited!.at).toBeGreaterThanOrEqual(990);
  });

  it('rides out seeded random error 29s, the same ones for the same seed', async () => {
    const statuses: number[][] = [];
    for (let run = 0; run < 2; run++) {
      kit = await startLastfmKit({ fake: { randomErrors: { seed: 5, share: 0.3 } } });
      kit.fake.addScrobbles('listener', aScrobbleSeries(1));
      for (let call = 0; call < 10; call++)
        expect((await kit.client.getRecentTracks()).listens).toHaveLength(1);
      statuses.push(kit.fake.calls().map((c) => c.status));
      if (run === 0) await kit.fake.close();
    }
    expect(statuses[1]).toEqual(statuses[0]);
    expect(statuses[0]!.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('does not retry a write refused for good, and retries a write that hit the rate limit', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener' });
    kit.fake.errorNext(1, 29);
    await kit.client.love({ artist: 'A', title: 'B' });
    expect(kit.fake.calls('track.love').map((c) => c.status)).toEqual([429, 200]);

    kit.fake.errorNext(1, 26);
    await expect(kit.client.love({ artist: 'A', title: 'C' })).rejects.toMatchObject({
      code: 'LASTFM.API_KEY_SUSPENDED',
    });
    expect(kit.fake.calls('track.love')).toHaveLength(3);
  });

  it('reports a wrong API key (error 10) as configuration to fix', async () => {
    kit = await startLastfmKit({ config: { apiKey: 'wrong-key' } });
    await expect(kit.client.getRecentTracks()).rejects.toMatchObject({
      code: 'LASTFM.INVALID_API_KEY',
      category: 'config',
    });
  });
});
