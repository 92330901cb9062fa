// `narada playlist restore`: recreates a backed-up (or exported) playlist as a new Spotify playlist, or
// brings the --to playlist to it with the one playlist sync the workflows use too (kept items keep
// their added_at). The playlist a restore creates is remembered, so restoring again writes nothing.
import type { Clock } from '../../ports/clock.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyPlaylist, SpotifyPort } from '../../ports/spotify.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { NotFoundError } from '../../ports/upstream-errors.js';
import type { RestoreSource } from '../../../domain/backup/restore-source.js';
import type { PlaylistUpdateCounts } from '../../../domain/playlist/playlist-diff.js';
import { isNaradaError, NaradaError } from '../../../domain/shared/errors.js';
import {
  syncSpotifyPlaylist,
  type LeftInPlace,
  type SpotifySyncResult,
} from '../../playlist/spotify-playlist-sync.js';
import type { SpotifyTrackFinder } from '../../playlist/find-spotify-track.js';
import { playlistIdOf } from '../../playlist/playlist-ref.js';
import {
  resolveRestoreItems,
  type ResolvedItems,
  type UnrestoredItem,
} from '../../playlist/restore-items.js';

export interface RestorePlaylistDeps {
  readonly spotify: SpotifyPort;
  readonly finder: SpotifyTrackFinder;
  readonly checkpoints: SyncCheckpointRepository;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface RestoreOptions {
  /** The playlist to bring to the source's contents; default a new one (or the one an earlier restore made). */
  readonly to?: string;
  readonly dryRun: boolean;
}

export interface RestoreReport {
  readonly source: { readonly file: string; readonly name: string; readonly items: number };
  /** `null` in a dry run that would create the playlist. */
  readonly playlistId: string | null;
  /** created: a new playlist; updated: --to or the playlist an earlier restore made. */
  readonly action: 'created' | 'updated';
  readonly dryRun: boolean;
  readonly restored: number;
  readonly unrestored: readonly UnrestoredItem[];
  /** Episodes, unavailable items and local files of the playlist the source does not hold: kept where they are. */
  readonly leftInPlace: readonly LeftInPlace[];
  readonly counts: PlaylistUpdateCounts;
  readonly writeCalls: number;
  /** Plans made: more than 1 when someone changed the playlist while it was written. */
  readonly attempts: number;
}

const NEW_PLAYLIST_ID = '(new)';

export class RestorePlaylist {
  constructor(private readonly deps: RestorePlaylistDeps) {}

  /**
   * A dry run and a real run share everything up to the first write: the same resolution (every URI
   * checked with Spotify) and the same plan. A source none of whose items can be placed is refused
   * before anything is created or changed.
   */
  async run(source: RestoreSource, options: RestoreOptions): Promise<RestoreReport> {
    const existing = await this.targetPlaylist(source, options.to);
    const resolved = await this.resolve(source, existing);
    if (source.items.length > 0 && resolved.uris.length === 0) throw nothingPlaced(source, resolved);
    const action = existing === null ? 'created' : 'updated';
    if (options.dryRun) {
      const plan = await this.sync(existing ?? emptyPlaylist(source), resolved, {
        dryRun: true,
        fresh: false,
      });
      return report(source, existing === null ? null : existing.id, action, resolved, plan, true);
    }
    // A playlist read before the resolution may have changed since; one just created has not.
    const playlist = existing ?? (await this.create(source));
    const synced = await this.sync(playlist, resolved, { dryRun: false, fresh: existing === null });
    return report(source, playlist.id, action, resolved, synced, false);
  }

  /** Never a full replace, and an empty source may empty the playlist: the backup says so. */
  private sync(
    playlist: SpotifyPlaylist,
    resolved: ResolvedItems,
    options: { readonly dryRun: boolean; readonly fresh: boolean },
  ): Promise<SpotifySyncResult> {
    return syncSpotifyPlaylist(this.deps.spotify, {
      playlistId: playlist.id,
      target: resolved.uris,
      label: (uri) => uri,
      allowAddedAtLoss: false,
      dryRun: options.dryRun,
      allowEmpty: true,
      known: { playlist, fresh: options.fresh },
    });
  }

  private resolve(source: RestoreSource, playlist: SpotifyPlaylist | null): Promise<ResolvedItems> {
    const present = new Map<string, number>();
    for (const entry of playlist?.entries ?? []) {
      if (entry.uri !== null) present.set(entry.uri, (present.get(entry.uri) ?? 0) + 1);
    }
    const { finder, spotify, progress } = this.deps;
    return resolveRestoreItems(source.items, { finder, spotify, progress }, present);
  }

  /** --to, else the playlist an earlier restore of the same source made (if it is still there). */
  private async targetPlaylist(
    source: RestoreSource,
    to: string | undefined,
  ): Promise<SpotifyPlaylist | null> {
    if (to !== undefined) return this.deps.spotify.getPlaylist(playlistIdOf(to));
    const remembered = (await this.deps.checkpoints.get(source.key))?.cursor ?? null;
    if (remembered === null) return null;
    try {
      return await this.deps.spotify.getPlaylist(remembered);
    } catch (error) {
      const gone =
        error instanceof NotFoundError ||
        (isNaradaError(error) && error.code === 'SPOTIFY.PLAYLIST_NOT_YOURS');
      if (gone) return null;
      throw error;
    }
  }

  private async create(source: RestoreSource): Promise<SpotifyPlaylist> {
    const summary = await this.deps.spotify.createPlaylist({
      name: source.name,
      ...(source.description === null ? {} : { description: source.description }),
      isPublic: source.isPublic ?? false,
      collaborative: source.collaborative,
    });
    await this.deps.checkpoints.put({
      key: source.key,
      cursor: summary.id,
      state: { file: source.file, name: source.name },
      updatedAt: this.deps.clock.now(),
    });
    return { ...summary, entries: [] };
  }
}

function emptyPlaylist(source: RestoreSource): SpotifyPlaylist {
  return {
    id: NEW_PLAYLIST_ID,
    name: source.name,
    description: source.description,
    ownerId: '',
    ownerName: null,
    isPublic: source.isPublic,
    collaborative: source.collaborative,
    snapshotId: '',
    itemCount: 0,
    entries: [],
  };
}

function report(
  source: RestoreSource,
  playlistId: string | null,
  action: 'created' | 'updated',
  resolved: ResolvedItems,
  synced: SpotifySyncResult,
  dryRun: boolean,
): RestoreReport {
  return {
    source: { file: source.file, name: source.name, items: source.items.length },
    playlistId,
    action,
    dryRun,
    restored: resolved.uris.length,
    unrestored: resolved.unrestored,
    leftInPlace: synced.leftInPlace,
    counts: synced.counts,
    writeCalls: synced.writeCalls,
    attempts: synced.attempts,
  };
}

/** Why nothing of a non-empty source can be placed, with the first item's reason as the example. */
function nothingPlaced(source: RestoreSource, resolved: ResolvedItems): NaradaError {
  const n = source.items.length;
  const first = resolved.unrestored[0];
  const example =
    first === undefined
      ? ''
      : ` (#${first.position + 1} ${first.artists.join(', ') || '?'} – ${first.name ?? '?'}: ${first.reason})`;
  return new NaradaError(
    'PLAYLIST.NOTHING_TO_RESTORE',
    `${source.file}: none of the ${n} item${n === 1 ? '' : 's'} of "${source.name}" could be found on Spotify${example}; no playlist was created or changed`,
    'failure',
    {
      details: { file: source.file, playlist: source.name, items: n, unrestored: resolved.unrestored.length },
    },
  );
}
