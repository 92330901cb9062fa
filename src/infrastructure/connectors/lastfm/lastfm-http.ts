// How Last.fm answers are read by the shared HTTP client: the error envelope decides, whatever the
// HTTP status (errors come with 200, 403, 404 or 429); 29, 11 and 16 are retried with backoff, and
// 29 (rate limit exceeded) pauses every Last.fm caller like a 429 does.
import type { CallCounter } from '../http/call-counter.js';
import {
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type ResponseVerdict,
} from '../http/http-client.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import { rejectedError } from '../http/response-classifier.js';
import { defaultUserAgent } from '../http/user-agent.js';
import {
  LASTFM_RATE_LIMIT_EXCEEDED,
  RETRYABLE_LASTFM_ERRORS,
  lastfmError,
  lastfmErrorOf,
} from './lastfm-errors.js';

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
