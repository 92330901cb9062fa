import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  signatureBase,
  signLastfmParams,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-signature.js';

const md5 = (text: string) => createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex');

describe('Last.fm request signature', () => {
  it('concatenates key+value in ASCII key order and leaves out format and callback', () => {
    const params = {
      token: 'tok',
      method: 'auth.getSession',
      api_key: 'key',
      format: 'json',
      callback: 'cb',
    };
    expect(signatureBase(params)).toBe('api_keykeymethodauth.getSessiontokentok');
  });

  it('sorts artist[10] before artist[1] and capital letters before lower case, as ASCII does', () => {
    const params = { 'artist[1]': 'b', 'artist[10]': 'c', 'artist[0]': 'a', albumArtist: 'x', album: 'y' };
    expect(signatureBase(params)).toBe('albumyalbumArtistxartist[0]aartist[10]cartist[1]b');
  });

  it('hashes the base and the secret as UTF-8 into lower-case hex md5', () => {
    const params = { method: 'track.love', artist: 'Björk', track: 'X次元へようこそ', sk: 'session' };
    const expected = md5('artistBjörkmethodtrack.lovesksessiontrackX次元へようこそsecret');
    expect(signLastfmParams(params, 'secret')).toBe(expected);
    expect(signLastfmParams(params, 'secret')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes when the secret changes', () => {
    const params = { method: 'auth.getToken', api_key: 'key' };
    expect(signLastfmParams(params, 'one')).not.toBe(signLastfmParams(params, 'two'));
  });
});
