// Last.fm's error envelope `{"error": N, "message": …}` (sent with HTTP 200, 403, 404 or 429) turned
// into Narada's upstream errors, with messages that say what to do. Never includes request params.
import {
  AuthRequiredError,
  NotFoundError,
  UpstreamError,
} from '../../../application/ports/upstream-errors.js';
import { isRecord } from './lastfm-wire.js';

export interface LastfmErrorBody {
  readonly code: number;
  readonly message: string;
}

/**
 * Codes after which the same call may work if repeated: rate limit, offline, temporary error, and
 * 8 "Operation failed - Most likely the backend service failed. Please try again."
 */
export const RETRYABLE_LASTFM_ERRORS: ReadonlySet<number> = new Set([29, 11, 16, 8]);

/** "Rate limit exceeded": Last.fm wants us slower; waited out like a 429, never a reason to fail at once. */
export const LASTFM_RATE_LIMIT_EXCEEDED = 29;

/** Codes of `auth.getSession` while the user has not approved the token yet. */
export const TOKEN_NOT_AUTHORIZED = 14;

export function lastfmErrorOf(body: unknown): LastfmErrorBody | null {
  if (!isRecord(body)) return null;
  const code = typeof body.error === 'number' ? body.error : Number(body.error);
  if (body.error === undefined || !Number.isInteger(code)) return null;
  return { code, message: typeof body.message === 'string' ? body.message : '' };
}

/** The Last.fm error code carried by an error this module made, if any. */
export function lastfmCodeOf(error: unknown): number | null {
  if (!(error instanceof UpstreamError)) return null;
  const code = error.details.lastfmError;
  return typeof code === 'number' ? code : null;
}

export function lastfmError(body: LastfmErrorBody, status: number): UpstreamError {
  const said = `Last.fm error ${body.code}: ${body.message || 'no message'}`;
  const options = { status, details: { lastfmError: body.code, lastfmMessage: body.message } };
  const failure = (reason: string, message: string, category: 'config' | 'failure', retryable = false) =>
    new UpstreamError('lastfm', `LASTFM.${reason}`, message, category, { ...options, retryable });
  switch (body.code) {
    case 4:
      return new AuthRequiredError('lastfm', `Last.fm refused the authentication (${said})`, options);
    case 9:
      return new AuthRequiredError('lastfm', `the Last.fm session key is no longer valid (${said})`, options);
    case 14:
      return new AuthRequiredError('lastfm', `the login token has not been approved yet (${said})`, options);
    case 15:
      return new AuthRequiredError(
        'lastfm',
        `the login token expired before it was approved (${said})`,
        options,
      );
    case 6:
      return /not found|not be found|no user/i.test(body.message)
        ? new NotFoundError('lastfm', `such ${notFoundSubject(body.message)} (${said})`, options)
        : failure(
            'INVALID_PARAMETERS',
            `Last.fm refused the request parameters (${said}); this is a Narada bug, please report it`,
            'failure',
          );
    case 10:
      return failure(
        'INVALID_API_KEY',
        `Last.fm does not accept the API key (${said}); check LASTFM_API_KEY`,
        'config',
      );
    case 13:
      return failure(
        'BAD_SIGNATURE',
        `Last.fm rejected the request signature (${said}); LASTFM_API_SECRET is probably wrong: use the shared secret of the API account whose key is LASTFM_API_KEY`,
        'config',
      );
    case 17:
      return failure(
        'LOGIN_REQUIRED',
        `Last.fm shows this user's listening only to the user (${said}); make recent listening public in the Last.fm privacy settings`,
        'config',
      );
    case 26:
      return failure(
        'API_KEY_SUSPENDED',
        `Last.fm has suspended this API key (${said}); contact Last.fm or create a new API account and set LASTFM_API_KEY and LASTFM_API_SECRET`,
        'failure',
      );
    case 29:
      return failure(
        'RATE_LIMITED',
        `Last.fm asks us to slow down (${said}); try again in a few minutes`,
        'failure',
        true,
      );
    case 2:
    case 8:
    case 11:
    case 16:
      return failure(
        'UNAVAILABLE',
        `Last.fm could not do it right now (${said}); try again later`,
        'failure',
        true,
      );
    default:
      return failure(`ERROR_${body.code}`, `Last.fm refused the call (${said})`, 'failure');
  }
}

function notFoundSubject(message: string): string {
  // "Track not found", and "The artist you supplied could not be found".
  const noun = (/^(\w+) not found/i.exec(message.trim()) ??
    /^the (\w+) you supplied/i.exec(message.trim()))?.[1];
  return noun === undefined ? 'user' : noun.toLowerCase();
}
