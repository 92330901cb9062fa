// The formats `narada playlist export` writes, each a pure function of a backup document.
import type { PlaylistBackup } from '../../../domain/backup/playlist-backup.js';
import { exportifyCsv } from './exportify-csv.js';
import { jspf } from './jspf.js';
import { m3u8 } from './m3u8.js';
import { xspf } from './xspf.js';

export const EXPORT_FORMATS = ['csv', 'm3u8', 'jspf', 'xspf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const WRITERS: Record<ExportFormat, (backup: PlaylistBackup) => string> = {
  csv: exportifyCsv,
  m3u8,
  jspf,
  xspf,
};

export function formatPlaylist(backup: PlaylistBackup, format: ExportFormat): string {
  return WRITERS[format](backup);
}
