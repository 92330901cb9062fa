import { describe, expect, it } from '@jest/globals';
import {
  buildAuthorizeUrl,
  codeChallenge,
  createPkcePair,
  createState,
} from '../../../src/infrastructure/connectors/spotify/spotify-pkce.js';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of allowed length and characters, different each time', () => {
    const a = createPkcePair();
    const b = createPkcePair();

    expect(a.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(a.challenge).toBe(codeChallenge(a.verifier));
    expect(a.verifier).not.toBe(b.verifier);
    expect(createState()).not.toBe(createState());
  });

  it('derives the verifier from the random bytes it is given', () => {
    const pair = createPkcePair((size) => Buffer.alloc(size, 7));

    expect(pair.verifier).toBe(Buffer.alloc(64, 7).toString('base64url'));
  });
});

describe('buildAuthorizeUrl', () => {
  it('asks for a code with PKCE S256, the state and the scopes on the accounts service', () => {
    const url = new URL(
      buildAuthorizeUrl({
        accountsUrl: 'https://accounts.spotify.com/',
        clientId: 'client',
        redirectUri: 'http://127.0.0.1:8888/callback',
        challenge: 'chal',
        state: 'st',
        scopes: ['playlist-read-private', 'user-library-read'],
      }),
    );

    expect(url.origin + url.pathname).toBe('https://accounts.spotify.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:8888/callback',
      code_challenge_method: 'S256',
      code_challenge: 'chal',
      state: 'st',
      scope: 'playlist-read-private user-library-read',
    });
  });
});
