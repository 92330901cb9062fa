// Playlists' tokens: backup, restore, listing, export and the track finder they share. Type-only imports, so
// commands load no adapter.
import type { SpotifyTrackFinder } from '../../application/playlist/find-spotify-track.js';
import type { BackupPlaylists } from '../../application/use-cases/playlist/backup-playlists.js';
import type { ExportPlaylist } from '../../application/use-cases/playlist/export-playlist.js';
import type { ListBackupVersions } from '../../application/use-cases/playlist/list-backup-versions.js';
import type { ListPlaylists } from '../../application/use-cases/playlist/list-playlists.js';
import type { RestorePlaylist } from '../../application/use-cases/playlist/restore-playlist.js';
import { token } from './tokens.js';

export const PLAYLIST = {
  TrackFinder: token<SpotifyTrackFinder>('playlist.TrackFinder'),
  Backup: token<BackupPlaylists>('playlist.Backup'),
  Restore: token<RestorePlaylist>('playlist.Restore'),
  List: token<ListPlaylists>('playlist.List'),
  Export: token<ExportPlaylist>('playlist.Export'),
  Versions: token<ListBackupVersions>('playlist.Versions'),
} as const;
