// The one way Narada calls a web service: rate limited per service, timed out, counted, retried with
// backoff, and every failure turned into a typed upstream error that says whether a retry helps.
import {
  RateLimitedError,
  UpstreamUnavailableError,
  type UpstreamErrorOptions,
} from '../../../application/ports/upstream-errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { systemClock } from '../../clock/system-clock.js';
import type { CallCounter } from './call-counter.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from './http-message.js';
import { LONG_WAIT_NOTICE_MS, type LongWaitListener } from './long-wait.js';
import type { RateLimiter } from './rate-limiter.js';
import { parseResponseBody } from './response-body.js';
import { defaultClassify } from './response-classifier.js';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './retry.js';
import { WHOLE_ANSWER_ATTEMPTS, unreadableAnswerError } from './whole-answer.js';

export interface HttpClientOptions {
  service: ServiceName;
  userAgent: string;
  /** One per service per process. */
  limiter: RateLimiter;
  /** One per process. */
  calls: CallCounter;
  /** Service-specific; default: 2xx ok, 429/5xx retry, 404 NotFoundError, 401 AuthRequiredError, else fail. */
  classify?: (response: HttpResponse, request: HttpRequest) => ResponseVerdict;
  /** maxAttempts 5, baseDelayMs 500, maxDelayMs 30_000, jitter, maxRetryAfterMs 600_000. */
  retry?: Partial<RetryPolicy>;
  /** Per attempt; default 30_000. */
  timeoutMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Epoch ms, for Retry-After dates and RateLimitedError.retryAt; injectable for tests. */
  now?: () => number;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
  /** Told before each wait of at least `longWaitMs` (default LONG_WAIT_NOTICE_MS), so the user knows why. */
  onLongWait?: LongWaitListener;
  longWaitMs?: number;
  /** Told of every retry before its wait, however short, so the log shows what was asked again and why. */
  onRetry?: RetryListener;
}

/** One retry the client is about to make: the failed attempt, what went wrong, and the wait before the next. */
export interface RetryWait {
  readonly service: ServiceName;
  readonly endpoint: string;
  /** The attempt that failed, counting from 1. */
  readonly attempt: number;
  readonly reason: string;
  readonly slowDown: boolean;
  readonly waitMs: number;
}

export type RetryListener = (retry: RetryWait) => void;

type AttemptOutcome =
  | { readonly kind: 'response'; readonly response: HttpResponse }
  | { readonly kind: 'error'; readonly reason: string; readonly cause: unknown };

