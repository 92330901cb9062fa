import { describe, expect, it } from '@jest/globals';
import {
  mapSimilarTracks,
  mapTopTags,
  mapTopTracksPage,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-discovery-mapper.js';

// Shapes as Last.fm's API pages document them: getSimilar sends numbers as JSON numbers, the charts
// send them as strings, and a list of one may arrive as a bare object.
describe('the discovery mappers', () => {
  it('maps track.getSimilar with numeric match, playcount and duration in seconds', () => {
    const body = {
      similartracks: {
        track: [
          {
            name: 'Vapour Trail',
            playcount: 123456,
            mbid: '',
            match: 1,
            url: 'https://www.last.fm/music/Ride/_/Vapour+Trail',
            streamable: { '#text': '0', fulltrack: '0' },
            duration: 250,
            artist: { name: 'Ride', mbid: 'a-mbid', url: 'https://www.last.fm/music/Ride' },
          },
          { name: '', artist: { name: 'Nobody' }, match: 0.5 },
        ],
        '@attr': { artist: 'Slowdive' },
      },
    };
    expect(mapSimilarTracks(body)).toEqual([
      {
        artist: 'Ride',
        artistMbid: 'a-mbid',
        title: 'Vapour Trail',
        mbid: null,
        durationMs: 250_000,
        playcount: 123456,
        match: 1,
        url: 'https://www.last.fm/music/Ride/_/Vapour+Trail',
      },
    ]);
  });

  it('maps a toptracks chart sent with one track as a bare object, string numbers and paging', () => {
    const body = {
      toptracks: {
        track: {
          name: 'Glasshouse',
          playcount: '42',
          duration: '0',
          artist: { name: 'Mira Sol', mbid: '' },
          '@attr': { rank: '1' },
        },
        '@attr': { user: 'listener', page: '2', perPage: '1', totalPages: '3', total: '3' },
      },
    };
    expect(mapTopTracksPage(body, 'user.getTopTracks')).toEqual({
      page: 2,
      perPage: 1,
      totalPages: 3,
      total: 3,
      tracks: [
        expect.objectContaining({ title: 'Glasshouse', playcount: 42, durationMs: null, match: null }),
      ],
    });
  });

  it('maps toptags heaviest first, with counts as numbers or strings, kept within 0-100', () => {
    const body = {
      toptags: { tag: [{ count: '40', name: 'dream pop' }, { count: 100, name: 'Shoegaze' }, { name: 'x' }] },
    };
    expect(mapTopTags(body, 'track.getTopTags')).toEqual([
      { name: 'Shoegaze', count: 100 },
      { name: 'dream pop', count: 40 },
      { name: 'x', count: 0 },
    ]);
    expect(mapTopTags({ toptags: { tag: { count: 7, name: 'solo' } } }, 'artist.getTopTags')).toEqual([
      { name: 'solo', count: 7 },
    ]);
  });

  it('refuses an answer without its list object, naming the method', () => {
    expect(() => mapTopTags({ error: 'x' }, 'track.getTopTags')).toThrow('track.getTopTags');
  });
});
