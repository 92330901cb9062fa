import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  RateLimitedError,
  UpstreamUnavailableError,
} from '../../../src/application/ports/upstream-errors.js';
import { SpotifyQuotaExceededError } from '../../../src/infrastructure/connectors/spotify/spotify-errors.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { spotifyRig } from './spotify-test-kit.js';

let fake: FakeSpotify;

beforeEach(async () => {
  fake = await startFakeSpotify();
});

afterEach(async () => {
  await fake.close();
});

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

  it('stops at once and says the daily quota is used up on QUOTA_EXCEEDED', async () => {
    const { client } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(5, 60, { quota: true });

    const error = await client.getCurrentUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SpotifyQuotaExceededError);
    expect((error as Error).message).toContain('daily request quota');
    expect(fake.apiCalls().filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('does not block for hours: a long Retry-After becomes RateLimitedError naming when to come back', async () => {
    const { client } = spotifyRig(fake);
    await client.getCurrentUser();
    fake.rateLimitNext(1, 13_749);

    const error = await client.getCurrentUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toMatch(/wait 3 h 50 min/);
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
