import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  AuthRequiredError,
  NotFoundError,
  UpstreamError,
} from '../../../src/application/ports/upstream-errors.js';
import type { HttpRequest, HttpResponse } from '../../../src/infrastructure/connectors/http/http-message.js';
import {
  defaultClassify,
  upstreamMessage,
} from '../../../src/infrastructure/connectors/http/response-classifier.js';
import { WIRE_FIXTURES_DIR } from '../../support/wire-fixtures.js';

const FIXTURES = WIRE_FIXTURES_DIR.replace(/\/$/, '');
const fixture = (path: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${path}`, 'utf8'));

const request: HttpRequest = { method: 'GET', url: 'https://api.example/v1/x', endpoint: 'GET /x' };
const answer = (status: number, body: unknown = null): HttpResponse => ({
  status,
  headers: new Headers(),
  body,
});

describe('defaultClassify', () => {
  it('accepts every 2xx', () => {
    expect(defaultClassify('spotify', answer(200), request)).toEqual({ kind: 'ok' });
    expect(defaultClassify('spotify', answer(201), request)).toEqual({ kind: 'ok' });
  });

  it('retries 429 and every 5xx; only 429 as a slow-down that spends no attempts', () => {
    for (const status of [429, 500, 502, 503, 504]) {
      const verdict = defaultClassify('lastfm', answer(status), request);
      expect(verdict.kind).toBe('retry');
      expect(verdict.kind === 'retry' && verdict.slowDown === true).toBe(status === 429);
    }
  });

  it('turns 404 into NotFoundError and 401 into AuthRequiredError', () => {
    const missing = defaultClassify(
      'spotify',
      answer(404, fixture('spotify/error-404-not-found.json')),
      request,
    );
    expect(missing.kind === 'fail' && missing.error).toBeInstanceOf(NotFoundError);
    const expired = defaultClassify(
      'spotify',
      answer(401, fixture('spotify/error-401-expired-token.json')),
      request,
    );
    expect(expired.kind === 'fail' && expired.error).toBeInstanceOf(AuthRequiredError);
  });

  it('fails other 4xx at once with what the service said', () => {
    const verdict = defaultClassify(
      'spotify',
      answer(403, fixture('spotify/error-403-playlist-not-owned.json')),
      request,
    );
    expect(verdict.kind).toBe('fail');
    const error = verdict.kind === 'fail' ? verdict.error : null;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error?.retryable).toBe(false);
    expect(error?.code).toBe('SPOTIFY.HTTP_403');
    expect(error?.message).toContain('Spotify refused GET /x (HTTP 403: ');
  });
});

describe('upstreamMessage', () => {
  it('finds the message in each vendor’s error body', () => {
    expect(upstreamMessage(fixture('spotify/error-429-rate-limited.json'))).toBe('API rate limit exceeded');
    expect(upstreamMessage(fixture('lastfm/error-6-user-not-found.json'))).toBe('User not found');
    expect(upstreamMessage(fixture('musicbrainz/error-404-not-found.json'))).toBe('Not Found');
  });

  it('gives null when there is nothing to quote', () => {
    expect(upstreamMessage(null)).toBeNull();
    expect(upstreamMessage({})).toBeNull();
  });
});
