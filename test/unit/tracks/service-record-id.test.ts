import { describe, expect, it } from '@jest/globals';
import { parseServiceName, parseServiceRecordId } from '../../../src/application/tracks/service-record-id.js';
import { lastfmTrackKey } from '../../../src/domain/track/connector-track.js';

describe('reading a service record named on the command line', () => {
  it('takes a Spotify track id, URI or link as the bare id', () => {
    for (const text of [
      '4iV5W9uYEdYUVa79Axb7Rh',
      'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
      'https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh?si=x',
    ]) {
      expect(parseServiceRecordId('spotify', text)).toBe('4iV5W9uYEdYUVa79Axb7Rh');
    }
  });

  it('takes a MusicBrainz recording MBID or its page', () => {
    const id = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';
    expect(parseServiceRecordId('musicbrainz', `https://musicbrainz.org/recording/${id}`)).toBe(id);
    expect(parseServiceRecordId('musicbrainz', id.toUpperCase())).toBe(id);
  });

  it('turns a Last.fm link or "Artist - Title" into the Last.fm key', () => {
    const key = lastfmTrackKey('Massive Attack', 'Teardrop');
    expect(parseServiceRecordId('lastfm', 'https://www.last.fm/music/Massive+Attack/_/Teardrop')).toBe(key);
    expect(parseServiceRecordId('lastfm', 'Massive Attack - Teardrop')).toBe(key);
  });

  it('refuses what names no record, saying what to give instead', () => {
    expect(() => parseServiceRecordId('lastfm', 'Teardrop')).toThrow(/Artist - Title/);
    expect(() => parseServiceRecordId('spotify', 'not-an-id')).toThrow(/Spotify track/);
    expect(() => parseServiceName('tidal')).toThrow(/spotify, lastfm, musicbrainz/);
  });
});
