// How ListenBrainz answers are read by the shared HTTP client. Its rate limits come as headers on
// every answer (X-RateLimit-Remaining, X-RateLimit-Reset-In seconds); a 429 is waited out for
// Reset-In (it sends no Retry-After). A refused token is a configuration error (exit 2) that names
// the variable, never the token.
import { ConfigurationError } from '../../../domain/shared/errors.js';
import type { CallCounter } from '../http/call-counter.js';
import { HttpClient, type HttpClientOptions } from '../http/http-client.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from '../http/http-message.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import { rejectedError, upstreamMessage } from '../http/response-classifier.js';
import { defaultUserAgent } from '../http/user-agent.js';

/** Milliseconds until ListenBrainz's rate-limit window resets, from X-RateLimit-Reset-In; null if absent. */
export function resetInMs(headers: Headers): number | null {
  const seconds = Number(headers.get('x-ratelimit-reset-in') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

/** The requests left in this window, from X-RateLimit-Remaining; null if absent. */
export function remainingRequests(headers: Headers): number | null {
  const value = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
  return Number.isFinite(value) ? value : null;
}

export function badTokenError(said: string | null): ConfigurationError {
  return new ConfigurationError(
    'LISTENBRAINZ.BAD_TOKEN',
    `ListenBrainz refused the user token${said === null ? '' : ` (${said})`}: set LISTENBRAINZ_TOKEN to the token shown at https://listenbrainz.org/settings/`,
  );
}

export function classifyListenBrainzResponse(response: HttpResponse, request: HttpRequest): ResponseVerdict {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 429) {
    const afterMs = resetInMs(response.headers);
    return {
      kind: 'retry',
      reason: 'HTTP 429 rate limited',
      slowDown: true,
      ...(afterMs === null ? {} : { afterMs }),
    };
  }
  if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  if (status === 401) return { kind: 'fail', error: badTokenError(upstreamMessage(response.body)) };
  return { kind: 'fail', error: rejectedError('listenbrainz', response, request) };
}

export interface ListenBrainzHttpClientOptions extends Partial<
  Omit<HttpClientOptions, 'service' | 'classify' | 'limiter' | 'calls'>
> {
  readonly limiter: RateLimiter;
  readonly calls: CallCounter;
}

export function createListenBrainzHttpClient(options: ListenBrainzHttpClientOptions): HttpClient {
  return new HttpClient({
    userAgent: defaultUserAgent(),
    ...options,
    service: 'listenbrainz',
    classify: classifyListenBrainzResponse,
  });
}
