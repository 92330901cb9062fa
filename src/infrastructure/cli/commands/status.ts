// `narada status`: data folder, database and schema version, row counts, the database's integrity,
// connected services.
import type { Argv, CommandModule } from 'yargs';
import { STATUS } from '../../di/status.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';
import { DATA_ENV } from '../../config/environment.js';

interface StatusArgs extends GlobalArgs {
  readonly check: boolean;
}

export const statusCommand: CommandModule<GlobalArgs, StatusArgs> = {
  command: 'status',
  describe: 'Show the data folder, the database (and whether it is damaged) and which services are connected',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(
      yargs.option('check', {
        type: 'boolean',
        default: true,
        describe:
          'Check the database file for damaged pages (--no-check skips it: about 1 s per million listens)',
      }),
      {
        examples: [
          ['$0 status', 'Where the data is, how much of it, and which services are set up'],
          ['$0 status --json', 'The same as one JSON document'],
          ['$0 status --no-check', 'Skip the check for damaged pages'],
        ],
        env: [...DATA_ENV, 'SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY', 'LASTFM_USERNAME'],
      },
    ),
  handler: withContext<StatusArgs>(async (ctx, args) => {
    const report = await (await ctx.get(STATUS.Show)).run({ checkIntegrity: args.check });
    const { renderStatus } = await import('../views/status-lines.js');
    ctx.output.result(report, renderStatus);
  }),
};
