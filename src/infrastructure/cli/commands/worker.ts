// `narada worker`: on PostgreSQL, works the jobs that `narada serve` processes queue (the LastYear
// year jobs and due schedules), next to them and on other machines, until SIGINT or SIGTERM; then each running job stops
// at its next checkpoint and is queued again from its cursor for whichever process is free. On SQLite
// `narada serve` works its jobs in its own process, so a worker has nothing to share: it exits 2.
import type { Argv, CommandModule } from 'yargs';
import { ConfigurationError, InvalidInputError } from '../../../domain/shared/errors.js';
import { LASTYEAR } from '../../di/lastyear.tokens.js';
import { SCHEDULES } from '../../di/schedules.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';
import { stopSignal } from '../stop-signal.js';
import { DATA_ENV, MUSICBRAINZ_ENV } from '../../config/environment.js';

export const workerCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'worker',
  describe: 'Work the jobs `narada serve` queues, from another process or machine (needs PostgreSQL)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['DATABASE_URL=postgres://narada@db/narada $0 worker', 'Work the jobs of that database until Ctrl-C'],
      ],
      env: [...DATA_ENV, 'LASTFM_API_KEY', ...MUSICBRAINZ_ENV, 'NARADA_JOB_SLICE_SECONDS'],
    }),
  handler: withContext<GlobalArgs>(async (ctx) => {
    if (ctx.config.databaseUrl === null) {
      throw new InvalidInputError(
        'WORKER.NEEDS_POSTGRES',
        'narada worker needs DATABASE_URL=postgres://user@host:port/database, the queue it shares with `narada serve`; on SQLite `narada serve` works its jobs itself',
      );
    }
    if (ctx.config.lastfm.apiKey === null) {
      throw new ConfigurationError(
        'LASTFM.NO_API_KEY',
        'LASTFM_API_KEY is not set; the LastYear jobs read public Last.fm data with an API key (https://www.last.fm/api/account/create)',
      );
    }
    const stopped = stopSignal();
    const jobs = await ctx.get(LASTYEAR.Jobs);
    await (await ctx.get(LASTYEAR.Worker)).start();
    const schedules = await ctx.get(SCHEDULES.Ticker);
    await schedules.start();
    ctx.output.result(
      { database: ctx.config.databasePath, working: true },
      (r) => `Working the jobs of ${r.database} (Ctrl-C stops)`,
    );
    const signal = await stopped;
    ctx.output.note(`${signal}: stopping; running jobs stop at their next checkpoint and are queued again`);
    await schedules.stop();
    await jobs.stop();
  }),
};
