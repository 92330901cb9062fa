import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parsePlaylistBackup } from '../../../src/domain/backup/parse-playlist-backup.js';
import { restoreSourceFromBackup, type RestoreSource } from '../../../src/domain/backup/restore-source.js';
import { aFakeTrack, localFileUri, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld;
beforeEach(async () => {
  world = await openPlaylistWorld();
});
afterEach(() => world.dispose());

function seedTracks(n: number): FakeTrack[] {
  return world.fake.addTracks(
    ...Array.from({ length: n }, (_, i) => aFakeTrack({ name: `Song ${i}`, artist: `Artist ${i}` })),
  );
}

async function backupOf(playlistId: string): Promise<RestoreSource> {
  const report = await world.backup.run({ playlists: [playlistId], all: false, outDir: world.backupDir });
  const file = report.written[0]!.file;
  return restoreSourceFromBackup(parsePlaylistBackup(readFileSync(file, 'utf8'), file), file);
}

describe('playlist restore (real client, fake Spotify)', () => {
  it('recreates a backup as a new playlist with the same tracks in the same order, in batches of 100', async () => {
    const uris = seedTracks(150).map(trackUri);
    const original = world.fake.addPlaylist({
      name: 'Big',
      description: 'a description',
      isPublic: false,
      entries: uris,
    });
    const source = await backupOf(original.id);

    const report = await world.restore.run(source, { dryRun: false });

    expect(report.action).toBe('created');
    expect(report.playlistId).not.toBe(original.id);
    expect(world.fake.playlistUris(report.playlistId!)).toEqual(uris);
    expect(world.fake.playlist(report.playlistId!)).toMatchObject({
      name: 'Big',
      description: 'a description',
      isPublic: false,
    });
    const adds = world.fake.callsTo('POST /playlists/{id}/items');
    expect(adds.map((call) => (call.body as { uris: string[] }).uris.length)).toEqual([100, 50]);
    expect(report).toMatchObject({ restored: 150, unrestored: [], writeCalls: 2 });
  });

  it('writes nothing when the same backup is restored a second time', async () => {
    const original = world.fake.addPlaylist({ name: 'Twice', entries: seedTracks(5).map(trackUri) });
    const source = await backupOf(original.id);
    const first = await world.restore.run(source, { dryRun: false });
    const writes = world.fake.writeCalls().length;

    const second = await world.restore.run(source, { dryRun: false });

    expect(second).toMatchObject({ action: 'updated', playlistId: first.playlistId, writeCalls: 0 });
    expect(world.fake.writeCalls().length).toBe(writes);
    expect([...world.fake.state.playlists.values()].filter((p) => p.name === 'Twice')).toHaveLength(2);
  });

  it('brings an edited playlist back to the backup, and the items it kept keep their added_at', async () => {
    const tracks = seedTracks(8);
    const original = world.fake.addPlaylist({ name: 'Edited', entries: tracks.slice(0, 6).map(trackUri) });
    const source = await backupOf(original.id);
    const kept = new Map(world.fake.playlist(original.id).entries.map((e) => [e.uri, e.addedAt]));
    // Edits after the backup: one removed, two added, two swapped.
    const playlist = world.fake.playlist(original.id);
    const [a, b, c, d, e, f] = playlist.entries;
    playlist.entries = [
      b!,
      a!,
      c!,
      e!,
      f!,
      { ...d!, uri: trackUri(tracks[6]!) },
      { ...d!, uri: trackUri(tracks[7]!) },
    ];

    const report = await world.restore.run(source, { to: original.id, dryRun: false });

    expect(world.fake.playlistUris(original.id)).toEqual(tracks.slice(0, 6).map(trackUri));
    const after = world.fake.playlist(original.id).entries;
    for (const entry of after.filter((x) => x.uri !== trackUri(tracks[3]!)))
      expect(entry.addedAt).toBe(kept.get(entry.uri));
    expect(
      world.fake
        .callsTo('PUT /playlists/{id}/items')
        .every((call) => !new URLSearchParams(call.query).has('uris')),
    ).toBe(true);
    expect(report.counts).toMatchObject({ kept: 5, added: 1, removed: 2 });
  });

  it('plans without writing in a dry run', async () => {
    const original = world.fake.addPlaylist({ name: 'Dry', entries: seedTracks(3).map(trackUri) });
    const source = await backupOf(original.id);
    const writes = world.fake.writeCalls().length;
    const report = await world.restore.run(source, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, playlistId: null, restored: 3, writeCalls: 0 });
    expect(report.counts.added).toBe(3);
    expect(world.fake.writeCalls().length).toBe(writes);
  });

  it('finds a track Spotify re-issued under another id by its ISRC, and reports local files it cannot add', async () => {
    const [old] = seedTracks(1);
    const local = localFileUri({ artist: 'Me', album: 'Rips', title: 'Demo', seconds: 90 });
    const original = world.fake.addPlaylist({ name: 'Reissued', entries: [trackUri(old!), local] });
    const source = await backupOf(original.id);
    world.fake.removeFromCatalog(old!.id);
    const [reissue] = world.fake.addTracks(
      aFakeTrack({ isrc: old!.isrc, name: old!.name, artists: old!.artists }),
    );

    const report = await world.restore.run(source, { dryRun: false });

    expect(world.fake.playlistUris(report.playlistId!)).toEqual([trackUri(reissue!)]);
    expect(report.unrestored).toEqual([
      expect.objectContaining({ position: 1, name: 'Demo', reason: expect.stringMatching(/local file/) }),
    ]);
  });

  it('restores the playlists of a Spotify account-data export by their URIs', async () => {
    const ids = ['0nzCZIbxhUQxBL0qAf74FC', '0H33WTImWuFJW2jKpv1Web'];
    world.fake.addTracks(...ids.map((id, i) => aFakeTrack({ id, name: `Export ${i}` })));
    const source: RestoreSource = {
      origin: 'spotify-export',
      file: 'Playlist1.json',
      key: 'restore:spotify-export:Radio Fernando',
      name: 'Radio Fernando',
      description: null,
      isPublic: null,
      collaborative: false,
      items: ids.map((id, position) => ({
        position,
        kind: 'track',
        uri: `spotify:track:${id}`,
        name: `Export ${position}`,
        artists: ['X'],
        album: null,
        durationMs: null,
        isrc: null,
        mbid: null,
      })),
    };
    const report = await world.restore.run(source, { dryRun: false });
    expect(world.fake.playlistUris(report.playlistId!)).toEqual(ids.map((id) => `spotify:track:${id}`));
  });

  it('reports the same plan in a dry run and a real run when a backed-up track is no longer on Spotify', async () => {
    const tracks = seedTracks(3);
    const original = world.fake.addPlaylist({ name: 'Gone one', entries: tracks.map(trackUri) });
    const source = await backupOf(original.id);
    world.fake.removeFromCatalog(tracks[1]!.id);

    const dry = await world.restore.run(source, { dryRun: true });
    const real = await world.restore.run(source, { dryRun: false });

    const plan = (r: typeof dry) => ({ restored: r.restored, counts: r.counts, unrestored: r.unrestored });
    expect(plan(real)).toEqual(plan(dry));
    expect(dry).toMatchObject({ restored: 2, counts: { added: 2 } });
    expect(world.fake.playlistUris(real.playlistId!)).toEqual([trackUri(tracks[0]!), trackUri(tracks[2]!)]);
  });

  it('refuses a backup none of whose tracks can be found, in a dry run too, and creates or changes no playlist', async () => {
    const tracks = seedTracks(2);
    const original = world.fake.addPlaylist({ name: 'All gone', entries: tracks.map(trackUri) });
    const source = await backupOf(original.id);
    for (const track of tracks) world.fake.removeFromCatalog(track.id);
    const others = world.fake.addTracks(aFakeTrack({ name: 'Other' }), aFakeTrack({ name: 'Else' }));
    const target = world.fake.addPlaylist({ name: 'Target', entries: others.map(trackUri) });
    const before = world.fake.playlistUris(target.id);

    for (const options of [{ dryRun: true }, { dryRun: false }, { dryRun: false, to: target.id }]) {
      const error = await world.restore.run(source, options).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'PLAYLIST.NOTHING_TO_RESTORE', category: 'failure' });
      expect((error as Error).message).toContain(
        'none of the 2 items of "All gone" could be found on Spotify',
      );
    }
    expect(world.fake.callsTo('POST /me/playlists')).toHaveLength(0);
    expect(world.fake.writeCalls()).toHaveLength(0);
    expect(world.fake.playlistUris(target.id)).toEqual(before);
  });
});
