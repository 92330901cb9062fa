import { describe, expect, it } from '@jest/globals';
import { SpotifyRef } from '../../../src/domain/values/spotify-ref.js';
import { refusalOf } from './refusal.js';

const TRACK = '4iV5W9uYEdYUVa79Axb7Rh';
const PLAYLIST = '37i9dQZF1DXcBWIGoYBM5M';

describe('SpotifyRef.parse', () => {
  it('takes a bare id as the kind asked for', () => {
    const ref = SpotifyRef.parse(` ${PLAYLIST} `, 'playlist');
    expect(ref.kind).toBe('playlist');
    expect(ref.id).toBe(PLAYLIST);
  });

  it.each([
    [`spotify:track:${TRACK}`, 'track', TRACK],
    [`https://open.spotify.com/playlist/${PLAYLIST}?si=abc`, 'playlist', PLAYLIST],
    [`https://open.spotify.com/intl-de/track/${TRACK}?si=x1y2`, 'track', TRACK],
    [`https://open.spotify.com/intl-pt-BR/album/${PLAYLIST}`, 'album', PLAYLIST],
    [`https://open.spotify.com/embed/playlist/${PLAYLIST}`, 'playlist', PLAYLIST],
    [`open.spotify.com/track/${TRACK}`, 'track', TRACK],
    [`http://play.spotify.com/track/${TRACK}`, 'track', TRACK],
    [`https://open.spotify.com/artist/${TRACK}/discography`, 'artist', TRACK],
    ['spotify:user:wizzler:playlist:53Y8wT46QIMz5H4WQ8O22c', 'playlist', '53Y8wT46QIMz5H4WQ8O22c'],
    [
      'http://open.spotify.com/user/spotify/playlist/59ZbFPES4DQwEjBpWHzrtC',
      'playlist',
      '59ZbFPES4DQwEjBpWHzrtC',
    ],
  ] as const)('reads %s as a %s', (input, kind, id) => {
    const ref = SpotifyRef.parse(input, kind);
    expect([ref.kind, ref.id]).toEqual([kind, id]);
  });

  it.each([
    ['spotify:user:wizzler', 'wizzler'],
    ['https://open.spotify.com/user/spotify', 'spotify'],
    ['spotify:user:spotify_espa%C3%B1a', 'spotify_espa%C3%B1a'],
    ['1234567890', '1234567890'],
    ['some.name-with_marks', 'some.name-with_marks'],
  ])('accepts the user id in %s, which need not be base-62', (input, id) => {
    expect(SpotifyRef.parse(input, 'user').id).toBe(id);
  });

  it('refuses a track URL where a playlist is needed, naming the URL and both kinds', () => {
    const url = `https://open.spotify.com/track/${TRACK}?si=abc`;
    const refusal = refusalOf(() => SpotifyRef.parse(url, 'playlist'));
    expect(refusal.code).toBe('VALUE.INVALID_SPOTIFY_PLAYLIST');
    expect(refusal.message).toBe(
      `Invalid Spotify playlist "${url}": this is a track, but a playlist is needed here`,
    );
  });

  it.each([
    [`spotify:album:${PLAYLIST}`, 'track', 'this is a album, but a track is needed here'],
    ['https://open.spotify.com/user/spotify', 'playlist', 'this is a user, but a playlist is needed here'],
    ['spotify:local:Artist:Album:Title:215', 'track', 'expected spotify:track:<id>'],
    ['spotify:podcast:abc', 'track', 'unknown Spotify object type "podcast"'],
    [`spotify:track:${TRACK}:extra`, 'track', 'expected spotify:track:<id>'],
    ['spotify:track:', 'track', 'expected a 22-character Spotify id'],
    [`spotify:track:${TRACK.slice(1)}`, 'track', 'expected a 22-character Spotify id'],
    [`${TRACK}!`, 'track', 'expected a 22-character Spotify id'],
    ['https://open.spotify.com/', 'playlist', 'expected https://open.spotify.com/playlist/<id>'],
    ['https://example.com/track/4iV5W9uYEdYUVa79Axb7Rh', 'track', 'expected a 22-character Spotify id'],
    ['spotify:user:has space', 'user', 'expected a Spotify user id'],
    ['spotify:user:bad%zz', 'user', 'expected a Spotify user id'],
    ['', 'track', 'expected a 22-character Spotify id'],
  ] as const)('refuses %j as a %s, naming it: %s', (input, kind, reason) => {
    const refusal = refusalOf(() => SpotifyRef.parse(input, kind));
    expect(refusal.message).toContain(`Invalid Spotify ${kind} "${input}": `);
    expect(refusal.message).toContain(reason);
  });
});

describe('SpotifyRef.tryParse', () => {
  it('gives null for null, garbage and the wrong kind', () => {
    expect(SpotifyRef.tryParse(null, 'track')).toBeNull();
    expect(SpotifyRef.tryParse(undefined, 'track')).toBeNull();
    expect(SpotifyRef.tryParse('nope', 'track')).toBeNull();
    expect(SpotifyRef.tryParse(`spotify:track:${TRACK}`, 'playlist')).toBeNull();
  });

  it('parses a valid reference', () => {
    expect(SpotifyRef.tryParse(`spotify:track:${TRACK}`, 'track')?.id).toBe(TRACK);
  });
});

describe('SpotifyRef values', () => {
  it('give their canonical URI and URL whatever form they were parsed from', () => {
    const ref = SpotifyRef.parse(`https://open.spotify.com/intl-de/track/${TRACK}?si=abc`, 'track');
    expect(ref.uri).toBe(`spotify:track:${TRACK}`);
    expect(ref.url).toBe(`https://open.spotify.com/track/${TRACK}`);
    expect(String(ref)).toBe(ref.uri);
  });

  it('are equal only with the same kind and id', () => {
    const ref = SpotifyRef.parse(TRACK, 'track');
    expect(ref.equals(SpotifyRef.parse(`spotify:track:${TRACK}`, 'track'))).toBe(true);
    expect(ref.equals(SpotifyRef.parse(TRACK, 'album'))).toBe(false);
    expect(ref.equals(null)).toBe(false);
    expect(Object.isFrozen(ref)).toBe(true);
  });
});
