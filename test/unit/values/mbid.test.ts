import { describe, expect, it } from '@jest/globals';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { refusalOf } from './refusal.js';

const UUID = '5b11f4ce-a62d-471e-81fc-a69a8278c7da';

describe('Mbid.parse', () => {
  it('accepts a bare UUID', () => {
    expect(Mbid.parse(UUID).value).toBe(UUID);
  });

  it('stores an upper-case UUID in lower case', () => {
    expect(Mbid.parse(` ${UUID.toUpperCase()} `).value).toBe(UUID);
  });

  it.each([
    `https://musicbrainz.org/recording/${UUID}`,
    `http://musicbrainz.org/artist/${UUID}`,
    `musicbrainz.org/release/${UUID}`,
    `https://beta.musicbrainz.org/recording/${UUID}`,
    `https://musicbrainz.org/recording/${UUID}/`,
    `https://musicbrainz.org/artist/${UUID}/recordings`,
    `https://musicbrainz.org/ws/2/recording/${UUID}?inc=isrcs&fmt=json`,
    `https://musicbrainz.org/recording/${UUID}#details`,
    `HTTPS://MusicBrainz.org/recording/${UUID.toUpperCase()}`,
  ])('takes the UUID out of the MusicBrainz URL %s', (url) => {
    expect(Mbid.parse(url).value).toBe(UUID);
  });

  it.each([
    ['garbage', 'not-an-mbid'],
    ['a UUID with a letter out of range', '5b11f4ce-a62d-471e-81fc-a69a8278c7dz'],
    ['a UUID without hyphens', '5b11f4cea62d471e81fca69a8278c7da'],
    ['text glued before a UUID', `x${UUID}`],
    ['text glued before the UUID in a URL', `https://musicbrainz.org/recording/xx${UUID}`],
    ['a URL on another site', `https://example.com/recording/${UUID}`],
    ['a URL that only mentions musicbrainz.org in its path', `https://evil.example/musicbrainz.org/${UUID}`],
    ['a MusicBrainz URL without an id', 'https://musicbrainz.org/recording/'],
    ['empty text', ''],
  ])('refuses %s, naming the value in the message', (_case, input) => {
    const refusal = refusalOf(() => Mbid.parse(input));
    expect(refusal.code).toBe('VALUE.INVALID_MBID');
    expect(refusal.message).toContain(`Invalid MBID "${input}"`);
    expect(refusal.message).toContain('like 5b11f4ce-a62d-471e-81fc-a69a8278c7da');
  });
});

describe('Mbid.tryParse', () => {
  it.each([null, undefined, '', '  ', 'garbage'])('gives null for %j', (input) => {
    expect(Mbid.tryParse(input)).toBeNull();
  });

  it('parses a URL', () => {
    expect(Mbid.tryParse(`https://musicbrainz.org/recording/${UUID}`)?.value).toBe(UUID);
  });
});

describe('Mbid values', () => {
  it('are equal whatever case or form they were written in', () => {
    const fromUrl = Mbid.parse(`https://musicbrainz.org/recording/${UUID}`);
    expect(fromUrl.equals(Mbid.parse(UUID.toUpperCase()))).toBe(true);
    expect(fromUrl.equals(Mbid.parse('00000000-0000-4000-8000-000000000001'))).toBe(false);
    expect(fromUrl.equals(undefined)).toBe(false);
  });

  it('print as the bare UUID and cannot be changed', () => {
    const mbid = Mbid.parse(UUID);
    expect(`${mbid}`).toBe(UUID);
    expect(Object.isFrozen(mbid)).toBe(true);
  });
});
