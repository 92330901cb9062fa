// `narada db migrate`: bring the database schema up to date (first use does this too).
import type { Argv, CommandModule } from 'yargs';
import { TOKENS } from '../../di/tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV } from '../../config/environment.js';

const migrateCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'migrate',
  describe: 'Create the database or apply pending schema migrations',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [['$0 db migrate', 'Bring the database schema up to date']],
      env: DATA_ENV,
    }),
  handler: withContext(async (ctx) => {
    const database = await ctx.get(TOKENS.Database);
    const applied = await database.migrate();
    const info = await database.info();
    ctx.output.result({ path: info.path, applied, schemaVersion: info.schemaVersion }, (r) =>
      r.applied.length === 0
        ? `${r.path} is up to date (schema version ${r.schemaVersion})`
        : [`Applied ${r.applied.length} migration(s) to ${r.path}:`, ...r.applied.map((m) => `  ${m}`)],
    );
  }),
};

export const dbCommand = commandGroup<GlobalArgs>('db', 'Manage the local database', [migrateCommand], {
  examples: [['$0 db migrate', 'Bring the database schema up to date']],
  env: DATA_ENV,
});
