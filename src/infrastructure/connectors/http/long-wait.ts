// Long waits the HTTP layer is about to sit through (a Retry-After, a service asking us to slow
// down), announced so a paused command does not look hung. The CLI decides where the line goes.
import { formatUtc, formatWait, serviceLabel } from '../../../application/ports/upstream-errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';

/** Waits at least this long are announced; shorter ones pass unnoticed (a Retry-After of 1 s). */
export const LONG_WAIT_NOTICE_MS = 3000;

export interface LongWait {
  readonly service: ServiceName;
  /** What the service answered, e.g. `HTTP 429 rate limited (QUOTA_EXCEEDED)`, `Last.fm error 29`. */
  readonly reason: string;
  /** The service said "slow down": every caller of the service waits, not only this one. */
  readonly slowDown: boolean;
  readonly waitMs: number;
  /** Epoch ms when calls to the service resume. */
  readonly until: number;
}

export type LongWaitListener = (wait: LongWait) => void;

/**
 * One line for the person at the terminal:
 * `Spotify asks Narada to slow down (HTTP 429 rate limited): every Spotify call waits 45 s, until 14:03:27 UTC`.
 */
export function describeLongWait(wait: LongWait): string {
  const label = serviceLabel(wait.service);
  const until = formatUtc(wait.until, wait.until - wait.waitMs, 'second');
  return wait.slowDown
    ? `${label} asks Narada to slow down (${wait.reason}): every ${label} call waits ${formatWait(wait.waitMs)}, until ${until}`
    : `${label} did not answer (${wait.reason}): retrying in ${formatWait(wait.waitMs)}, at ${until}`;
}
