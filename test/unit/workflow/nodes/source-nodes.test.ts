import { describe, expect, it } from '@jest/globals';
import { aTrack, spotifyIdFor } from '../../../builders/index.js';
import { DAY, NOW, nodeKit, runNode, titles } from './node-kit.js';

const P1 = spotifyIdFor(9001);

describe('source.spotify_playlist', () => {
  it('reads the playlist in order as internal tracks and remembers which item each track was', async () => {
    const kit = nodeKit();
    const [a, b] = [kit.spotify.addTrack({ title: 'A' }), kit.spotify.addTrack({ title: 'B' })];
    kit.spotify.addPlaylist(P1, 'Mix', [kit.spotify.entry(b!, 1), kit.spotify.entry(a!, 2)]);

    const result = await runNode(kit, 'source.spotify_playlist', { playlist_id: P1 });

    expect(titles(result.output)).toEqual(['B', 'A']);
    expect(result.output.name).toBe('Mix');
    expect(kit.ctx.state.playlistReads.has(P1)).toBe(true);
    const uris = await kit.ctx.state.links.urisFor(result.output.tracks, kit.mappings);
    expect(uris).toEqual([`spotify:track:${b!.externalId}`, `spotify:track:${a!.externalId}`]);
  });

  it('accepts a spotify: URI and an open.spotify.com link for playlist_id', async () => {
    const kit = nodeKit();
    const id = '37i9dQZF1DXcBWIGoYBM5M';
    kit.spotify.addPlaylist(id, 'Hits', [kit.spotify.entry(kit.spotify.addTrack({ title: 'X' }), 1)]);

    for (const form of [`spotify:playlist:${id}`, `https://open.spotify.com/playlist/${id}?si=abc`, id]) {
      const result = await runNode(kit, 'source.spotify_playlist', { playlist_id: form });
      expect(titles(result.output)).toEqual(['X']);
    }
  });

  it('leaves podcast episodes and unavailable items out, and says so', async () => {
    const kit = nodeKit();
    const track = kit.spotify.addTrack({ title: 'Song' });
    kit.spotify.addPlaylist(P1, 'Mixed', [
      kit.spotify.entry(track, 1),
      { kind: 'unavailable', uri: null, position: 1, addedAt: 2, addedBy: null },
      {
        kind: 'episode',
        uri: 'spotify:episode:e1',
        episode: { id: 'e1', title: 'Talk', show: 'Show', durationMs: 1, releaseDate: null },
        position: 2,
        addedAt: 3,
        addedBy: null,
      },
    ]);

    const result = await runNode(kit, 'source.spotify_playlist', { playlist_id: P1 });

    expect(titles(result.output)).toEqual(['Song']);
    expect(result.inputCount).toBe(3);
    expect(result.warnings?.[0]).toContain('2 item(s)');
  });
});

describe('source.spotify_likes', () => {
  it('reads liked songs newest first, limited to the newest `limit`', async () => {
    const kit = nodeKit();
    for (const title of ['Newest', 'Middle', 'Oldest']) {
      kit.spotify.saved.push({ addedAt: NOW - DAY, track: kit.spotify.addTrack({ title }) });
    }
    kit.spotify.saved.push({ addedAt: NOW - DAY, track: null });

    const result = await runNode(kit, 'source.spotify_likes', { limit: 2 });

    expect(titles(result.output)).toEqual(['Newest', 'Middle']);
  });
});

describe('source.internal_playlist', () => {
  it('reads a stored playlist by number or by name, in its order', async () => {
    const kit = nodeKit();
    const [a, b] = [aTrack({ title: 'A' }), aTrack({ title: 'B' })];
    for (const track of [a, b]) kit.library.tracks.set(track.id, track);
    const saved = await kit.playlists.save({
      service: null,
      externalId: null,
      name: 'Keepers',
      description: null,
      owner: null,
      isPublic: null,
      collaborative: false,
      snapshotId: null,
      items: [b, a].map((track, position) => ({ position, trackId: track.id, addedAt: 1, addedBy: null })),
      updatedAt: 1,
    });

    expect(
      titles((await runNode(kit, 'source.internal_playlist', { playlist_id: saved.id })).output),
    ).toEqual(['B', 'A']);
    expect(titles((await runNode(kit, 'source.internal_playlist', { name: 'keepers' })).output)).toEqual([
      'B',
      'A',
    ]);
  });

  it('says which playlist is missing and how to list them', async () => {
    await expect(runNode(nodeKit(), 'source.internal_playlist', { playlist_id: 9 })).rejects.toThrow(
      /no playlist 9.*narada playlist list/,
    );
  });
});
