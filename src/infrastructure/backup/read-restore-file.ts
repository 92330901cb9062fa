// Reads what `narada playlist restore` was given, recognised by its content: a Narada backup, a Spotify
// account-data export's `Playlist1.json` or its zip as downloaded (its `Playlist*.json` files are read
// from it), an Exportify CSV or a JSPF playlist. Any other file is refused before anything is written.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { restoreSourceFromBackup, type RestoreSource } from '../../domain/backup/restore-source.js';
import { parseJsonFile, playlistBackupFromJson } from '../../domain/backup/parse-playlist-backup.js';
import type { PlaylistBackup } from '../../domain/backup/playlist-backup.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { readZipEntries, readZipEntry, ZipFormatError } from '../importers/zip-archive.js';
import { exportifyCsvPlaylist, isExportifyCsv } from './exportify-csv-playlist.js';
import { isJspf, jspfPlaylist } from './jspf-playlist.js';
import { isSpotifyPlaylistExport, spotifyExportPlaylists } from './spotify-export-playlists.js';

/** `Playlist1.json`, `Playlist2.json`…: where an account-data export keeps the playlists. */
const EXPORT_PLAYLIST_FILE = /^Playlist\d+\.json$/i;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readRestoreFile(path: string): Promise<RestoreSource[]> {
  const bytes = await readBytes(path);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return exportZipPlaylists(path);
  const text = bytes.toString('utf8');
  if (isExportifyCsv(text)) return [exportifyCsvPlaylist(text, path)];
  const value = parseJsonFile(text, path);
  if (isSpotifyPlaylistExport(value)) return spotifyExportPlaylists(value, path);
  if (isJspf(value)) return [jspfPlaylist(value, path, basename(path, extname(path)))];
  return [restoreSourceFromBackup(playlistBackupFromJson(value, path), path)];
}

/** A Narada backup file, checked (for `narada playlist export`). */
export async function readPlaylistBackupFile(path: string): Promise<PlaylistBackup> {
  return playlistBackupFromJson(parseJsonFile((await readBytes(path)).toString('utf8'), path), path);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    throw new InvalidInputError(
      'BACKUP.UNREADABLE',
      `Cannot read ${path} (${code === 'ENOENT' ? 'no such file' : code}): pass the path of a backup file`,
      { cause: error, details: { file: path } },
    );
  }
}

/** The playlists of every `Playlist*.json` in an account-data export's zip, in file order. */
async function exportZipPlaylists(path: string): Promise<RestoreSource[]> {
  try {
    const entries = (await readZipEntries(path))
      .filter((entry) => EXPORT_PLAYLIST_FILE.test(basename(entry.name)))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    if (entries.length === 0) {
      throw new InvalidInputError(
        'BACKUP.NO_PLAYLISTS_IN_ZIP',
        `${path} is a zip without a Playlist1.json: pass the zip of a Spotify account-data export ("Download your data"), a Playlist1.json or a backup file`,
        { details: { file: path } },
      );
    }
    const sources: RestoreSource[] = [];
    for (const entry of entries) {
      const label = `${path} › ${entry.name}`;
      const chunks: Buffer[] = [];
      for await (const chunk of readZipEntry(path, entry)) chunks.push(chunk);
      const value = parseJsonFile(Buffer.concat(chunks).toString('utf8'), label);
      sources.push(...spotifyExportPlaylists(value, label));
    }
    return sources;
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    throw new InvalidInputError(
      'BACKUP.BAD_ZIP',
      `${path} is a damaged zip (${error.message}); download the export again or pass its Playlist1.json`,
      { cause: error, details: { file: path } },
    );
  }
}
