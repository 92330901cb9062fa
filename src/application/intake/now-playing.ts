// What each user is playing now (`playing_now` submissions): not a listen, so never in the ledger.
// ListenBrainz keeps it in Redis with a time-out; Narada keeps it in its database, so every server
// process on one database answers the same: the latest one per user, until the track's length has
// passed (or ten minutes when the player did not say).
import type { SubmittedListen } from '../../domain/intake/listen-submission.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { NowPlayingStore, PlayingNow } from '../ports/now-playing-store.port.js';

/** ListenBrainz's PLAYING_NOW_MAX_DURATION. */
export const PLAYING_NOW_MAX_MS = 10 * 60 * 1000;

export class NowPlayingBoard {
  constructor(private readonly store: NowPlayingStore) {}

  async set(user: string, listen: SubmittedListen, at: EpochMs): Promise<PlayingNow> {
    const entry = { user, listen, since: at, until: at + (listen.durationMs ?? PLAYING_NOW_MAX_MS) };
    await this.store.put(entry);
    return entry;
  }

  /** The user's track playing now, or null when none was sent or it has run out. */
  of(user: string, at: EpochMs): Promise<PlayingNow | null> {
    return this.store.playingAt(user, at);
  }
}
