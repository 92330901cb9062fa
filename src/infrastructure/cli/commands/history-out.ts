// `narada history export` and `history backfill listenbrainz`: the listening history going out of Narada.
import type { Argv, CommandModule } from 'yargs';
import { EXPORT_FORMATS, type ExportFormat } from '../../../domain/history/export-format.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { parseInstant } from '../../../domain/values/time.js';
import { DATA_ENV, LISTENBRAINZ_ENV } from '../../config/environment.js';
import { HISTORY } from '../../di/history.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';

interface ExportArgs extends GlobalArgs {
  readonly format: ExportFormat;
  readonly since?: string;
  readonly until?: string;
  readonly user?: string;
  readonly out?: string;
}

const DATE_HELP = 'YYYY-MM-DD (UTC midnight), an ISO 8601 date-time, or unix seconds';

/** `--since`/`--until` as a range; since must come before until. */
export function parseRange(
  since: string | undefined,
  until: string | undefined,
): { since?: number; until?: number } {
  const from = since === undefined ? undefined : parseInstant(since, '--since');
  const to = until === undefined ? undefined : parseInstant(until, '--until');
  if (from !== undefined && to !== undefined && from >= to) {
    throw new InvalidInputError(
      'HISTORY.EMPTY_RANGE',
      `--since (${since}) must be before --until (${until})`,
    );
  }
  return { since: from, until: to };
}

export const exportHistory: CommandModule<GlobalArgs, ExportArgs> = {
  command: 'export',
  describe: 'Write your listens out (one per listen) as JSON lines, CSV or ListenBrainz listens',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 history export --format csv --out listens.csv', 'Every listen, as a spreadsheet'],
        ['$0 history export --format listenbrainz --since 2025-01-01 > lb.jsonl', 'For ListenBrainz'],
      ],
      env: DATA_ENV,
    }).options({
      format: { choices: EXPORT_FORMATS, default: 'jsonl' as ExportFormat, describe: 'Output format' },
      since: { type: 'string', describe: `Only listens from this instant on (${DATE_HELP})` },
      until: { type: 'string', describe: `Only listens before this instant (${DATE_HELP})` },
      user: { type: 'string', describe: 'Only this listener (default: every listener)' },
      out: {
        type: 'string',
        describe: 'Write to this file (owner-only, whole or not at all); default stdout',
      },
    }) as unknown as Argv<ExportArgs>,
  handler: withContext<ExportArgs>(async (ctx, args) => {
    const range = parseRange(args.since, args.until);
    const out = args.out === undefined || args.out === '-' ? null : args.out;
    const summary = await (
      await ctx.get(HISTORY.Export)
    ).run({ format: args.format, ...range, user: args.user, out });
    const { renderExport } = await import('../views/history-lines.js');
    // On stdout the listens are the result: the summary goes to stderr.
    if (out === null) for (const line of renderExport(summary)) ctx.output.note(line);
    else ctx.output.result(summary, renderExport);
  }),
};

interface ListenBrainzBackfillArgs extends GlobalArgs {
  readonly dryRun: boolean;
  readonly user?: string;
}

export const backfillListenBrainz: CommandModule<GlobalArgs, ListenBrainzBackfillArgs> = {
  command: 'listenbrainz',
  describe:
    'Send your listens to ListenBrainz as an import, 1000 a request; a stopped run goes on where it stopped',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 history backfill listenbrainz --dry-run', 'How many listens would be sent'],
        ['$0 history backfill listenbrainz', 'Send the listens not sent yet'],
      ],
      env: [...LISTENBRAINZ_ENV, 'LASTFM_USERNAME', ...DATA_ENV],
    }).options({
      'dry-run': { type: 'boolean', default: false, describe: 'Count what would be sent; send nothing' },
      user: { type: 'string', describe: 'Whose listens (default: LASTFM_USERNAME, else "me")' },
    }) as unknown as Argv<ListenBrainzBackfillArgs>,
  handler: withContext<ListenBrainzBackfillArgs>(async (ctx, args) => {
    const summary = await (
      await ctx.get(HISTORY.BackfillListenBrainz)
    ).run({ dryRun: args.dryRun, user: args.user });
    const { renderListenBrainzBackfill } = await import('../views/history-lines.js');
    ctx.output.result(summary, renderListenBrainzBackfill);
  }),
};
