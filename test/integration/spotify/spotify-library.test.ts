import { describe, expect, it } from '@jest/globals';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../../fakes/spotify/fake-spotify-model.js';
import { fakeSpotifyPerTest, spotifyRig } from './spotify-test-kit.js';

const fake = fakeSpotifyPerTest();

function seedTracks(n: number): FakeTrack[] {
  return fake.addTracks(...Array.from({ length: n }, () => aFakeTrack()));
}

/** Saved one minute apart from 2024-01-01, the last one newest. */
function saveAll(tracks: readonly FakeTrack[]): void {
  fake.addSavedTracks(
    tracks.map((t, i) => ({
      trackId: t.id,
      addedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    })),
  );
}

describe('saved tracks', () => {
  it('reads the whole library newest first in pages of 50, with added_at', async () => {
    const tracks = seedTracks(120);
    saveAll(tracks);
    const { client } = spotifyRig(fake);

    const saved = await client.listSavedTracks();

    expect(saved).toHaveLength(120);
    expect(saved[0]!.track?.externalId).toBe(tracks[119]!.id);
    expect(saved[0]!.addedAt).toBe(Date.UTC(2024, 0, 1) + 119 * 60_000);
    expect(saved.at(-1)!.track?.externalId).toBe(tracks[0]!.id);
    expect(fake.callsTo('GET /me/tracks').map((r) => new URLSearchParams(r.query).get('limit'))).toEqual([
      '50',
      '50',
      '50',
    ]);
  });

  it('stops reading at the first track saved before `addedSince`', async () => {
    const tracks = seedTracks(120);
    saveAll(tracks);
    const { client } = spotifyRig(fake);

    const saved = await client.listSavedTracks({ addedSince: Date.UTC(2024, 0, 1) + 100 * 60_000 });

    expect(saved.map((s) => s.track?.externalId)).toEqual(
      tracks
        .slice(100)
        .reverse()
        .map((t) => t.id),
    );
    expect(fake.callsTo('GET /me/tracks')).toHaveLength(1);
  });

  it('keeps a saved track Spotify no longer serves as `track: null`', async () => {
    const tracks = seedTracks(2);
    saveAll(tracks);
    fake.removeFromCatalog(tracks[0]!.id);
    const { client } = spotifyRig(fake);

    const saved = await client.listSavedTracks();

    expect(saved.map((s) => s.track?.externalId ?? null)).toEqual([tracks[1]!.id, null]);
  });

  it('saves 95 tracks with PUT /me/library in batches of at most 40 URIs', async () => {
    const tracks = seedTracks(95);
    const { client } = spotifyRig(fake);

    await client.saveTracks(tracks.map((t) => t.id));

    const puts = fake.callsTo('PUT /me/library');
    expect(puts.map((r) => new URLSearchParams(r.query).get('uris')!.split(',').length)).toEqual([
      40, 40, 15,
    ]);
    expect(new URLSearchParams(puts[0]!.query).get('uris')!.split(',')[0]).toBe(
      `spotify:track:${tracks[0]!.id}`,
    );
    expect(new Set(fake.savedTrackIds())).toEqual(new Set(tracks.map((t) => t.id)));
  });

  it('removes saved tracks with DELETE /me/library in batches of at most 40', async () => {
    const tracks = seedTracks(50);
    saveAll(tracks);
    const { client } = spotifyRig(fake);

    await client.removeSavedTracks(tracks.slice(0, 45).map((t) => t.id));

    expect(fake.callsTo('DELETE /me/library')).toHaveLength(2);
    expect(fake.savedTrackIds()).toEqual(
      tracks
        .slice(45)
        .reverse()
        .map((t) => t.id),
    );
  });

  it('refuses a URI where a track id is expected, before calling Spotify', async () => {
    const { client } = spotifyRig(fake);

    await expect(client.saveTracks(['spotify:track:4iV5W9uYEdYUVa79Axb7Rh'])).rejects.toMatchObject({
      code: 'SPOTIFY.BAD_TRACK_ID',
    });
    expect(fake.apiCalls()).toHaveLength(0);
  });
});

describe('catalogue look-ups', () => {
  it('looks tracks up one request per id and leaves out the ones Spotify does not have', async () => {
    const tracks = seedTracks(6);
    const missing = aFakeTrack();
    const { client } = spotifyRig(fake);

    const found = await client.getTracks([...tracks.map((t) => t.id), missing.id, tracks[0]!.id]);

    expect([...found.keys()]).toEqual(tracks.map((t) => t.id));
    expect(found.get(tracks[2]!.id)).toMatchObject({
      title: tracks[2]!.name,
      durationMs: tracks[2]!.durationMs,
    });
    expect(fake.callsTo('GET /tracks/{id}')).toHaveLength(7);
  });

  it('answers null for a track Spotify does not have', async () => {
    const { client } = spotifyRig(fake);

    expect(await client.getTrack(aFakeTrack().id)).toBeNull();
  });

  it('maps ISRC, album and release date, and never sees popularity', async () => {
    const [track] = fake.addTracks(
      aFakeTrack({
        name: 'Song',
        isrc: 'GBUM71403920',
        album: { name: 'LP', releaseDate: '1999-03', releaseDatePrecision: 'month' },
      }),
    );
    const { client } = spotifyRig(fake);

    const read = await client.getTrack(track!.id);

    expect(read?.isrc?.value).toBe('GBUM71403920');
    expect(read?.album).toBe('LP');
    expect(read?.releaseDate?.toString()).toBe('1999-03');
    expect(read?.attributes.releaseDatePrecision).toBe('month');
    expect(JSON.stringify(read?.raw)).not.toContain('popularity');
  });
});

describe('search', () => {
  it('finds a track by ISRC', async () => {
    seedTracks(20);
    const [wanted] = fake.addTracks(aFakeTrack({ isrc: 'USRC17607839', name: 'Target' }));
    const { client } = spotifyRig(fake);

    const hits = await client.searchTracks({ isrc: 'us-rc1-76-07839' });

    expect(hits.map((t) => t.externalId)).toEqual([wanted!.id]);
    expect(new URLSearchParams(fake.callsTo('GET /search')[0]!.query).get('q')).toBe('isrc:USRC17607839');
  });

  it('finds a track by title and artist with field filters', async () => {
    fake.addTracks(aFakeTrack({ name: 'Mr. Brightside', artist: 'Someone Else' }));
    const [wanted] = fake.addTracks(aFakeTrack({ name: 'Mr. Brightside', artist: 'The Killers' }));
    const { client } = spotifyRig(fake);

    const hits = await client.searchTracks({ title: 'Mr. Brightside', artist: 'The Killers' });

    expect(hits.map((t) => t.externalId)).toEqual([wanted!.id]);
  });

  it('never asks for more than 10 results', async () => {
    fake.addTracks(...Array.from({ length: 30 }, () => aFakeTrack({ artist: 'Prolific' })));
    const { client } = spotifyRig(fake);

    const hits = await client.searchTracks({ artist: 'Prolific' }, { limit: 50 });

    expect(hits).toHaveLength(10);
    expect(new URLSearchParams(fake.callsTo('GET /search')[0]!.query).get('limit')).toBe('10');
  });
});

describe('current user', () => {
  it('tells who is logged in', async () => {
    const { client } = spotifyRig(fake);

    expect(await client.whoAmI()).toEqual({
      loggedIn: true,
      user: { id: fake.defaultUserId, displayName: 'Narada Listener' },
    });
  });
});
