// What the LastYear page keeps, in the durable response cache (service `lastyear`): a user's profile
// and years for 24 hours (an unknown user too), and each finished year's report. A year read to its
// end is kept forever; the year still going on is made again (from the last cursor) after an hour.
import type { ResponseCache } from '../ports/response-cache.port.js';
import type { LastfmUserProfile } from '../ports/lastfm-users.port.js';
import type { YearReport } from './year-report.js';

const SERVICE = 'lastyear';
export const PROFILE_TTL_MS = 24 * 3_600_000;
export const CURRENT_YEAR_TTL_MS = 3_600_000;

export interface UserYears {
  readonly profile: LastfmUserProfile;
  /** Years from the first the user may have scrobbled in to the current one, newest first. */
  readonly years: readonly number[];
}

export class LastYearCaches {
  constructor(private readonly cache: ResponseCache) {}

  /** undefined: not cached (or too old); null: cached as unknown to Last.fm. */
  async userYears(name: string, now: number): Promise<UserYears | null | undefined> {
    const hit = await this.cache.get(SERVICE, profileKey(name));
    if (hit === null || now - hit.fetchedAt >= PROFILE_TTL_MS) return undefined;
    return JSON.parse(hit.body) as UserYears | null;
  }

  async keepUserYears(name: string, years: UserYears | null, now: number): Promise<void> {
    await this.cache.put(SERVICE, profileKey(name), JSON.stringify(years), now);
  }

  /** The year's report unless it must be made again (the current year's, after an hour). */
  async report(user: string, year: number, now: number): Promise<YearReport | null> {
    const hit = await this.cache.get(SERVICE, reportKey(user, year));
    if (hit === null) return null;
    const report = JSON.parse(hit.body) as YearReport;
    const whole = report.madeAt >= Date.UTC(year + 1, 0, 1);
    return whole || now - report.madeAt < CURRENT_YEAR_TTL_MS ? report : null;
  }

  async keepReport(report: YearReport): Promise<void> {
    await this.cache.put(SERVICE, reportKey(report.user, report.year), JSON.stringify(report), report.madeAt);
  }
}

function profileKey(name: string): string {
  return `profile:${name.toLowerCase()}`;
}

function reportKey(user: string, year: number): string {
  return `report:${user.toLowerCase()}:${year}`;
}
