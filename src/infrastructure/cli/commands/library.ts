// `narada library scan DIR... | list | show <path-or-id> | duplicates | link`: the local media library of
// music files, read into tracks through the identity pipeline, and listens linked to them (docs/LIBRARY.md).
import { resolve as resolvePath } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { DATA_ENV } from '../../config/environment.js';
import { LIBRARY } from '../../di/library.tokens.js';
import { withContext } from '../command.js';
import type { CommandContext } from '../context.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';

interface ScanArgs extends GlobalArgs {
  readonly folders: readonly string[];
  readonly dryRun: boolean;
}

interface LinkArgs extends GlobalArgs {
  readonly dryRun: boolean;
}

interface ListArgs extends GlobalArgs {
  readonly under?: string;
}

interface ShowArgs extends GlobalArgs {
  readonly file: string;
}

const scanCommand: CommandModule<GlobalArgs, ScanArgs> = {
  command: 'scan <folders..>',
  describe: 'Read the music files under folders into the library (only new and changed files)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 library scan ~/Music', 'Read every FLAC, MP3, M4A, Ogg/Opus and WAV file under ~/Music'],
        ['$0 library scan ~/Music --dry-run', 'What a scan would add, change, move and remove'],
      ],
      env: DATA_ENV,
    })
      .positional('folders', { type: 'string', array: true, describe: 'Folders of music files' })
      .options({
        'dry-run': { type: 'boolean', default: false, describe: 'Read the files, store nothing' },
      }) as unknown as Argv<ScanArgs>, // yargs leaves the camelCase alias (`dryRun`) out of its type
  handler: withContext<ScanArgs>(async (ctx, args) => {
    if (args.folders.length === 0) {
      throw new InvalidInputError('LIBRARY.NO_FOLDER', 'Give at least one folder of music files to scan');
    }
    const folders = args.folders.map((folder) => resolvePath(ctx.runtime.cwd, folder));
    const scan = await (await ctx.get(LIBRARY.Scan)).run({ folders, dryRun: args.dryRun });
    // The files stored may be what some listens were of: link the listens not yet linked.
    const listenLinks = args.dryRun ? null : await (await ctx.get(LIBRARY.Link)).run();
    const { renderLink, renderScan } = await import('../views/library-lines.js');
    ctx.output.result({ ...scan, listenLinks }, (r) => [
      ...renderScan(r),
      ...(r.listenLinks === null ? [] : renderLink(r.listenLinks)),
    ]);
  }),
};

const linkCommand: CommandModule<GlobalArgs, LinkArgs> = {
  command: 'link',
  describe: 'Link listens to library tracks (only listens not yet linked, or whose candidates changed)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 library link', 'Link new listens; the doubtful ones wait in "narada tracks review"'],
        ['$0 library link --dry-run --json', 'What linking would decide, storing nothing'],
      ],
      env: DATA_ENV,
    }).options({
      'dry-run': { type: 'boolean', default: false, describe: 'Work the links out, store nothing' },
    }) as unknown as Argv<LinkArgs>,
  handler: withContext<LinkArgs>(async (ctx, args) => {
    const report = await (await ctx.get(LIBRARY.Link)).run({ dryRun: args.dryRun });
    const { renderLink } = await import('../views/library-lines.js');
    ctx.output.result(report, renderLink);
  }),
};

const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list',
  describe: 'The files in the library, each with its track',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 library list', 'Every file and the track it is'],
        ['$0 library list --under ~/Music/Jazz --json', 'The files below one folder, as JSON'],
      ],
      env: DATA_ENV,
    }).options({
      under: { type: 'string', describe: 'Only the files below this folder' },
    }),
  handler: withContext<ListArgs>(async (ctx, args) => {
    const under =
      args.under === undefined ? undefined : withSeparator(resolvePath(ctx.runtime.cwd, args.under));
    const files = await (await ctx.get(LIBRARY.List)).run({ under });
    const { renderFiles } = await import('../views/library-lines.js');
    ctx.output.result(files, renderFiles);
  }),
};

const showCommand: CommandModule<GlobalArgs, ShowArgs> = {
  command: 'show <file>',
  describe: 'One file of the library: its tags, audio hash and track',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 library show ~/Music/song.flac', 'A file by its path'],
        ['$0 library show 12 --json', 'A file by its id in "library list"'],
      ],
      env: DATA_ENV,
    }).positional('file', {
      type: 'string',
      demandOption: true,
      describe: 'A path, a file id or an audio hash',
    }),
  handler: withContext<ShowArgs>(async (ctx, args) => {
    const file = await (
      await ctx.get(LIBRARY.Show)
    ).run([args.file, resolvePath(ctx.runtime.cwd, args.file)]);
    const { renderFile } = await import('../views/library-lines.js');
    ctx.output.result(file, renderFile);
  }),
};

const duplicatesCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'duplicates',
  describe: 'Files with the same audio, and different files of one track',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [['$0 library duplicates --json', 'Both kinds of duplicates, as JSON']],
      env: DATA_ENV,
    }),
  handler: withContext<GlobalArgs>(async (ctx) => {
    const groups = await (await ctx.get(LIBRARY.Duplicates)).run();
    const { renderDuplicates } = await import('../views/library-lines.js');
    ctx.output.result(groups, renderDuplicates);
  }),
};

export const libraryCommand = commandGroup<GlobalArgs>(
  'library',
  'Your local music files, read into tracks',
  [scanCommand, listCommand, showCommand, duplicatesCommand, linkCommand],
  {
    examples: [
      ['$0 library scan ~/Music', 'Read the music files under a folder'],
      ['$0 library list', 'The files and their tracks'],
      ['$0 library duplicates', 'Copies of the same audio, and several files of one track'],
      ['$0 library link', 'Link listens to the library tracks they are of'],
    ],
    env: DATA_ENV,
  },
);

/** After a history import: links the new listens to the library (a note, so the import's result is unchanged). */
export async function linkImportedListens(ctx: CommandContext): Promise<void> {
  const report = await (await ctx.get(LIBRARY.Link)).run();
  if (report.libraryTracks === 0) return;
  const { renderLink } = await import('../views/library-lines.js');
  for (const line of renderLink(report)) ctx.output.note(line);
}

/** `--under /a/b` keeps /a/b/x, not /a/bc/x. */
function withSeparator(folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`;
}
