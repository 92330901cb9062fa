// Serves the fake Spotify and Last.fm, seeded with a demo library of the given size, from a process
// of their own, so a bench measures Narada and not the fakes. Prints one JSON line (the environment
// that points Narada at them, the playlist id, each song's plays by title) and serves until stdin closes.
// An optional second argument injects seeded faults into either fake:
//   node dist/test/fakes/seed/serve-demo-fakes.js 10000
//   node dist/test/fakes/seed/serve-demo-fakes.js 200 '{"spotify":{"seed":7,"rateLimitShare":0.1,"expireTokensEvery":50},"lastfm":{"seed":13,"share":0.05}}'
import { startFakeLastfm, type FakeLastfmRandomErrors } from '../lastfm/fake-lastfm.js';
import type { FakeSpotifyRandomFaults } from '../spotify/fake-spotify-guard.js';
import { startFakeSpotify } from '../spotify/fake-spotify.js';
import { DEMO_SONGS, fakeServiceEnv, seedDemoLibrary } from './demo-library.js';

export interface ServedFakes {
  readonly env: Record<string, string>;
  readonly playlistId: string;
  /** Title → the listener's Last.fm plays (null: Last.fm does not know it). */
  readonly plays: Record<string, number | null>;
}

export interface ServedFaults {
  readonly spotify?: FakeSpotifyRandomFaults;
  readonly lastfm?: FakeLastfmRandomErrors;
}

const size = Number(process.argv[2] ?? DEMO_SONGS.length);
const faults = JSON.parse(process.argv[3] ?? '{}') as ServedFaults;
const spotify = await startFakeSpotify();
const lastfm = await startFakeLastfm();
const library = seedDemoLibrary(spotify, lastfm, { size });
if (faults.spotify !== undefined) spotify.injectRandomFaults(faults.spotify);
if (faults.lastfm !== undefined) lastfm.injectRandomErrors(faults.lastfm);
const served: ServedFakes = {
  env: fakeServiceEnv(spotify, lastfm),
  playlistId: library.playlistId,
  plays: Object.fromEntries(library.tracks.map((track) => [track.name, library.plays.get(track.id) ?? null])),
};
process.stdout.write(`${JSON.stringify(served)}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([spotify.close(), lastfm.close()]).then(() => process.exit(0));
});
