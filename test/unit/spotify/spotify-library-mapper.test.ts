import { describe, expect, it } from '@jest/globals';
import {
  mapSavedTrack,
  mapSearchTracks,
  mapUser,
} from '../../../src/infrastructure/connectors/spotify/spotify-library-mapper.js';
import type {
  WireSavedTrack,
  WireTrack,
  WireUserRef,
} from '../../../src/infrastructure/connectors/spotify/spotify-wire.js';
import { spotifyFixture } from './spotify-fixtures.js';

const FETCHED_AT = Date.UTC(2026, 3, 1);

describe('library mapping', () => {
  it('maps the current user from get-me.json', () => {
    expect(mapUser(spotifyFixture<WireUserRef>('get-me.json'))).toEqual({
      id: 'wizzler',
      displayName: 'JM Wizzler',
    });
  });

  it('maps a saved track from get-me-tracks.json with its added_at', () => {
    const page = spotifyFixture<{ items: WireSavedTrack[] }>('get-me-tracks.json');

    const saved = mapSavedTrack(page.items[0]!, FETCHED_AT);

    expect(saved?.addedAt).toBe(Date.UTC(2016, 9, 24, 15, 3, 7));
    expect(saved?.track).toMatchObject({
      externalId: '2jpDioAB9tlYXMdXDK3BGl',
      title: 'Good Enough For Granddad',
    });
    expect(saved?.track?.isrc?.value).toBe('USMA20215185');
  });

  it('keeps a saved entry whose track is gone as `track: null`', () => {
    expect(mapSavedTrack({ added_at: '2024-01-01T00:00:00Z', track: null }, FETCHED_AT)).toEqual({
      addedAt: Date.UTC(2024, 0, 1),
      track: null,
    });
  });

  it('maps search results and skips objects that are not tracks', () => {
    const { tracks } = spotifyFixture<{ tracks: WireTrack[] }>('get-tracks-several.json');

    const found = mapSearchTracks({ tracks: { items: [...tracks, { id: null }] } }, FETCHED_AT);

    expect(found.map((t) => t.title)).toEqual(['Mr. Brightside', 'Somebody Told Me']);
    expect(mapSearchTracks({}, FETCHED_AT)).toEqual([]);
  });
});
