// The default reading of an HTTP answer: what succeeded, what a retry may fix, and which typed
// upstream error the rest becomes. Services with their own conventions pass their own classifier.
import {
  AuthRequiredError,
  NotFoundError,
  UpstreamError,
  serviceLabel,
  upstreamCode,
} from '../../../application/ports/upstream-errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from './http-message.js';

export function defaultClassify(
  service: ServiceName,
  response: HttpResponse,
  request: HttpRequest,
): ResponseVerdict {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 429) return { kind: 'retry', reason: 'HTTP 429 rate limited', slowDown: true };
  if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  const details = { endpoint: request.endpoint };
  if (status === 404) {
    return {
      kind: 'fail',
      error: new NotFoundError(service, `such resource (${request.endpoint})`, { details }),
    };
  }
  if (status === 401) {
    return {
      kind: 'fail',
      error: new AuthRequiredError(service, 'the login was refused or has expired', { status, details }),
    };
  }
  return { kind: 'fail', error: rejectedError(service, response, request) };
}

/** A 4xx the caller cannot fix by retrying: names the endpoint and what the service said. */
export function rejectedError(
  service: ServiceName,
  response: HttpResponse,
  request: HttpRequest,
): UpstreamError {
  const said = upstreamMessage(response.body);
  return new UpstreamError(
    service,
    upstreamCode(service, `HTTP_${response.status}`),
    `${serviceLabel(service)} refused ${request.endpoint} (HTTP ${response.status}${said ? `: ${said}` : ''})`,
    'failure',
    { status: response.status, retryable: false, details: { endpoint: request.endpoint } },
  );
}

/**
 * The human message inside a vendor error body: Spotify `{error:{message}}`, Last.fm `{message}`,
 * MusicBrainz `{error:"…"}`. Null when there is none.
 */
export function upstreamMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.trim().slice(0, 200) || null;
  if (typeof body !== 'object' || body === null) return null;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'object' && error !== null) {
    const nested = (error as { message?: unknown }).message;
    if (typeof nested === 'string') return nested;
  }
  if (typeof message === 'string') return message;
  if (typeof error === 'string') return error;
  return null;
}
