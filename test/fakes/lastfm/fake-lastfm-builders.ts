// Builders for seeding the fake Last.fm: sensible defaults, overrides for what a test is about.
import type { FakeCatalogTrack, FakeScrobble } from './fake-lastfm-state.js';

export function aFakeScrobble(overrides: Partial<FakeScrobble> = {}): FakeScrobble {
  return {
    artist: 'Radiohead',
    track: 'Reckoner',
    album: 'In Rainbows',
    timestamp: 1_700_000_000,
    mbid: null,
    artistMbid: null,
    albumMbid: null,
    ...overrides,
  };
}

/** `count` scrobbles of distinct titles, one every `stepSeconds`, the newest at `newest`. */
export function aScrobbleSeries(
  count: number,
  { newest = 1_700_000_000, stepSeconds = 240, artist = 'Series Artist' } = {},
): FakeScrobble[] {
  return Array.from({ length: count }, (_, i) =>
    aFakeScrobble({
      artist,
      track: `Track ${i + 1}`,
      album: 'Series Album',
      timestamp: newest - i * stepSeconds,
    }),
  );
}

export function aCatalogTrack(overrides: Partial<FakeCatalogTrack> = {}): FakeCatalogTrack {
  return {
    artist: 'Radiohead',
    track: 'Reckoner',
    mbid: null,
    artistMbid: null,
    album: 'In Rainbows',
    albumMbid: null,
    durationMs: 290_000,
    playcount: 1_000_000,
    listeners: 250_000,
    tags: ['alternative'],
    userPlaycounts: {},
    ...overrides,
  };
}
