// Reads what `narada playlist restore` was given: a Narada backup, or a Spotify account-data export
// (`Playlist1.json`). Any other file is refused with the reason before anything is written.
import { readFile } from 'node:fs/promises';
import { restoreSourceFromBackup, type RestoreSource } from '../../domain/backup/restore-source.js';
import { parseJsonFile, playlistBackupFromJson } from '../../domain/backup/parse-playlist-backup.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { isSpotifyPlaylistExport, spotifyExportPlaylists } from './spotify-export-playlists.js';

export async function readRestoreFile(path: string): Promise<RestoreSource[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
    throw new InvalidInputError(
      'BACKUP.UNREADABLE',
      `Cannot read ${path} (${code === 'ENOENT' ? 'no such file' : code}): pass the path of a backup file`,
      { cause: error, details: { file: path } },
    );
  }
  const value = parseJsonFile(text, path);
  if (isSpotifyPlaylistExport(value)) return spotifyExportPlaylists(value, path);
  return [restoreSourceFromBackup(playlistBackupFromJson(value, path), path)];
}
