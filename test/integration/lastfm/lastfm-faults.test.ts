import { afterEach, describe, expect, it } from '@jest/globals';
import { UpstreamUnavailableError } from '../../../src/application/ports/upstream-errors.js';
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

  it('gives up with UpstreamUnavailableError when error 29 does not stop', async () => {
    kit = await startLastfmKit({ maxAttempts: 3 });
    kit.fake.errorNext(10, 29);
    await expect(kit.client.getRecentTracks()).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(kit.fake.calls()).toHaveLength(3);
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