export class HttpClient {
  readonly service: ServiceName;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  /** End of the last wait announced, so callers stopped by the same pause do not repeat it. */
  private announcedUntil = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.service = options.service;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.sleep = options.sleep ?? systemClock.sleep;
    this.now = options.now ?? systemClock.now;
    this.random = options.random ?? Math.random;
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    let failures = 0;
    let slowDowns = 0;
    let spoiled = 0;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.options.limiter.schedule(() => this.send(req));
      let verdict: ResponseVerdict;
      let serverWaitMs: number | undefined;
      let status: number | undefined;
      let spoiledNow = false;
      if (outcome.kind === 'response') {
        verdict = this.classify(outcome.response, req);
        if (verdict.kind === 'ok') {
          const problem = req.whole?.problemOf(outcome.response.body) ?? null;
          if (req.whole === undefined || problem === null) return outcome.response as HttpResponse<T>;
          // Spoiled answers have their own budget: the service answered, the body did not survive.
          spoiled += 1;
          spoiledNow = true;
          if (spoiled >= WHOLE_ANSWER_ATTEMPTS) {
            throw unreadableAnswerError(this.service, req.whole, problem, {
              endpoint: req.endpoint,
              status: outcome.response.status,
            });
          }
          verdict = { kind: 'retry', reason: `${req.whole.subject}: ${problem}` };
        }
        if (verdict.kind === 'fail') throw verdict.error;
        status = outcome.response.status;
        serverWaitMs =
          verdict.afterMs ?? parseRetryAfterMs(outcome.response.headers.get('retry-after'), this.now());
      } else {
        verdict = { kind: 'retry', reason: outcome.reason };
      }
      const errorOptions: UpstreamErrorOptions = {
        ...(status === undefined ? {} : { status }),
        ...(outcome.kind === 'error' ? { cause: outcome.cause } : {}),
        details: { endpoint: req.endpoint, attempts: attempt },
      };
      const slowDown = verdict.slowDown === true;
      let waitMs: number;
      if (slowDown) {
        // Being told to slow down is not a failure: wait as asked, for as long as the user allows in all.
        slowDowns += 1;
        waitMs = serverWaitMs ?? backoffDelayMs(slowDowns, this.policy, this.random);
        if (waitedMs + waitMs > this.policy.maxRetryAfterMs)
          throw this.rateLimited(waitMs, waitedMs, errorOptions);
        waitedMs += waitMs;
      } else if (spoiledNow) {
        waitMs = backoffDelayMs(spoiled, this.policy, this.random);
      } else {
        failures += 1;
        // Never block for hours: a long Retry-After goes back to the user with the time to come back.
        if (serverWaitMs !== undefined && serverWaitMs > this.policy.maxRetryAfterMs) {
          throw this.rateLimited(serverWaitMs, 0, errorOptions);
        }
        if (failures >= this.policy.maxAttempts) {
          const reason = `${req.endpoint}: ${verdict.reason}, ${attempt} attempt${attempt === 1 ? '' : 's'}`;
          throw new UpstreamUnavailableError(this.service, reason, errorOptions);
        }
        waitMs = serverWaitMs ?? backoffDelayMs(failures, this.policy, this.random);
      }
      // "Too fast" holds back every caller of the service, not just this one.
      if (slowDown || status === 429 || status === 503) this.options.limiter.pauseFor(waitMs);
      this.options.onRetry?.({
        service: this.service,
        endpoint: req.endpoint,
        attempt,
        reason: verdict.reason,
        slowDown,
        waitMs,
      });
      this.announce(verdict.reason, slowDown, waitMs);
      await this.sleep(waitMs);
    }
  }

  private rateLimited(waitMs: number, waitedMs: number, options: UpstreamErrorOptions): RateLimitedError {
    const now = this.now();
    return new RateLimitedError(this.service, now + waitMs, now, {
      ...options,
      waitedMs,
      maxWaitMs: this.policy.maxRetryAfterMs,
    });
  }

  private announce(reason: string, slowDown: boolean, waitMs: number): void {
    const threshold = this.options.longWaitMs ?? LONG_WAIT_NOTICE_MS;
    const until = this.now() + waitMs;
    if (this.options.onLongWait === undefined || waitMs < threshold) return;
    if (until < this.announcedUntil + threshold) return;
    this.announcedUntil = until;
    this.options.onLongWait({ service: this.service, reason, slowDown, waitMs, until });
  }

  private classify(response: HttpResponse, req: HttpRequest): ResponseVerdict {
    return this.options.classify
      ? this.options.classify(response, req)
      : defaultClassify(this.service, response, req);
  }

  /** One attempt: counted, timed out, body read and parsed; network failures become an outcome. */
  private async send(req: HttpRequest): Promise<AttemptOutcome> {
    const url = buildUrl(req.url, req.query);
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    this.options.calls.record(this.service, req.endpoint);
    try {
      const response = await fetch(url, {
        method: req.method,
        headers: this.headers(req),
        body: requestBody(req),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const body = parseResponseBody(text, response.headers.get('content-type'));
      return {
        kind: 'response',
        response: { status: response.status, headers: response.headers, body, text },
      };
    } catch (error) {
      const reason = isTimeout(error)
        ? `no answer within ${timeoutMs} ms`
        : `network error (${networkCause(error)})`;
      return { kind: 'error', reason, cause: error };
    }
  }

  private headers(req: HttpRequest): Record<string, string> {
    const contentType: Record<string, string> =
      req.json !== undefined
        ? { 'content-type': 'application/json' }
        : req.form !== undefined
          ? { 'content-type': 'application/x-www-form-urlencoded' }
          : {};
    return {
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      ...contentType,
      ...req.headers,
    };
  }
}

/** Adds `query` to `url`, keeping whatever query the URL already has (paging links). */
export function buildUrl(url: string, query: HttpRequest['query']): URL {
  const result = new URL(url);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) result.searchParams.set(key, String(value));
  }
  return result;
}

function requestBody(req: HttpRequest): string | undefined {
  if (req.json !== undefined) return JSON.stringify(req.json);
  if (req.form !== undefined) return new URLSearchParams(req.form).toString();
  return undefined;
}

// Errors from fetch may come from another realm (Jest's VM), so they are read by shape, not instanceof.
function errorField(error: unknown, field: 'name' | 'code' | 'cause'): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
}

function isTimeout(error: unknown): boolean {
  const name = errorField(error, 'name');
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The system-level reason (ECONNREFUSED, ECONNRESET) without the URL, which may carry keys. */
function networkCause(error: unknown): string {
  const code = errorField(errorField(error, 'cause'), 'code') ?? errorField(error, 'code');
  if (typeof code === 'string') return code;
  const name = errorField(error, 'name');
  return typeof name === 'string' ? name : 'unknown';
}
