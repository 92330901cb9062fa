// Backups keep history: a changed playlist's backup is a new version beside the old ones, an unchanged
// one writes none, a backup from before versions existed is version 1, and `--version` picks one.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupKey } from '../../../src/application/playlist/backup-index.js';
import { ListBackupVersions } from '../../../src/application/use-cases/playlist/list-backup-versions.js';
import { parsePlaylistBackup } from '../../../src/domain/backup/parse-playlist-backup.js';
import { bumpSnapshot } from '../../fakes/spotify/fake-spotify-context.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld;
let versions: ListBackupVersions;
beforeEach(async () => {
  world = await openPlaylistWorld();
  versions = new ListBackupVersions({ checkpoints: world.temp.repos.syncCheckpoints });
});
afterEach(() => world.dispose());

const uris = (file: string) => parsePlaylistBackup(readFileSync(file, 'utf8'), file).items.map((i) => i.uri);

function seed(): { id: string; all: string[] } {
  const all = world.fake.addTracks(...['A', 'B', 'C'].map((name) => aFakeTrack({ name }))).map(trackUri);
  return { id: world.fake.addPlaylist({ name: 'Mix', entries: all.slice(0, 2) }).id, all };
}

const backUp = (id: string) => world.backup.run({ playlists: [id], all: false, outDir: world.backupDir });

describe('playlist backup versions', () => {
  it('keeps the older backup as version 1 when the playlist changed, and writes nothing when it did not', async () => {
    const { id, all } = seed();
    await backUp(id);
    const unchanged = await backUp(id);
    expect(unchanged.written).toEqual([]);
    expect(unchanged.unchanged).toEqual([
      expect.objectContaining({ id, file: join(world.backupDir, 'Mix.json') }),
    ]);

    world.fake.playlist(id).entries.push({ uri: all[2]!, addedAt: '2026-01-01T00:00:00Z', addedBy: 'me' });
    bumpSnapshot(world.fake.playlist(id));
    const changed = await backUp(id);
    expect(changed.written).toEqual([expect.objectContaining({ version: 2, items: 3 })]);

    const history = await versions.run(id);
    expect(history.versions.map((v) => [v.version, v.items, v.file])).toEqual([
      [1, 2, join(world.backupDir, 'versions', 'Mix', 'v1.json')],
      [2, 3, join(world.backupDir, 'Mix.json')],
    ]);
    expect(history.versions[1]!.snapshotId).toBe(world.fake.playlist(id).snapshotId);
    expect(uris(history.versions[0]!.file)).toEqual(all.slice(0, 2));
    expect(uris(history.versions[1]!.file)).toEqual(all);
    expect((await versions.run(id, '1')).picked).toEqual(history.versions[0]);
  });

  it('reads a backup taken before versions existed as version 1, and keeps it when the playlist changes', async () => {
    const { id, all } = seed();
    await backUp(id);
    // What the index held before versions: the last backup only.
    const checkpoint = (await world.temp.repos.syncCheckpoints.get(backupKey(id)))!;
    const { versions: _dropped, ...legacy } = checkpoint.state;
    await world.temp.repos.syncCheckpoints.put({ ...checkpoint, state: legacy });
    expect((await versions.run(id)).versions).toEqual([
      expect.objectContaining({ version: 1, items: 2, file: join(world.backupDir, 'Mix.json') }),
    ]);

    world.fake.playlist(id).entries.pop();
    bumpSnapshot(world.fake.playlist(id));
    await backUp(id);
    const history = await versions.run(id);
    expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(uris(history.versions[0]!.file)).toEqual(all.slice(0, 2));
  });

  it('picks a version by date, and refuses one that does not exist, naming those that do', async () => {
    const { id } = seed();
    await backUp(id);
    const [first] = (await versions.run(id)).versions;
    const day = first!.backedUpAt.slice(0, 10);
    expect((await versions.run(id, day)).picked).toEqual(first);
    await expect(versions.run(id, '7')).rejects.toMatchObject({
      code: 'PLAYLIST.NO_SUCH_VERSION',
      message: expect.stringContaining(`it has 1 (${first!.backedUpAt})`),
    });
    await expect(versions.run(id, '2001-01-01')).rejects.toMatchObject({ category: 'input' });
  });
});
