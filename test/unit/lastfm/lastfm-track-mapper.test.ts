import { describe, expect, it } from '@jest/globals';
import {
  mapTrackInfo,
  mapTrackSearch,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-track-mapper.js';
import { lastfmFixture } from './lastfm-fixtures.js';

describe('mapTrackInfo', () => {
  it('maps user and global counts, love, MBIDs, album and duration from track.getInfo with username', () => {
    expect(mapTrackInfo(lastfmFixture('track.getInfo-with-username.json'), true)).toMatchObject({
      artist: 'Korn',
      title: 'Blind',
      mbid: 'e60739a6-eea8-4ee8-acae-d34d5d6ad1d9',
      artistMbid: 'ac865b2e-bba8-4f5a-8756-dd40d5e39f46',
      album: 'Korn',
      albumMbid: 'b06d3f9d-78b1-3155-89be-e7af11730806',
      durationMs: 263000,
      globalPlaycount: 6755855,
      listeners: 914262,
      userPlaycount: 15,
      userLoved: false,
    });
  });

  it('maps the docs capture with user play count 36', () => {
    const info = mapTrackInfo(lastfmFixture('track.getInfo-with-username-docs.json'), true);
    expect(info).toMatchObject({ artist: 'Linkin Park', title: 'One Step Closer', userPlaycount: 36 });
  });

  it('reads the 200 stub Last.fm sends for an unknown track as "not known"', () => {
    expect(mapTrackInfo(lastfmFixture('track.getInfo-not-found.json'), true)).toBeNull();
    expect(mapTrackInfo(lastfmFixture('track.getInfo-not-found.json'), false)).toBeNull();
  });

  it('keeps a sparse real track when it carries the user play count', () => {
    const stub = lastfmFixture('track.getInfo-not-found.json') as { track: Record<string, unknown> };
    const played = { track: { ...stub.track, userplaycount: '3', userloved: '1' } };
    expect(mapTrackInfo(played, true)).toMatchObject({ userPlaycount: 3, userLoved: true, durationMs: null });
  });
});

describe('mapTrackSearch', () => {
  const body = {
    results: {
      'opensearch:totalResults': '2',
      trackmatches: {
        track: [
          {
            name: 'Believe',
            artist: 'Cher',
            url: 'https://www.last.fm/music/Cher/_/Believe',
            listeners: '1093025',
            mbid: '',
          },
          {
            name: 'Believe',
            artist: 'Mumford & Sons',
            listeners: '220000',
            mbid: 'f1a5c7a4-0f0a-4a2e-9f49-6f2f0f0a1a1a',
          },
        ],
      },
    },
  };

  it('maps matches with artist as plain text and listeners as numbers', () => {
    expect(mapTrackSearch(body)).toEqual([
      {
        artist: 'Cher',
        title: 'Believe',
        mbid: null,
        listeners: 1093025,
        url: 'https://www.last.fm/music/Cher/_/Believe',
      },
      {
        artist: 'Mumford & Sons',
        title: 'Believe',
        mbid: 'f1a5c7a4-0f0a-4a2e-9f49-6f2f0f0a1a1a',
        listeners: 220000,
        url: null,
      },
    ]);
  });

  it('accepts a single match object and an empty trackmatches', () => {
    const single = { results: { trackmatches: { track: body.results.trackmatches.track[0] } } };
    expect(mapTrackSearch(single).map((h) => h.artist)).toEqual(['Cher']);
    expect(mapTrackSearch({ results: { trackmatches: '\n' } })).toEqual([]);
  });
});
