import { describe, expect, it } from '@jest/globals';
import {
  isLocalUri,
  mapEpisode,
  mapTrack,
  parseLocalUri,
  parseSpotifyInstant,
} from '../../../src/infrastructure/connectors/spotify/spotify-track-mapper.js';
import type { WireTrack } from '../../../src/infrastructure/connectors/spotify/spotify-wire.js';
import { spotifyFixture } from './spotify-fixtures.js';

const FETCHED_AT = Date.UTC(2026, 3, 1);

describe('mapTrack', () => {
  it('maps a catalogue track from get-tracks-several.json', () => {
    const { tracks } = spotifyFixture<{ tracks: WireTrack[] }>('get-tracks-several.json');

    const track = mapTrack(tracks[0]!, FETCHED_AT);

    expect(track).toMatchObject({
      service: 'spotify',
      externalId: '3n3Ppam7vgaVa1iaRUc9Lp',
      title: 'Mr. Brightside',
      artists: ['The Killers'],
      album: 'Hot Fuss (Deluxe Version)',
      durationMs: 222200,
      releaseDate: null,
      fetchedAt: FETCHED_AT,
    });
    expect(track?.isrc?.value).toBe('GBFFP0300052');
    expect(track?.attributes).toMatchObject({
      uri: 'spotify:track:3n3Ppam7vgaVa1iaRUc9Lp',
      isLocal: false,
      explicit: false,
      albumId: '4OHNH3sDzIxnmUADXzv2kT',
      albumType: 'album',
      primaryArtistId: '0C0XlULifJtAgn6ZNCW2eu',
      trackNumber: 2,
      discNumber: 1,
    });
    expect(track?.raw).toBe(tracks[0]);
  });

  it('keeps every credited artist in credit order', () => {
    const page = spotifyFixture<{ items: Array<{ track: WireTrack }> }>('get-playlist-tracks.json');

    expect(mapTrack(page.items[0]!.track, FETCHED_AT)?.artists).toEqual(['Zion & Lennox', 'J Balvin']);
  });

  it('reads the release date with the precision Spotify gives', () => {
    const base: WireTrack = {
      id: '4iV5W9uYEdYUVa79Axb7Rh',
      name: 'X',
      album: { name: 'A', release_date: '1981', release_date_precision: 'year' },
    };

    expect(mapTrack(base, FETCHED_AT)?.releaseDate?.toString()).toBe('1981');
    expect(mapTrack({ ...base, album: { release_date: '0000' } }, FETCHED_AT)?.releaseDate).toBeNull();
  });

  it('maps a local file with its URI as the key and no ISRC', () => {
    const uri = 'spotify:local:Home+Band:Demos:Garage+Take%21:201';

    const track = mapTrack(
      { id: null, uri, is_local: true, name: '', artists: [], duration_ms: 0 },
      FETCHED_AT,
    );

    expect(track).toMatchObject({
      externalId: uri,
      title: 'Garage Take!',
      artists: ['Home Band'],
      album: 'Demos',
      durationMs: 201_000,
      isrc: null,
      attributes: { uri, isLocal: true },
    });
  });

  it('prefers the names Spotify sends for a local file over the URI', () => {
    const track = mapTrack(
      {
        uri: 'spotify:local:a:b:c:1',
        is_local: true,
        name: 'Real Title',
        artists: [{ name: 'Real Artist' }],
        duration_ms: 5000,
      },
      FETCHED_AT,
    );

    expect(track).toMatchObject({ title: 'Real Title', artists: ['Real Artist'], durationMs: 5000 });
  });

  it('gives null for an object with neither id nor local URI (an unavailable entry)', () => {
    expect(mapTrack({ id: null, name: '', uri: null }, FETCHED_AT)).toBeNull();
  });

  it('does not fail on a track without ISRC, album or duration', () => {
    const track = mapTrack({ id: '4iV5W9uYEdYUVa79Axb7Rh', name: 'Bare' }, FETCHED_AT);

    expect(track).toMatchObject({ title: 'Bare', artists: [], album: null, durationMs: null, isrc: null });
  });
});

describe('local URIs and instants', () => {
  it('parses empty parts of a local URI as empty text', () => {
    expect(parseLocalUri('spotify:local:::Only+Title:0')).toEqual({
      artist: '',
      album: '',
      title: 'Only Title',
      durationMs: 0,
    });
    expect(isLocalUri('spotify:track:4iV5W9uYEdYUVa79Axb7Rh')).toBe(false);
  });

  it("treats Spotify's 1970 placeholder and missing dates as unknown", () => {
    expect(parseSpotifyInstant('2016-10-11T13:44:40Z')).toBe(Date.UTC(2016, 9, 11, 13, 44, 40));
    expect(parseSpotifyInstant('1970-01-01T00:00:00Z')).toBeNull();
    expect(parseSpotifyInstant(null)).toBeNull();
  });
});

describe('mapEpisode', () => {
  it('maps an episode with its show', () => {
    expect(
      mapEpisode({
        id: '512ojhOuo1ktJprKbVcKyQ',
        name: 'Ep',
        show: { name: 'Show' },
        duration_ms: 100,
        release_date: '2025-02-01',
      }),
    ).toMatchObject({ id: '512ojhOuo1ktJprKbVcKyQ', title: 'Ep', show: 'Show', durationMs: 100 });
  });
});
