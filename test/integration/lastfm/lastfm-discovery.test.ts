import { afterEach, describe, expect, it } from '@jest/globals';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { aCatalogTrack, aFakeScrobble } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { fakeLastfmDiscovery } from '../../fakes/lastfm/fake-lastfm-discovery-methods.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

const NOW_S = Math.floor(Date.now() / 1000);
const DAY_S = 86_400;

describe('LastfmApiClient discovery reads against the fake Last.fm', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  it('reads similar tracks under the autocorrected seed, most similar first, with numbers as sent', async () => {
    kit = await startLastfmKit();
    kit.fake.addTrack(aCatalogTrack({ artist: 'Slowdive', track: 'Alison' }));
    kit.fake.addTrack(
      aCatalogTrack({ artist: 'Ride', track: 'Vapour Trail', durationMs: 250_000, playcount: 77 }),
    );
    kit.fake.autocorrect('slowdve', 'Slowdive');
    fakeLastfmDiscovery(kit.fake.state).addSimilar('Slowdive', 'Alison', [
      { artist: 'Lush', track: 'Sweetness and Light', match: 0.61 },
      { artist: 'Ride', track: 'Vapour Trail', match: 0.92 },
    ]);

    const similar = await kit.client.getSimilarTracks({ artist: 'slowdve', title: 'Alison', limit: 5 });

    expect(similar).toEqual([
      expect.objectContaining({
        artist: 'Ride',
        title: 'Vapour Trail',
        match: 0.92,
        durationMs: 250_000,
        playcount: 77,
      }),
      expect.objectContaining({ artist: 'Lush', title: 'Sweetness and Light', match: 0.61 }),
    ]);
    expect(kit.fake.calls('track.getSimilar')[0]!.params).toMatchObject({ autocorrect: '1', limit: '5' });
  });

  it('answers null for a track or an artist Last.fm does not know (error 6)', async () => {
    kit = await startLastfmKit();
    expect(await kit.client.getSimilarTracks({ artist: 'Nobody', title: 'Nothing' })).toBeNull();
    expect(await kit.client.getTrackTopTags({ artist: 'Nobody', title: 'Nothing' })).toBeNull();
    expect(await kit.client.getArtistTopTracks({ artist: 'Nobody' })).toBeNull();
    expect(await kit.client.getArtistTopTags('Nobody')).toBeNull();
  });

  it("pages the user's top tracks of a period, counted from the scrobbles in it", async () => {
    kit = await startLastfmKit();
    const user = 'listener';
    kit.fake.addScrobbles(user, [
      aFakeScrobble({ artist: 'A', track: 'Old hit', timestamp: NOW_S - 100 * DAY_S }),
      aFakeScrobble({ artist: 'A', track: 'Old hit', timestamp: NOW_S - 101 * DAY_S }),
      aFakeScrobble({ artist: 'A', track: 'Old hit', timestamp: NOW_S - 102 * DAY_S }),
      aFakeScrobble({ artist: 'B', track: 'New one', timestamp: NOW_S - 2 * DAY_S }),
      aFakeScrobble({ artist: 'B', track: 'New one', timestamp: NOW_S - 3 * DAY_S }),
      aFakeScrobble({ artist: 'C', track: 'Once', timestamp: NOW_S - 1 * DAY_S }),
    ]);

    const week = await kit.client.getUserTopTracks({ period: '7day', limit: 1 });
    const second = await kit.client.getUserTopTracks({ period: '7day', limit: 1, page: 2 });
    const overall = await kit.client.getUserTopTracks({ limit: 10 });

    expect(week).toMatchObject({ page: 1, totalPages: 2, total: 2 });
    expect(week.tracks).toEqual([expect.objectContaining({ artist: 'B', title: 'New one', playcount: 2 })]);
    expect(second.tracks.map((t) => t.title)).toEqual(['Once']);
    expect(overall.tracks.map((t) => t.title)).toEqual(['Old hit', 'New one', 'Once']);
    expect(kit.fake.calls('user.getTopTracks')[0]!.params).toMatchObject({ user, period: '7day' });
  });

  it("reads an artist's top tracks, most played first, with their paging", async () => {
    kit = await startLastfmKit();
    kit.fake.addTrack(aCatalogTrack({ artist: 'Kestrel', track: 'Slow Orbit', playcount: 10 }));
    kit.fake.addTrack(aCatalogTrack({ artist: 'Kestrel', track: 'Long Division', playcount: 90 }));

    const page = await kit.client.getArtistTopTracks({ artist: 'kestrel', limit: 10 });

    expect(page?.tracks.map((t) => [t.artist, t.title, t.playcount])).toEqual([
      ['Kestrel', 'Long Division', 90],
      ['Kestrel', 'Slow Orbit', 10],
    ]);
    expect(page).toMatchObject({ total: 2, totalPages: 1 });
  });

  it('reads track and artist top tags heaviest first, also when Last.fm sends one tag as a bare object', async () => {
    kit = await startLastfmKit({ fake: { legacyLists: true } });
    kit.fake.addTrack(aCatalogTrack({ artist: 'Mira Sol', track: 'Glasshouse', tags: [] }));
    const discovery = fakeLastfmDiscovery(kit.fake.state);
    discovery.setTrackTags('Mira Sol', 'Glasshouse', [
      { name: 'dream pop', count: 40 },
      { name: 'Shoegaze', count: 100 },
    ]);
    discovery.setArtistTags('Mira Sol', [{ name: 'indie', count: 100 }]);

    expect(await kit.client.getTrackTopTags({ artist: 'Mira Sol', title: 'Glasshouse' })).toEqual([
      { name: 'Shoegaze', count: 100 },
      { name: 'dream pop', count: 40 },
    ]);
    expect(await kit.client.getArtistTopTags('Mira Sol')).toEqual([{ name: 'indie', count: 100 }]);
  });

  it('refuses a limit Last.fm refuses, as a failure that says it is a Narada bug', async () => {
    kit = await startLastfmKit();
    const failure = await kit.client.getUserTopTracks({ limit: 5000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NaradaError);
    expect((failure as NaradaError).code).toBe('LASTFM.INVALID_PARAMETERS');
  });
});
