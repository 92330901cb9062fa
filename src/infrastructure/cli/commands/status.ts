// `narada status`: data folder, database and schema version, row counts, the database's integrity,
// connected services.
import type { Argv, CommandModule } from 'yargs';
import type { DatabaseIntegrity } from '../../../application/ports/database-info.port.js';
import type { StatusReport } from '../../../application/use-cases/status/show-status.js';
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
    const { TOKENS } = await import('../../di/tokens.js');
    const report = await (
      await (await ctx.services()).get(TOKENS.ShowStatus)
    ).run({ checkIntegrity: args.check });
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
    ...integrityLines(db.integrity),
    'Services:',
    ...report.services.map(
      (s) =>
        `  ${s.service.padEnd(12)} ${s.state.replace('_', ' ')}${s.account ? ` as ${s.account}` : ''}${s.hint ? ` — ${s.hint}` : ''}`,
    ),
  ];
}

function integrityLines(integrity: DatabaseIntegrity): string[] {
  if (integrity.state === 'not_checked') return [];
  if (integrity.state === 'ok') return ['Integrity:    ok'];
  return [
    `Integrity:    DAMAGED: ${integrity.problems.join('; ')}`,
    `              ${integrity.recovery ?? ''}`,
  ];
}
