import { describe, expect, it } from '@jest/globals';
import {
  AuthRequiredError,
  NotFoundError,
  type UpstreamError,
} from '../../../src/application/ports/upstream-errors.js';
import type { HttpRequest } from '../../../src/infrastructure/connectors/http/http-message.js';
import {
  lastfmCodeOf,
  lastfmError,
  lastfmErrorOf,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-errors.js';
import {
  classifyLastfmResponse,
  lastfmReadProblem,
} from '../../../src/infrastructure/connectors/lastfm/lastfm-http.js';
import { lastfmFixture } from './lastfm-fixtures.js';

const request: HttpRequest = {
  method: 'GET',
  url: 'http://127.0.0.1/2.0/',
  endpoint: 'GET user.getRecentTracks',
};
const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body });

function errorFrom(fixture: string, status: number): UpstreamError {
  const envelope = lastfmErrorOf(lastfmFixture(fixture));
  if (envelope === null) throw new Error(`${fixture} holds no error`);
  return lastfmError(envelope, status);
}

describe('classifyLastfmResponse', () => {
  it('retries error 29 (HTTP 429), 11 and 16 whatever the status; 29 as a slow-down', () => {
    expect(
      classifyLastfmResponse(answer(429, lastfmFixture('error-29-rate-limit-exceeded.json')), request),
    ).toMatchObject({ kind: 'retry', slowDown: true });
    expect(
      classifyLastfmResponse(answer(200, lastfmFixture('error-29-rate-limit-exceeded.json')), request),
    ).toMatchObject({ kind: 'retry', slowDown: true });
    expect(
      classifyLastfmResponse(
        answer(200, lastfmFixture('error-11-service-offline.RECONSTRUCTED.json')),
        request,
      ),
    ).toEqual({ kind: 'retry', reason: 'Last.fm error 11' });
    expect(
      classifyLastfmResponse(
        answer(500, lastfmFixture('error-16-temporary-error.RECONSTRUCTED.json')),
        request,
      ).kind,
    ).toBe('retry');
  });

  it('retries error 8 (the backend failed)', () => {
    expect(classifyLastfmResponse(answer(500, { error: 8, message: 'Operation failed' }), request).kind).toBe(
      'retry',
    );
  });

  it('accepts any 2xx body without an error (lastfmReadProblem says whether a read is whole)', () => {
    expect(classifyLastfmResponse(answer(200, '{"recenttracks":{"track":[{"na'), request).kind).toBe('ok');
    const post: HttpRequest = { ...request, method: 'POST', endpoint: 'POST track.scrobble' };
    expect(classifyLastfmResponse(answer(200, '{"scrobbles":'), post).kind).toBe('ok');
  });

  it('fails on an error envelope sent with HTTP 200', () => {
    const verdict = classifyLastfmResponse(
      answer(200, lastfmFixture('error-9-invalid-session-key.json')),
      request,
    );
    expect(verdict).toEqual({ kind: 'fail', error: expect.any(AuthRequiredError) });
  });

  it('accepts a 2xx body without an error, retries bare 5xx and 429, fails other bare 4xx', () => {
    expect(classifyLastfmResponse(answer(200, { recenttracks: {} }), request).kind).toBe('ok');
    expect(classifyLastfmResponse(answer(503, 'Service Unavailable'), request).kind).toBe('retry');
    expect(classifyLastfmResponse(answer(429, null), request).kind).toBe('retry');
    expect(classifyLastfmResponse(answer(400, 'Bad Request'), request)).toMatchObject({
      kind: 'fail',
      error: { code: 'LASTFM.HTTP_400' },
    });
  });
});

