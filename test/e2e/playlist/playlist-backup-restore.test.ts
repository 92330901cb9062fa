// `narada playlist backup | restore | list` as a user runs them: the built CLI against the fake
// Spotify, asserting on the files written and on the fake's final state and write calls.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aFakeTrack, localFileUri, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { expectSuccess, runNarada } from '../cli-harness.js';
import { useFakeServices } from '../kit.js';

const fakes = useFakeServices({ spotify: {}, musicbrainz: {} });
let tracks: FakeTrack[];
const backups = () => join(fakes.home, 'backups');

interface BackupJson {
  written: Array<{ id: string; name: string; items: number; file: string }>;
  unchanged: Array<{ id: string; reason: string }>;
}

interface RestoreJson {
  playlistId: string;
  action: string;
  restored: number;
  writeCalls: number;
  unrestored: Array<{ position: number; reason: string }>;
  counts: { kept: number; added: number; removed: number; moved: number };
}

const narada = (...args: string[]) => runNarada([...args, '--json'], { env: fakes.env, cwd: fakes.home });

beforeAll(() => {
  tracks = fakes.spotify.addTracks(
    ...Array.from({ length: 130 }, (_, i) => aFakeTrack({ name: `Song ${i}`, artist: `Artist ${i % 17}` })),
  );
});

describe('narada playlist backup and restore', () => {
  it('backs up a playlist and restores it as a new playlist with the same tracks in the same order', async () => {
    const local = localFileUri({ artist: 'Me', album: 'Rips', title: 'Demo', seconds: 100 });
    const uris = [...tracks.slice(0, 120).map(trackUri), local];
    const original = fakes.spotify.addPlaylist({ name: 'Summer / 2025', entries: uris });

    const backup = await narada('playlist', 'backup', `https://open.spotify.com/playlist/${original.id}`);
    expectSuccess(backup);
    const [written] = backup.json<BackupJson>().written;
    expect(written).toMatchObject({
      name: 'Summer / 2025',
      items: 121,
      file: join(backups(), 'Summer _ 2025.json'),
    });
    expect(readdirSync(backups())).toEqual(['Summer _ 2025.json']);

    const restore = await narada('playlist', 'restore', written!.file);
    expectSuccess(restore);
    const report = restore.json<RestoreJson>();
    expect(report).toMatchObject({ action: 'created', restored: 120 });
    expect(report.unrestored).toEqual([
      expect.objectContaining({ position: 120, reason: expect.stringMatching(/local file/) }),
    ]);
    expect(fakes.spotify.playlistUris(report.playlistId)).toEqual(uris.slice(0, 120));
    const adds = fakes.spotify
      .callsTo('POST /playlists/{id}/items')
      .map((c) => (c.body as { uris: string[] }).uris.length);
    expect(adds).toEqual([100, 20]);
  });

  it('writes nothing when the same backup is restored again', async () => {
    const writes = fakes.spotify.writeCalls().length;
    const restore = await narada('playlist', 'restore', join(backups(), 'Summer _ 2025.json'));
    expectSuccess(restore);
    expect(restore.json<RestoreJson>()).toMatchObject({ action: 'updated', writeCalls: 0 });
    expect(fakes.spotify.writeCalls().length).toBe(writes);
  });

  it('restores onto an edited playlist with --to, and the items it kept keep their added_at', async () => {
    const original = fakes.spotify.addPlaylist({
      name: 'Edited',
      entries: tracks.slice(0, 10).map(trackUri),
    });
    const backup = await narada('playlist', 'backup', original.id);
    const file = backup.json<BackupJson>().written[0]!.file;
    const addedAt = new Map(fakes.spotify.playlist(original.id).entries.map((e) => [e.uri, e.addedAt]));
    const edited = fakes.spotify.playlist(original.id);
    const extra = {
      uri: trackUri(tracks[125]!),
      addedAt: '2026-01-01T00:00:00Z',
      addedBy: 'narada-listener',
    };
    edited.entries = [edited.entries[3]!, ...edited.entries.slice(0, 3), ...edited.entries.slice(5), extra];

    const restore = await narada('playlist', 'restore', file, '--to', `spotify:playlist:${original.id}`);

    expectSuccess(restore);
    expect(fakes.spotify.playlistUris(original.id)).toEqual(tracks.slice(0, 10).map(trackUri));
    const kept = fakes.spotify.playlist(original.id).entries.filter((e) => e.uri !== trackUri(tracks[4]!));
    for (const entry of kept) expect(entry.addedAt).toBe(addedAt.get(entry.uri));
    expect(restore.json<RestoreJson>().counts).toMatchObject({ kept: 9, added: 1, removed: 1 });
  });

  it('refuses a corrupt backup with exit 2 and writes nothing', async () => {
    const file = join(fakes.home, 'corrupt.json');
    const good = readFileSync(join(backups(), 'Summer _ 2025.json'), 'utf8');
    writeFileSync(file, good.slice(0, Math.floor(good.length / 2)));
    const writes = fakes.spotify.writeCalls().length;

    const restore = await runNarada(['playlist', 'restore', file], { env: fakes.env, cwd: fakes.home });

    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain(`${file} is not valid JSON`);
    expect(fakes.spotify.writeCalls().length).toBe(writes);
    expect(fakes.spotify.callsTo('POST /me/playlists')).toHaveLength(1);
  });

  it('refuses a backup with a damaged field, naming it', async () => {
    const file = join(fakes.home, 'damaged.json');
    const good = JSON.parse(readFileSync(join(backups(), 'Summer _ 2025.json'), 'utf8')) as {
      items: Array<Record<string, unknown>>;
    };
    good.items[2]!.position = 'three';
    writeFileSync(file, JSON.stringify(good));
    const restore = await runNarada(['playlist', 'restore', file, '--dry-run'], {
      env: fakes.env,
      cwd: fakes.home,
    });
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('items[2].position');
  });

  it('with --all, skips playlists unchanged since their last backup and says so', async () => {
    const result = await narada('playlist', 'backup', '--all');
    expectSuccess(result);
    const report = result.json<BackupJson>();
    expect(report.unchanged.map((p) => p.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/unchanged since its backup/)]),
    );
    const human = await runNarada(['playlist', 'backup', '--all'], { env: fakes.env, cwd: fakes.home });
    expectSuccess(human);
    expect(human.stdout).toMatch(/Skipped "Summer \/ 2025": unchanged since its backup/);
  });

  it('lists local and Spotify playlists with their last backup', async () => {
    const result = await narada('playlist', 'list');
    expectSuccess(result);
    const listing = result.json<{
      playlists: Array<{ name: string; lastBackup: { file: string } | null }>;
    }>();
    expect(listing.playlists.find((p) => p.name === 'Summer / 2025')?.lastBackup?.file).toBe(
      join(backups(), 'Summer _ 2025.json'),
    );
  });

  it('restores a playlist of a Spotify account-data export (Playlist1.json)', async () => {
    const fixture = new URL(
      '../../fixtures/exports/spotify-account-data-2026/Playlist1.json',
      import.meta.url,
    );
    const ids = [
      '26KhLgFuPymkm1uiZkc6Rv',
      '4RE24kjn5HN6aeMqETfdG2',
      '70Wtp9jCA3ZhGAxV0pnwS7',
      '1IXbE1zCoiWNdmR6ai3Knf',
      '6E7DsxwI4eOcMHLYRUDCaw',
    ];
    fakes.spotify.addTracks(...ids.map((id, i) => aFakeTrack({ id, name: `Indo ${i}` })));
    const file = join(fakes.home, 'Playlist1.json');
    writeFileSync(file, readFileSync(fixture));

    const restore = await narada('playlist', 'restore', file, '--playlist', 'indo');

    expectSuccess(restore);
    const report = restore.json<RestoreJson>();
    expect(fakes.spotify.playlistUris(report.playlistId)).toEqual(ids.map((id) => `spotify:track:${id}`));
    expect(fakes.spotify.playlist(report.playlistId).name).toBe('indo');
    expect(existsSync(file)).toBe(true);
  });
});

