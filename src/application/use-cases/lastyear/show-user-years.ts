// `GET /user/{username}`: the years a Last.fm user may have scrobbles in, with their Last.fm page.
import type { Clock } from '../../ports/clock.port.js';
import { checkedUserName } from '../../lastyear/lastyear-request.js';
import type { UserYears } from '../../lastyear/lastyear-caches.js';
import type { UserYearsLookup } from '../../lastyear/user-years.js';

export class ShowUserYears {
  constructor(private readonly deps: { readonly lookup: UserYearsLookup; readonly clock: Clock }) {}

  /** Throws LASTYEAR.BAD_USER for a name Last.fm cannot have, LASTYEAR.UNKNOWN_USER for one it does not know. */
  async run(username: string): Promise<UserYears> {
    return this.deps.lookup.find(checkedUserName(username));
  }
}
