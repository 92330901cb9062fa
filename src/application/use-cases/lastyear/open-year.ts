// `GET /user/{username}/{year}`: the year's chart when it is kept, else its job, created or joined,
// and how far it is. Bad names and years are refused before any call; an unknown user is an error.
import type { Clock } from '../../ports/clock.port.js';
import { checkedUserName, checkedYear } from '../../lastyear/lastyear-request.js';
import type { UserYearsLookup } from '../../lastyear/user-years.js';
import type { YearJobs, YearView } from '../../lastyear/year-jobs.js';

export interface OpenYearDeps {
  readonly lookup: UserYearsLookup;
  readonly years: YearJobs;
  readonly clock: Clock;
}

export interface YearRequest {
  readonly username: string;
  /** As typed in the address. */
  readonly year: string;
}

export class OpenYear {
  constructor(private readonly deps: OpenYearDeps) {}

  async run(request: YearRequest): Promise<YearView> {
    const { user, year } = await resolveYear(this.deps, request);
    return this.deps.years.ensure(user, year);
  }
}

/** The user as Last.fm spells it, and the year, checked. */
export async function resolveYear(
  deps: Pick<OpenYearDeps, 'lookup' | 'clock'>,
  request: YearRequest,
): Promise<{ user: string; year: number }> {
  const name = checkedUserName(request.username);
  const year = checkedYear(request.year, deps.clock.now());
  const { profile } = await deps.lookup.find(name);
  return { user: profile.name, year };
}
