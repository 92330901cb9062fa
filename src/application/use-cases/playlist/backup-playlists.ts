// `narada playlist backup`: each playlist to one JSON file, written atomically, named after the
// playlist. A changed playlist's earlier backup is kept as a version beside it; one unchanged since its
// last backup (same snapshot id, file still there) writes nothing.
import type { BackupStore } from '../../ports/backup-store.port.js';
import type { Clock } from '../../ports/clock.port.js';
import type { PlaylistRepository } from '../../ports/playlist-repository.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyPlaylist, SpotifyPlaylistSummary, SpotifyPort } from '../../ports/spotify.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { backupFileName } from '../../../domain/backup/backup-file-name.js';
import { isNaradaError, NaradaError } from '../../../domain/shared/errors.js';
import { toIso } from '../../../domain/values/time.js';
import type { IngestConnectorTracks } from '../../tracks/ingest-connector-tracks.js';
import { BackupIndex, type BackupVersion, type LastBackup } from '../../playlist/backup-index.js';
import { localPlaylistCopy, resolvedMbids } from '../../playlist/local-playlist-copy.js';
import { playlistBackupDocument } from '../../playlist/playlist-backup-document.js';
import { playlistIdOf } from '../../playlist/playlist-ref.js';

export interface BackupPlaylistsDeps {
  readonly spotify: SpotifyPort;
  readonly store: BackupStore;
  readonly checkpoints: SyncCheckpointRepository;
  readonly playlists: PlaylistRepository;
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
  /** `narada/<version>`, recorded in each file. */
  readonly generator: string;
}

export interface BackupRequest {
  /** Playlist ids, URIs or links. */
  readonly playlists: readonly string[];
  readonly all: boolean;
  readonly outDir: string;
}

export interface BackedUpPlaylist {
  readonly id: string;
  readonly name: string;
  readonly items: number;
  readonly file: string;
  readonly snapshotId: string;
  /** 1 for a playlist's first backup, then one more for each change backed up. */
  readonly version: number;
}

export interface SkippedPlaylist {
  readonly id: string;
  readonly name: string | null;
  readonly reason: string;
  /** The earlier backup that still holds it, when unchanged. */
  readonly file?: string;
}

export interface BackupReport {
  readonly outDir: string;
  readonly written: readonly BackedUpPlaylist[];
  readonly unchanged: readonly SkippedPlaylist[];
  /** Playlists --all cannot back up (others' playlists, whose items Spotify does not serve). */
  readonly skipped: readonly SkippedPlaylist[];
  readonly failed: readonly SkippedPlaylist[];
}

export class BackupPlaylists {
  private readonly index: BackupIndex;

  constructor(private readonly deps: BackupPlaylistsDeps) {
    this.index = new BackupIndex(deps.checkpoints);
  }

  async run(request: BackupRequest): Promise<BackupReport> {
    const unchanged: SkippedPlaylist[] = [];
    const skipped: SkippedPlaylist[] = [];
    const failed: SkippedPlaylist[] = [];
    const ids = request.all
      ? await this.changedPlaylists(unchanged, skipped)
      : unique(request.playlists.map(playlistIdOf));
    const taken = new Set((await this.deps.store.list(request.outDir)).map((name) => name.toLowerCase()));
    const written: BackedUpPlaylist[] = [];
    const task = this.deps.progress.task('Backing up playlists', ids.length);
    for (const id of ids) {
      try {
        const outcome = await this.backUp(id, request.outDir, taken);
        if ('version' in outcome) written.push(outcome);
        else unchanged.push(outcome);
        task.advance(1, id);
      } catch (error) {
        // A login or a path the user must fix, or an id they mistyped, fails every playlist alike.
        if (!isNaradaError(error) || error.category !== 'failure') {
          task.fail(error instanceof Error ? error.message : String(error));
          throw error;
        }
        failed.push({ id, name: null, reason: error.message });
        task.advance(1, `${id} failed`);
      }
    }
    task.done(`${written.length} written, ${unchanged.length} unchanged, ${failed.length} failed`);
    return { outDir: request.outDir, written, unchanged, skipped, failed };
  }

