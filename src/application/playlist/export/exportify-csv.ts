// A playlist as an Exportify CSV: Exportify's columns, every field quoted as Exportify quotes it; the
// columns Narada does not keep (artist and album URIs, images, popularity…) are left empty.
import { stringify } from 'csv-stringify/sync';
import type { BackupItem, PlaylistBackup } from '../../../domain/backup/playlist-backup.js';
import {
  EXPORTIFY_COLUMNS,
  joinExportifyNames,
  type ExportifyColumn,
} from '../../../domain/backup/exportify-columns.js';

export function exportifyCsv(backup: PlaylistBackup): string {
  const rows = backup.items.map((item) => EXPORTIFY_COLUMNS.map((column) => cell(item, column)));
  return stringify([[...EXPORTIFY_COLUMNS], ...rows], {
    quoted: true,
    quoted_empty: true,
    record_delimiter: 'unix',
  });
}

function cell(item: BackupItem, column: ExportifyColumn): string {
  switch (column) {
    case 'Track URI':
      return item.uri ?? '';
    case 'Track Name':
      return item.name ?? '';
    case 'Artist Name(s)':
      return joinExportifyNames(item.artists);
    case 'Album Name':
      return item.album?.name ?? '';
    case 'Album Release Date':
      return item.album?.releaseDate ?? '';
    case 'Track Duration (ms)':
      return item.durationMs === null ? '' : String(item.durationMs);
    case 'ISRC':
      return item.isrc ?? '';
    case 'Added By':
      return item.addedBy === null ? '' : `spotify:user:${item.addedBy}`;
    case 'Added At':
      // Spotify's own form, which Exportify copies: whole seconds, `Z`.
      return item.addedAt === null ? '' : item.addedAt.replace(/\.\d+Z$/, 'Z');
    default:
      return '';
  }
}
