import { describe, expect, it } from '@jest/globals';
import { plainTitle } from '../../../src/domain/likes/plain-title.js';

describe('titles without the tags Spotify adds to the same recording', () => {
  it.each([
    ['Hey Jude - Remastered 2015', 'Hey Jude'],
    ['Heroes (2017 Remaster)', 'Heroes'],
    ['Wish You Were Here - 2011 Remastered Version', 'Wish You Were Here'],
    ['Blue Monday - Deluxe Edition - Remastered', 'Blue Monday'],
    ['Yesterday - Mono', 'Yesterday'],
  ])('%j is known as %j', (title, plain) => {
    expect(plainTitle(title)).toBe(plain);
  });

  it.each([
    'Creep (Live)',
    'Hurt - Acoustic',
    'Blue Monday - Radio Edit',
    'Windowlicker (Remix)',
    'Pt. 2 (Who Loves Me)',
    '(Remastered)',
    'Plain',
  ])('keeps %j: a different recording, a subtitle, or nothing left', (title) => {
    expect(plainTitle(title)).toBe(title);
  });
});
