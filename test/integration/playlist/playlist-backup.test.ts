import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaylistBackup } from '../../../src/domain/backup/parse-playlist-backup.js';
import {
  aFakeEpisode,
  aFakeTrack,
  episodeUri,
  localFileUri,
  trackUri,
} from '../../fakes/spotify/fake-spotify-builders.js';
import { bumpSnapshot } from '../../fakes/spotify/fake-spotify-context.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld;
beforeEach(async () => {
  world = await openPlaylistWorld();
});
afterEach(() => world.dispose());

function seedMixedPlaylist(name = 'Road Trip'): { id: string; uris: string[] } {
  const tracks = world.fake.addTracks(
    aFakeTrack({ name: 'One', artist: 'Ann' }),
    aFakeTrack({ name: 'Two', artist: 'Bob' }),
  );
  const [episode] = world.fake.addEpisodes(aFakeEpisode({ name: 'Talk', showName: 'The Show' }));
  const gone = aFakeTrack({ name: 'Gone' });
  const local = localFileUri({ artist: 'Me', album: 'Rips', title: 'Demo', seconds: 120 });
  const uris = [trackUri(tracks[0]!), local, episodeUri(episode!), trackUri(gone), trackUri(tracks[1]!)];
  return { id: world.fake.addPlaylist({ name, entries: uris }).id, uris };
}

