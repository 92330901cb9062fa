import { describe, expect, it } from '@jest/globals';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import {
  adaptiveLimiter,
  type RateLimiter,
} from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { createSpotifyHttpClient } from '../../../src/infrastructure/connectors/spotify/spotify-http.js';
import { SpotifyWebApiClient } from '../../../src/infrastructure/connectors/spotify/spotify-web-api-client.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { MemoryCredentialStore } from '../../fakes/spotify/memory-credential-store.js';
import { fakeSpotifyPerTest, spotifyConfig, VirtualClock } from './spotify-test-kit.js';

/** The adaptive limiter, watched: how many requests it has let through and how many are in flight. */
class WatchedLimiter implements RateLimiter {
  started = 0;
  inFlight = 0;
  mostInFlight = 0;
  private readonly limiter: RateLimiter;

  constructor(
    clock: VirtualClock,
    private readonly onStart: (nth: number) => void = () => {},
  ) {
    this.limiter = adaptiveLimiter({ now: clock.now, sleep: clock.sleep });
  }

  schedule<T>(task: () => Promise<T>): Promise<T> {
    return this.limiter.schedule(async () => {
      this.onStart(++this.started);
      this.inFlight += 1;
      this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
      try {
        return await task();
      } finally {
        this.inFlight -= 1;
      }
    });
  }

  pauseFor(ms: number): void {
    this.limiter.pauseFor(ms);
  }
}

const fake = fakeSpotifyPerTest();

function rig(onStart?: (nth: number) => void) {
  const clock = new VirtualClock();
  const limiter = new WatchedLimiter(clock, onStart);
  const http = createSpotifyHttpClient({
    limiter,
    calls: new CallCounter(),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    timeoutMs: 5_000,
  });
  const client = new SpotifyWebApiClient({
    config: spotifyConfig(fake, { refreshToken: fake.issueRefreshToken() }),
    http,
    credentials: new MemoryCredentialStore({}),
    now: clock.now,
  });
  return { client, limiter, clock };
}

function someTrackUris(n: number): string[] {
  return fake.addTracks(...Array.from({ length: n }, () => aFakeTrack())).map(trackUri);
}

function aPlaylistOf(n: number, options: { ownerId?: string; followers?: string[] } = {}) {
  const uris = someTrackUris(n);
  const playlist = fake.addPlaylist({
    entries: uris,
    collaborative: options.ownerId !== undefined,
    ...options,
  });
  return { id: playlist.id, uris, entries: playlist.entries };
}

/** Runs `change` once, as the first page request after the playlist itself starts. */
function onFirstPageRequest(change: () => void): (nth: number) => void {
  let done = false;
  return () => {
    if (done || fake.callsTo('GET /playlists/{id}').length === 0) return;
    done = true;
    change();
  };
}

function pageOffsets(): number[] {
  return fake
    .callsTo('GET /playlists/{id}/items')
    .map((r) => Number(new URLSearchParams(r.query).get('offset')))
    .sort((a, b) => a - b);
}

describe('reading a long playlist with its pages in parallel', () => {
  it('returns every entry in playlist order with at most four page requests in flight', async () => {
    const playlist = aPlaylistOf(1_050);
    const { client, limiter } = rig();

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris);
    expect(read.entries.map((e) => e.position)).toEqual([...Array(1_050).keys()]);
    expect(limiter.mostInFlight).toBe(4);
  });

  it('asks once for the playlist and once for each further page of 100: the lower bound', async () => {
    const playlist = aPlaylistOf(1_050);
    const { client, limiter } = rig();

    await client.getPlaylist(playlist.id);

    expect(fake.callsTo('GET /playlists/{id}')).toHaveLength(1);
    expect(pageOffsets()).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
    expect(limiter.started).toBeLessThanOrEqual(Math.ceil(1_050 / 100) + 1);
  });

  it('reads a playlist of fewer than eight more pages one page at a time', async () => {
    const playlist = aPlaylistOf(800);
    const { client, limiter } = rig();

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris);
    expect(limiter.mostInFlight).toBe(1);
  });

  it("reads a friend's collaborative playlist the same way", async () => {
    const playlist = aPlaylistOf(1_020, { ownerId: 'friend', followers: [fake.defaultUserId] });
    const { client, limiter } = rig();

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris);
    expect(pageOffsets()).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
    expect(limiter.mostInFlight).toBe(4);
  });

  it('retries a page answered 429 after the pause and still returns the entries whole and in order', async () => {
    const playlist = aPlaylistOf(930);
    const { client, clock } = rig(onFirstPageRequest(() => fake.rateLimitNext(1, 3)));

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris);
    expect(clock.sleeps).toContain(3_000);
    expect(pageOffsets()).toEqual([100, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('refreshes a token that expires mid-read once, however many page requests saw it expire', async () => {
    const playlist = aPlaylistOf(1_500);
    const { client } = rig();
    fake.expireAccessTokens({ afterRequests: 2 });

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris);
    expect(fake.callsTo('POST /api/token')).toHaveLength(2);
  });

  it('follows `next` on from the last page when the playlist grew while it was read', async () => {
    const playlist = aPlaylistOf(1_000);
    const added = someTrackUris(150);
    const { client } = rig(
      onFirstPageRequest(() =>
        playlist.entries.push(
          ...added.map((uri) => ({ uri, addedAt: '2026-01-01T00:00:00Z', addedBy: fake.defaultUserId })),
        ),
      ),
    );

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual([...playlist.uris, ...added]);
    expect(pageOffsets()).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_100]);
  });

  it('ends at the page without `next` when the playlist shrank while it was read', async () => {
    const playlist = aPlaylistOf(2_000);
    const { client, limiter } = rig(onFirstPageRequest(() => playlist.entries.splice(650)));

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries.map((e) => e.uri)).toEqual(playlist.uris.slice(0, 650));
    // A page is started as an earlier one is handed on, so only those already under way were asked for.
    while (limiter.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pageOffsets()).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
  });
});
