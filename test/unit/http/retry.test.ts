import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  parseRetryAfterMs,
} from '../../../src/infrastructure/connectors/http/retry.js';

const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: false };

describe('backoffDelayMs', () => {
  it('doubles the wait after each failure and caps it', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, noJitter, () => 0.5));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('with jitter draws the wait from the upper half of the exponential step', () => {
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(1000);
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(1500);
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.999_999)).toBe(2000);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-05-02T12:00:00Z');

  it('reads delta-seconds, including the 0 Spotify sometimes sends', () => {
    expect(parseRetryAfterMs('13749', now)).toBe(13_749_000);
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs(' 2 ', now)).toBe(2000);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfterMs('Sat, 02 May 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sat, 02 May 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined when the header is absent or unreadable, so backoff applies', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});
