import { afterEach, describe, expect, it } from '@jest/globals';
import type { PlaylistMove, SpotifyPort } from '../../../src/application/ports/spotify.port.js';
import { aFakeTrack, trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { openPlaylistWorld, type PlaylistWorld } from './playlist-test-kit.js';

let world: PlaylistWorld | null = null;
afterEach(() => world?.dispose());

/** A client whose first reorder is followed by someone else adding a track in the Spotify app. */
function meddling(intruder: () => void): (client: SpotifyPort) => SpotifyPort {
  return (client) => {
    let meddled = false;
    return Object.assign(Object.create(client) as SpotifyPort, {
      async reorderPlaylistItems(playlistId: string, move: PlaylistMove): Promise<string> {
        const snapshot = await client.reorderPlaylistItems(playlistId, move);
        if (!meddled) {
          meddled = true;
          intruder();
        }
        return snapshot;
      },
    });
  };
}

describe('applying a playlist plan to Spotify', () => {
  it('chains snapshot ids through the writes and reads the result back', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(...Array.from({ length: 4 }, () => aFakeTrack())).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: [uris[1]!, uris[0]!, uris[2]!] });
    const result = await world.apply.run(playlist.id, [uris[0]!, uris[1]!, uris[3]!]);
    expect(world.fake.playlistUris(playlist.id)).toEqual([uris[0], uris[1], uris[3]]);
    expect(result).toMatchObject({ strategy: 'differential', replans: 0, writeCalls: 3 });
    const [remove, move] = world.fake.writeCalls();
    expect((remove!.body as { snapshot_id?: string }).snapshot_id).toBe(
      Buffer.from('1:seed').toString('base64'),
    );
    expect((move!.body as { snapshot_id?: string }).snapshot_id).toBeDefined();
    expect((move!.body as { snapshot_id?: string }).snapshot_id).not.toBe(
      (remove!.body as { snapshot_id?: string }).snapshot_id,
    );
  });

  it('re-plans from a fresh read when someone changed the playlist meanwhile', async () => {
    let intrude = (): void => undefined;
    world = await openPlaylistWorld({ spotify: meddling(() => intrude()) });
    const fake = world.fake;
    const uris = fake.addTracks(...Array.from({ length: 5 }, () => aFakeTrack())).map(trackUri);
    const playlist = fake.addPlaylist({ entries: [uris[2]!, uris[0]!, uris[1]!] });
    intrude = () =>
      fake
        .playlist(playlist.id)
        .entries.push({ uri: uris[4]!, addedAt: '2024-01-01T00:00:00Z', addedBy: 'someone' });

    const result = await world.apply.run(playlist.id, [uris[0]!, uris[1]!, uris[2]!, uris[3]!]);

    expect(fake.playlistUris(playlist.id)).toEqual([uris[0], uris[1], uris[2], uris[3]]);
    expect(result.replans).toBe(1);
  });

  it('sends nothing when the playlist already matches', async () => {
    world = await openPlaylistWorld();
    const uris = world.fake.addTracks(aFakeTrack(), aFakeTrack()).map(trackUri);
    const playlist = world.fake.addPlaylist({ entries: uris });
    const result = await world.apply.run(playlist.id, uris);
    expect(result.writeCalls).toBe(0);
    expect(world.fake.writeCalls()).toEqual([]);
  });
});
