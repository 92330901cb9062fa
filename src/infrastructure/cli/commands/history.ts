// `narada history import lastfm | import spotify <files…> | backfill lastfm`: the listening ledger.
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { parseInstant } from '../../../domain/values/time.js';
import { HISTORY } from '../../di/history.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { backfillListenBrainz, exportHistory } from './history-out.js';
import { DATA_ENV, LASTFM_ENV } from '../../config/environment.js';
import { importFile, refuseCorrupt } from './history-import-file.js';
import { linkImportedListens } from './library.js';

interface LastfmImportArgs extends GlobalArgs {
  readonly since?: string;
  readonly until?: string;
}

interface SpotifyImportArgs extends GlobalArgs {
  readonly paths: readonly string[];
  readonly minSeconds: number;
  readonly user?: string;
}

interface BackfillArgs extends GlobalArgs {
  readonly dryRun: boolean;
}

const DATE_HELP = 'YYYY-MM-DD (UTC midnight), an ISO 8601 date-time, or unix seconds';

const importLastfm: CommandModule<GlobalArgs, LastfmImportArgs> = {
  command: 'lastfm',
  describe: 'Import your Last.fm scrobbles, oldest first; an interrupted import resumes where it stopped',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 history import lastfm', 'Every scrobble, or the new ones since the last import'],
        ['$0 history import lastfm --since 2025-01-01', 'Only the scrobbles from 2025 on'],
      ],
      env: [...LASTFM_ENV, ...DATA_ENV],
    }).options({
      since: { type: 'string', describe: `Only scrobbles from this instant on (${DATE_HELP})` },
      until: { type: 'string', describe: `Only scrobbles before this instant (${DATE_HELP})` },
    }),
  handler: withContext<LastfmImportArgs>(async (ctx, args) => {
    const since = args.since === undefined ? undefined : parseInstant(args.since, '--since');
    const until = args.until === undefined ? undefined : parseInstant(args.until, '--until');
    if (since !== undefined && until !== undefined && since >= until) {
      throw new InvalidInputError(
        'HISTORY.EMPTY_RANGE',
        `--since (${args.since}) must be before --until (${args.until})`,
      );
    }
    const summary = await (await ctx.get(HISTORY.ImportLastfm)).run({ since, until });
    const { renderLastfmImport } = await import('../views/history-lines.js');
    await linkImportedListens(ctx);
    ctx.output.result(summary, renderLastfmImport);
  }),
};

const importSpotify: CommandModule<GlobalArgs, SpotifyImportArgs> = {
  command: 'spotify <paths..>',
  describe:
    'Import Spotify streaming history: extended (Streaming_History_Audio_*.json, endsong_*.json) or account data (StreamingHistory*.json), as files, zips or folders',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 history import spotify my_spotify_data.zip', 'A Spotify export, as downloaded'],
        ['$0 history import spotify ~/Downloads/Spotify', 'A folder of export files'],
      ],
      env: ['LASTFM_USERNAME', ...DATA_ENV],
    })
      .positional('paths', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Export files, zips or folders',
      })
      .options({
        'min-seconds': {
          type: 'number',
          default: 30,
          describe: 'A row counts as a listen from this many seconds played',
        },
        user: {
          type: 'string',
          describe: 'Whose listens these are (default: LASTFM_USERNAME, so both sources meet; else "me")',
        },
      }) as unknown as Argv<SpotifyImportArgs>, // camelCase aliases (`minSeconds`) are not in yargs' inferred type
  handler: withContext<SpotifyImportArgs>(async (ctx, args) => {
    if (!Number.isFinite(args.minSeconds) || args.minSeconds < 0) {
      throw new InvalidInputError(
        'HISTORY.BAD_MIN_SECONDS',
        `--min-seconds must be a number of seconds (0 or more), got ${args.minSeconds}`,
      );
    }
    const summary = await (
      await ctx.get(HISTORY.ImportSpotify)
    ).run({
      paths: args.paths,
      minMsPlayed: Math.round(args.minSeconds * 1000),
      user: args.user,
    });
    const { corrupt, ...report } = summary;
    refuseCorrupt(corrupt, report);
    const { renderSpotifyImport } = await import('../views/history-lines.js');
    await linkImportedListens(ctx);
    ctx.output.result(report, renderSpotifyImport);
  }),
};

const backfillLastfm: CommandModule<GlobalArgs, BackfillArgs> = {
  command: 'lastfm',
  describe: 'Scrobble listens Narada holds that Last.fm lacks (Last.fm accepts only the last 14 days)',
  builder: (yargs: Argv<GlobalArgs>) =>
    // yargs also gives kebab-case options in camelCase (`dryRun`), which its inferred types leave out.
    documented(yargs, {
      examples: [
        ['$0 history backfill lastfm --dry-run', 'What would be scrobbled'],
        ['$0 history backfill lastfm', 'Scrobble the listens of the last 14 days Last.fm lacks'],
      ],
      env: [...LASTFM_ENV, ...DATA_ENV],
    }).options({
      'dry-run': { type: 'boolean', default: false, describe: 'Show what would be scrobbled; send nothing' },
    }) as unknown as Argv<BackfillArgs>,
  handler: withContext<BackfillArgs>(async (ctx, args) => {
    const summary = await (await ctx.get(HISTORY.BackfillLastfm)).run({ dryRun: args.dryRun });
    const { renderBackfill } = await import('../views/history-lines.js');
    ctx.output.result(summary, renderBackfill);
  }),
};

const importGroup = commandGroup<GlobalArgs>(
  'import',
  'Import listening history: Last.fm scrobbles, a Spotify export, or any recognised history file',
  [importLastfm, importSpotify, importFile],
  {
    examples: [
      ['$0 history import lastfm', 'Import your Last.fm scrobbles'],
      ['$0 history import spotify my_spotify_data.zip', 'Import a Spotify export'],
    ],
    env: [...LASTFM_ENV, ...DATA_ENV],
  },
);

const backfillGroup = commandGroup<GlobalArgs>(
  'backfill',
  'Send listens Narada holds to a service that lacks them',
  [backfillLastfm, backfillListenBrainz],
  {
    examples: [['$0 history backfill lastfm --dry-run', 'What would be scrobbled to Last.fm']],
    env: [...LASTFM_ENV, ...DATA_ENV],
  },
);

export const historyCommand = commandGroup<GlobalArgs>(
  'history',
  'Keep your listening history: import it (Last.fm, Spotify, Last.fm CSV, ListenBrainz), export it, backfill it',
  [importGroup, backfillGroup, exportHistory],
  {
    examples: [
      ['$0 history import lastfm', 'Import your Last.fm scrobbles'],
      ['$0 history import spotify my_spotify_data.zip', 'Import a Spotify export'],
      ['$0 history backfill lastfm', 'Scrobble recent listens Last.fm lacks'],
    ],
    env: [...LASTFM_ENV, ...DATA_ENV],
  },
);
