// `narada playlist backup --history <id>` and `playlist restore <id> --version N|DATE`: the versions of
// a playlist's backup (date, items, snapshot, file), oldest first, and the one a restore asked for.
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { toIso } from '../../../domain/values/time.js';
import { BackupIndex, type BackupVersion } from '../../playlist/backup-index.js';
import { pickBackupVersion } from '../../playlist/backup-versions.js';
import { playlistIdOf } from '../../playlist/playlist-ref.js';

export interface BackupVersionView {
  readonly version: number;
  readonly backedUpAt: string;
  readonly items: number;
  readonly snapshotId: string;
  readonly file: string;
}

export interface BackupVersions {
  readonly playlistId: string;
  /** The playlist's name at its newest backup; null when it was never backed up. */
  readonly name: string | null;
  readonly versions: readonly BackupVersionView[];
  /** The version `--version` named, when one was asked for. */
  readonly picked: BackupVersionView | null;
}

export class ListBackupVersions {
  private readonly index: BackupIndex;

  constructor(deps: { readonly checkpoints: SyncCheckpointRepository }) {
    this.index = new BackupIndex(deps.checkpoints);
  }

  async run(playlist: string, wanted?: string): Promise<BackupVersions> {
    const playlistId = playlistIdOf(playlist);
    const last = await this.index.get(playlistId);
    const versions = last?.versions ?? [];
    return {
      playlistId,
      name: last?.name ?? null,
      versions: versions.map(view),
      picked: wanted === undefined ? null : view(pickBackupVersion(playlistId, versions, wanted)),
    };
  }
}

function view(version: BackupVersion): BackupVersionView {
  return {
    version: version.version,
    backedUpAt: toIso(version.backedUpAt),
    items: version.itemCount,
    snapshotId: version.snapshotId,
    file: version.path,
  };
}
