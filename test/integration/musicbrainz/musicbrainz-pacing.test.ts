// Real time, real limiter, the fake's real 1 request/second rule: few requests, so a few seconds.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { InMemoryResponseCache } from '../../../src/infrastructure/connectors/http/in-memory-response-cache.js';
import { serialIntervalLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import {
  MUSICBRAINZ_INTERVAL_MS,
  createMusicBrainzHttpClient,
  sharedMusicBrainzLimiter,
} from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';

let fake: FakeMusicBrainz | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('MusicBrainz pacing', () => {
  it('keeps concurrent callers under 1 request per second, so the service never answers 503', async () => {
    const catalog = new MusicBrainzCatalog();
    const ids = ['One', 'Two', 'Three', 'Four'].map((title) => catalog.addRecording({ title }).id);
    fake = await startFakeMusicBrainz({ catalog });
    const http = createMusicBrainzHttpClient({
      calls: new CallCounter(),
      limiter: serialIntervalLimiter(MUSICBRAINZ_INTERVAL_MS),
    });
    const client = new MusicBrainzClient({ baseUrl: fake.url, http, cache: new InMemoryResponseCache() });
    const found = await Promise.all(ids.map((id) => client.recording(Mbid.parse(id))));
    expect(found.map((r) => r?.title)).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(fake.maxRequestsInAnyWindow(1000)).toBe(1);
  });

  it('without a limiter the same burst is refused with 503, which the client retries until served', async () => {
    const catalog = new MusicBrainzCatalog();
    const ids = ['One', 'Two'].map((title) => catalog.addRecording({ title }).id);
    fake = await startFakeMusicBrainz({ catalog });
    const http = createMusicBrainzHttpClient({
      calls: new CallCounter(),
      limiter: serialIntervalLimiter(0),
      random: () => 0.5,
    });
    const client = new MusicBrainzClient({ baseUrl: fake.url, http, cache: new InMemoryResponseCache() });
    const found = await Promise.all(ids.map((id) => client.recording(Mbid.parse(id))));
    expect(found.map((r) => r?.title)).toEqual(['One', 'Two']);
    expect(fake.requests.map((r) => r.status)).toContain(503);
  });

  it('while one caller waits out a rate-limit 503, no other caller sends anything', async () => {
    const catalog = new MusicBrainzCatalog();
    const ids = ['One', 'Two', 'Three'].map((title) => catalog.addRecording({ title }).id);
    fake = await startFakeMusicBrainz({ catalog });
    fake.failNext(1, 503, { 'retry-after': '2' });
    const http = createMusicBrainzHttpClient({
      calls: new CallCounter(),
      limiter: serialIntervalLimiter(MUSICBRAINZ_INTERVAL_MS),
    });
    const client = new MusicBrainzClient({ baseUrl: fake.url, http, cache: new InMemoryResponseCache() });

    const found = await Promise.all(ids.map((id) => client.recording(Mbid.parse(id))));

    expect(found.map((r) => r?.title)).toEqual(['One', 'Two', 'Three']);
    const [limited, ...later] = fake.requests;
    expect([limited!.status, ...later.map((r) => r.status)]).toEqual([503, 200, 200, 200]);
    for (const request of later) expect(request.at - limited!.at).toBeGreaterThanOrEqual(1990);
  });

  it('paces at MUSICBRAINZ_RATE_LIMIT: 4 a second spaces requests by 250 ms, unlimited not at all', async () => {
    const catalog = new MusicBrainzCatalog();
    const ids = ['One', 'Two', 'Three', 'Four'].map((title) => catalog.addRecording({ title }).id);
    // A mirror of one's own sets no rule of its own.
    fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
    const burst = async (requestsPerSecond: number | null): Promise<number[]> => {
      const http = createMusicBrainzHttpClient({ calls: new CallCounter(), requestsPerSecond });
      const client = new MusicBrainzClient({ baseUrl: fake!.url, http, cache: new InMemoryResponseCache() });
      const before = fake!.requests.length;
      await Promise.all(ids.map((id) => client.recording(Mbid.parse(id))));
      const arrivals = fake!.requests.slice(before).map((r) => r.at);
      return arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    };
    for (const gap of await burst(4)) expect(gap).toBeGreaterThanOrEqual(245);
    expect(fake.maxRequestsInAnyWindow(1000)).toBe(4);
    const started = Date.now();
    await burst(null);
    expect(Date.now() - started).toBeLessThan(500);
    expect(sharedMusicBrainzLimiter(null)).toBe(sharedMusicBrainzLimiter(null));
    expect(sharedMusicBrainzLimiter(4)).not.toBe(sharedMusicBrainzLimiter(null));
  });
});
