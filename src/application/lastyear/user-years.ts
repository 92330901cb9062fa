// Who a LastYear address names: Last.fm's profile of the user (their spelling, their page) and the
// years they may have scrobbled in, from registration (else the first weekly chart) to now. Cached
// 24 hours, so a returning visitor costs no Last.fm call.
import type { Clock } from '../ports/clock.port.js';
import type { LastfmUsers } from '../ports/lastfm-users.port.js';
import type { LastYearCaches, UserYears } from './lastyear-caches.js';
import { FIRST_LASTFM_YEAR, unknownUser } from './lastyear-request.js';

export class UserYearsLookup {
  constructor(
    private readonly deps: {
      readonly users: LastfmUsers;
      readonly caches: LastYearCaches;
      readonly clock: Clock;
    },
  ) {}

  /** Throws LASTYEAR.UNKNOWN_USER when Last.fm knows no such user. */
  async find(name: string): Promise<UserYears> {
    const { users, caches, clock } = this.deps;
    const now = clock.now();
    let found = await caches.userYears(name, now);
    if (found === undefined) {
      const profile = await users.profile(name);
      found = null;
      if (profile !== null) {
        const since = profile.registeredAt ?? (await users.firstChartWeek(profile.name));
        found = { profile, years: profile.playcount === 0 ? [] : yearsFrom(since, now) };
      }
      await caches.keepUserYears(name, found, now);
    }
    if (found === null) throw unknownUser(name);
    return found;
  }
}

function yearsFrom(since: number | null, now: number): number[] {
  const current = new Date(now).getUTCFullYear();
  const first = Math.max(FIRST_LASTFM_YEAR, since === null ? current : new Date(since).getUTCFullYear());
  const years: number[] = [];
  for (let year = current; year >= first; year--) years.push(year);
  return years;
}
