import { describe, expect, it } from '@jest/globals';
import {
  AuthRequiredError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  UpstreamUnavailableError,
  formatWait,
} from '../../../src/application/ports/upstream-errors.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';

describe('upstream errors', () => {
  it('RateLimitedError says how long to wait and when to run again, rounded up to the minute', () => {
    const now = Date.parse('2026-05-02T12:15:00Z');
    const error = new RateLimitedError('spotify', now + 13_749_000, now);
    expect(error.message).toBe('Spotify asks us to wait 3 h 50 min; run again after 16:05 UTC');
    expect(error.code).toBe('SPOTIFY.RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.retryAt).toBe(now + 13_749_000);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toBeInstanceOf(NaradaError);
  });

  it('RateLimitedError names the date when the wait crosses midnight UTC', () => {
    const now = Date.parse('2026-05-02T23:00:00Z');
    const error = new RateLimitedError('lastfm', now + 2 * 3_600_000, now);
    expect(error.message).toBe('Last.fm asks us to wait 2 h; run again after 2026-05-03 01:00 UTC');
  });

  it('RateLimitedError names the ceiling it hit, and how long it already waited when it kept slowing down', () => {
    const now = Date.parse('2026-05-02T12:15:00Z');
    const long = new RateLimitedError('spotify', now + 3_600_000, now, { maxWaitMs: 600_000 });
    expect(long.message).toBe(
      'Spotify asks us to wait 1 h (NARADA_MAX_RETRY_AFTER_MINUTES allows 10 min); run again after 13:15 UTC',
    );
    const kept = new RateLimitedError('lastfm', now + 30_000, now, { waitedMs: 590_000, maxWaitMs: 600_000 });
    expect(kept.message).toBe(
      'Last.fm still asks us to slow down after 10 min of waiting (NARADA_MAX_RETRY_AFTER_MINUTES allows 10 min); run again after 12:16 UTC',
    );
    expect(kept.category).toBe('failure');
  });

  it('AuthRequiredError is a configuration problem naming the command that fixes it', () => {
    const error = new AuthRequiredError('spotify', 'the refresh token was revoked');
    expect(error.category).toBe('config');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('run `narada auth spotify`');
  });

  it('NotFoundError cannot be fixed by retrying; UpstreamUnavailableError can', () => {
    const missing = new NotFoundError('musicbrainz', 'recording 5b11f4ce-a62d-471e-81fc-a69a8278c7da');
    expect(missing.retryable).toBe(false);
    expect(missing.status).toBe(404);
    expect(missing.code).toBe('MUSICBRAINZ.NOT_FOUND');
    const down = new UpstreamUnavailableError('lastfm', 'HTTP 503, 5 attempts');
    expect(down.retryable).toBe(true);
    expect(down.details).toMatchObject({ service: 'lastfm' });
  });

  it('formats waits coarsely', () => {
    expect(formatWait(0)).toBe('0 s');
    expect(formatWait(45_000)).toBe('45 s');
    expect(formatWait(61_000)).toBe('2 min');
    expect(formatWait(3_600_000)).toBe('1 h');
  });
});
