import { afterEach, describe, expect, it } from '@jest/globals';
import type { PlaylistMove, SpotifyPort } from '../../../src/application/ports/spotify.port.js';
import {
  syncSpotifyPlaylist,
  type SpotifySyncRequest,
} from '../../../src/application/playlist/spotify-playlist-sync.js';
import {
  aFakeEpisode,
  aFakeTrack,
  episodeUri,
  localFileUri,
  trackUri,
} from '../../fakes/spotify/fake-spotify-builders.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld | null = null;
afterEach(() => world?.dispose());

/** A client that lets `intruder` edit the playlist "in the Spotify app" after its first reorder(s). */
function meddling(intruder: () => void, times = 1): (client: SpotifyPort) => SpotifyPort {
  return (client) => {
    let meddled = 0;
    return Object.assign(Object.create(client) as SpotifyPort, {
      async reorderPlaylistItems(playlistId: string, move: PlaylistMove): Promise<string> {
        const snapshot = await client.reorderPlaylistItems(playlistId, move);
        if (meddled < times) {
          meddled += 1;
          intruder();
        }
        return snapshot;
      },
    });
  };
}

function sync(playlistId: string, target: readonly string[], extra: Partial<SpotifySyncRequest> = {}) {
  return syncSpotifyPlaylist(world!.spotify, {
    playlistId,
    target,
    label: (uri) => uri,
    allowAddedAtLoss: false,
    dryRun: false,
    allowEmpty: false,
    ...extra,
  });
}

const someoneAdds = (id: string, uri: string) => () =>
  world!.fake.playlist(id).entries.push({ uri, addedAt: '2024-01-01T00:00:00Z', addedBy: 'someone' });

describe('bringing a Spotify playlist to a target list', () => {
  it('chains snapshot ids through the writes and reads the result back', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(...Array.from({ length: 4 }, () => aFakeTrack())).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[1]!, uris[0]!, uris[2]!] });
    const result = await sync(playlist.id, [uris[0]!, uris[1]!, uris[3]!]);
    expect(world.fake.playlistUris(playlist.id)).toEqual([uris[0], uris[1], uris[3]]);
    expect(result).toMatchObject({ attempts: 1, writeCalls: 3, change: { strategy: 'differential' } });
    const [remove, move] = world.fake.writeCalls();
    expect((remove!.body as { snapshot_id?: string }).snapshot_id).toBe(
      Buffer.from('1:seed').toString('base64'),
    );
    expect((move!.body as { snapshot_id?: string }).snapshot_id).toBeDefined();
    expect((move!.body as { snapshot_id?: string }).snapshot_id).not.toBe(
      (remove!.body as { snapshot_id?: string }).snapshot_id,
    );
  });

  it('re-plans from the read-back when someone changed the playlist meanwhile', async () => {
    let intrude = (): void => undefined;
    world = await openPlaylistWorld({ spotify: meddling(() => intrude()) });
    const uris = world.fake.addTracks(...Array.from({ length: 5 }, () => aFakeTrack())).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[2]!, uris[0]!, uris[1]!] });
    intrude = someoneAdds(playlist.id, uris[4]!);

    const result = await sync(playlist.id, [uris[0]!, uris[1]!, uris[2]!, uris[3]!]);

    expect(world.fake.playlistUris(playlist.id)).toEqual([uris[0], uris[1], uris[2], uris[3]]);
    expect(result.attempts).toBe(2);
  });

  it('checks the snapshot of an earlier read before writing, and plans against a fresh one', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(...Array.from({ length: 3 }, () => aFakeTrack())).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[0]!, uris[1]!] });
    const earlier = await world.spotify.getPlaylist(playlist.id);
    world.fake.playlist(playlist.id).entries.reverse();
    world.fake.playlist(playlist.id).snapshotId = 'changed-elsewhere';

    const result = await sync(playlist.id, [uris[0]!, uris[1]!], {
      known: { playlist: earlier, fresh: false },
    });

    expect(world.fake.playlistUris(playlist.id)).toEqual([uris[0], uris[1]]);
    expect(result).toMatchObject({ attempts: 2, change: { moved: 1 } });
  });

  it('stops with PLAYLIST.KEPT_CHANGING when every plan is overtaken', async () => {
    let intrude = (): void => undefined;
    world = await openPlaylistWorld({ spotify: meddling(() => intrude(), 10) });
    const uris = world.fake.addTracks(...Array.from({ length: 4 }, () => aFakeTrack())).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[2]!, uris[1]!, uris[0]!] });
    intrude = () => world!.fake.playlist(playlist.id).entries.reverse();

    await expect(sync(playlist.id, [uris[0]!, uris[1]!, uris[2]!])).rejects.toMatchObject({
      code: 'PLAYLIST.KEPT_CHANGING',
      retryable: true,
      message: expect.stringContaining('Run the same command again'),
    });
  });

  it('reports a write Spotify refuses on a playlist nobody else touched as it is, not as a conflict', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(aFakeTrack(), aFakeTrack()).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[0]!] });
    const unknown = 'spotify:track:' + '9'.repeat(22);

    await expect(sync(playlist.id, [uris[0]!, unknown])).rejects.toMatchObject({ status: 400 });
    expect(world.fake.writeCalls()).toHaveLength(1);
  });

  it('leaves episodes, unavailable items and local files the target does not name where they are', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(aFakeTrack(), aFakeTrack()).map(trackUri);
    const [episode] = world.fake.addEpisodes(aFakeEpisode());
    const local = localFileUri({ artist: 'Me', album: 'Demo', title: 'Tape', seconds: 90 });
    const entries = [episodeUri(episode!), uris[0]!, local, uris[1]!];
    const playlist = world.fake.addPlaylist({ entries });
    const addedAt = world.fake.playlist(playlist.id).entries.map((entry) => entry.addedAt);

    const result = await sync(playlist.id, [uris[1]!, uris[0]!]);

    expect(world.fake.playlistUris(playlist.id)).toEqual([episodeUri(episode!), uris[1], local, uris[0]]);
    expect(
      world.fake
        .playlist(playlist.id)
        .entries.map((entry) => entry.addedAt)
        .sort(),
    ).toEqual([...addedAt].sort());
    expect(result.leftInPlace).toEqual([
      expect.objectContaining({ position: 0, kind: 'episode' }),
      expect.objectContaining({ position: 2, kind: 'local' }),
    ]);
    expect(world.fake.callsTo('DELETE /playlists/{id}/items')).toEqual([]);
  });

  it('sends nothing when the playlist already matches', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(aFakeTrack(), aFakeTrack()).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: uris });
    const result = await sync(playlist.id, uris);
    expect(result.writeCalls).toBe(0);
    expect(world.fake.writeCalls()).toEqual([]);
  });
});
