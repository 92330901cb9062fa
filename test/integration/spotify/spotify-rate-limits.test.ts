import { describe, expect, it } from '@jest/globals';
import {
  RateLimitedError,
  UpstreamUnavailableError,
} from '../../../src/application/ports/upstream-errors.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import type { LongWait } from '../../../src/infrastructure/connectors/http/long-wait.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { createSpotifyHttpClient } from '../../../src/infrastructure/connectors/spotify/spotify-http.js';
import { SpotifyWebApiClient } from '../../../src/infrastructure/connectors/spotify/spotify-web-api-client.js';
import { MemoryCredentialStore } from '../../fakes/spotify/memory-credential-store.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { fakeSpotifyPerTest, VirtualClock, spotifyConfig, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

describe('rate limits and failures', () => {
  it('waits out a 429 storm for the Retry-After Spotify gives and then reads everything', async () => {
    const tracks = fake.addTracks(...Array.from({ length: 150 }, () => aFakeTrack()));
    const playlist = fake.addPlaylist({ entries: tracks.map(trackUri) });
    const { client, clock } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(3, 7);

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries).toHaveLength(150);
    expect(fake.apiCalls().filter((r) => r.status === 429)).toHaveLength(3);
    expect(clock.sleeps.filter((ms) => ms === 7000).length).toBeGreaterThanOrEqual(3);
  });

  it('handles 429 answers with an empty body', async () => {
    const { client, clock } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(2, 2, { emptyBody: true });

    expect((await client.getCurrentUser()).id).toBe(fake.defaultUserId);
    expect(clock.sleeps).toContain(2000);
  });

  it('waits out a QUOTA_EXCEEDED 429 for its Retry-After and succeeds: the body does not mean a daily quota', async () => {
    const { client, clock } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(2, 1, { quota: true });

    expect((await client.getCurrentUser()).id).toBe(fake.defaultUserId);
    expect(fake.apiCalls().map((r) => r.status)).toEqual([200, 429, 429, 200]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('keeps waiting through more 429s than the attempts a failing server gets', async () => {
    const { client, clock } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(8, 1, { quota: true });

    expect((await client.getCurrentUser()).id).toBe(fake.defaultUserId);
    expect(clock.sleeps).toHaveLength(8);
  });

  it('stops once the 429s have kept it waiting longer than the most allowed, saying when to come back', async () => {
    const clock = new VirtualClock(Date.parse('2026-03-14T11:58:00Z'));
    const client = realClient(fake, { maxRetryAfterMs: 5_000, clock });
    await client.getCurrentUser();
    fake.rateLimitNext(20, 2, { quota: true });

    const error = await client.getCurrentUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).category).toBe('failure');
    expect((error as Error).message).toMatch(
      /^Spotify still asks us to slow down after 4 s of waiting \(NARADA_MAX_RETRY_AFTER_MINUTES allows 5 s\); run again after 11:59 UTC$/,
    );
    expect(fake.apiCalls().filter((r) => r.status === 429)).toHaveLength(3);
  });

  it('does not block for hours: a QUOTA_EXCEEDED 429 with a long Retry-After becomes RateLimitedError naming when to come back', async () => {
    const { client } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(1, 13_749, { quota: true });

    const error = await client.getCurrentUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'SPOTIFY.RATE_LIMITED', category: 'failure' });
    expect((error as Error).message).toMatch(
      /^Spotify asks us to wait 3 h 50 min \(NARADA_MAX_RETRY_AFTER_MINUTES allows 10 min\); run again after (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC$/,
    );
    expect(fake.apiCalls().filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('retries server errors and then gives up with a retryable error', async () => {
    const { client } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.failNext(2, 502);
    expect((await client.getCurrentUser()).id).toBe(fake.defaultUserId);

    fake.failNext(5, 503);
    const error = await client.getCurrentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as UpstreamUnavailableError).retryable).toBe(true);
  });
});

describe('a 429 seen by one caller, with the real clock', () => {
  it('holds back every other caller of Spotify until Retry-After has passed, and says so', async () => {
    const waits: LongWait[] = [];
    let pausing = (): void => undefined;
    const paused = new Promise<void>((resolve) => (pausing = resolve));
    const client = realClient(fake, {
      onLongWait: (wait) => {
        waits.push(wait);
        pausing();
      },
      longWaitMs: 500,
    });
    await client.getCurrentUser();
    const tracks = fake.addTracks(aFakeTrack(), aFakeTrack());
    fake.rateLimitNext(1, 1, { quota: true });
    const before = fake.apiCalls().length;

    // The others start once the client has read the 429, not merely once it reached the fake.
    const first = client.getCurrentUser();
    await paused;
    const [one, two] = await Promise.all([
      first,
      client.getTrack(tracks[0]!.id),
      client.getTrack(tracks[1]!.id),
    ]);

    expect([one.id, two?.externalId]).toEqual([fake.defaultUserId, tracks[0]!.id]);
    const [limited, ...later] = fake.apiCalls().slice(before);
    expect(limited!.status).toBe(429);
    expect(later.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const request of later) expect(request.at - limited!.at).toBeGreaterThanOrEqual(990);
    expect(waits).toEqual([expect.objectContaining({ service: 'spotify', slowDown: true, waitMs: 1000 })]);
    expect(waits[0]!.reason).toBe('HTTP 429 QUOTA_EXCEEDED');
  });
});

/** The client as the container builds it: real limiter and clock unless a virtual clock is given. */
function realClient(
  spotify: FakeSpotify,
  options: {
    maxRetryAfterMs?: number;
    clock?: VirtualClock;
    onLongWait?: (wait: LongWait) => void;
    longWaitMs?: number;
  } = {},
): SpotifyWebApiClient {
  const { clock } = options;
  const http = createSpotifyHttpClient({
    limiter: adaptiveLimiter(clock),
    calls: new CallCounter(),
    ...(options.maxRetryAfterMs === undefined ? {} : { retry: { maxRetryAfterMs: options.maxRetryAfterMs } }),
    ...(clock === undefined ? {} : { sleep: clock.sleep, now: clock.now }),
    ...(options.onLongWait === undefined ? {} : { onLongWait: options.onLongWait }),
    ...(options.longWaitMs === undefined ? {} : { longWaitMs: options.longWaitMs }),
  });
  return new SpotifyWebApiClient({
    config: spotifyConfig(spotify, { refreshToken: spotify.issueRefreshToken() }),
    http,
    credentials: new MemoryCredentialStore({}),
    ...(clock === undefined ? {} : { now: clock.now }),
  });
}
