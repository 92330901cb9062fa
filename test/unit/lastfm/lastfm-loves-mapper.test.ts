import { describe, expect, it } from '@jest/globals';
import { mapLovedTracksPage } from '../../../src/infrastructure/connectors/lastfm/lastfm-loves-mapper.js';
import { lastfmFixture } from './lastfm-fixtures.js';

describe('mapLovedTracksPage', () => {
  it('maps loves with artist {name, mbid} and the love time from date.uts', () => {
    const page = mapLovedTracksPage(lastfmFixture('user.getLovedTracks.json'));
    expect(page).toMatchObject({ page: 1, perPage: 2, totalPages: 91, total: 182 });
    expect(page.tracks[0]).toMatchObject({
      artist: 'Enjoy',
      artistMbid: 'cd220d6e-c656-4861-8281-949b92dd5905',
      title: 'Quiet In The West',
      mbid: '2f264800-7544-4108-b711-d8f768c0f390',
      lovedAt: 1751272740000,
    });
    expect(page.tracks.map((t) => t.lovedAt)).toEqual([1751272740000, 1751272739000]);
  });

  it('turns an empty artist MBID into null', () => {
    const page = mapLovedTracksPage(lastfmFixture('user.getLovedTracks-docs.json'));
    expect(page.tracks).toEqual([
      expect.objectContaining({ artist: 'The Backseat Lovers', artistMbid: null, title: 'Davy Crochet' }),
    ]);
    expect(page.totalPages).toBe(7790);
  });

  it('accepts a single loved track object', () => {
    const body = lastfmFixture('user.getLovedTracks-docs.json') as {
      lovedtracks: { track: unknown[]; '@attr': unknown };
    };
    const single = { lovedtracks: { ...body.lovedtracks, track: body.lovedtracks.track[0] } };
    expect(mapLovedTracksPage(single).tracks.map((t) => t.title)).toEqual(['Davy Crochet']);
  });
});
