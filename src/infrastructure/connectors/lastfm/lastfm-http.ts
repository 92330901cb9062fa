// How Last.fm answers are read by the shared HTTP client: the error envelope decides, whatever the
// HTTP status (errors come with 200, 403, 404 or 429); 29, 11, 16 and 8 are retried with backoff, and
// 29 (rate limit exceeded) pauses every Last.fm caller like a 429 does. What makes a read's HTTP 200
// answer not whole (a body cut short, a page of a list with no entry although the list's own paging
// says it holds some: both happen now and then) is `lastfmReadProblem`, checked by the HTTP client.
import type { CallCounter } from '../http/call-counter.js';
import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from '../http/http-message.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import { rejectedError } from '../http/response-classifier.js';
import { defaultUserAgent } from '../http/user-agent.js';
import {
  LASTFM_RATE_LIMIT_EXCEEDED,
  RETRYABLE_LASTFM_ERRORS,
  lastfmError,
  lastfmErrorOf,
} from './lastfm-errors.js';
import { emptyPageOf } from './lastfm-wire.js';

export function classifyLastfmResponse(response: HttpResponse, request: HttpRequest): ResponseVerdict {
  const envelope = lastfmErrorOf(response.body);
  if (envelope !== null) {
    if (envelope.code === LASTFM_RATE_LIMIT_EXCEEDED) {
      return {
        kind: 'retry',
        reason: `Last.fm error 29: ${envelope.message || 'rate limit exceeded'}`,
        slowDown: true,
      };
    }
    return RETRYABLE_LASTFM_ERRORS.has(envelope.code)
      ? { kind: 'retry', reason: `Last.fm error ${envelope.code}` }
      : { kind: 'fail', error: lastfmError(envelope, response.status) };
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 429) return { kind: 'retry', reason: 'HTTP 429 rate limited', slowDown: true };
  if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  return { kind: 'fail', error: rejectedError('lastfm', response, request) };
}

/** What is wrong with a read's 2xx answer that is not whole; null when it is (see http/whole-answer.ts). */
export function lastfmReadProblem(body: unknown): string | null {
  // Every Last.fm answer asked with format=json is a JSON object; text here is JSON cut short.
  if (typeof body === 'string' || body === null) return 'the answer was cut short (incomplete JSON)';
  const empty = emptyPageOf(body);
  return empty === null
    ? null
    : `page ${empty.page} of ${empty.totalPages} came back empty although the list holds ${empty.total} entries`;
}

export interface LastfmHttpClientOptions extends Partial<
  Omit<HttpClientOptions, 'service' | 'classify' | 'limiter' | 'calls'>
> {
  /** The process's one Last.fm limiter (tokenBucketLimiter(5, 5) suits Last.fm). */
  readonly limiter: RateLimiter;
  readonly calls: CallCounter;
}

/** The HTTP client every Last.fm call should go through: Last.fm's classifier, Narada's User-Agent. */
export function createLastfmHttpClient(options: LastfmHttpClientOptions): HttpClient {
  return new HttpClient({
    userAgent: defaultUserAgent(),
    ...options,
    service: 'lastfm',
    classify: classifyLastfmResponse,
  });
}
