import { afterEach, describe, expect, it } from '@jest/globals';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { LISTENER, openLikesWorld, type LikesWorld } from './likes-test-kit.js';

let world: LikesWorld;
afterEach(() => world.dispose());

let lovedAt = 1_700_000_000;
function love(artist: string, track: string, mbid: string | null = null): void {
  if (mbid !== null) world.lastfm.fake.addTrack(aCatalogTrack({ artist, track, mbid }));
  world.lastfm.fake.addLove(LISTENER, { artist, track, date: (lovedAt += 60) });
}

const libraryWrites = () =>
  world.spotify.callsTo('PUT /me/library').map((c) => new URLSearchParams(c.query).get('uris')!.split(','));

describe('likes sync from Last.fm to Spotify (real clients, fakes over sockets)', () => {
  it('saves loves found by ISRC through MusicBrainz or by search, skips saved ones, and queues doubtful matches for review', async () => {
    world = await openLikesWorld({ musicbrainz: true });
    const recording = world.musicbrainz!.catalog.addRecording({
      title: 'Reckoner',
      artists: ['Radiohead'],
      isrcs: ['GBAYE0701234'],
    });
    const [byIsrc, bySearch, saved, accented, doubtful] = world.spotify.addTracks(
      aFakeTrack({ name: 'Reckoner (2017 Remaster)', artist: 'Radiohead', isrc: 'GBAYE0701234' }),
      aFakeTrack({ name: 'Roads', artist: 'Portishead' }),
      aFakeTrack({ name: 'Teardrop', artist: 'Massive Attack' }),
      aFakeTrack({ name: 'Jóga', artist: 'Björk' }),
      aFakeTrack({ name: 'Pink Moon - Radio Edit', artist: 'Nick Drake' }),
    );
    world.save([saved!.id]);
    love('Radiohead', 'Reckoner', recording.id);
    love('Portishead', 'Roads');
    love('Massive Attack', 'Teardrop');
    love('Bjork', 'Joga');
    love('Nick Drake', 'Pink Moon');
    love('Unknown Band', 'Nothing Here');

    const report = await world.toSpotify();

    // Loves come newest first, and so do the writes.
    expect(libraryWrites()).toEqual([[accented, bySearch, byIsrc].map((t) => `spotify:track:${t!.id}`)]);
    expect(world.musicbrainz!.requests.map((r) => r.path)).toEqual([`/ws/2/recording/${recording.id}`]);
    expect(
      world.spotify
        .callsTo('GET /search')
        .some((c) => new URLSearchParams(c.query).get('q') === 'isrc:GBAYE0701234'),
    ).toBe(true);
    expect(report).toMatchObject({
      read: 6,
      alreadyPresent: 1,
      written: 3,
      review: 1,
      unmatched: 1,
      failed: 0,
    });
    expect(report.details.review).toEqual([
      {
        like: 'Nick Drake – Pink Moon',
        candidate: 'Nick Drake – Pink Moon - Radio Edit',
        confidence: expect.any(Number),
      },
    ]);
    const pending = await world.temp.repos.trackMappings.inStatus('review');
    expect(pending.map((m) => [m.service, m.externalId])).toEqual([['spotify', doubtful!.id]]);
    expect(world.spotify.savedTrackIds()).not.toContain(doubtful!.id);
  });

  it('saves in batches of at most 40, and a second run makes no write call', async () => {
    world = await openLikesWorld();
    const tracks = world.spotify.addTracks(
      ...Array.from({ length: 45 }, (_, i) => aFakeTrack({ name: `Tune ${i}`, artist: `Band ${i}` })),
    );
    for (const track of tracks) love(track.artists[0]!.name, track.name);

    const first = await world.toSpotify();
    const writes = libraryWrites();
    expect(writes.map((batch) => batch.length)).toEqual([40, 5]);
    expect(first).toMatchObject({ read: 45, written: 45 });
    expect(new Set(world.spotify.savedTrackIds())).toEqual(new Set(tracks.map((t) => t.id)));

    const second = await world.toSpotify();
    expect(second).toMatchObject({ written: 0, failed: 0 });
    expect(libraryWrites()).toHaveLength(2);
  });

  it('saves a doubtful match once it is accepted in review', async () => {
    world = await openLikesWorld();
    const [edit] = world.spotify.addTracks(
      aFakeTrack({ name: 'Pink Moon - Radio Edit', artist: 'Nick Drake' }),
    );
    love('Nick Drake', 'Pink Moon');
    await world.toSpotify();
    const [pending] = await world.temp.repos.trackMappings.inStatus('review');
    await world.temp.repos.trackMappings.upsert({ ...pending!, status: 'accepted', pinned: true });

    const report = await world.toSpotify();

    expect(report).toMatchObject({ written: 1, review: 0 });
    expect(world.spotify.savedTrackIds()).toEqual([edit!.id]);
  });

  it('rides out a Spotify 429 with Retry-After while saving', async () => {
    world = await openLikesWorld();
    const [track] = world.spotify.addTracks(aFakeTrack({ name: 'Glory Box', artist: 'Portishead' }));
    love('Portishead', 'Glory Box');
    world.spotify.rateLimitNext(1, 2);

    const report = await world.toSpotify();

    expect(report).toMatchObject({ written: 1, failed: 0 });
    expect(world.spotify.savedTrackIds()).toEqual([track!.id]);
    expect(world.rig.clock.sleeps).toContain(2000);
  });

  it('imports loves and saved tracks into the local database as likes of internal tracks', async () => {
    world = await openLikesWorld();
    const [track] = world.spotify.addTracks(aFakeTrack({ name: 'Angel', artist: 'Massive Attack' }));
    world.save([track!.id]);
    love('Massive Attack', 'Angel');

    const spotify = await world.importLikes.run('spotify');
    const lastfm = await world.importLikes.run('lastfm');

    expect(spotify).toMatchObject({ read: 1, imported: 1, removed: 0 });
    expect(lastfm).toMatchObject({ read: 1, imported: 1 });
    const [saved] = await world.temp.repos.likes.list('spotify');
    const [loved] = await world.temp.repos.likes.list('lastfm');
    expect(saved).toMatchObject({ externalId: track!.id, likedAt: expect.any(Number) });
    expect(loved).toMatchObject({ externalId: 'massive attack\u001fangel', likedAt: lovedAt * 1000 });

    world.spotify.state.savedOf(world.spotify.defaultUserId).splice(0);
    expect(await world.importLikes.run('spotify')).toMatchObject({ read: 0, removed: 1 });
    expect(await world.temp.repos.likes.list('spotify')).toEqual([]);
  });
});

describe('likes sync from Last.fm to Spotify with --mirror', () => {
  it('removes from Spotify, in batches of at most 40, the tracks whose love was taken back since the last sync', async () => {
    world = await openLikesWorld();
    const tracks = world.spotify.addTracks(
      ...Array.from({ length: 43 }, (_, i) => aFakeTrack({ name: `Air ${i}`, artist: `Band ${i}` })),
    );
    for (const track of tracks) love(track.artists[0]!.name, track.name);
    await world.toSpotify();
    for (const track of tracks.slice(0, 42))
      world.lastfm.fake.state.unlove(LISTENER, track.artists[0]!.name, track.name);

    const plan = await world.toSpotify({ mirror: true, dryRun: true });
    expect(plan.details.removed).toHaveLength(42);
    expect(world.spotify.callsTo('DELETE /me/library')).toEqual([]);

    const report = await world.toSpotify({ mirror: true });
    const batches = world.spotify
      .callsTo('DELETE /me/library')
      .map((c) => new URLSearchParams(c.query).get('uris')!.split(',').length);
    expect(batches).toEqual([40, 2]);
    expect(report.removed).toBe(42);
    expect(world.spotify.savedTrackIds()).toEqual([tracks[42]!.id]);
  });
});
