// `narada playlist backup | restore | list` as a user runs them: the built CLI against the fake
// Spotify, asserting on the files written and on the fake's final state and write calls.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { aFakeTrack, localFileUri, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';

let spotify: FakeSpotify;
let musicbrainz: FakeMusicBrainz;
const home = tempDir();
let env: Record<string, string>;
let tracks: FakeTrack[];
const backups = () => join(home.path, 'backups');

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

const narada = (...args: string[]) => runNarada([...args, '--json'], { env, cwd: home.path });

beforeAll(async () => {
  spotify = await startFakeSpotify();
  musicbrainz = await startFakeMusicBrainz();
  env = cleanEnv(home.path, {
    SPOTIFY_API_URL: spotify.apiUrl,
    SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
    SPOTIFY_CLIENT_ID: spotify.clientId,
    SPOTIFY_REFRESH_TOKEN: spotify.issueRefreshToken(),
    MUSICBRAINZ_API_URL: musicbrainz.url,
  });
  tracks = spotify.addTracks(
    ...Array.from({ length: 130 }, (_, i) => aFakeTrack({ name: `Song ${i}`, artist: `Artist ${i % 17}` })),
  );
});

afterAll(async () => {
  await spotify.close();
  await musicbrainz.close();
  home.remove();
});

describe('narada playlist backup and restore', () => {
  it('backs up a playlist and restores it as a new playlist with the same tracks in the same order', async () => {
    const local = localFileUri({ artist: 'Me', album: 'Rips', title: 'Demo', seconds: 100 });
    const uris = [...tracks.slice(0, 120).map(trackUri), local];
    const original = spotify.addPlaylist({ name: 'Summer / 2025', entries: uris });

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
    expect(spotify.playlistUris(report.playlistId)).toEqual(uris.slice(0, 120));
    const adds = spotify
      .callsTo('POST /playlists/{id}/items')
      .map((c) => (c.body as { uris: string[] }).uris.length);
    expect(adds).toEqual([100, 20]);
  });

  it('writes nothing when the same backup is restored again', async () => {
    const writes = spotify.writeCalls().length;
    const restore = await narada('playlist', 'restore', join(backups(), 'Summer _ 2025.json'));
    expectSuccess(restore);
    expect(restore.json<RestoreJson>()).toMatchObject({ action: 'updated', writeCalls: 0 });
    expect(spotify.writeCalls().length).toBe(writes);
  });

  it('restores onto an edited playlist with --to, and the items it kept keep their added_at', async () => {
    const original = spotify.addPlaylist({ name: 'Edited', entries: tracks.slice(0, 10).map(trackUri) });
    const backup = await narada('playlist', 'backup', original.id);
    const file = backup.json<BackupJson>().written[0]!.file;
    const addedAt = new Map(spotify.playlist(original.id).entries.map((e) => [e.uri, e.addedAt]));
    const edited = spotify.playlist(original.id);
    const extra = {
      uri: trackUri(tracks[125]!),
      addedAt: '2026-01-01T00:00:00Z',
      addedBy: 'narada-listener',
    };
    edited.entries = [edited.entries[3]!, ...edited.entries.slice(0, 3), ...edited.entries.slice(5), extra];

    const restore = await narada('playlist', 'restore', file, '--to', `spotify:playlist:${original.id}`);

    expectSuccess(restore);
    expect(spotify.playlistUris(original.id)).toEqual(tracks.slice(0, 10).map(trackUri));
    const kept = spotify.playlist(original.id).entries.filter((e) => e.uri !== trackUri(tracks[4]!));
    for (const entry of kept) expect(entry.addedAt).toBe(addedAt.get(entry.uri));
    expect(restore.json<RestoreJson>().counts).toMatchObject({ kept: 9, added: 1, removed: 1 });
  });

  it('refuses a corrupt backup with exit 2 and writes nothing', async () => {
    const file = join(home.path, 'corrupt.json');
    const good = readFileSync(join(backups(), 'Summer _ 2025.json'), 'utf8');
    writeFileSync(file, good.slice(0, Math.floor(good.length / 2)));
    const writes = spotify.writeCalls().length;

    const restore = await runNarada(['playlist', 'restore', file], { env, cwd: home.path });

    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain(`${file} is not valid JSON`);
    expect(spotify.writeCalls().length).toBe(writes);
    expect(spotify.callsTo('POST /me/playlists')).toHaveLength(1);
  });

  it('refuses a backup with a damaged field, naming it', async () => {
    const file = join(home.path, 'damaged.json');
    const good = JSON.parse(readFileSync(join(backups(), 'Summer _ 2025.json'), 'utf8')) as {
      items: Array<Record<string, unknown>>;
    };
    good.items[2]!.position = 'three';
    writeFileSync(file, JSON.stringify(good));
    const restore = await runNarada(['playlist', 'restore', file, '--dry-run'], { env, cwd: home.path });
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
    const human = await runNarada(['playlist', 'backup', '--all'], { env, cwd: home.path });
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
    spotify.addTracks(...ids.map((id, i) => aFakeTrack({ id, name: `Indo ${i}` })));
    const file = join(home.path, 'Playlist1.json');
    writeFileSync(file, readFileSync(fixture));

    const restore = await narada('playlist', 'restore', file, '--playlist', 'indo');

    expectSuccess(restore);
    const report = restore.json<RestoreJson>();
    expect(spotify.playlistUris(report.playlistId)).toEqual(ids.map((id) => `spotify:track:${id}`));
    expect(spotify.playlist(report.playlistId).name).toBe('indo');
    expect(existsSync(file)).toBe(true);
  });
});

describe('narada playlist backup when Spotify answers are spoiled on the way', () => {
  const longMix = () =>
    spotify.addPlaylist({
      name: `Long mix ${spotify.state.playlists.size}`,
      entries: Array.from({ length: 500 }, (_, i) => trackUri(tracks[i % tracks.length]!)),
    });

  it('reads a page cut short once again and writes the whole playlist', async () => {
    const playlist = longMix();
    spotify.spoilPlaylistPage(300, { playlistId: playlist.id });

    const backup = await narada('playlist', 'backup', playlist.id, '--out', join(home.path, 'spoiled-once'));

    expectSuccess(backup);
    const [written] = backup.json<BackupJson>().written;
    expect(written).toMatchObject({ id: playlist.id, items: 500 });
    const file = JSON.parse(readFileSync(written!.file, 'utf8')) as { items: Array<{ uri: string }> };
    expect(file.items.map((item) => item.uri)).toEqual(playlist.entries.map((entry) => entry.uri));
  });

  it('exits 1 naming the playlist and the offset, and writes no file, when a page stays cut short', async () => {
    const playlist = longMix();
    spotify.spoilPlaylistPage(300, { times: 'always', playlistId: playlist.id });
    const out = join(home.path, 'spoiled-always');

    const backup = await narada('playlist', 'backup', playlist.id, '--out', out);

    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain(
      `Spotify playlist ${playlist.id}: the page at offset 300 came back unreadable`,
    );
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('exits 1 and writes no file when the playlist description never names the playlist', async () => {
    const playlist = longMix();
    spotify.spoilPlaylistHeader({ body: 'garbled', times: 'always', playlistId: playlist.id });
    const out = join(home.path, 'garbled-header');

    const backup = await narada('playlist', 'backup', playlist.id, '--out', out);

    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/its description .* unreadable 3 times \(no playlist id\)/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
