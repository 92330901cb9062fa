// `narada playlist backup <id-or-url ...> | --all [--out DIR]`, `narada playlist restore <file> [--to]
// [--dry-run] [--playlist NAME]` and `narada playlist list`.
import { resolve as resolvePath } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { BackupReport } from '../../../application/use-cases/playlist/backup-playlists.js';
import type { PlaylistListing } from '../../../application/use-cases/playlist/list-playlists.js';
import type { RestoreReport } from '../../../application/use-cases/playlist/restore-playlist.js';
import { InvalidInputError, isNaradaError, NaradaError } from '../../../domain/shared/errors.js';
import { withContext } from '../command.js';
import type { CommandContext } from '../context.js';
import type { GlobalArgs } from '../global-options.js';
import { documented, needsSubcommand } from '../help.js';
import { DATA_ENV, MUSICBRAINZ_ENV, SPOTIFY_ENV } from '../../config/environment.js';

interface BackupArgs extends GlobalArgs {
  readonly playlists: readonly string[];
  readonly all: boolean;
  readonly out?: string;
}

interface RestoreArgs extends GlobalArgs {
  readonly file: string;
  readonly to?: string;
  readonly dryRun: boolean;
  readonly playlist?: string;
}

const backupCommand: CommandModule<GlobalArgs, BackupArgs> = {
  command: 'backup [playlists..]',
  describe: 'Write each playlist to a JSON file (format: docs/BACKUP.md)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 playlist backup 37i9dQZF1DXcBWIGoYBM5M', 'Back up one playlist (an id, URI or link)'],
        ['$0 playlist backup --all', 'Back up every playlist of yours that changed'],
        ['$0 playlist backup --all --out ~/music-backups', 'Write the files to another folder'],
      ],
      env: [...SPOTIFY_ENV, ...DATA_ENV],
    })
      .positional('playlists', {
        type: 'string',
        array: true,
        default: [],
        describe: 'Playlist ids, URIs or links',
      })
      .options({
        all: {
          type: 'boolean',
          default: false,
          describe: 'Every playlist of yours; skips those unchanged since their last backup',
        },
        out: { type: 'string', describe: 'Folder for the files (default: NARADA_HOME/backups)' },
      }) as unknown as Argv<BackupArgs>,
  handler: withContext<BackupArgs>(async (ctx, args) => {
    if (args.playlists.length === 0 && !args.all) {
      throw new InvalidInputError(
        'PLAYLIST.NOTHING_TO_BACK_UP',
        'Name the playlists to back up (ids or links), or pass --all',
      );
    }
    const outDir = args.out === undefined ? ctx.config.backupDir : resolvePath(ctx.runtime.cwd, args.out);
    const { services, PLAYLIST } = await playlistServices(ctx);
    const backup = await services.get(PLAYLIST.Backup);
    const report = await backup.run({ playlists: args.playlists, all: args.all, outDir });
    if (report.written.length === 0 && report.unchanged.length === 0 && report.failed.length > 0) {
      throw new NaradaError(
        'PLAYLIST.BACKUP_FAILED',
        `No playlist was backed up: ${report.failed.map((f) => `${f.id}: ${f.reason}`).join('; ')}`,
      );
    }
    for (const failed of report.failed) ctx.output.warn(`Could not back up ${failed.id}: ${failed.reason}`);
    ctx.output.result(report, renderBackup);
  }),
};

const restoreCommand: CommandModule<GlobalArgs, RestoreArgs> = {
  command: 'restore <file>',
  describe:
    'Recreate a backed-up playlist, or bring --to back to it (also reads a Spotify export Playlist1.json)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 playlist restore backups/Summer.json', 'Recreate the playlist as a new one'],
        ['$0 playlist restore Summer.json --to <id> --dry-run', 'Plan bringing a playlist back to it'],
        ['$0 playlist restore Playlist1.json --playlist Roads', 'One playlist of a Spotify export'],
      ],
      env: [...SPOTIFY_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
    })
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe: 'A backup file, or Playlist1.json of a Spotify account-data export',
      })
      .options({
        to: {
          type: 'string',
          describe: 'Bring this playlist (id or link) to the backup instead of creating one',
        },
        'dry-run': { type: 'boolean', default: false, describe: 'Print the plan and write nothing' },
        playlist: {
          type: 'string',
          describe: 'In an export holding several playlists, the name of the one to restore',
        },
      }) as unknown as Argv<RestoreArgs>,
  handler: withContext<RestoreArgs>(async (ctx, args) => {
    const { readRestoreFile } = await import('../../backup/read-restore-file.js');
    const path = resolvePath(ctx.runtime.cwd, args.file);
    let sources = await readRestoreFile(path);
    if (args.playlist !== undefined) {
      const wanted = args.playlist.trim().toLowerCase();
      sources = sources.filter((s) => s.name.trim().toLowerCase() === wanted);
      if (sources.length === 0)
        throw new InvalidInputError(
          'PLAYLIST.NOT_IN_FILE',
          `${path} holds no playlist named "${args.playlist}"`,
        );
    }
    if (args.to !== undefined && sources.length !== 1) {
      throw new InvalidInputError(
        'PLAYLIST.WHICH_ONE',
        `${path} holds ${sources.length} playlists: name the one to restore onto --to with --playlist`,
      );
    }
    const { services, PLAYLIST } = await playlistServices(ctx);
    const restore = await services.get(PLAYLIST.Restore);
    const reports: RestoreReport[] = [];
    const notRestored: Array<{ name: string; reason: string }> = [];
    for (const source of sources) {
      try {
        reports.push(await restore.run(source, { to: args.to, dryRun: args.dryRun }));
      } catch (error) {
        // One playlist of an export that cannot be placed does not keep the others from being restored.
        if (sources.length === 1 || !isNaradaError(error) || error.code !== 'PLAYLIST.NOTHING_TO_RESTORE')
          throw error;
        ctx.output.warn(error.message);
        notRestored.push({ name: source.name, reason: error.message });
      }
    }
    if (reports.length === 0) {
      throw new NaradaError(
        'PLAYLIST.NOTHING_TO_RESTORE',
        `None of the ${sources.length} playlists in ${path} could be restored: none of their items could be found on Spotify`,
      );
    }
    ctx.output.result(
      reports.length === 1 && sources.length === 1 ? reports[0]! : { playlists: reports, notRestored },
      () => [
        ...reports.flatMap(renderRestore),
        ...notRestored.map((p) => `Not restored "${p.name}": none of its items could be found on Spotify`),
      ],
    );
  }),
};

const listCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: 'Playlists known locally and on Spotify, with their last backup',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [['$0 playlist list', 'Every playlist, where it is, and when it was last backed up']],
      env: [...SPOTIFY_ENV, ...DATA_ENV],
    }),
  handler: withContext(async (ctx) => {
    const { services, PLAYLIST } = await playlistServices(ctx);
    const listing = await (await services.get(PLAYLIST.List)).run();
    if (listing.spotifyUnavailable !== null)
      ctx.output.note(`Spotify playlists not shown: ${listing.spotifyUnavailable}`);
    ctx.output.result(listing, renderList);
  }),
};

/** The container first: it loads every feature module, so the module's tokens are then ready to import. */
async function playlistServices(ctx: CommandContext) {
  const services = await ctx.services();
  const { PLAYLIST } = await import('../../di/modules/playlist.module.js');
  return { services, PLAYLIST };
}

export const playlistCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'playlist',
  describe: 'Back up, restore and list playlists',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(needsSubcommand(yargs.command(backupCommand).command(restoreCommand).command(listCommand)), {
      examples: [
        ['$0 playlist backup --all', 'Back up every playlist of yours that changed'],
        ['$0 playlist restore backups/Summer.json', 'Recreate a backed-up playlist'],
      ],
      env: [...SPOTIFY_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
    }),
  handler: () => undefined,
};

function renderBackup(report: BackupReport): string[] {
  return [
    ...report.written.map((p) => `Backed up "${p.name}" (${p.items} items) → ${p.file}`),
    ...report.unchanged.map((p) => `Skipped "${p.name}": ${p.reason}`),
    ...report.skipped.map((p) => `Skipped "${p.name}": ${p.reason}`),
    `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.skipped.length} skipped, ${report.failed.length} failed (folder ${report.outDir})`,
  ];
}

function renderRestore(report: RestoreReport): string[] {
  const { counts } = report;
  const target = report.playlistId ?? 'a new playlist';
  const head = report.dryRun
    ? `Dry run: "${report.source.name}" → ${report.action === 'created' && report.playlistId === null ? 'would create a new playlist' : `would update ${target}`}`
    : `"${report.source.name}" → ${report.action === 'created' ? 'created' : 'updated'} playlist ${target}`;
  return [
    `${head}: ${report.restored} of ${report.source.items} items; ${counts.added} added, ${counts.removed} removed, ` +
      `${counts.moved} moved, ${counts.kept} kept (${report.dryRun ? `would take ${counts.writeCalls}` : report.writeCalls} write calls)`,
    ...(report.unrestored.length > 0 ? [`Not restored (${report.unrestored.length}):`] : []),
    ...report.unrestored.map(
      (u) => `  #${u.position + 1} ${u.artists.join(', ') || '?'} – ${u.name ?? '?'}: ${u.reason}`,
    ),
  ];
}

function renderList(listing: PlaylistListing): string[] {
  if (listing.playlists.length === 0) return ['No playlists yet.'];
  return listing.playlists.map((p) => {
    const where = [p.onSpotify ? 'Spotify' : null, p.local ? 'local' : null].filter(Boolean).join('+');
    const backup =
      p.lastBackup === null
        ? 'never backed up'
        : `backed up ${p.lastBackup.at}${p.lastBackup.changedSince === true ? ' (changed since)' : ''}`;
    return `${p.name}  [${p.id}, ${where}, ${p.items ?? '?'} items]  ${backup}`;
  });
}
