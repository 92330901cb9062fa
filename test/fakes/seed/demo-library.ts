// A seeded library for the demo, the end-to-end tests and the benches: a Spotify playlist of songs
// with release dates, and the same songs on Last.fm with the listener's play counts (one song
// Last.fm does not know, two with equal counts), so sorting by plays has a known answer.
import { lastfmEnv, spotifyEnv } from '../fake-service-env.js';
import { aCatalogTrack } from '../lastfm/fake-lastfm-builders.js';
import type { FakeLastfm } from '../lastfm/fake-lastfm.js';
import type { FakeSpotify } from '../spotify/fake-spotify.js';
import { aFakeArtist, aFakeTrack, trackUri } from '../spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../spotify/fake-spotify-model.js';

export interface DemoSong {
  readonly title: string;
  readonly artist: string;
  readonly album: string;
  readonly released: string;
  /** The listener's plays on Last.fm; null when Last.fm does not know the song. */
  readonly plays: number | null;
}

/** Invented songs, so the demo's output reads like a real library. */
export const DEMO_SONGS: readonly DemoSong[] = [
  {
    title: 'Paper Lanterns',
    artist: 'The Lowlands',
    album: 'Harbour Lights',
    released: '2019-04-12',
    plays: 12,
  },
  { title: 'Night Bus Home', artist: 'Mira Sol', album: 'Last Stop', released: '2021-09-03', plays: 87 },
  { title: 'Copper Sky', artist: 'Fenwick & Day', album: 'Copper Sky', released: '2016-02-26', plays: 3 },
  { title: 'Slow Orbit', artist: 'Kestrel', album: 'Apogee', released: '2023-06-30', plays: 41 },
  {
    title: 'Salt and Glass',
    artist: 'The Lowlands',
    album: 'Harbour Lights',
    released: '2019-04-12',
    plays: 41,
  },
  { title: 'Undertow', artist: 'Juno Park', album: 'Tides', released: '2012-11-05', plays: 120 },
  { title: 'Static Bloom', artist: 'Neon Fields', album: 'Glow', released: '2024-03-08', plays: null },
  { title: 'Morning Freight', artist: 'Ada Quay', album: 'Rails', released: '2008-07-21', plays: 5 },
  { title: 'Glasshouse', artist: 'Mira Sol', album: 'Last Stop', released: '2021-09-03', plays: 64 },
  { title: 'Long Division', artist: 'Kestrel', album: 'Apogee', released: '2023-06-30', plays: 0 },
  { title: 'Weathervane', artist: 'Orla Vance', album: 'North Light', released: '2017-10-13', plays: 23 },
  { title: 'Harbour Song', artist: 'Juno Park', album: 'Tides', released: '2012-11-05', plays: 9 },
];

export const DEMO_LASTFM_USER = 'demo-listener';

export interface DemoLibrary {
  readonly playlistId: string;
  readonly playlistName: string;
  /** The playlist's tracks, in playlist order. */
  readonly tracks: readonly FakeTrack[];
  /** The listener's Last.fm plays per Spotify track id (null: unknown to Last.fm). */
  readonly plays: ReadonlyMap<string, number | null>;
}

export interface DemoOptions {
  /** Playlist length; beyond the named songs, generated ones follow. Default: the named songs. */
  readonly size?: number;
  readonly playlistName?: string;
  readonly lastfmUser?: string;
}

/** Seeds both fakes; the playlist belongs to the fake Spotify's default user. */
export function seedDemoLibrary(
  spotify: FakeSpotify,
  lastfm: FakeLastfm,
  options: DemoOptions = {},
): DemoLibrary {
  const size = options.size ?? DEMO_SONGS.length;
  const user = options.lastfmUser ?? DEMO_LASTFM_USER;
  lastfm.addUser(user);
  const artists = new Map<string, ReturnType<typeof aFakeArtist>>();
  const plays = new Map<string, number | null>();
  const tracks = Array.from({ length: size }, (_, index) => {
    const song = DEMO_SONGS[index] ?? generatedSong(index);
    let artist = artists.get(song.artist);
    if (artist === undefined) {
      artist = aFakeArtist(song.artist);
      artists.set(song.artist, artist);
    }
    const [track] = spotify.addTracks(
      aFakeTrack({
        name: song.title,
        artists: [artist],
        album: { name: song.album, releaseDate: song.released, releaseDatePrecision: 'day' },
      }),
    );
    plays.set(track!.id, song.plays);
    if (song.plays !== null) {
      lastfm.addTrack(
        aCatalogTrack({
          artist: song.artist,
          track: song.title,
          album: song.album,
          playcount: 1000 + song.plays * 37,
          listeners: 200 + song.plays * 11,
          userPlaycounts: { [user]: song.plays },
        }),
      );
    }
    return track!;
  });
  const playlist = spotify.addPlaylist({
    name: options.playlistName ?? 'Road Trip',
    entries: tracks.map(trackUri),
  });
  return { playlistId: playlist.id, playlistName: playlist.name, tracks, plays };
}

/** Generated songs for large playlists: many artists, spread-out dates and counts, some unknown. */
function generatedSong(index: number): DemoSong {
  const year = 1970 + (index % 55);
  const month = String(1 + (index % 12)).padStart(2, '0');
  return {
    title: `Song ${index + 1}`,
    artist: `Artist ${1 + (index % 400)}`,
    album: `Album ${1 + (index % 1500)}`,
    released: `${year}-${month}-15`,
    plays: index % 17 === 0 ? null : (index * 7919) % 500,
  };
}

/** Track ids in the order sort_by_plays must give: most plays first, unknown last, ties in playlist order. */
export function expectedByPlays(library: DemoLibrary): string[] {
  return library.tracks
    .map((track, index) => ({ id: track.id, index, plays: library.plays.get(track.id) ?? null }))
    .sort((a, b) => {
      if (a.plays === null || b.plays === null)
        return Number(a.plays === null) - Number(b.plays === null) || a.index - b.index;
      return b.plays - a.plays || a.index - b.index;
    })
    .map((entry) => entry.id);
}

/** The environment that points the CLI at the fakes, logged in as their users. */
export function fakeServiceEnv(
  spotify: FakeSpotify,
  lastfm: FakeLastfm,
  lastfmUser = DEMO_LASTFM_USER,
): Record<string, string> {
  return { ...spotifyEnv(spotify), ...lastfmEnv(lastfm, { user: lastfmUser, signed: true }) };
}
