// `narada playlist backup <id-or-url ...> | --all [--out DIR] | --history <id>`, `narada playlist
// restore <file-or-id> [--to] [--dry-run] [--playlist NAME] [--version N|DATE]`, `narada playlist list`
// and `narada playlist export <playlist> --format`.
import { existsSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ExportFormat } from '../../../application/playlist/export/playlist-formats.js';
import type { ExportSource } from '../../../application/use-cases/playlist/export-playlist.js';
import type { RestoreReport } from '../../../application/use-cases/playlist/restore-playlist.js';
import { InvalidInputError, isNaradaError, NaradaError } from '../../../domain/shared/errors.js';
import { withContext } from '../command.js';
import { PLAYLIST } from '../../di/playlist.tokens.js';
import type { GlobalArgs } from '../global-options.js';
import { commandGroup, documented } from '../help.js';
import { DATA_ENV, MUSICBRAINZ_ENV, SPOTIFY_ENV } from '../../config/environment.js';

interface BackupArgs extends GlobalArgs {
  readonly playlists: readonly string[];
  readonly all: boolean;
  readonly out?: string;
  readonly history?: string;
}

interface RestoreArgs extends GlobalArgs {
  readonly file: string;
  readonly to?: string;
  readonly dryRun: boolean;
  readonly playlist?: string;
  readonly version?: string;
}

interface ExportArgs extends GlobalArgs {
  readonly playlist: string;
  readonly format: ExportFormat;
  readonly out?: string;
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'm3u8', 'jspf', 'xspf'];

const backupCommand: CommandModule<GlobalArgs, BackupArgs> = {
  command: 'backup [playlists..]',
  describe: 'Write each playlist to a JSON file (format: docs/BACKUP.md)',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 playlist backup 37i9dQZF1DXcBWIGoYBM5M', 'Back up one playlist (an id, URI or link)'],
        ['$0 playlist backup --all', 'Back up every playlist of yours that changed'],
        ['$0 playlist backup --all --out ~/music-backups', 'Write the files to another folder'],
        ['$0 playlist backup --history 37i9dQZF1DXcBWIGoYBM5M', 'The versions kept of its backup'],
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
        history: {
          type: 'string',
          describe: "List the versions of a playlist's backup (date, items, snapshot); backs up nothing",
        },
      }) as unknown as Argv<BackupArgs>,
  handler: withContext<BackupArgs>(async (ctx, args) => {
    if (args.history !== undefined) {
      const versions = await (await ctx.get(PLAYLIST.Versions)).run(args.history);
      const { renderBackupVersions } = await import('../views/playlist-lines.js');
      ctx.output.result(versions, renderBackupVersions);
      return;
    }
    if (args.playlists.length === 0 && !args.all) {
      throw new InvalidInputError(
        'PLAYLIST.NOTHING_TO_BACK_UP',
        'Name the playlists to back up (ids or links), or pass --all',
      );
    }
    const outDir = args.out === undefined ? ctx.config.backupDir : resolvePath(ctx.runtime.cwd, args.out);
    const report = await (
      await ctx.get(PLAYLIST.Backup)
    ).run({ playlists: args.playlists, all: args.all, outDir });
    if (report.written.length === 0 && report.unchanged.length === 0 && report.failed.length > 0) {
      throw new NaradaError(
        'PLAYLIST.BACKUP_FAILED',
        `No playlist was backed up: ${report.failed.map((f) => `${f.id}: ${f.reason}`).join('; ')}`,
      );
    }
    for (const failed of report.failed) ctx.output.warn(`Could not back up ${failed.id}: ${failed.reason}`);
    const { renderBackup } = await import('../views/playlist-lines.js');
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
        ['$0 playlist restore liked.csv', 'A playlist from an Exportify CSV (or a JSPF file)'],
        ['$0 playlist restore <id> --version 2', "Version 2 of the playlist's backup"],
      ],
      env: [...SPOTIFY_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
    })
      // `--version` names a backup version here, not Narada's (`-V` still prints that).
      .version(false)
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe:
          'A backup file, a Spotify export (Playlist1.json or its zip), an Exportify CSV or a JSPF file; with --version, a playlist id too',
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
        version: {
          type: 'string',
          describe:
            'Restore this version of the backup (N, or a date: the newest version by then); the argument may then be a playlist id',
        },
      }) as unknown as Argv<RestoreArgs>,
  handler: withContext<RestoreArgs>(async (ctx, args) => {
    const { readPlaylistBackupFile, readRestoreFile } = await import('../../backup/read-restore-file.js');
    let path = resolvePath(ctx.runtime.cwd, args.file);
    if (args.version !== undefined) {
      // A backup file stands for its playlist; the version's own file is what is restored.
      const playlist = existsSync(path) ? (await readPlaylistBackupFile(path)).playlist.id : args.file;
      const versions = await (await ctx.get(PLAYLIST.Versions)).run(playlist, args.version);
      path = versions.picked!.file;
    }
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
    const restore = await ctx.get(PLAYLIST.Restore);
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
    const { renderRestore } = await import('../views/playlist-lines.js');
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
    const listing = await (await ctx.get(PLAYLIST.List)).run();
    if (listing.spotifyUnavailable !== null)
      ctx.output.note(`Spotify playlists not shown: ${listing.spotifyUnavailable}`);
    const { renderPlaylistList } = await import('../views/playlist-lines.js');
    ctx.output.result(listing, renderPlaylistList);
  }),
};

