// Why a Last.fm history import stopped part way, said so the user knows what is kept and what to
// do: which page failed, which span of time is not read yet, and that running it again resumes.
import { NaradaError } from '../../domain/shared/errors.js';
import { toIso, type EpochMs } from '../../domain/values/time.js';

export interface StoppedReading {
  readonly user: string;
  readonly runId: number;
  /** The Last.fm page that could not be read; null for the first page of a reading. */
  readonly page: { readonly page: number; readonly of: number } | null;
  /** Start of what is not read yet: the stored cursor (null: the range's beginning, unbounded). */
  readonly unreadFrom: EpochMs | null;
  readonly to: EpochMs;
}

/**
 * Failures of reading (Last.fm down, a page that stayed empty or cut short) become this; others
 * (configuration, logins, bugs) are left as they are: running again would not help with those.
 */
export function stoppedReading(error: unknown, facts: StoppedReading): unknown {
  if (!(error instanceof NaradaError) || error.category !== 'failure') return error;
  const where =
    facts.page === null ? 'Last.fm page 1' : `Last.fm page ${facts.page.page} of ${facts.page.of}`;
  const to = toIso(facts.to);
  const unread =
    facts.unreadFrom === null
      ? `No scrobble up to ${to} is read yet`
      : `Scrobbles up to ${toIso(facts.unreadFrom)} are stored; those after it, up to ${to}, are not read yet`;
  return new NaradaError(
    'HISTORY.LASTFM_STOPPED',
    `The Last.fm import of ${facts.user} stopped at ${where}: ${error.message}. ${unread} ` +
      `(import run ${facts.runId} is marked failed; nothing unread is taken as done): run the same command again to resume.`,
    'failure',
    {
      cause: error,
      retryable: error.retryable,
      details: {
        importRunId: facts.runId,
        page: facts.page?.page ?? 1,
        unreadFrom: facts.unreadFrom,
        to: facts.to,
        reason: error.code,
      },
    },
  );
}