describe('lastfmError', () => {
  it('makes 9, 4 and 14 AuthRequiredError that names `narada auth lastfm`', () => {
    for (const [fixture, status] of [
      ['error-9-invalid-session-key.json', 403],
      ['error-4-bad-auth.json', 200],
      ['error-14-unauthorized-token.json', 403],
    ] as const) {
      const error = errorFrom(fixture, status);
      expect(error).toBeInstanceOf(AuthRequiredError);
      expect(error.message).toContain('`narada auth lastfm`');
      expect(error.category).toBe('config');
    }
  });

  it('keeps the Last.fm code for callers that branch on it (the login poll waits on 14)', () => {
    expect(lastfmCodeOf(errorFrom('error-14-unauthorized-token.json', 403))).toBe(14);
    expect(lastfmCodeOf(new Error('other'))).toBeNull();
  });

  it('makes "not found" 6 a NotFoundError and other 6 a parameter error', () => {
    const user = errorFrom('error-6-user-not-found.json', 404);
    expect(user).toBeInstanceOf(NotFoundError);
    expect(user.message).toContain('no such user');
    expect(errorFrom('error-6-no-such-user.json', 200)).toBeInstanceOf(NotFoundError);
    const page = errorFrom('error-6-page-out-of-bounds.json', 400);
    expect(page).not.toBeInstanceOf(NotFoundError);
    expect(page.code).toBe('LASTFM.INVALID_PARAMETERS');
  });

  it('blames the API secret for error 13 and the API key for error 10, as configuration', () => {
    const signature = lastfmError({ code: 13, message: 'Invalid method signature supplied' }, 403);
    expect(signature).toMatchObject({ code: 'LASTFM.BAD_SIGNATURE', category: 'config', retryable: false });
    expect(signature.message).toContain('LASTFM_API_SECRET');
    const key = lastfmError({ code: 10, message: 'Invalid API key' }, 403);
    expect(key).toMatchObject({ code: 'LASTFM.INVALID_API_KEY', category: 'config' });
    expect(key.message).toContain('LASTFM_API_KEY');
  });

  it('reports a suspended API key (26) as a failure that retrying does not fix', () => {
    expect(errorFrom('error-26-api-key-suspended.json', 403)).toMatchObject({
      code: 'LASTFM.API_KEY_SUSPENDED',
      category: 'failure',
      retryable: false,
      status: 403,
    });
  });

  it('explains a private history (17)', () => {
    expect(errorFrom('error-17-login-required.json', 403).message).toContain('privacy settings');
  });
});

describe('lastfmErrorOf', () => {
  it('finds the envelope whatever the key order, and ignores ordinary bodies', () => {
    expect(lastfmErrorOf(lastfmFixture('error-29-rate-limit-exceeded.json'))).toMatchObject({ code: 29 });
    expect(lastfmErrorOf(lastfmFixture('track.scrobble-single-accepted.json'))).toBeNull();
    expect(lastfmErrorOf('<html>')).toBeNull();
  });
});

describe('lastfmReadProblem', () => {
  const attr = { page: '3', perPage: '200', totalPages: '5', total: '1000' };

  it('finds JSON cut short, and an empty page its paging says is not', () => {
    expect(lastfmReadProblem('{"recenttracks":{"track":[{"na')).toBe(
      'the answer was cut short (incomplete JSON)',
    );
    expect(lastfmReadProblem(null)).toBe('the answer was cut short (incomplete JSON)');
    expect(lastfmReadProblem({ recenttracks: { track: [], '@attr': attr } })).toBe(
      'page 3 of 5 came back empty although the list holds 1000 entries',
    );
    const lovesPage = { lovedtracks: { track: [], '@attr': { ...attr, page: '1' } } };
    expect(lastfmReadProblem(lovesPage)).toBe(
      'page 1 of 5 came back empty although the list holds 1000 entries',
    );
  });

  it('accepts empty pages that are meant to be empty, and any other object', () => {
    expect(lastfmReadProblem(lastfmFixture('user.getRecentTracks-empty.json'))).toBeNull();
    expect(lastfmReadProblem({ recenttracks: { track: [], '@attr': { ...attr, page: '6' } } })).toBeNull();
    expect(lastfmReadProblem({ recenttracks: {} })).toBeNull();
    expect(lastfmReadProblem(lastfmFixture('user.getRecentTracks-2025.json'))).toBeNull();
  });
});
