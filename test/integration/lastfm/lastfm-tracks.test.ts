import { afterEach, describe, expect, it } from '@jest/globals';
import { aCatalogTrack, aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

describe('LastfmApiClient track look-ups against the fake Last.fm', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  it('gets user and global counts under the autocorrected names, asking for the configured user', async () => {
    kit = await startLastfmKit();
    kit.fake.addTrack(
      aCatalogTrack({
        artist: 'The Beatles',
        track: 'Let It Be',
        mbid: '0c1d3a0a-8f9f-4d21-9fdc-1d0b7d8a9a01',
        album: 'Let It Be',
        playcount: 4_000_000,
        listeners: 900_000,
        durationMs: 243_000,
        userPlaycounts: { listener: 12 },
      }),
    );
    kit.fake.autocorrect('the beatles', 'The Beatles');
    kit.fake.addLove('listener', { artist: 'The Beatles', track: 'Let It Be', date: 1_600_000_000 });

    const info = await kit.client.getTrackInfo({ artist: 'the beatles', title: 'let it be' });

    expect(info).toMatchObject({
      artist: 'The Beatles',
      title: 'Let It Be',
      mbid: '0c1d3a0a-8f9f-4d21-9fdc-1d0b7d8a9a01',
      album: 'Let It Be',
      durationMs: 243_000,
      globalPlaycount: 4_000_000,
      listeners: 900_000,
      userPlaycount: 12,
      userLoved: true,
    });
    expect(kit.fake.calls('track.getInfo')[0]!.params).toMatchObject({
      artist: 'the beatles',
      track: 'let it be',
      username: 'listener',
      autocorrect: '1',
    });
  });

  it("counts the user's plays from their scrobbles when Last.fm has no explicit count", async () => {
    kit = await startLastfmKit();
    kit.fake.addTrack(aCatalogTrack({ artist: 'Series Artist', track: 'Track 2' }));
    kit.fake.addScrobbles('listener', [
      ...aScrobbleSeries(3),
      ...aScrobbleSeries(2, { newest: 1_600_000_000 }),
    ]);

    const info = await kit.client.getTrackInfo({
      artist: 'Series Artist',
      title: 'Track 2',
      user: 'listener',
    });
    expect(info?.userPlaycount).toBe(2);
  });

  it('answers null for a track Last.fm reports as not found', async () => {
    kit = await startLastfmKit();
    expect(await kit.client.getTrackInfo({ artist: 'Fake Artist', title: 'Fake Track' })).toBeNull();
  });

  it('answers null for the 200 stub Last.fm may send for an unknown track', async () => {
    kit = await startLastfmKit({ fake: { unknownTracks: 'stub' } });
    expect(await kit.client.getTrackInfo({ artist: 'Fake Artist', title: 'Fake Track' })).toBeNull();
    expect(kit.fake.calls('track.getInfo')[0]!.status).toBe(200);
  });

  it('searches by title and artist and returns hits with listeners', async () => {
    kit = await startLastfmKit();
    kit.fake.addTrack(aCatalogTrack({ artist: 'Cher', track: 'Believe', listeners: 1_000_000 }));
    kit.fake.addTrack(aCatalogTrack({ artist: 'Mumford & Sons', track: 'Believe', listeners: 200_000 }));
    kit.fake.addTrack(aCatalogTrack({ artist: 'Cher', track: 'Strong Enough' }));

    const all = await kit.client.searchTracks({ title: 'believe' });
    expect(all.map((h) => [h.artist, h.listeners])).toEqual([
      ['Cher', 1_000_000],
      ['Mumford & Sons', 200_000],
    ]);
    const cher = await kit.client.searchTracks({ title: 'believe', artist: 'cher', limit: 5 });
    expect(cher.map((h) => h.artist)).toEqual(['Cher']);
  });
});
