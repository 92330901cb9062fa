// `npm run demo`: the main job with no accounts. Starts fake Spotify and Last.fm services seeded with
// a small library, runs workflows/sort_by_plays.json through the built CLI against them, and shows
// the playlist before and after.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeLastfm } from '../test/fakes/lastfm/fake-lastfm.js';
import {
  DEMO_LASTFM_USER,
  fakeServiceEnv,
  seedDemoLibrary,
  type DemoLibrary,
} from '../test/fakes/seed/demo-library.js';
import { startFakeSpotify, type FakeSpotify } from '../test/fakes/spotify/fake-spotify.js';

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function showPlaylist(title: string, spotify: FakeSpotify, playlistId: string, library: DemoLibrary): void {
  const playlist = spotify.playlist(playlistId);
  console.log(`\n${title}: "${playlist.name}" (${playlist.entries.length} tracks)`);
  playlist.entries.forEach((entry, index) => {
    const id = entry.uri.replace('spotify:track:', '');
    const track = spotify.state.tracks.get(id);
    const plays = library.plays.get(id);
    const label = track ? `${track.artists[0]?.name ?? '?'} – ${track.name}` : entry.uri;
    const count = plays === null || plays === undefined ? 'not on Last.fm' : `${plays} plays`;
    console.log(`  ${String(index + 1).padStart(2)}. ${label.padEnd(34)} ${count}`);
  });
}

function runCli(root: string, args: readonly string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'src', 'infrastructure', 'cli', 'main.js'), ...args],
      {
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const root = repositoryRoot();
const home = mkdtempSync(join(tmpdir(), 'narada-demo-'));
const spotify = await startFakeSpotify();
const lastfm = await startFakeLastfm();
try {
  const library = seedDemoLibrary(spotify, lastfm);
  const before = new Set(spotify.state.playlists.keys());
  showPlaylist('Before', spotify, library.playlistId, library);
  const workflow = join(root, 'workflows', 'sort_by_plays.json');
  console.log(
    `\n$ narada workflow run workflows/sort_by_plays.json --param playlist_id=${library.playlistId}\n`,
  );
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    NARADA_HOME: home,
    LANG: 'C.UTF-8',
    ...fakeServiceEnv(spotify, lastfm),
  };
  const code = await runCli(
    root,
    ['workflow', 'run', workflow, '--param', `playlist_id=${library.playlistId}`],
    env,
  );
  const created = [...spotify.state.playlists.keys()].filter((id) => !before.has(id));
  for (const id of created) showPlaylist('After', spotify, id, library);
  console.log(
    [
      '',
      `The fakes ran on 127.0.0.1 (Last.fm user "${DEMO_LASTFM_USER}"); nothing left this machine.`,
      'To sort one of your own playlists: set SPOTIFY_CLIENT_ID, LASTFM_API_KEY, LASTFM_API_SECRET and',
      'LASTFM_USERNAME (see README.md), run `narada auth spotify`, then:',
      '  narada workflow run workflows/sort_by_plays.json --param playlist_id=<playlist link>',
    ].join('\n'),
  );
  process.exitCode = code;
} finally {
  await spotify.close();
  await lastfm.close();
  rmSync(home, { recursive: true, force: true });
}
