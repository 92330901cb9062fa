// Builders for seeding the fake Spotify: sensible defaults, override what the test is about.
import {
  fakeSpotifyId,
  type FakeAlbum,
  type FakeArtist,
  type FakeEpisode,
  type FakeTrack,
} from './fake-spotify-model.js';

let sequence = 0;
const next = (): number => ++sequence;

export interface FakeTrackOverrides extends Partial<Omit<FakeTrack, 'artists' | 'album'>> {
  /** Shorthand for one artist with a generated id. */
  readonly artist?: string;
  readonly artists?: readonly FakeArtist[];
  readonly album?: Partial<FakeAlbum>;
}

export function aFakeArtist(name: string, n = next()): FakeArtist {
  return { id: fakeSpotifyId('r', n), name };
}

export function aFakeTrack(overrides: FakeTrackOverrides = {}): FakeTrack {
  const n = next();
  const { artist, album, ...rest } = overrides;
  const artists = overrides.artists ?? [aFakeArtist(artist ?? `Artist ${n}`, n)];
  return {
    id: fakeSpotifyId('t', n),
    name: `Track ${n}`,
    durationMs: 180_000 + (n % 120) * 1000,
    isrc: `QZNRD${String(26 + Math.floor(n / 100_000)).padStart(2, '0')}${String(n % 100_000).padStart(5, '0')}`,
    explicit: false,
    discNumber: 1,
    trackNumber: 1 + (n % 12),
    ...rest,
    artists,
    album: {
      id: fakeSpotifyId('a', n),
      name: `Album ${n}`,
      albumType: 'album',
      releaseDate: '2001-05-14',
      releaseDatePrecision: 'day',
      artists,
      ...album,
    },
  };
}

export function aFakeEpisode(overrides: Partial<FakeEpisode> = {}): FakeEpisode {
  const n = next();
  return {
    id: fakeSpotifyId('e', n),
    name: `Episode ${n}`,
    showId: fakeSpotifyId('s', n),
    showName: `Show ${n}`,
    durationMs: 1_800_000,
    releaseDate: '2025-02-01',
    ...overrides,
  };
}

/** The URI Spotify gives a local file: parts `+`-encoded, duration in seconds. */
export function localFileUri(parts: {
  artist: string;
  album: string;
  title: string;
  seconds: number;
}): string {
  const encode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');
  return `spotify:local:${encode(parts.artist)}:${encode(parts.album)}:${encode(parts.title)}:${parts.seconds}`;
}

export const trackUri = (track: Pick<FakeTrack, 'id'>): string => `spotify:track:${track.id}`;
export const episodeUri = (episode: Pick<FakeEpisode, 'id'>): string => `spotify:episode:${episode.id}`;
