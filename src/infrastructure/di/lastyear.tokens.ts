// The LastYear page's tokens (`narada serve`); type-only imports, so the command loads no adapter.
import type { JobQueue } from '../../application/ports/job-queue.port.js';
import type { LastfmUsers } from '../../application/ports/lastfm-users.port.js';
import type { ProgressChannel } from '../../application/ports/progress-channel.port.js';
import type { LastYearCaches } from '../../application/lastyear/lastyear-caches.js';
import type { UserYearsLookup } from '../../application/lastyear/user-years.js';
import type { YearJobs } from '../../application/lastyear/year-jobs.js';
import type { FetchYear } from '../../application/lastyear/fetch-year.js';
import type { OpenYear } from '../../application/use-cases/lastyear/open-year.js';
import type { ShowUserYears } from '../../application/use-cases/lastyear/show-user-years.js';
import type { WatchYear } from '../../application/use-cases/lastyear/watch-year.js';
import type { WebServerStarter } from '../web/web-server-types.js';
import { token } from './tokens.js';

export const LASTYEAR = {
  Users: token<LastfmUsers>('lastyear.Users'),
  Caches: token<LastYearCaches>('lastyear.Caches'),
  Lookup: token<UserYearsLookup>('lastyear.Lookup'),
  /** The job queue: in-process on SQLite, pg-boss on PostgreSQL. */
  Jobs: token<JobQueue>('lastyear.Jobs'),
  /** Job progress: in-process events on SQLite, LISTEN/NOTIFY on PostgreSQL. */
  Channel: token<ProgressChannel>('lastyear.Channel'),
  YearJobs: token<YearJobs>('lastyear.YearJobs'),
  FetchYear: token<FetchYear>('lastyear.FetchYear'),
  /** Registers the LastYear job's handler on the queue: this process works the jobs. */
  Worker: token<{ start(): Promise<void> }>('lastyear.Worker'),
  ShowUserYears: token<ShowUserYears>('lastyear.ShowUserYears'),
  OpenYear: token<OpenYear>('lastyear.OpenYear'),
  WatchYear: token<WatchYear>('lastyear.WatchYear'),
  /** Starts the web server (`narada serve`) over this container. */
  WebServer: token<WebServerStarter>('lastyear.WebServer'),
} as const;
