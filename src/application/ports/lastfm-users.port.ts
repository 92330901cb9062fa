// Public facts about any Last.fm user that an API key alone can read: whether the user exists, the
// spelling Last.fm gives the name, and since when they scrobble (the LastYear page's years).
import type { EpochMs } from '../../domain/values/time.js';

export interface LastfmUserProfile {
  /** As Last.fm spells it (names are matched without regard to case). */
  readonly name: string;
  readonly url: string;
  /** When the account was made; null when Last.fm leaves it out. */
  readonly registeredAt: EpochMs | null;
  readonly playcount: number;
}

export interface LastfmUsers {
  /** `user.getInfo`; null when Last.fm knows no such user. */
  profile(user: string): Promise<LastfmUserProfile | null>;
  /** Start of the first week of `user.getWeeklyChartList`; null when it lists none. */
  firstChartWeek(user: string): Promise<EpochMs | null>;
}
