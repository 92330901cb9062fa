// `narada playlist restore`: recreates a backed-up (or exported) playlist as a new Spotify playlist, or
// brings the --to playlist to it with the differential update so kept items keep their added_at. The
// playlist a restore creates is remembered, so restoring again updates it and writes nothing new.
import type { Clock } from '../../ports/clock.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyPlaylist, SpotifyPort } from '../../ports/spotify.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { NotFoundError } from '../../ports/upstream-errors.js';
import type { RestoreSource } from '../../../domain/backup/restore-source.js';
import type { PlaylistUpdateCounts } from '../../../domain/playlist/playlist-diff.js';
import { isNaradaError, NaradaError } from '../../../domain/shared/errors.js';
import type { ApplyPlaylistPlan, AppliedPlaylistPlan } from '../../playlist/apply-playlist-plan.js';
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
  readonly apply: ApplyPlaylistPlan;
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
  readonly counts: PlaylistUpdateCounts;
  readonly writeCalls: number;
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
      const plan = await this.deps.apply.run(existing?.id ?? NEW_PLAYLIST_ID, resolved.uris, {
        dryRun: true,
        current: existing ?? emptyPlaylist(source),
      });
      return report(source, existing === null ? null : existing.id, action, resolved, plan);
    }
    const playlist = existing ?? (await this.create(source));
    const applied = await this.deps.apply.run(playlist.id, resolved.uris, { current: playlist });
    return report(source, playlist.id, action, resolved, applied);
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
  applied: AppliedPlaylistPlan,
): RestoreReport {
  return {
    source: { file: source.file, name: source.name, items: source.items.length },
    playlistId,
    action,
    dryRun: applied.dryRun,
    restored: resolved.uris.length,
    unrestored: resolved.unrestored,
    counts: applied.counts,
    writeCalls: applied.writeCalls,
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
