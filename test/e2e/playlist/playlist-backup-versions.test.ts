// Backup versions as a user sees them: `playlist backup --history` lists two versions after a change,
// and `playlist restore <id> --version 1` brings back the older one.
import { describe, expect, it } from '@jest/globals';
import { bumpSnapshot } from '../../fakes/spotify/fake-spotify-context.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({ spotify: {}, musicbrainz: {} });
const run = (...args: string[]) => runNarada(args, { env: fakes.env, cwd: fakes.home });

interface VersionsJson {
  playlistId: string;
  versions: Array<{ version: number; backedUpAt: string; items: number; snapshotId: string; file: string }>;
}

describe('narada playlist backup versions', () => {
  it('lists two versions after a change and restores the older one', async () => {
    const uris = fakes.spotify
      .addTracks(...['A', 'B', 'C'].map((name) => aFakeTrack({ name })))
      .map(trackUri);
    const playlist = fakes.spotify.addPlaylist({ name: 'Growing', entries: uris.slice(0, 2) });
    expectSuccess(await run('playlist', 'backup', playlist.id));
    const again = await run('playlist', 'backup', playlist.id, '--json');
    expectSuccess(again);
    expect(again.json<{ written: unknown[]; unchanged: unknown[] }>()).toMatchObject({
      written: [],
      unchanged: [expect.objectContaining({ id: playlist.id })],
    });

    fakes.spotify
      .playlist(playlist.id)
      .entries.push({ uri: uris[2]!, addedAt: '2026-01-01T00:00:00Z', addedBy: 'me' });
    bumpSnapshot(fakes.spotify.playlist(playlist.id));
    expectSuccess(await run('playlist', 'backup', playlist.id));

    const history = await run('playlist', 'backup', '--history', playlist.id, '--json');
    expectSuccess(history);
    const { versions } = history.json<VersionsJson>();
    expect(versions.map((v) => [v.version, v.items])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const human = await run('playlist', 'backup', '--history', playlist.id);
    expect(human.stdout).toContain('"Growing"');
    expect(human.stdout).toMatch(/^ {2}1 {2}\d{4}-\d\d-\d\dT.* {2}2 items {2}snapshot /m);

    const restore = await run('playlist', 'restore', playlist.id, '--version', '1', '--json');
    expectSuccess(restore);
    const report = restore.json<{ playlistId: string; restored: number }>();
    expect(report.restored).toBe(2);
    expect(fakes.spotify.playlistUris(report.playlistId)).toEqual(uris.slice(0, 2));

    // The newest backup file stands for its playlist: --version 1 onto the same restored playlist is a no-op.
    const newest = versions[1]!.file;
    const viaFile = await run('playlist', 'restore', newest, '--version', '1', '--dry-run', '--json');
    expectSuccess(viaFile);
    expect(viaFile.json<{ playlistId: string; counts: { added: number } }>()).toMatchObject({
      playlistId: report.playlistId,
      counts: { added: 0 },
    });
  });

  it('refuses a version that does not exist with exit 2, naming the versions there are', async () => {
    const [uri] = fakes.spotify.addTracks(aFakeTrack({ name: 'D' })).map(trackUri);
    const playlist = fakes.spotify.addPlaylist({ name: 'Once', entries: [uri!] });
    expectSuccess(await run('playlist', 'backup', playlist.id));
    const result = await run('playlist', 'restore', playlist.id, '--version', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Playlist ${playlist.id} has no version 3: it has 1 (`);
  });
});
