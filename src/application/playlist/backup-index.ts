// The last backup of each playlist, kept as a sync checkpoint (`backup:spotify:<id>`): the snapshot id
// it had, so `--all` skips unchanged playlists, and the file, so later backups keep writing the same one.
import type { SyncCheckpointRepository } from '../ports/sync-checkpoint-repository.port.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface LastBackup {
  readonly playlistId: string;
  readonly snapshotId: string;
  readonly dir: string;
  readonly file: string;
  readonly path: string;
  readonly name: string;
  readonly itemCount: number;
  readonly backedUpAt: EpochMs;
}

export function backupKey(playlistId: string): string {
  return `backup:spotify:${playlistId}`;
}

export class BackupIndex {
  constructor(private readonly checkpoints: SyncCheckpointRepository) {}

  async get(playlistId: string): Promise<LastBackup | null> {
    const checkpoint = await this.checkpoints.get(backupKey(playlistId));
    if (checkpoint === null || checkpoint.cursor === null) return null;
    const { dir, file, path, name, itemCount, backedUpAt } = checkpoint.state;
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
    return { playlistId, snapshotId: checkpoint.cursor, dir, file, path, name, itemCount, backedUpAt };
  }

  async put(backup: LastBackup): Promise<void> {
    const { playlistId, snapshotId, ...state } = backup;
    await this.checkpoints.put({
      key: backupKey(playlistId),
      cursor: snapshotId,
      state,
      updatedAt: backup.backedUpAt,
    });
  }
}
