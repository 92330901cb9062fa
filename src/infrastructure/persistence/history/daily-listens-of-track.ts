// The daily roll-ups of one track. daily_listens has no index by track (it is keyed by day, for
// imports), so a track's days are found through its plays, which are: every roll-up sums plays of
// the same user, track and UTC day, so those plays name every (user, date) the track has a row on.
import type { Dialect } from '../sql/sql-runner.js';

/**
 * The condition selecting the rows of daily_listens (aliased `d`) that belong to the track bound to
 * `param` (a named parameter such as `@merged`). Dates are made as daily_listens writes them: UTC `YYYY-MM-DD`.
 */
export function dailyListensOfTrack(dialect: Dialect, param: string): string {
  return `d."track_id" = ${param} AND (d."user", d."date") IN (
    SELECT DISTINCT "user", ${dialect.utcDate('"played_at"')} FROM "plays" WHERE "track_id" = ${param})`;
}
