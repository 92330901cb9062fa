// `narada history import file <paths..>`: any listening-history export, recognised by its content.
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { HISTORY } from '../../di/history.tokens.js';
import { withContext } from '../command.js';
import type { GlobalArgs } from '../global-options.js';
import { documented } from '../help.js';
import { DATA_ENV } from '../../config/environment.js';
import { linkImportedListens } from './library.js';

interface FileImportArgs extends GlobalArgs {
  readonly paths: readonly string[];
  readonly user?: string;
  readonly 'dry-run'?: boolean;
}

export const importFile: CommandModule<GlobalArgs, FileImportArgs> = {
  command: 'file <paths..>',
  describe:
    'Import history files recognised by their content: Spotify exports, Last.fm CSVs and API page dumps, ListenBrainz exports (zip, JSONL or JSON list)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 history import file scrobbles.csv', 'A Last.fm CSV export'],
        ['$0 history import file listenbrainz_me.zip my_spotify_data.zip', 'Several exports at once'],
        ['$0 history import file scrobbles.csv --dry-run', 'Read and count, write nothing'],
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
        user: {
          type: 'string',
          describe:
            'Whose listens these are (default: a ListenBrainz export\'s own user, else LASTFM_USERNAME, else "me")',
        },
        'dry-run': {
          type: 'boolean',
          default: false,
          describe:
            'Read every file fully and say what would be imported (rows, new, already present); write nothing',
        },
      }) as unknown as Argv<FileImportArgs>,
  handler: withContext<FileImportArgs>(async (ctx, args) => {
    const summary = await (
      await ctx.get(HISTORY.ImportFile)
    ).run({
      paths: args.paths,
      user: args.user,
      dryRun: args['dry-run'] === true,
    });
    const { corrupt, ...report } = summary;
    refuseCorrupt(corrupt, report);
    const { renderFileImport } = await import('../views/history-lines.js');
    if (args['dry-run'] !== true) await linkImportedListens(ctx);
    ctx.output.result(report, renderFileImport);
  }),
};

/**
 * Exit 2 when an import refused files whole: every unreadable file named with what is wrong, and what
 * the other files brought, so the person knows what landed.
 */
export function refuseCorrupt(
  corrupt: readonly { readonly message: string; readonly file: string }[],
  report: { readonly new: number; readonly files: readonly { readonly status: string }[] },
): void {
  if (corrupt.length === 0) return;
  const imported = report.files.filter((f) => f.status === 'imported');
  throw new InvalidInputError(
    'HISTORY.CORRUPT_EXPORT',
    `${corrupt.map((e) => e.message).join(' ')}${imported.length > 0 ? ` (${report.new} new listens were imported from the ${imported.length} other file(s).)` : ''}`,
    { details: { files: corrupt.map((e) => e.file) } },
  );
}