describe('narada playlist backup when Spotify answers are spoiled on the way', () => {
  const longMix = () =>
    fakes.spotify.addPlaylist({
      name: `Long mix ${fakes.spotify.state.playlists.size}`,
      entries: Array.from({ length: 500 }, (_, i) => trackUri(tracks[i % tracks.length]!)),
    });

  it('reads a page cut short once again and writes the whole playlist', async () => {
    const playlist = longMix();
    fakes.spotify.spoilPlaylistPage(300, { playlistId: playlist.id });

    const backup = await narada('playlist', 'backup', playlist.id, '--out', join(fakes.home, 'spoiled-once'));

    expectSuccess(backup);
    const [written] = backup.json<BackupJson>().written;
    expect(written).toMatchObject({ id: playlist.id, items: 500 });
    const file = JSON.parse(readFileSync(written!.file, 'utf8')) as { items: Array<{ uri: string }> };
    expect(file.items.map((item) => item.uri)).toEqual(playlist.entries.map((entry) => entry.uri));
  });

  it('exits 1 naming the playlist and the offset, and writes no file, when a page stays cut short', async () => {
    const playlist = longMix();
    fakes.spotify.spoilPlaylistPage(300, { times: 'always', playlistId: playlist.id });
    const out = join(fakes.home, 'spoiled-always');

    const backup = await narada('playlist', 'backup', playlist.id, '--out', out);

    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain(
      `Spotify playlist ${playlist.id}: the page at offset 300 came back unreadable`,
    );
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('exits 1 and writes no file when the playlist description never names the playlist', async () => {
    const playlist = longMix();
    fakes.spotify.spoilPlaylistHeader({ body: 'garbled', times: 'always', playlistId: playlist.id });
    const out = join(fakes.home, 'garbled-header');

    const backup = await narada('playlist', 'backup', playlist.id, '--out', out);

    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/its description .* unreadable 3 times \(no playlist id\)/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
