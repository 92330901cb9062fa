import { describe, expect, it } from '@jest/globals';
import {
  AuthRequiredError,
  NotFoundError,
  UpstreamError,
} from '../../../src/application/ports/upstream-errors.js';
import type { HttpRequest, HttpResponse } from '../../../src/infrastructure/connectors/http/http-message.js';
import {
  classifySpotifyResponse,
  playlistNotYoursError,
  readOAuthError,
  readSpotifyError,
} from '../../../src/infrastructure/connectors/spotify/spotify-errors.js';
import { spotifyFixture } from './spotify-fixtures.js';

const request: HttpRequest = { method: 'GET', url: 'http://127.0.0.1/v1/me', endpoint: 'GET /me' };
const answer = (status: number, body: unknown): HttpResponse => ({ status, body, headers: new Headers() });

describe('reading Spotify error bodies', () => {
  it('reads the regular error object from the fixtures', () => {
    expect(readSpotifyError(spotifyFixture('error-401-expired-token.json'))).toEqual({
      status: 401,
      message: 'The access token expired',
      reason: null,
    });
    expect(readSpotifyError(spotifyFixture('error-404-not-found.json')).message).toBe('Resource not found');
    expect(readSpotifyError(null)).toEqual({ status: null, message: null, reason: null });
  });

  it('reads token endpoint errors', () => {
    expect(readOAuthError(spotifyFixture('token-error-refresh-revoked.json'))).toEqual({
      error: 'invalid_grant',
      description: 'Refresh token revoked',
    });
    expect(readOAuthError(spotifyFixture('error-401-expired-token.json'))).toBeNull();
  });
});

describe('classifySpotifyResponse', () => {
  it('accepts 2xx', () => {
    expect(
      classifySpotifyResponse(answer(201, spotifyFixture('post-playlist-tracks.json')), request),
    ).toEqual({ kind: 'ok' });
  });

  it('retries a 429, with or without a body, as a slow-down that pauses every caller', () => {
    expect(
      classifySpotifyResponse(answer(429, spotifyFixture('error-429-rate-limited.json')), request),
    ).toMatchObject({ kind: 'retry', slowDown: true });
    expect(classifySpotifyResponse(answer(429, null), request)).toMatchObject({
      kind: 'retry',
      slowDown: true,
    });
  });

  it('waits out a QUOTA_EXCEEDED 429 like any other: Spotify counts over 30 seconds, not a day', () => {
    const body = { error: { status: 429, message: 'Too many requests', reason: 'QUOTA_EXCEEDED' } };

    const verdict = classifySpotifyResponse(answer(429, body), request);

    expect(verdict).toEqual({
      kind: 'retry',
      reason: 'HTTP 429 QUOTA_EXCEEDED',
      slowDown: true,
    });
  });

  it('retries server errors as failures that spend attempts', () => {
    expect(classifySpotifyResponse(answer(502, null), request)).toEqual({
      kind: 'retry',
      reason: 'HTTP 502',
    });
  });

  it('turns 401, 403 and 404 into typed errors with their status, matching on status not message', () => {
    const unauthorized = classifySpotifyResponse(
      answer(401, { error: { status: 401, message: 'Invalid access token' } }),
      request,
    );
    const forbidden = classifySpotifyResponse(
      answer(403, spotifyFixture('error-403-playlist-not-owned.json')),
      request,
    );
    const missing = classifySpotifyResponse(answer(404, spotifyFixture('error-404-not-found.json')), request);

    expect(unauthorized.kind === 'fail' && unauthorized.error).toBeInstanceOf(AuthRequiredError);
    expect(forbidden.kind === 'fail' && forbidden.error).toMatchObject({
      code: 'SPOTIFY.FORBIDDEN',
      status: 403,
    });
    expect(forbidden.kind === 'fail' && forbidden.error.message).toContain(
      "You cannot add tracks to a playlist you don't own.",
    );
    expect(missing.kind === 'fail' && missing.error).toBeInstanceOf(NotFoundError);
  });

  it('keeps the OAuth error name of a token endpoint refusal for the caller', () => {
    const verdict = classifySpotifyResponse(answer(400, spotifyFixture('token-error-invalid-client.json')), {
      ...request,
      method: 'POST',
      endpoint: 'POST /api/token',
    });

    expect(verdict.kind === 'fail' && verdict.error).toBeInstanceOf(UpstreamError);
    expect(verdict.kind === 'fail' && verdict.error.details.oauthError).toBe('invalid_client');
  });
});

describe('playlistNotYoursError', () => {
  it("explains Spotify's 2026 rule and is not retryable", () => {
    const error = playlistNotYoursError('37i9dQZF1DXcBWIGoYBM5M', 'read');

    expect(error.message).toContain(
      "playlist is not yours or not collaborative: Spotify's 2026 rules only let you read items of your own playlists",
    );
    expect(error.retryable).toBe(false);
  });
});
