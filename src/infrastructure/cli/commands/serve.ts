// `narada serve [--host H] [--port P]`: the web server (the LastYear page), until SIGINT or SIGTERM;
// then it stops taking requests, ends open event streams, lets running jobs stop at a checkpoint
// (their cursors stored, resumed by the next visit) and closes the database.
import type { Argv, CommandModule } from 'yargs';
import { ConfigurationError, InvalidInputError } from '../../../domain/shared/errors.js';
import { LASTYEAR } from '../../di/lastyear.tokens.js';
import { SCHEDULES } from '../../di/schedules.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';
import { stopSignal } from '../stop-signal.js';
import { DATA_ENV, MUSICBRAINZ_ENV } from '../../config/environment.js';

interface ServeArgs extends GlobalArgs {
  readonly host: string;
  readonly port: number;
  readonly jobs: boolean;
}

export const serveCommand: CommandModule<GlobalArgs, ServeArgs> = {
  command: 'serve',
  describe: 'Run the web server: the LastYear page of any Last.fm user (needs LASTFM_API_KEY only)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(
      yargs.options({
        host: { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' },
        port: { type: 'number', default: 8080, describe: 'Port to listen on (0: any free port)' },
        jobs: {
          type: 'boolean',
          default: true,
          describe: 'Work the jobs in this process too (--no-jobs: on PostgreSQL, `narada worker`s do)',
        },
      }),
      {
        examples: [
          ['$0 serve', 'Serve on http://127.0.0.1:8080; open /user/<name>/<year>'],
          ['$0 serve --port 0 --json', 'Any free port; prints {"url": ...}'],
          ['$0 serve --no-jobs', 'On PostgreSQL: serve pages only; `narada worker`s work the jobs'],
        ],
        env: [...DATA_ENV, 'LASTFM_API_KEY', ...MUSICBRAINZ_ENV],
      },
    ) as unknown as Argv<ServeArgs>,
  handler: withContext<ServeArgs>(async (ctx, args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65_535)
      throw new InvalidInputError(
        'CLI.BAD_PORT',
        `--port must be a whole number from 0 to 65535, not ${args.port}`,
      );
    if (!args.jobs && ctx.config.databaseUrl === null) {
      throw new InvalidInputError(
        'CLI.NO_JOBS_NEEDS_POSTGRES',
        '--no-jobs leaves the jobs to `narada worker`, which needs DATABASE_URL=postgres://...; on SQLite serve works them itself, so drop --no-jobs',
      );
    }
    if (ctx.config.lastfm.apiKey === null) {
      throw new ConfigurationError(
        'LASTFM.NO_API_KEY',
        'LASTFM_API_KEY is not set; the LastYear page reads public Last.fm data with an API key (https://www.last.fm/api/account/create)',
      );
    }
    const stopped = stopSignal();
    const server = await (
      await ctx.get(LASTYEAR.WebServer)
    )({
      host: args.host,
      port: args.port,
      workJobs: args.jobs,
    });
    // Due schedules run where jobs run: here, unless --no-jobs leaves them to the workers.
    const schedules = args.jobs ? await ctx.get(SCHEDULES.Ticker) : null;
    await schedules?.start();
    ctx.output.result({ url: server.url }, (r) => `Serving the LastYear page at ${r.url}/ (Ctrl-C stops it)`);
    const signal = await stopped;
    ctx.output.note(`${signal}: stopping; running jobs stop at their next checkpoint`);
    await schedules?.stop();
    await server.close();
  }),
};