  /** Every playlist whose items the user may read, less those unchanged since their last backup. */
  private async changedPlaylists(
    unchanged: SkippedPlaylist[],
    skipped: SkippedPlaylist[],
  ): Promise<string[]> {
    const me = await this.deps.spotify.getCurrentUser();
    const ids: string[] = [];
    for (const summary of await this.deps.spotify.listMyPlaylists()) {
      if (summary.ownerId !== me.id && !summary.collaborative) {
        skipped.push({
          id: summary.id,
          name: summary.name,
          reason: "not yours: Spotify only lets owners and collaborators read a playlist's items",
        });
        continue;
      }
      const last = await this.index.get(summary.id);
      if (
        last !== null &&
        last.snapshotId === summary.snapshotId &&
        (await this.deps.store.exists(last.path))
      ) {
        unchanged.push({
          id: summary.id,
          name: summary.name,
          reason: unchangedReason(last),
          file: last.path,
        });
        continue;
      }
      ids.push(summary.id);
    }
    return ids;
  }

  private async backUp(
    id: string,
    outDir: string,
    taken: Set<string>,
  ): Promise<BackedUpPlaylist | SkippedPlaylist> {
    const { spotify, ingest, clock, store } = this.deps;
    const playlist = await spotify.getPlaylist(id);
    // The connector reads a playlist whole or fails; a backup also refuses one that is not the playlist asked for.
    if (playlist.id !== id || playlist.entries.length !== playlist.itemCount) {
      throw new NaradaError(
        'PLAYLIST.BACKUP_INCOMPLETE',
        `Spotify playlist ${id}: the read gave ${playlist.id === '' ? 'no playlist id' : `playlist ${playlist.id}`} with ${playlist.entries.length} of ${playlist.itemCount ?? '?'} items; no backup was written, run again`,
        'failure',
        { retryable: true, details: { playlistId: id } },
      );
    }
    const last = await this.index.get(id);
    if (last !== null && last.snapshotId === playlist.snapshotId && (await store.exists(last.path))) {
      return { id, name: playlist.name, reason: unchangedReason(last), file: last.path };
    }
    const ingested = await ingest.run(
      playlist.entries.flatMap((e) => (e.kind === 'track' || e.kind === 'local' ? [e.track] : [])),
    );
    const at = clock.now();
    await this.deps.playlists.save(localPlaylistCopy(playlist, ingested.tracks, at));
    const document = playlistBackupDocument({
      playlist,
      mbids: resolvedMbids(ingested.tracks),
      at,
      generator: this.deps.generator,
    });
    const file = await this.fileNameFor(playlist, outDir, taken);
    taken.add(file.toLowerCase());
    const earlier = await this.keepEarlierVersion(last, outDir, file);
    const path = await store.write(outDir, file, `${JSON.stringify(document, null, 2)}\n`);
    const version = (earlier.at(-1)?.version ?? 0) + 1;
    await this.index.put({
      playlistId: id,
      snapshotId: playlist.snapshotId,
      dir: outDir,
      file,
      path,
      name: playlist.name,
      itemCount: playlist.entries.length,
      backedUpAt: at,
      versions: [
        ...earlier,
        {
          version,
          backedUpAt: at,
          itemCount: playlist.entries.length,
          snapshotId: playlist.snapshotId,
          path,
        },
      ],
    });
    return {
      id,
      name: playlist.name,
      items: playlist.entries.length,
      file: path,
      snapshotId: playlist.snapshotId,
      version,
    };
  }

  /**
   * The versions taken before this one. The newest of them is copied aside first when the new backup
   * is about to replace its file; written elsewhere (another --out), it stays where it is.
   */
  private async keepEarlierVersion(
    last: LastBackup | null,
    outDir: string,
    file: string,
  ): Promise<BackupVersion[]> {
    if (last === null) return [];
    const versions = [...last.versions];
    const newest = versions.at(-1);
    if (
      newest !== undefined &&
      newest.path === last.path &&
      last.dir === outDir &&
      last.file === file &&
      (await this.deps.store.exists(last.path))
    ) {
      versions[versions.length - 1] = {
        ...newest,
        path: await this.deps.store.keepVersion(last.path, newest.version),
      };
    }
    return versions;
  }

  /** The file of the playlist's last backup in this folder, else a new name no other file has. */
  private async fileNameFor(
    playlist: SpotifyPlaylist | SpotifyPlaylistSummary,
    outDir: string,
    taken: Set<string>,
  ): Promise<string> {
    const last = await this.index.get(playlist.id);
    if (last !== null && last.dir === outDir) return last.file;
    return backupFileName(playlist.name, playlist.id, taken);
  }
}

function unchangedReason(last: LastBackup): string {
  return `unchanged since its backup of ${toIso(last.backedUpAt)} (same snapshot id)`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
