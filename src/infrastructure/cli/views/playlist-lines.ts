// Plain-text views of `narada playlist …` results: backups written, restores planned or done, the
// listing, exports.
import type { BackupReport } from '../../../application/use-cases/playlist/backup-playlists.js';
import type { ExportReport } from '../../../application/use-cases/playlist/export-playlist.js';
import type { BackupVersions } from '../../../application/use-cases/playlist/list-backup-versions.js';
import type { PlaylistListing } from '../../../application/use-cases/playlist/list-playlists.js';
import type { RestoreReport } from '../../../application/use-cases/playlist/restore-playlist.js';

export function renderBackup(report: BackupReport): string[] {
  return [
    ...report.written.map(
      (p) => `Backed up "${p.name}" (${p.items} items, version ${p.version}) → ${p.file}`,
    ),
    ...report.unchanged.map((p) => `Skipped "${p.name}": ${p.reason}`),
    ...report.skipped.map((p) => `Skipped "${p.name}": ${p.reason}`),
    `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.skipped.length} skipped, ${report.failed.length} failed (folder ${report.outDir})`,
  ];
}

export function renderRestore(report: RestoreReport): string[] {
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
    ...(report.leftInPlace.length > 0
      ? [
          `Left in place, not in the backup (${report.leftInPlace.length}; remove them in Spotify if unwanted):`,
        ]
      : []),
    ...report.leftInPlace.map((item) => `  #${item.position + 1} ${item.label} (${item.kind})`),
  ];
}

export function renderPlaylistList(listing: PlaylistListing): string[] {
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

/** Without --out the exported text itself is the result, so it can be piped. */
export function renderExport(report: ExportReport): string[] {
  if (report.content !== null) return [report.content.replace(/\n$/, '')];
  return [`Exported "${report.playlist.name}" (${report.items} items, ${report.format}) → ${report.file}`];
}

export function renderBackupVersions(history: BackupVersions): string[] {
  if (history.versions.length === 0) return [`Playlist ${history.playlistId} has no backup yet.`];
  return [
    `"${history.name ?? history.playlistId}" (${history.playlistId}): ${history.versions.length} versions`,
    ...history.versions.map(
      (v) => `  ${v.version}  ${v.backedUpAt}  ${v.items} items  snapshot ${v.snapshotId}  ${v.file}`,
    ),
  ];
}
