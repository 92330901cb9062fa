// `narada likes import spotify|lastfm` and `narada likes sync --from A --to B [--dry-run] [--mirror]`.
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError, NaradaError } from '../../../domain/shared/errors.js';
import { LIKES } from '../../di/likes.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV, LASTFM_ENV, MUSICBRAINZ_ENV, SPOTIFY_ENV } from '../../config/environment.js';

type LikesService = 'spotify' | 'lastfm';
const SERVICES: readonly LikesService[] = ['spotify', 'lastfm'];

interface ImportArgs extends GlobalArgs {
  readonly service: LikesService;
}

interface SyncArgs extends GlobalArgs {
  readonly from: LikesService;
  readonly to: LikesService;
  readonly dryRun: boolean;
  readonly mirror: boolean;
}

const importCommand: CommandModule<GlobalArgs, ImportArgs> = {
  command: 'import <service>',
  describe: 'Pull your Spotify saved tracks or Last.fm loves into the local database',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 likes import spotify', 'Store your Spotify saved tracks locally'],
        ['$0 likes import lastfm', 'Store your Last.fm loved tracks locally'],
      ],
      env: [...SPOTIFY_ENV, ...LASTFM_ENV, ...DATA_ENV],
    }).positional('service', {
      choices: SERVICES,
      demandOption: true,
      describe: 'spotify or lastfm',
    }) as Argv<ImportArgs>,
  handler: withContext<ImportArgs>(async (ctx, args) => {
    const report = await (await ctx.get(LIKES.Import)).run(args.service);
    const { renderLikesImport } = await import('../views/likes-lines.js');
    ctx.output.result(report, renderLikesImport);
  }),
};

const syncCommand: CommandModule<GlobalArgs, SyncArgs> = {
  command: 'sync',
  describe: "Make the target's likes include the source's: new likes only, failures retried next run",
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 likes sync --from spotify --to lastfm --dry-run', 'Show what would be loved on Last.fm'],
        ['$0 likes sync --from lastfm --to spotify', 'Save your Last.fm loves on Spotify'],
        ['$0 likes sync --from spotify --to lastfm --mirror', 'Also un-love what you un-saved on Spotify'],
      ],
      env: [...SPOTIFY_ENV, ...LASTFM_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
    }).options({
      from: { choices: SERVICES, demandOption: true, describe: 'Where the likes come from' },
      to: { choices: SERVICES, demandOption: true, describe: 'Where they are written' },
      'dry-run': { type: 'boolean', default: false, describe: 'Print the plan and write nothing' },
      mirror: {
        type: 'boolean',
        default: false,
        describe: 'Also remove from the target what was un-liked on the source since the last sync',
      },
    }) as unknown as Argv<SyncArgs>, // camelCase aliases (`dryRun`) are not in yargs' inferred type
  handler: withContext<SyncArgs>(async (ctx, args) => {
    if (args.from === args.to) {
      throw new InvalidInputError(
        'LIKES.SAME_SERVICE',
        `--from and --to are both ${args.from}: sync from spotify to lastfm, or from lastfm to spotify`,
      );
    }
    const direction = await ctx.get(args.from === 'spotify' ? LIKES.SpotifyToLastfm : LIKES.LastfmToSpotify);
    const { LABEL, renderLikesSync } = await import('../views/likes-lines.js');
    const report = await (
      await ctx.get(LIKES.Sync)
    ).run(direction, {
      dryRun: args.dryRun,
      mirror: args.mirror,
      onRemovals: (labels) => {
        ctx.output.note(
          `${args.dryRun ? 'Would remove' : 'Removing'} ${labels.length} like(s) from ${LABEL[args.to]}, un-liked on ${LABEL[args.from]} since the last sync:`,
        );
        for (const label of labels) ctx.output.note(`  - ${label}`);
      },
    });
    if (
      !report.dryRun &&
      report.failed > 0 &&
      report.written === 0 &&
      report.removed === 0 &&
      report.alreadyPresent === 0
    ) {
      throw new NaradaError(
        'LIKES.SYNC_FAILED',
        `No like could be synced: ${report.failed} failed (${report.details.failed[0]?.reason ?? 'unknown reason'}); they are retried on the next run`,
        'failure',
        { retryable: true },
      );
    }
    if (report.failed > 0)
      ctx.output.warn(`${report.failed} like(s) failed; run the sync again to retry them`);
    ctx.output.result(report, renderLikesSync);
  }),
};

export const likesCommand = commandGroup<GlobalArgs>(
  'likes',
  'Import likes and sync them between Spotify and Last.fm',
  [importCommand, syncCommand],
  {
    examples: [
      ['$0 likes import spotify', 'Store your Spotify saved tracks locally'],
      ['$0 likes sync --from spotify --to lastfm', 'Love on Last.fm what you saved on Spotify'],
    ],
    env: [...SPOTIFY_ENV, ...LASTFM_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
  },
);
