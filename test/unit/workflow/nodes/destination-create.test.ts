import { describe, expect, it } from '@jest/globals';
import { trackList, withTracks } from '../../../../src/domain/workflow/track-list.js';
import { aTrack, spotifyIdFor } from '../../../builders/index.js';
import { NOW, nodeKit, runNode, titles, type Kit } from './node-kit.js';

const SOURCE = spotifyIdFor(8001);

async function sourceOf(kit: Kit, count: number) {
  const tracks = Array.from({ length: count }, (_, i) => kit.spotify.addTrack({ title: `T${i}` }));
  kit.spotify.addPlaylist(
    SOURCE,
    'Source',
    tracks.map((t, i) => kit.spotify.entry(t, i)),
  );
  return (await runNode(kit, 'source.spotify_playlist', { playlist_id: SOURCE })).output;
}

describe('destination.create_spotify_playlist', () => {
  it('creates a private playlist holding the tracks in order', async () => {
    const kit = nodeKit();
    const list = await sourceOf(kit, 250);

    const result = await runNode(kit, 'destination.create_spotify_playlist', { name: 'Copy' }, { in: list });

    const created = (result.details?.playlist as { id: string }).id;
    expect(kit.spotify.entries(created).map((e) => (e.kind === 'track' ? e.track.title : ''))).toEqual(
      titles(list),
    );
    expect(result.details?.change).toMatchObject({
      strategy: 'create',
      added: 250,
      calls: expect.arrayContaining([expect.stringMatching(/add 50 at 200/)]),
    });
  });

  it('leaves out tracks with no Spotify item, and says how many', async () => {
    const kit = nodeKit();
    const list = await sourceOf(kit, 2);

    const result = await runNode(
      kit,
      'destination.create_spotify_playlist',
      {},
      {
        in: withTracks(list, [...list.tracks, aTrack({ title: 'Only on Last.fm' })]),
      },
    );

    expect(result.warnings?.[0]).toMatch(/^1 track\(s\) have no Spotify item/);
    expect(result.details?.change).toMatchObject({ added: 2 });
  });

  it('in a dry run creates nothing', async () => {
    const kit = nodeKit({ dryRun: true });
    const list = await sourceOf(kit, 3);

    const result = await runNode(kit, 'destination.create_spotify_playlist', { name: 'Copy' }, { in: list });

    expect(kit.spotify.writes()).toEqual([]);
    expect(result.details).toMatchObject({
      dryRun: true,
      change: { calls: ['POST /me/playlists (create)', expect.stringMatching(/add 3 at 0/)] },
    });
  });
});

describe("playlists in Narada's database", () => {
  it('create_internal_playlist saves the tracks with the run time as added_at', async () => {
    const kit = nodeKit();
    const tracks = [aTrack(), aTrack()];

    const result = await runNode(
      kit,
      'destination.create_internal_playlist',
      { name: 'Mine' },
      { in: trackList(tracks) },
    );

    const saved = await kit.playlists.findById((result.details?.playlist as { id: number }).id);
    expect(saved?.items.map((item) => [item.trackId, item.addedAt])).toEqual(tracks.map((t) => [t.id, NOW]));
  });

  it('update_playlist with a playlist number keeps added_at of the items that stay', async () => {
    const kit = nodeKit();
    const [a, b, c] = [aTrack(), aTrack(), aTrack()];
    const saved = await kit.playlists.save({
      service: null,
      externalId: null,
      name: 'Mine',
      description: null,
      owner: null,
      isPublic: null,
      collaborative: false,
      snapshotId: null,
      items: [a!, b!].map((t, position) => ({
        position,
        trackId: t.id,
        addedAt: 100 + position,
        addedBy: 'me',
      })),
      updatedAt: 1,
    });

    await runNode(kit, 'destination.update_playlist', { playlist_id: saved.id }, { in: trackList([c!, b!]) });

    const items = (await kit.playlists.findById(saved.id))!.items;
    expect(items.map((item) => [item.trackId, item.addedAt, item.addedBy])).toEqual([
      [c!.id, NOW, null],
      [b!.id, 101, 'me'],
    ]);
  });
});
