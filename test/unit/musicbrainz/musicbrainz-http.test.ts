import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError, UpstreamError } from '../../../src/application/ports/upstream-errors.js';
import type { HttpRequest } from '../../../src/infrastructure/connectors/http/http-message.js';
import { classifyMusicBrainzResponse } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { wireFixturePath } from '../../support/wire-fixtures.js';

const FIXTURES = wireFixturePath('musicbrainz');
const body = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
const request: HttpRequest = {
  method: 'GET',
  url: 'https://mb.example/ws/2/recording/x',
  endpoint: 'GET /recording/{mbid}',
};
const classify = (status: number, answer: unknown) =>
  classifyMusicBrainzResponse({ status, headers: new Headers(), body: answer }, request);

describe('classifyMusicBrainzResponse', () => {
  it('retries the 503 MusicBrainz sends when over its rate limit as a slow-down', () => {
    expect(classify(503, body('error-503-rate-limited.json'))).toMatchObject({
      kind: 'retry',
      slowDown: true,
    });
  });

  it('retries a 503 without the rate-limit text as an outage that spends attempts', () => {
    expect(classify(503, '<html>Service Temporarily Unavailable</html>')).toEqual({
      kind: 'retry',
      reason: 'HTTP 503',
    });
  });

  it('turns 404 into NotFoundError', () => {
    const verdict = classify(404, body('error-404-not-found.json'));
    expect(verdict.kind === 'fail' && verdict.error).toBeInstanceOf(NotFoundError);
  });

  it('turns 403 into a configuration error that points at MUSICBRAINZ_USER_AGENT', () => {
    const verdict = classify(403, body('error-403-forbidden.json'));
    const error = verdict.kind === 'fail' ? verdict.error : null;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error?.category).toBe('config');
    expect(error?.retryable).toBe(false);
    expect(error?.message).toContain('MUSICBRAINZ_USER_AGENT');
  });

  it('turns 400 into a bad-input error quoting MusicBrainz', () => {
    const verdict = classify(400, { error: 'Invalid mbid.' });
    const error = verdict.kind === 'fail' ? verdict.error : null;
    expect(error?.code).toBe('MUSICBRAINZ.BAD_REQUEST');
    expect(error?.message).toContain('(Invalid mbid.)');
  });
});
