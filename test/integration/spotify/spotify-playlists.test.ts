import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../../../src/application/ports/upstream-errors.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import {
  aFakeEpisode,
  aFakeTrack,
  localFileUri,
  trackUri,
} from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { fakeSpotifyPerTest, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

function seedTracks(n: number): FakeTrack[] {
  return fake.addTracks(...Array.from({ length: n }, () => aFakeTrack()));
}

describe('reading a playlist', () => {
  it('reads every entry of a multi-page playlist in order, keeping local files, episodes and unavailable entries', async () => {
    const tracks = seedTracks(240);
    const [episode] = fake.addEpisodes(aFakeEpisode({ name: 'Interview', showName: 'Music Talk' }));
    const gone = aFakeTrack({ name: 'Withdrawn' });
    const local = localFileUri({ artist: 'Home Band', album: 'Demos', title: 'Garage Take', seconds: 201 });
    const uris = tracks.map(trackUri);
    uris.splice(50, 0, local);
    uris.splice(120, 0, trackUri(gone));
    uris.splice(210, 0, `spotify:episode:${episode!.id}`);
    const playlist = fake.addPlaylist({ name: 'Long mix', entries: uris });
    const { client } = spotifyRig(fake);

    const read = await client.getPlaylist(playlist.id);

    expect(read.entries).toHaveLength(243);
    expect(read.entries.map((e) => e.position)).toEqual([...Array(243).keys()]);
    // Spotify sends `item: null` for an entry it no longer serves, so its URI is unknown.
    expect(read.entries.map((e) => e.uri)).toEqual(uris.map((uri, i) => (i === 120 ? null : uri)));
    expect(read.entries[50]).toMatchObject({ kind: 'local', uri: local });
    expect(read.entries[50]!.kind === 'local' && read.entries[50]!.track).toMatchObject({
      title: 'Garage Take',
      artists: ['Home Band'],
      album: 'Demos',
      durationMs: 201_000,
      isrc: null,
    });
    expect(read.entries[120]).toMatchObject({ kind: 'unavailable', uri: null });
    expect(read.entries[210]).toMatchObject({
      kind: 'episode',
      episode: { title: 'Interview', show: 'Music Talk' },
    });
    const first = read.entries[0]!;
    expect(first.kind === 'track' && first.track.isrc?.value).toBe(tracks[0]!.isrc);
    expect(first.addedAt).toBe(Date.UTC(2020, 0, 1));
    expect(first.addedBy).toBe(fake.defaultUserId);
    expect(read).toMatchObject({ name: 'Long mix', ownerId: fake.defaultUserId, itemCount: 243 });
  });

  it('uses the first page embedded in the playlist and then follows `next` links as given', async () => {
    const playlist = fake.addPlaylist({ entries: seedTracks(250).map(trackUri) });
    const { client } = spotifyRig(fake);

    await client.getPlaylist(playlist.id);

    expect(fake.callsTo('GET /playlists/{id}')).toHaveLength(1);
    const pages = fake.callsTo('GET /playlists/{id}/items');
    expect(pages.map((r) => new URLSearchParams(r.query).get('offset'))).toEqual(['100', '200']);
    expect(pages.every((r) => new URLSearchParams(r.query).get('limit') === '100')).toBe(true);
  });

  it('reads a collaborative playlist the user follows but does not own', async () => {
    const playlist = fake.addPlaylist({
      ownerId: 'friend',
      collaborative: true,
      followers: [fake.defaultUserId],
      entries: seedTracks(3).map(trackUri),
    });
    const { client } = spotifyRig(fake);

    expect((await client.getPlaylist(playlist.id)).entries).toHaveLength(3);
  });

  it("refuses someone else's playlist with a message that explains Spotify's 2026 rule", async () => {
    const playlist = fake.addPlaylist({ ownerId: 'someone-else', entries: seedTracks(3).map(trackUri) });
    const { client } = spotifyRig(fake);

    const error = await client.getPlaylist(playlist.id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NaradaError);
    expect(error).toMatchObject({ code: 'SPOTIFY.PLAYLIST_NOT_YOURS' });
    expect((error as Error).message).toContain('playlist is not yours or not collaborative');
    expect(fake.callsTo('GET /playlists/{id}/items')).toHaveLength(1);
  });

  it('reports a playlist that does not exist as not found', async () => {
    const { client } = spotifyRig(fake);

    await expect(client.getPlaylist('0000000000000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists the playlists the user owns or follows, across pages of 50', async () => {
    for (let i = 0; i < 60; i++) fake.addPlaylist({ name: `Mine ${i}` });
    fake.addPlaylist({ name: 'Followed', ownerId: 'friend', followers: [fake.defaultUserId] });
    fake.addPlaylist({ name: 'Not mine', ownerId: 'friend' });
    const { client } = spotifyRig(fake);

    const lists = await client.listMyPlaylists();

    expect(lists).toHaveLength(61);
    expect(lists.at(-1)).toMatchObject({ name: 'Followed', ownerId: 'friend', itemCount: 0 });
    expect(fake.callsTo('GET /me/playlists').map((r) => new URLSearchParams(r.query).get('limit'))).toEqual([
      '50',
      '50',
    ]);
  });
});

describe('changing a playlist', () => {
  it('creates a playlist with POST /me/playlists, private unless asked', async () => {
    const { client } = spotifyRig(fake);

    const created = await client.createPlaylist({ name: 'Narada picks', description: 'made by a workflow' });

    expect(created).toMatchObject({ name: 'Narada picks', ownerId: fake.defaultUserId, isPublic: false });
    expect(fake.callsTo('POST /me/playlists')).toHaveLength(1);
    expect(fake.playlist(created.id).description).toBe('made by a workflow');
  });

  it('adds 250 tracks in requests of at most 100, in order, at the asked position', async () => {
    const existing = seedTracks(2).map(trackUri);
    const playlist = fake.addPlaylist({ entries: existing });
    const adding = seedTracks(250).map(trackUri);
    const { client } = spotifyRig(fake);

    const snapshot = await client.addPlaylistItems(playlist.id, adding, { position: 1 });

    const posts = fake.callsTo('POST /playlists/{id}/items');
    expect(posts.map((r) => (r.body as { uris: string[] }).uris.length)).toEqual([100, 100, 50]);
    expect(posts.map((r) => (r.body as { position: number }).position)).toEqual([1, 101, 201]);
    expect(fake.playlistUris(playlist.id)).toEqual([existing[0], ...adding, existing[1]]);
    expect(snapshot).toBe(fake.playlist(playlist.id).snapshotId);
  });

  it('sends nothing when there is nothing to add or remove', async () => {
    const playlist = fake.addPlaylist({ entries: seedTracks(2).map(trackUri) });
    const { client } = spotifyRig(fake);

    expect(await client.addPlaylistItems(playlist.id, [])).toBeNull();
    expect(await client.removePlaylistItems(playlist.id, [])).toBeNull();
    expect(fake.writeCalls()).toHaveLength(0);
  });

  it('removes in batches of 100 with the `items` body, passing each returned snapshot id to the next request', async () => {
    const tracks = seedTracks(230).map(trackUri);
    const playlist = fake.addPlaylist({ entries: [...tracks, tracks[0]!] });
    const { client } = spotifyRig(fake);

    const snapshot = await client.removePlaylistItems(playlist.id, tracks.slice(0, 150), {
      snapshotId: 'seen-snapshot',
    });

    const deletes = fake
      .callsTo('DELETE /playlists/{id}/items')
      .map((r) => r.body as { items: unknown[]; snapshot_id: string });
    expect(deletes.map((b) => b.items.length)).toEqual([100, 50]);
    expect(deletes[0]!.snapshot_id).toBe('seen-snapshot');
    expect(deletes[1]!.snapshot_id).not.toBe('seen-snapshot');
    expect(deletes[1]!.snapshot_id).toBeTruthy();
    expect(fake.playlistUris(playlist.id)).toEqual(tracks.slice(150));
    expect(snapshot).toBe(fake.playlist(playlist.id).snapshotId);
  });

  it('replaces a playlist with 130 tracks: the first 100 replace, the rest are appended', async () => {
    const playlist = fake.addPlaylist({ entries: seedTracks(5).map(trackUri) });
    const target = seedTracks(130).map(trackUri);
    const { client } = spotifyRig(fake);

    await client.replacePlaylistItems(playlist.id, target);

    const puts = fake.callsTo('PUT /playlists/{id}/items');
    expect(puts).toHaveLength(1);
    expect(new URLSearchParams(puts[0]!.query).get('uris')!.split(',')).toHaveLength(100);
    expect(fake.callsTo('POST /playlists/{id}/items')).toHaveLength(1);
    expect(fake.playlistUris(playlist.id)).toEqual(target);
  });

  it('clears a playlist when replacing with no tracks', async () => {
    const playlist = fake.addPlaylist({ entries: seedTracks(5).map(trackUri) });
    const { client } = spotifyRig(fake);

    await client.replacePlaylistItems(playlist.id, []);

    expect(fake.playlistUris(playlist.id)).toEqual([]);
  });

  it('moves entries with insert_before counted before the move, keeping their added_at', async () => {
    const tracks = seedTracks(10).map(trackUri);
    const playlist = fake.addPlaylist({ entries: tracks });
    const addedAt = new Map(fake.playlist(playlist.id).entries.map((e) => [e.uri, e.addedAt]));
    const { client } = spotifyRig(fake);

    const s1 = await client.reorderPlaylistItems(playlist.id, { rangeStart: 0, insertBefore: 10 });
    expect(fake.playlistUris(playlist.id)).toEqual([...tracks.slice(1), tracks[0]]);

    const s2 = await client.reorderPlaylistItems(playlist.id, {
      rangeStart: 9,
      insertBefore: 0,
      snapshotId: s1,
    });
    expect(fake.playlistUris(playlist.id)).toEqual(tracks);

    await client.reorderPlaylistItems(playlist.id, {
      rangeStart: 8,
      rangeLength: 2,
      insertBefore: 0,
      snapshotId: s2,
    });
    expect(fake.playlistUris(playlist.id)).toEqual([tracks[8], tracks[9], ...tracks.slice(0, 8)]);

    expect(s2).not.toBe(s1);
    expect(fake.playlist(playlist.id).entries.every((e) => e.addedAt === addedAt.get(e.uri))).toBe(true);
    const bodies = fake.callsTo('PUT /playlists/{id}/items').map((r) => r.body);
    expect(bodies[2]).toEqual({ range_start: 8, range_length: 2, insert_before: 0, snapshot_id: s2 });
  });

  it("refuses to change someone else's playlist with a clear error", async () => {
    const playlist = fake.addPlaylist({ ownerId: 'someone-else' });
    const [track] = seedTracks(1);
    const { client } = spotifyRig(fake);

    await expect(client.addPlaylistItems(playlist.id, [trackUri(track!)])).rejects.toMatchObject({
      code: 'SPOTIFY.PLAYLIST_NOT_YOURS',
    });
  });
});
