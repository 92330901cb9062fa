// `narada status`: data folder, database and schema version, row counts, connected services.
import type { Argv, CommandModule } from 'yargs';
import type { StatusReport } from '../../../application/use-cases/show-status.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';
import { DATA_ENV } from '../../config/environment.js';

export const statusCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'status',
  describe: 'Show the data folder, the database and which services are connected',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 status', 'Where the data is, how much of it, and which services are set up'],
        ['$0 status --json', 'The same as one JSON document'],
      ],
      env: [...DATA_ENV, 'SPOTIFY_CLIENT_ID', 'LASTFM_API_KEY', 'LASTFM_USERNAME'],
    }),
  handler: withContext(async (ctx) => {
    const { TOKENS } = await import('../../di/tokens.js');
    const report = await (await (await ctx.services()).get(TOKENS.ShowStatus)).run();
    ctx.output.result(report, renderStatus);
  }),
};

function renderStatus(report: StatusReport): string[] {
  const { database: db } = report;
  const counts = Object.entries(db.rowCounts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`);
  return [
    `Narada ${report.version}`,
    `Data folder:  ${report.dataFolder}`,
    `Database:     ${db.path} (schema version ${db.schemaVersion}${db.pendingMigrations > 0 ? `, ${db.pendingMigrations} migrations pending` : ''})`,
    `Rows:         ${counts.length > 0 ? counts.join(', ') : 'none yet'}`,
    'Services:',
    ...report.services.map(
      (s) =>
        `  ${s.service.padEnd(12)} ${s.state.replace('_', ' ')}${s.account ? ` as ${s.account}` : ''}${s.hint ? ` — ${s.hint}` : ''}`,
    ),
  ];
}