describe('playlist backup (real client, fake Spotify, real files)', () => {
  it('writes one valid file per playlist keeping local files and unavailable entries in order', async () => {
    const { id, uris } = seedMixedPlaylist();
    const report = await world.backup.run({
      playlists: [`https://open.spotify.com/playlist/${id}`],
      all: false,
      outDir: world.backupDir,
    });

    expect(report.written).toHaveLength(1);
    const file = report.written[0]!.file;
    expect(file).toBe(join(world.backupDir, 'Road Trip.json'));
    const backup = parsePlaylistBackup(readFileSync(file, 'utf8'), file);
    expect(backup.playlist).toMatchObject({
      id,
      name: 'Road Trip',
      itemCount: 5,
      snapshotId: world.fake.playlist(id).snapshotId,
    });
    // Spotify sends no item (so no URI) for an entry it no longer serves.
    expect(backup.items.map((item) => item.uri)).toEqual([uris[0], uris[1], uris[2], null, uris[4]]);
    expect(backup.items.map((item) => item.kind)).toEqual([
      'track',
      'local',
      'episode',
      'unavailable',
      'track',
    ]);
    expect(backup.items[0]).toMatchObject({
      position: 0,
      name: 'One',
      artists: ['Ann'],
      addedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(backup.items[0]!.isrc).toMatch(/^QZNRD/);
    expect(backup.items[1]).toMatchObject({ name: 'Demo', artists: ['Me'], durationMs: 120_000 });
    expect(readdirSync(world.backupDir)).toEqual(['Road Trip.json']);
  });

  it('keeps a local copy of the playlist for `playlist list`', async () => {
    const { id } = seedMixedPlaylist();
    await world.backup.run({ playlists: [id], all: false, outDir: world.backupDir });
    const listing = await world.list.run();
    expect(listing.playlists).toEqual([
      expect.objectContaining({
        id,
        name: 'Road Trip',
        onSpotify: true,
        local: true,
        lastBackup: expect.objectContaining({ changedSince: false }),
      }),
    ]);
  });

  it('with --all, skips playlists whose snapshot id matches their last backup and playlists of others', async () => {
    const first = seedMixedPlaylist('First');
    const second = seedMixedPlaylist('Second');
    world.fake.addUser({ id: 'someone-else', displayName: 'Someone' });
    world.fake.addPlaylist({
      name: 'Theirs',
      ownerId: 'someone-else',
      followers: [world.fake.defaultUserId],
    });

    const initial = await world.backup.run({ playlists: [], all: true, outDir: world.backupDir });
    expect(initial.written.map((p) => p.name).sort()).toEqual(['First', 'Second']);
    expect(initial.skipped.map((p) => p.name)).toEqual(['Theirs']);

    world.fake.playlist(second.id).name = 'Second';
    world.fake.playlist(second.id).snapshotId = 'changed-snapshot';
    const reads = world.fake.callsTo('GET /playlists/{id}').length;
    const again = await world.backup.run({ playlists: [], all: true, outDir: world.backupDir });
    expect(again.unchanged.map((p) => p.id)).toEqual([first.id]);
    expect(again.written.map((p) => p.id)).toEqual([second.id]);
    expect(world.fake.callsTo('GET /playlists/{id}').length - reads).toBe(1);
    expect(readdirSync(world.backupDir).sort()).toEqual(['First.json', 'Second.json', 'versions']);
    // The changed playlist's earlier backup is kept as its version 1; the unchanged one has no other.
    expect(readdirSync(join(world.backupDir, 'versions'))).toEqual(['Second']);
    expect(readdirSync(join(world.backupDir, 'versions', 'Second'))).toEqual(['v1.json']);
    expect(again.written[0]).toMatchObject({ version: 2 });
  });

  it('backs up again when the last backup file is gone, even with the same snapshot id', async () => {
    seedMixedPlaylist('Kept');
    await world.backup.run({ playlists: [], all: true, outDir: world.backupDir });
    rmSync(join(world.backupDir, 'Kept.json'));
    const again = await world.backup.run({ playlists: [], all: true, outDir: world.backupDir });
    expect(again.written.map((p) => p.name)).toEqual(['Kept']);
  });

  it("gives playlists with the same or unsafe names distinct safe files, and keeps each one's file on later backups", async () => {
    const a = seedMixedPlaylist('../Mix/..');
    const b = seedMixedPlaylist('../mix/..');
    const report = await world.backup.run({ playlists: [a.id, b.id], all: false, outDir: world.backupDir });
    const names = report.written.map((p) => p.file.slice(world.backupDir.length + 1));
    expect(names).toEqual(['_Mix_.json', `_mix_ (${b.id}).json`]);
    const unchanged = await world.backup.run({
      playlists: [b.id, a.id],
      all: false,
      outDir: world.backupDir,
    });
    expect(unchanged.written).toEqual([]);
    expect(unchanged.unchanged.map((p) => p.id)).toEqual([b.id, a.id]);
    bumpSnapshot(world.fake.playlist(a.id));
    bumpSnapshot(world.fake.playlist(b.id));
    const again = await world.backup.run({ playlists: [b.id, a.id], all: false, outDir: world.backupDir });
    expect(again.written.map((p) => p.file.slice(world.backupDir.length + 1))).toEqual([
      `_mix_ (${b.id}).json`,
      '_Mix_.json',
    ]);
    expect(readdirSync(world.backupDir).sort()).toEqual(['_Mix_.json', `_mix_ (${b.id}).json`, 'versions']);
  });

  it('reports a playlist that cannot be read and backs up the others', async () => {
    const { id } = seedMixedPlaylist('Fine');
    const broken = seedMixedPlaylist('Broken');
    world.fake.spoilPlaylistHeader({ playlistId: broken.id, times: 'always' });
    const report = await world.backup.run({
      playlists: [id, broken.id],
      all: false,
      outDir: world.backupDir,
    });
    expect(report.written.map((p) => p.id)).toEqual([id]);
    expect(report.failed).toEqual([
      expect.objectContaining({ id: broken.id, reason: expect.stringMatching(/unreadable/) }),
    ]);
  });

  it('stops at a playlist id Spotify does not know: a mistake of the user, not a failure to report', async () => {
    const { id } = seedMixedPlaylist('Fine');
    await expect(
      world.backup.run({ playlists: [id, '0000000000000000000000'], all: false, outDir: world.backupDir }),
    ).rejects.toMatchObject({ category: 'input', message: expect.stringMatching(/no playlist 0{22}/) });
  });

  it('backs up a playlist whole when one of its pages came back cut short once', async () => {
    const uris = world.fake.addTracks(...Array.from({ length: 500 }, () => aFakeTrack())).map(trackUri);
    const { id } = world.fake.addPlaylist({ name: 'Long', entries: uris });
    world.fake.spoilPlaylistPage(300);

    const report = await world.backup.run({ playlists: [id], all: false, outDir: world.backupDir });

    expect(report.written).toEqual([expect.objectContaining({ id, items: 500 })]);
    const file = report.written[0]!.file;
    const backup = parsePlaylistBackup(readFileSync(file, 'utf8'), file);
    expect(backup.items.map((item) => item.uri)).toEqual(uris);
    expect(backup.playlist.itemCount).toBe(500);
  });

  it('writes no file, and records no backup, when a page stays cut short or the description has no id', async () => {
    const uris = world.fake.addTracks(...Array.from({ length: 500 }, () => aFakeTrack())).map(trackUri);
    const { id } = world.fake.addPlaylist({ name: 'Long', entries: uris });
    world.fake.spoilPlaylistPage(300, { times: 'always' });

    const report = await world.backup.run({ playlists: [id], all: false, outDir: world.backupDir });

    expect(report.written).toEqual([]);
    expect(report.failed).toEqual([
      expect.objectContaining({
        id,
        reason: expect.stringContaining(
          `Spotify playlist ${id}: the page at offset 300 came back unreadable`,
        ),
      }),
    ]);
    expect(readdirSync(world.backupDir)).toEqual([]);
    expect(await world.temp.repos.syncCheckpoints.get(`backup:spotify:${id}`)).toBeNull();

    const other = world.fake.addPlaylist({ name: 'Short', entries: uris.slice(0, 3) });
    world.fake.spoilPlaylistHeader({ body: 'garbled', times: 'always' });
    const garbled = await world.backup.run({ playlists: [other.id], all: false, outDir: world.backupDir });
    expect(garbled.failed).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/description .* unreadable .*no playlist id/),
      }),
    ]);
    expect(readdirSync(world.backupDir)).toEqual([]);
  });
});
