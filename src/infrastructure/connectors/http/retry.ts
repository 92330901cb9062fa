// When and how long to wait before trying a request again: exponential backoff with jitter, and
// the server's own Retry-After when it gives one.

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Spread waits randomly so callers that failed together do not retry together. */
  readonly jitter: boolean;
  /**
   * A Retry-After longer than this is not waited out, nor does a call keep slowing down once its
   * waits would add up to more: the caller gets RateLimitedError with the time to come back.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: true,
  maxRetryAfterMs: 600_000,
};

/**
 * Wait after the `failures`-th failed attempt (1-based): base·2^(failures−1), capped. With jitter the
 * wait is drawn from its upper half, so it spreads callers but never collapses to zero.
 */
export function backoffDelayMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return policy.jitter ? Math.round(exponential / 2 + (random() * exponential) / 2) : exponential;
}

/**
 * Retry-After as milliseconds: delta-seconds (`13749`, also `0`) or an HTTP date. Undefined when
 * absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names the weekday and month; without letters, Date.parse would read "-5" as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
