import { describe, expect, it } from '@jest/globals';
import {
  aFakeEpisode,
  aFakeTrack,
  localFileUri,
  trackUri,
} from '../../fakes/spotify/fake-spotify-builders.js';
import { fakeSpotifyPerTest, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest({ rotateRefreshTokens: true });

describe('2026 routes only', () => {
  it('never calls a route Spotify removed for development-mode apps, across every client operation', async () => {
    const tracks = fake.addTracks(...Array.from({ length: 260 }, () => aFakeTrack()));
    const [episode] = fake.addEpisodes(aFakeEpisode());
    const uris = tracks.slice(0, 230).map(trackUri);
    const mine = fake.addPlaylist({
      entries: [
        ...uris,
        `spotify:episode:${episode!.id}`,
        localFileUri({ artist: 'A', album: 'B', title: 'C', seconds: 60 }),
      ],
    });
    fake.addSavedTracks(
      tracks
        .slice(0, 120)
        .map((t, i) => ({ trackId: t.id, addedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() })),
    );
    const { client } = spotifyRig(fake);
    fake.expireAccessTokens({ afterRequests: 5 });

    await client.whoAmI();
    await client.listMyPlaylists();
    await client.getPlaylist(mine.id);
    const created = await client.createPlaylist({ name: 'New', collaborative: true });
    await client.addPlaylistItems(created.id, tracks.slice(0, 150).map(trackUri));
    const snapshot = await client.removePlaylistItems(created.id, tracks.slice(0, 120).map(trackUri));
    await client.reorderPlaylistItems(created.id, { rangeStart: 0, insertBefore: 30, snapshotId: snapshot! });
    await client.replacePlaylistItems(created.id, tracks.slice(100, 250).map(trackUri));
    await client.listSavedTracks();
    await client.saveTracks(tracks.slice(150, 250).map((t) => t.id));
    await client.removeSavedTracks(tracks.slice(0, 90).map((t) => t.id));
    await client.getTracks(tracks.slice(0, 12).map((t) => t.id));
    await client.searchTracks({ title: tracks[3]!.name, artist: tracks[3]!.artists[0]!.name }, { limit: 50 });
    await client.searchTracks({ isrc: tracks[5]!.isrc! });

    expect(fake.removedRouteCalls()).toEqual([]);
    expect(fake.apiCalls().filter((r) => r.status >= 400 && r.status !== 401)).toEqual([]);
    expect(fake.apiCalls().length).toBeGreaterThan(30);
  });

  it('the fake answers removed routes with 403 and records them, so the check above can fail', async () => {
    const token = fake.issueAccessToken();
    const playlist = fake.addPlaylist();
    const headers = { authorization: `Bearer ${token}` };

    const answers = await Promise.all([
      fetch(`${fake.apiUrl}/playlists/${playlist.id}/tracks`, { headers }),
      fetch(`${fake.apiUrl}/tracks?ids=${aFakeTrack().id}`, { headers }),
      fetch(`${fake.apiUrl}/users/${fake.defaultUserId}/playlists`, { method: 'POST', headers, body: '{}' }),
      fetch(`${fake.apiUrl}/me/tracks?ids=${aFakeTrack().id}`, { method: 'PUT', headers }),
      fetch(`${fake.apiUrl}/search?q=x&type=track&limit=20`, { headers }),
    ]);

    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 400]);
    expect(
      fake
        .removedRouteCalls()
        .map((c) => c.rule)
        .sort(),
    ).toEqual(
      [
        '* /playlists/{id}/tracks',
        'GET /tracks?ids=',
        '* /users/{id}/playlists',
        'PUT|DELETE /me/tracks',
        'GET /search limit>10',
      ].sort(),
    );
  });
});