const exportCommand: CommandModule<GlobalArgs, ExportArgs> = {
  command: 'export <playlist>',
  describe: 'Write a playlist (from Spotify, or a backup file) as CSV, M3U8, JSPF or XSPF',
  builder: (yargs: Argv<GlobalArgs>) =>
    documented(yargs, {
      examples: [
        ['$0 playlist export 37i9dQZF1DXcBWIGoYBM5M --format csv --out mix.csv', 'An Exportify CSV'],
        ['$0 playlist export backups/Mix.json --format jspf', 'A backup as JSPF, on stdout'],
      ],
      env: [...SPOTIFY_ENV, ...DATA_ENV],
    })
      .positional('playlist', {
        type: 'string',
        demandOption: true,
        describe: 'A playlist id, URI or link, or a Narada backup file',
      })
      .options({
        format: {
          choices: EXPORT_FORMATS,
          demandOption: true,
          describe: 'csv (Exportify columns), m3u8, jspf (ListenBrainz) or xspf',
        },
        out: { type: 'string', describe: 'File to write (default: print on stdout)' },
      }) as unknown as Argv<ExportArgs>,
  handler: withContext<ExportArgs>(async (ctx, args) => {
    const path = resolvePath(ctx.runtime.cwd, args.playlist);
    let source: ExportSource = { kind: 'spotify', playlist: args.playlist };
    // An argument naming a file is a backup; anything else names a Spotify playlist.
    if (existsSync(path) || args.playlist.toLowerCase().endsWith('.json')) {
      const { readPlaylistBackupFile } = await import('../../backup/read-restore-file.js');
      source = { kind: 'backup', backup: await readPlaylistBackupFile(path), file: path };
    }
    const outPath = args.out === undefined ? null : resolvePath(ctx.runtime.cwd, args.out);
    const report = await (
      await ctx.get(PLAYLIST.Export)
    ).run({
      source,
      format: args.format,
      out: outPath === null ? null : { dir: dirname(outPath), fileName: basename(outPath) },
    });
    const { renderExport } = await import('../views/playlist-lines.js');
    ctx.output.result(report, renderExport);
  }),
};

export const playlistCommand = commandGroup<GlobalArgs>(
  'playlist',
  'Back up, restore, list and export playlists',
  [backupCommand, restoreCommand, listCommand, exportCommand],
  {
    examples: [
      ['$0 playlist backup --all', 'Back up every playlist of yours that changed'],
      ['$0 playlist restore backups/Summer.json', 'Recreate a backed-up playlist'],
    ],
    env: [...SPOTIFY_ENV, ...MUSICBRAINZ_ENV, ...DATA_ENV],
  },
);
