import { describe, expect, it } from '@jest/globals';
import { mapUserInfo } from '../../../src/infrastructure/connectors/lastfm/lastfm-user-calls.js';

describe('mapUserInfo (user.getInfo)', () => {
  it('reads the name as Last.fm spells it, the profile, the play count and the registration', () => {
    const body = {
      user: {
        name: 'RJ',
        playcount: '150316',
        url: 'https://www.last.fm/user/RJ',
        registered: { unixtime: '1037793040', '#text': 1037793040 },
        type: 'alum',
      },
    };
    expect(mapUserInfo(body, 'rj')).toEqual({
      name: 'RJ',
      url: 'https://www.last.fm/user/RJ',
      registeredAt: 1_037_793_040_000,
      playcount: 150_316,
    });
  });

  it('leaves the registration unknown when Last.fm sends none (or zero), and makes the profile address', () => {
    expect(mapUserInfo({ user: { name: 'Ana', registered: { unixtime: '0' } } }, 'ana')).toEqual({
      name: 'Ana',
      url: 'https://www.last.fm/user/Ana',
      registeredAt: null,
      playcount: 0,
    });
  });
});
