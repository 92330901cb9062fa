// What each user is playing now (`playing_now` submissions): not a listen, so never in the ledger.
// Kept in the server's memory, as ListenBrainz keeps it in Redis: the latest one per user, until the
// track's length has passed (or ten minutes when the player did not say), and gone on a restart.
import type { SubmittedListen } from '../../domain/intake/listen-submission.js';
import type { EpochMs } from '../../domain/values/time.js';

/** ListenBrainz's PLAYING_NOW_MAX_DURATION. */
export const PLAYING_NOW_MAX_MS = 10 * 60 * 1000;

export interface PlayingNow {
  readonly user: string;
  readonly listen: SubmittedListen;
  readonly since: EpochMs;
  readonly until: EpochMs;
}

export class NowPlayingBoard {
  private readonly byUser = new Map<string, PlayingNow>();

  set(user: string, listen: SubmittedListen, at: EpochMs): PlayingNow {
    const entry = { user, listen, since: at, until: at + (listen.durationMs ?? PLAYING_NOW_MAX_MS) };
    this.byUser.set(user, entry);
    return entry;
  }

  /** The user's track playing now, or null when none was sent or it has run out. */
  of(user: string, at: EpochMs): PlayingNow | null {
    const entry = this.byUser.get(user);
    if (entry === undefined) return null;
    if (entry.until <= at) {
      this.byUser.delete(user);
      return null;
    }
    return entry;
  }

  /** The user's entry goes (a removed user's, or one a new listen ended). */
  clear(user: string): void {
    this.byUser.delete(user);
  }
}
