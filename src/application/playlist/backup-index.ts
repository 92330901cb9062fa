// The backups of each playlist, kept as a sync checkpoint (`backup:spotify:<id>`): the snapshot id of
// the newest, so unchanged playlists are skipped, its file, so later backups keep writing the same one,
// and every version taken, oldest first. An entry written before versions existed is version 1.
import type { SyncCheckpointRepository } from '../ports/sync-checkpoint-repository.port.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface BackupVersion {
  /** 1, 2, 3…: the order the versions were taken in. */
  readonly version: number;
  readonly backedUpAt: EpochMs;
  readonly itemCount: number;
  readonly snapshotId: string;
  /** Where this version's file is now. */
  readonly path: string;
}

export interface LastBackup {
  readonly playlistId: string;
  readonly snapshotId: string;
  readonly dir: string;
  readonly file: string;
  readonly path: string;
  readonly name: string;
  readonly itemCount: number;
  readonly backedUpAt: EpochMs;
  /** Every version, oldest first; the last one is this backup. */
  readonly versions: readonly BackupVersion[];
}

export function backupKey(playlistId: string): string {
  return `backup:spotify:${playlistId}`;
}

export class BackupIndex {
  constructor(private readonly checkpoints: SyncCheckpointRepository) {}

  async get(playlistId: string): Promise<LastBackup | null> {
    const checkpoint = await this.checkpoints.get(backupKey(playlistId));
    if (checkpoint === null || checkpoint.cursor === null) return null;
    const { dir, file, path, name, itemCount, backedUpAt, versions } = checkpoint.state;
    if (
      typeof dir !== 'string' ||
      typeof file !== 'string' ||
      typeof path !== 'string' ||
      typeof name !== 'string' ||
      typeof itemCount !== 'number' ||
      typeof backedUpAt !== 'number'
    ) {
      return null;
    }
    const snapshotId = checkpoint.cursor;
    return {
      playlistId,
      snapshotId,
      dir,
      file,
      path,
      name,
      itemCount,
      backedUpAt,
      versions: Array.isArray(versions)
        ? versions.filter(isVersion)
        : [{ version: 1, backedUpAt, itemCount, snapshotId, path }],
    };
  }

  async put(backup: LastBackup): Promise<void> {
    const { playlistId, snapshotId, ...state } = backup;
    await this.checkpoints.put({
      key: backupKey(playlistId),
      cursor: snapshotId,
      state: { ...state, versions: [...state.versions] },
      updatedAt: backup.backedUpAt,
    });
  }
}

function isVersion(value: unknown): value is BackupVersion {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.version === 'number' &&
    typeof v.backedUpAt === 'number' &&
    typeof v.itemCount === 'number' &&
    typeof v.snapshotId === 'string' &&
    typeof v.path === 'string'
  );
}
