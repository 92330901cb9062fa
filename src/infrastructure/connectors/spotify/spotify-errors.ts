// How Spotify's answers become verdicts and errors: its `{"error":{status,message,reason}}` bodies,
// the token endpoint's `{"error","error_description"}`, 429s with and without a body.
import {
  AuthRequiredError,
  NotFoundError,
  UpstreamError,
  upstreamCode,
} from '../../../application/ports/upstream-errors.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { HttpRequest, HttpResponse, ResponseVerdict } from '../http/http-message.js';

export interface SpotifyErrorBody {
  readonly status: number | null;
  readonly message: string | null;
  readonly reason: string | null;
}

/** Reads the regular error object; every field `null` when the body has none (empty 429s). */
export function readSpotifyError(body: unknown): SpotifyErrorBody {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  return {
    status: typeof error?.status === 'number' ? error.status : null,
    message: typeof error?.message === 'string' ? error.message : null,
    reason: typeof error?.reason === 'string' ? error.reason : null,
  };
}

export interface OAuthErrorBody {
  readonly error: string;
  readonly description: string | null;
}

/** The accounts service's `{"error":"invalid_grant","error_description":"…"}`; `null` for other bodies. */
export function readOAuthError(body: unknown): OAuthErrorBody | null {
  if (!isRecord(body) || typeof body.error !== 'string') return null;
  return {
    error: body.error,
    description: typeof body.error_description === 'string' ? body.error_description : null,
  };
}

/**
 * 403 on a playlist: since 2026 a development-mode app reads and changes only the items of playlists
 * the user owns or collaborates on.
 */
export function playlistNotYoursError(
  playlistId: string,
  intent: 'read' | 'change',
  cause?: unknown,
): NaradaError {
  const rule =
    intent === 'read'
      ? "Spotify's 2026 rules only let you read items of your own playlists"
      : 'Spotify only lets you change your own or collaborative playlists';
  return new NaradaError(
    'SPOTIFY.PLAYLIST_NOT_YOURS',
    `Spotify playlist ${playlistId}: playlist is not yours or not collaborative: ${rule} (copy it into a playlist of your own in the Spotify app and use that one)`,
    'failure',
    { cause, retryable: false, details: { service: 'spotify', playlistId, intent } },
  );
}

/** 404 on a playlist: the id (or link) the user gave names no playlist; theirs to fix. */
export function playlistNotFoundError(playlistId: string, cause?: unknown): NotFoundError {
  return new NotFoundError('spotify', `playlist ${playlistId}`, {
    category: 'input',
    cause,
    details: { playlistId },
  });
}

/**
 * The Spotify verdict: 4xx are final and become typed errors here (the client re-maps some with
 * context: 401 triggers one token refresh, 403 on a playlist, 404 on a look-up); every 429 is waited
 * out for its Retry-After, `QUOTA_EXCEEDED` too: Spotify counts requests over a rolling 30-second
 * window, and the body says nothing about a day. 5xx is retried.
 */
export function classifySpotifyResponse(response: HttpResponse, request: HttpRequest): ResponseVerdict {
  const { status, body } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 429) {
    const { reason } = readSpotifyError(body);
    return { kind: 'retry', reason: `HTTP 429 ${reason ?? 'rate limited'}`, slowDown: true };
  }
  if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}` };
  return { kind: 'fail', error: spotifyRequestError(status, body, request.endpoint) };
}

export function spotifyRequestError(status: number, body: unknown, endpoint: string): UpstreamError {
  const details = { endpoint };
  const said = readSpotifyError(body).message ?? oauthText(body);
  if (status === 401) {
    return new AuthRequiredError('spotify', `Spotify refused the access token${said ? ` (${said})` : ''}`, {
      status,
      details,
    });
  }
  if (status === 404) return new NotFoundError('spotify', `such resource (${endpoint})`, { status, details });
  if (status === 403) {
    return new UpstreamError(
      'spotify',
      upstreamCode('spotify', 'FORBIDDEN'),
      `Spotify refused ${endpoint} (HTTP 403${said ? `: ${said}` : ''}); a development-mode app serves only the users on its allow-list (at most 5) and its owner needs Premium`,
      'failure',
      { status, retryable: false, details },
    );
  }
  return new UpstreamError(
    'spotify',
    upstreamCode('spotify', `HTTP_${status}`),
    `Spotify refused ${endpoint} (HTTP ${status}${said ? `: ${said}` : ''})`,
    'failure',
    { status, retryable: false, details: { ...details, ...oauthDetails(body) } },
  );
}

function oauthText(body: unknown): string | null {
  const oauth = readOAuthError(body);
  return oauth === null ? null : `${oauth.error}${oauth.description ? `: ${oauth.description}` : ''}`;
}

function oauthDetails(body: unknown): Record<string, string> {
  const oauth = readOAuthError(body);
  return oauth === null ? {} : { oauthError: oauth.error };
}

/** The status of an upstream failure thrown by the HTTP layer, whichever classifier made it. */
export function upstreamStatus(error: unknown): number | null {
  return error instanceof UpstreamError ? error.status : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
