// What each server user's player says is playing now (`playing_now` submissions), kept where every
// Narada process on the database sees it: the latest entry per user, which a later one replaces.
import type { SubmittedListen } from '../../domain/intake/listen-submission.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface PlayingNow {
  readonly user: string;
  readonly listen: SubmittedListen;
  readonly since: EpochMs;
  /** When it stops being what plays now: the track's length after `since`, or the longest allowed. */
  readonly until: EpochMs;
}

export interface NowPlayingStore {
  /** Keeps `entry` as its user's, in place of any earlier one. */
  put(entry: PlayingNow): Promise<void>;
  /** The user's entry still playing at `at`, or null when there is none or it has run out. */
  playingAt(user: string, at: EpochMs): Promise<PlayingNow | null>;
}
