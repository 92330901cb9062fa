// Wires the shared HTTP layer for MusicBrainz: its 1 request/second limit (MUSICBRAINZ_RATE_LIMIT for a
// mirror), its User-Agent rule and its error conventions (503 = slow down, 403 = unacceptable
// User-Agent, 400 = malformed id or query).
import type { Clock } from '../../../application/ports/clock.port.js';
import { UpstreamError, upstreamCode } from '../../../application/ports/upstream-errors.js';
import type { CallCounter } from '../http/call-counter.js';
import { HttpClient, type RetryListener } from '../http/http-client.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from '../http/http-message.js';
import type { LongWaitListener } from '../http/long-wait.js';
import { adaptiveLimiter, serialIntervalLimiter, type RateLimiter } from '../http/rate-limiter.js';
import { defaultClassify, upstreamMessage } from '../http/response-classifier.js';
import type { RetryPolicy } from '../http/retry.js';
import { defaultMusicBrainzUserAgent } from '../http/user-agent.js';

/** MusicBrainz allows an average of one request per second per IP; over it, every request gets 503. */
export const MUSICBRAINZ_INTERVAL_MS = 1000;

const processLimiters = new Map<string, RateLimiter>();

/**
 * The limiter every MusicBrainz caller in this process shares at that rate (created on first use):
 * one request at a time, `1000 / requestsPerSecond` ms apart. null (MUSICBRAINZ_RATE_LIMIT=unlimited,
 * a mirror of one's own) paces nothing, though a 503 still holds every caller back.
 */
export function sharedMusicBrainzLimiter(requestsPerSecond: number | null = 1): RateLimiter {
  const key = String(requestsPerSecond);
  let limiter = processLimiters.get(key);
  if (limiter === undefined) {
    limiter =
      requestsPerSecond === null
        ? adaptiveLimiter()
        : serialIntervalLimiter(MUSICBRAINZ_INTERVAL_MS / requestsPerSecond);
    processLimiters.set(key, limiter);
  }
  return limiter;
}

export interface MusicBrainzHttpOptions {
  /** `App/version ( contact )`; default names Narada. */
  readonly userAgent?: string;
  readonly calls: CallCounter;
  /** Default: the process-wide limiter at `requestsPerSecond`. */
  readonly limiter?: RateLimiter;
  /** MUSICBRAINZ_RATE_LIMIT: default 1 (musicbrainz.org's rule); null for no pacing (a mirror). */
  readonly requestsPerSecond?: number | null;
  readonly retry?: Partial<RetryPolicy>;
  readonly timeoutMs?: number;
  /** Injectable for tests (sleep for backoff, now for Retry-After dates). */
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly onLongWait?: LongWaitListener;
  readonly onRetry?: RetryListener;
}

export function createMusicBrainzHttpClient(options: MusicBrainzHttpOptions): HttpClient {
  return new HttpClient({
    service: 'musicbrainz',
    userAgent: options.userAgent ?? defaultMusicBrainzUserAgent(),
    limiter: options.limiter ?? sharedMusicBrainzLimiter(options.requestsPerSecond),
    calls: options.calls,
    classify: classifyMusicBrainzResponse,
    // A 503 means "over one per second": waits start at a second, not half of one.
    retry: { baseDelayMs: MUSICBRAINZ_INTERVAL_MS, ...options.retry },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.clock === undefined ? {} : { sleep: options.clock.sleep, now: options.clock.now }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.onLongWait === undefined ? {} : { onLongWait: options.onLongWait }),
    ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
  });
}

export function classifyMusicBrainzResponse(response: HttpResponse, request: HttpRequest): ResponseVerdict {
  if (response.status === 403) {
    // MusicBrainz refuses missing or generic User-Agents; only the user's configuration can fix that.
    return {
      kind: 'fail',
      error: new UpstreamError(
        'musicbrainz',
        upstreamCode('musicbrainz', 'FORBIDDEN'),
        'MusicBrainz refused the request (HTTP 403), which it does for a missing or generic User-Agent; ' +
          'set MUSICBRAINZ_USER_AGENT to "YourApp/1.0 ( you@example.com )" or unset it to use Narada’s',
        'config',
        { status: 403, retryable: false, details: { endpoint: request.endpoint } },
      ),
    };
  }
  if (response.status === 400) {
    const said = upstreamMessage(response.body);
    return {
      kind: 'fail',
      error: new UpstreamError(
        'musicbrainz',
        upstreamCode('musicbrainz', 'BAD_REQUEST'),
        `MusicBrainz rejected ${request.endpoint} as malformed${said ? ` (${said})` : ''}; check the id or search text`,
        'input',
        { status: 400, retryable: false, details: { endpoint: request.endpoint } },
      ),
    };
  }
  if (response.status === 503 && RATE_LIMIT_TEXT.test(upstreamMessage(response.body) ?? '')) {
    return { kind: 'retry', reason: 'HTTP 503, over 1 request/second', slowDown: true };
  }
  return defaultClassify('musicbrainz', response, request);
}

/** MusicBrainz's 503 body when a client is too fast; a 503 without it is an outage, retried as one. */
const RATE_LIMIT_TEXT = /rate limit/i;
