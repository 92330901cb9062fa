// `narada playlist restore`: recreates a backed-up (or exported) playlist as a new Spotify playlist, or
// brings the --to playlist to it with the differential update so kept items keep their added_at. The
// playlist a restore creates is remembered, so restoring again updates it and writes nothing new.
import type { Clock } from '../../ports/clock.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyPlaylist, SpotifyPort } from '../../ports/spotify.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { NotFoundError, UpstreamError } from '../../ports/upstream-errors.js';
import type { RestoreSource } from '../../../domain/backup/restore-source.js';
import type { PlaylistUpdateCounts } from '../../../domain/playlist/playlist-diff.js';
import { isNaradaError } from '../../../domain/shared/errors.js';
import type { ApplyPlaylistPlan, AppliedPlaylistPlan } from './apply-playlist-plan.js';
import type { SpotifyTrackFinder } from './find-spotify-track.js';
import { playlistIdOf } from './playlist-ref.js';
import { resolveRestoreItems, type ResolvedItems, type UnrestoredItem } from './restore-items.js';

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

  async run(source: RestoreSource, options: RestoreOptions): Promise<RestoreReport> {
    const existing = await this.targetPlaylist(source, options.to);
    let resolved = await this.resolve(source, existing, false);
    if (options.dryRun) {
      const plan = await this.deps.apply.run(existing?.id ?? NEW_PLAYLIST_ID, resolved.uris, {
        dryRun: true,
        current: existing ?? emptyPlaylist(source),
      });
      return report(
        source,
        existing === null ? null : existing.id,
        existing === null ? 'created' : 'updated',
        resolved,
        plan,
      );
    }
    const playlist = existing ?? (await this.create(source));
    let applied: AppliedPlaylistPlan;
    try {
      applied = await this.deps.apply.run(playlist.id, resolved.uris, { current: playlist });
    } catch (error) {
      // Spotify refuses a whole add when one URI no longer exists: check each, find those again, retry.
      if (!(error instanceof UpstreamError && error.service === 'spotify' && error.status === 400))
        throw error;
      const now = await this.deps.spotify.getPlaylist(playlist.id);
      resolved = await this.resolve(source, now, true);
      applied = await this.deps.apply.run(playlist.id, resolved.uris, { current: now });
    }
    return report(source, playlist.id, existing === null ? 'created' : 'updated', resolved, applied);
  }

  private resolve(
    source: RestoreSource,
    playlist: SpotifyPlaylist | null,
    verify: boolean,
  ): Promise<ResolvedItems> {
    const present = new Map<string, number>();
    for (const entry of playlist?.entries ?? []) {
      if (entry.uri !== null) present.set(entry.uri, (present.get(entry.uri) ?? 0) + 1);
    }
    return resolveRestoreItems(source.items, this.deps.finder, this.deps.progress, { present, verify });
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
