import { describe, expect, it } from '@jest/globals';
import { chunk, unique } from '../../../src/infrastructure/connectors/spotify/spotify-batching.js';
import { buildSearchQuery } from '../../../src/infrastructure/connectors/spotify/spotify-catalog.js';

describe('buildSearchQuery', () => {
  it('searches an ISRC in its compact upper-case form', () => {
    expect(buildSearchQuery({ isrc: 'us-rc1-76-07839' })).toBe('isrc:USRC17607839');
  });

  it('quotes multi-word title and artist filters and drops quotes inside them', () => {
    expect(buildSearchQuery({ title: 'Mr. "Bright" side', artist: 'The Killers' })).toBe(
      'track:"Mr. Bright side" artist:"The Killers"',
    );
    expect(buildSearchQuery({ title: 'Creep', album: 'Pablo Honey' })).toBe(
      'track:Creep album:"Pablo Honey"',
    );
  });

  it('puts free text first', () => {
    expect(buildSearchQuery({ text: ' live  1999 ', artist: 'Prince' })).toBe('live 1999 artist:Prince');
  });

  it('refuses an empty search', () => {
    expect(() => buildSearchQuery({ title: '  ' })).toThrow(/needs an ISRC, a title/);
  });
});

describe('batching', () => {
  it('splits into chunks of at most the given size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 40)).toEqual([]);
    expect(unique(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
});
