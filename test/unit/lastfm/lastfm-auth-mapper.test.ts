import { describe, expect, it } from '@jest/globals';
import { approvalUrl } from '../../../src/infrastructure/connectors/lastfm/lastfm-auth.js';
import { mapSession, mapToken } from '../../../src/infrastructure/connectors/lastfm/lastfm-auth-mapper.js';
import { lastfmFixture } from './lastfm-fixtures.js';

describe('Last.fm auth responses', () => {
  it('reads the token of auth.getToken', () => {
    expect(mapToken(lastfmFixture('auth.getToken.json'))).toBe('cf45fe5a3e3cebe168480a086d7fe481');
  });

  it('reads user name and session key of auth.getSession', () => {
    expect(mapSession(lastfmFixture('auth.getSession.json'))).toEqual({
      username: 'tim',
      sessionKey: 'mock_session_key',
    });
  });

  it('refuses an error body as a session', () => {
    expect(() => mapSession(lastfmFixture('error-14-unauthorized-token.json'))).toThrow(
      expect.objectContaining({ code: 'LASTFM.UNEXPECTED_RESPONSE' }),
    );
  });
});

describe('approvalUrl', () => {
  it('points at www.last.fm for the real endpoint', () => {
    expect(approvalUrl('https://ws.audioscrobbler.com/2.0/', 'key', 'tok')).toBe(
      'https://www.last.fm/api/auth/?api_key=key&token=tok',
    );
  });

  it('uses the origin of another endpoint, so a local fake can serve the page', () => {
    expect(approvalUrl('http://127.0.0.1:4567/2.0/', 'key', 'tok')).toBe(
      'http://127.0.0.1:4567/api/auth/?api_key=key&token=tok',
    );
  });
});
