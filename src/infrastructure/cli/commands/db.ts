// `narada db migrate`: bring the database schema up to date (first use does this too).
// `narada db copy --to <url>` / `--from <url>`: move the whole library between the configured database
// and another one (SQLite ⇄ PostgreSQL), verified at the end, resumable after a kill.
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { DB } from '../../di/db.tokens.js';
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

interface CopyArgs extends GlobalArgs {
  readonly to?: string;
  readonly from?: string;
  readonly replace: boolean;
  readonly pageSize?: number;
}

const COPY_EXAMPLES: [string, string][] = [
  ['$0 db copy --to postgres://narada@db.home:5432/narada', 'Move this library into PostgreSQL'],
  [
    '$0 db copy --from postgres://narada@db.home:5432/narada',
    'Bring a PostgreSQL library back into this database',
  ],
  ['$0 db copy --to sqlite:/backups/narada.db --replace', 'Overwrite another SQLite file with this library'],
];

const copyCommand: CommandModule<GlobalArgs, CopyArgs> = {
  command: 'copy',
  describe: 'Copy the whole library to or from another database (SQLite or PostgreSQL), verified',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, { examples: COPY_EXAMPLES, env: DATA_ENV }).options({
      to: {
        type: 'string',
        describe: 'Copy the configured database into this one (postgres://… or sqlite:/path)',
      },
      from: { type: 'string', describe: 'Copy this database into the configured one' },
      replace: {
        type: 'boolean',
        default: false,
        describe: 'Remove every row of the target first (without it, a target holding data is refused)',
      },
      'page-size': { type: 'number', describe: 'Rows per page, each page one transaction (default 2000)' },
    }) as unknown as Argv<CopyArgs>, // camelCase aliases (`pageSize`) are not in yargs' inferred type
  handler: withContext<CopyArgs>(async (ctx, args) => {
    if ((args.to === undefined) === (args.from === undefined)) {
      throw new InvalidInputError(
        'DB_COPY.DIRECTION',
        'Give exactly one of --to <url> (copy this database there) or --from <url> (copy that database here).',
      );
    }
    const direction = args.to !== undefined ? 'to' : 'from';
    const url = sqliteRelativeToCwd(String(args.to ?? args.from), ctx.runtime.cwd);
    const delay = Number(ctx.runtime.env['NARADA_TEST_COPY_PAGE_DELAY_MS'] ?? 0);
    const result = await (
      await ctx.get(DB.Copy)
    ).run({
      direction,
      url,
      replace: args.replace,
      pageSize: args.pageSize,
      pageDelayMs: Number.isFinite(delay) && delay > 0 ? delay : undefined,
    });
    const { copyLines } = await import('../views/db-lines.js');
    ctx.output.result(result, copyLines);
  }),
};

/** `sqlite:relative.db` names a file from where the command runs, like DATABASE_URL does. */
function sqliteRelativeToCwd(url: string, cwd: string): string {
  const match = /^sqlite:(?:\/\/)?(.+)$/i.exec(url.trim());
  if (match === null || match[1] === ':memory:' || isAbsolute(match[1]!)) return url;
  return `sqlite:${resolvePath(cwd, match[1]!)}`;
}

export const dbCommand = commandGroup<GlobalArgs>(
  'db',
  'Manage the database',
  [migrateCommand, copyCommand],
  {
    examples: [['$0 db migrate', 'Bring the database schema up to date'], ...COPY_EXAMPLES],
    env: DATA_ENV,
  },
);
