// Failures of the services Narada talks to, typed so use cases can branch on them (skip a missing
// track, stop and tell the user when to come back) without knowing any wire format.
import { NaradaError, type ErrorCategory, type NaradaErrorOptions } from '../../domain/shared/errors.js';
import type { ServiceName } from '../../domain/shared/service.js';

const SERVICE_LABELS: Readonly<Record<ServiceName, string>> = {
  spotify: 'Spotify',
  lastfm: 'Last.fm',
  musicbrainz: 'MusicBrainz',
  listenbrainz: 'ListenBrainz',
  local: 'local files',
};

/** How a service is named in messages ("Last.fm", not "lastfm"). */
export function serviceLabel(service: ServiceName): string {
  return SERVICE_LABELS[service];
}

/** `SPOTIFY.NOT_FOUND`, `LASTFM.RATE_LIMITED`: the stable code of an upstream failure. */
export function upstreamCode(service: ServiceName, reason: string): string {
  return `${service.toUpperCase()}.${reason}`;
}

export interface UpstreamErrorOptions extends NaradaErrorOptions {
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
}

/** Any failure of an upstream service; `retryable` says whether the same call may work later. */
export class UpstreamError extends NaradaError {
  readonly status: number | null;

  constructor(
    readonly service: ServiceName,
    code: string,
    message: string,
    category: ErrorCategory = 'failure',
    options: UpstreamErrorOptions = {},
  ) {
    super(code, message, category, {
      ...options,
      details: {
        service,
        ...(options.status === undefined ? {} : { status: options.status }),
        ...options.details,
      },
    });
    this.status = options.status ?? null;
  }
}

/** The service wants a login Narada does not have (or no longer has); the user must run a command. */
export class AuthRequiredError extends UpstreamError {
  constructor(service: ServiceName, reason: string, options: UpstreamErrorOptions = {}) {
    super(
      service,
      upstreamCode(service, 'AUTH_REQUIRED'),
      `${serviceLabel(service)} login needed: ${reason}; run \`narada auth ${service}\``,
      'config',
      { ...options, retryable: false },
    );
  }
}

/**
 * The service has no such thing. For look-ups a miss is a normal answer, not a failure; for an id the
 * user typed it is their input to fix (category `input`).
 */
export class NotFoundError extends UpstreamError {
  constructor(
    service: ServiceName,
    what: string,
    { category = 'failure', ...options }: UpstreamErrorOptions & { readonly category?: ErrorCategory } = {},
  ) {
    super(
      service,
      upstreamCode(service, 'NOT_FOUND'),
      `${serviceLabel(service)} has no ${what}; check the id or link`,
      category,
      { status: 404, ...options, retryable: false },
    );
  }
}

export interface RateLimitedOptions extends UpstreamErrorOptions {
  /** How long this call had already waited on the service's slow-downs before giving up. */
  readonly waitedMs?: number;
  /** The longest the user lets Narada wait (NARADA_MAX_RETRY_AFTER_MINUTES), named in the message. */
  readonly maxWaitMs?: number;
}

/**
 * The service asked us to wait longer than we are willing to block (Spotify has sent Retry-After of
 * almost a day), or kept asking us to slow down for that long. Retrying later helps, so the message
 * tells the user when.
 */
export class RateLimitedError extends UpstreamError {
  constructor(
    service: ServiceName,
    /** Epoch ms from which the service accepts calls again. */
    readonly retryAt: number,
    now: number,
    options: RateLimitedOptions = {},
  ) {
    const { waitedMs, maxWaitMs, ...rest } = options;
    super(
      service,
      upstreamCode(service, 'RATE_LIMITED'),
      `${rateLimitedReason(service, retryAt - now, waitedMs, maxWaitMs)}; run again after ${formatUtc(retryAt, now)}`,
      'failure',
      { status: 429, ...rest, retryable: true, details: { retryAt, ...rest.details } },
    );
  }
}

function rateLimitedReason(
  service: ServiceName,
  waitMs: number,
  waitedMs: number | undefined,
  maxWaitMs: number | undefined,
): string {
  const label = serviceLabel(service);
  const limit =
    maxWaitMs === undefined ? '' : ` (NARADA_MAX_RETRY_AFTER_MINUTES allows ${formatWait(maxWaitMs)})`;
  return waitedMs !== undefined && waitedMs > 0
    ? `${label} still asks us to slow down after ${formatWait(waitedMs)} of waiting${limit}`
    : `${label} asks us to wait ${formatWait(waitMs)}${limit}`;
}

/** Retries are used up, the network failed, or the service kept timing out; later may work. */
export class UpstreamUnavailableError extends UpstreamError {
  constructor(service: ServiceName, reason: string, options: UpstreamErrorOptions = {}) {
    super(
      service,
      upstreamCode(service, 'UNAVAILABLE'),
      `${serviceLabel(service)} is not answering (${reason}); check your connection or try again later`,
      'failure',
      { ...options, retryable: true },
    );
  }
}

/** "3 h 49 min", "2 min", "45 s": coarse enough to read, exact enough to plan. */
export function formatWait(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.ceil(totalSeconds / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * "16:05 UTC", or "16:05:27 UTC" to the second (rounded up, so it is never too early), with the date
 * when it is not today's (UTC).
 */
export function formatUtc(at: number, now: number, precision: 'minute' | 'second' = 'minute'): string {
  const unitMs = precision === 'minute' ? 60_000 : 1000;
  const iso = new Date(Math.ceil(at / unitMs) * unitMs).toISOString();
  const time = `${iso.slice(11, precision === 'minute' ? 16 : 19)} UTC`;
  return iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}
