// What passes through the HTTP layer: a request, a response, and the verdict a service's classifier
// gives on it. Kept apart from the client so classifiers need not import the client that calls them.
import type { NaradaError } from '../../../domain/shared/errors.js';
import type { WholeAnswer } from './whole-answer.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL; paging `next` links are passed as given. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** JSON body. */
  json?: unknown;
  /** x-www-form-urlencoded body (Last.fm POST, token endpoint). */
  form?: Record<string, string>;
  /** Label for call counting and messages, e.g. 'GET /playlists/{id}/items'. Never holds secrets. */
  endpoint: string;
  timeoutMs?: number;
  /** A 2xx answer failing this check is asked again, then fails as `<SERVICE>.UNREADABLE_ANSWER`. */
  whole?: WholeAnswer;
}

/** `body`: parsed JSON, else text, null if empty. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** The body exactly as received, for callers that keep it verbatim; HttpClient always sets it. */
  text?: string;
}

export type ResponseVerdict =
  | { kind: 'ok' }
  /**
   * Transient: back off (Retry-After wins) and retry. `slowDown`: the service says we are too fast
   * (429, Last.fm 29, MusicBrainz's 503): every caller pauses, and such waits spend no attempts; they
   * stop only once this call has waited longer than `maxRetryAfterMs` in all.
   */
  | { kind: 'retry'; reason: string; afterMs?: number; slowDown?: boolean }
  /** Give up now with this error. */
  | { kind: 'fail'; error: NaradaError };
