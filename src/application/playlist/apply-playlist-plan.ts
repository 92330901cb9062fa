// Brings a Spotify playlist to a target list of URIs with the differential planner: removes, moves
// and adds that keep every staying item's added_at, each write passing the snapshot id the previous
// one returned. The result is read back; if someone changed the playlist meanwhile it is re-planned.
import type { SpotifyPlaylist, SpotifyPort } from '../ports/spotify.port.js';
import {
  choosePlaylistUpdate,
  planPlaylistUpdate,
  type PlaylistUpdateCounts,
} from '../../domain/playlist/playlist-diff.js';
import type { PlaylistEntry, PlaylistOperation } from '../../domain/playlist/playlist-operation.js';
import { NaradaError } from '../../domain/shared/errors.js';

export interface ApplyPlaylistPlanOptions {
  /** Plan only: no write is sent. */
  readonly dryRun?: boolean;
  /** The playlist as just read (saves reading it again). */
  readonly current?: SpotifyPlaylist;
  /** Allow a full replace when it takes fewer calls, although kept items then lose their added_at. */
  readonly allowAddedAtLoss?: boolean;
}

export interface AppliedPlaylistPlan {
  readonly playlistId: string;
  readonly dryRun: boolean;
  readonly strategy: 'differential' | 'replace';
  /** Of the first plan, against the playlist as it was. */
  readonly counts: PlaylistUpdateCounts;
  readonly operations: readonly PlaylistOperation[];
  /** Write requests sent, re-plans included (0 in a dry run). */
  readonly writeCalls: number;
  /** Times the playlist had changed under us and was planned again. */
  readonly replans: number;
  readonly snapshotId: string;
}

/** Plans after the first when the read-back differs from the target. */
const MAX_REPLANS = 2;
/** Entries Spotify gives no URI cannot be named in a write; they stay, moved to the end. */
const NO_URI = '\u0000no-uri:';

export class ApplyPlaylistPlan {
  constructor(private readonly deps: { readonly spotify: SpotifyPort }) {}

  async run(
    playlistId: string,
    target: readonly string[],
    options: ApplyPlaylistPlanOptions = {},
  ): Promise<AppliedPlaylistPlan> {
    const { spotify } = this.deps;
    let playlist = options.current ?? (await spotify.getPlaylist(playlistId));
    let first: {
      counts: PlaylistUpdateCounts;
      operations: readonly PlaylistOperation[];
      strategy: 'differential' | 'replace';
    } | null = null;
    let writeCalls = 0;
    for (let attempt = 0; attempt <= MAX_REPLANS; attempt++) {
      const entries = plannerEntries(playlist);
      const fullTarget = [...target, ...entries.filter((e) => e.uri.startsWith(NO_URI)).map((e) => e.uri)];
      const plan = planPlaylistUpdate(entries, fullTarget);
      const choice = choosePlaylistUpdate(plan, { allowAddedAtLoss: options.allowAddedAtLoss ?? false });
      first ??= { counts: plan.counts, operations: choice.operations, strategy: choice.strategy };
      if (options.dryRun === true || choice.operations.length === 0) {
        return {
          playlistId,
          dryRun: options.dryRun === true,
          ...first,
          writeCalls,
          replans: attempt,
          snapshotId: playlist.snapshotId,
        };
      }
      await this.execute(playlistId, choice.operations, playlist.snapshotId);
      writeCalls += choice.operations.length;
      playlist = await spotify.getPlaylist(playlistId);
      if (sameUris(playlist, target)) {
        return {
          playlistId,
          dryRun: false,
          ...first,
          writeCalls,
          replans: attempt,
          snapshotId: playlist.snapshotId,
        };
      }
    }
    throw new NaradaError(
      'PLAYLIST.KEPT_CHANGING',
      `Spotify playlist ${playlistId} kept changing while Narada updated it (someone else is editing it); run again when it is quiet`,
      'failure',
      { retryable: true, details: { playlistId, writeCalls } },
    );
  }

  private async execute(
    playlistId: string,
    operations: readonly PlaylistOperation[],
    snapshot: string,
  ): Promise<void> {
    const { spotify } = this.deps;
    let snapshotId = snapshot;
    for (const operation of operations) {
      switch (operation.kind) {
        case 'remove':
          snapshotId =
            (await spotify.removePlaylistItems(playlistId, operation.uris, { snapshotId })) ?? snapshotId;
          break;
        case 'move':
          snapshotId = await spotify.reorderPlaylistItems(playlistId, {
            rangeStart: operation.rangeStart,
            rangeLength: operation.rangeLength,
            insertBefore: operation.insertBefore,
            snapshotId,
          });
          break;
        case 'add':
          snapshotId =
            (await spotify.addPlaylistItems(playlistId, operation.uris, { position: operation.position })) ??
            snapshotId;
          break;
        case 'replace':
          snapshotId = await spotify.replacePlaylistItems(playlistId, operation.uris);
          break;
      }
    }
  }
}

function plannerEntries(playlist: SpotifyPlaylist): PlaylistEntry[] {
  return playlist.entries.map((entry) => ({
    uri: entry.uri ?? `${NO_URI}${entry.position}`,
    addedAt: entry.addedAt,
  }));
}

function sameUris(playlist: SpotifyPlaylist, target: readonly string[]): boolean {
  const uris = playlist.entries.flatMap((entry) => (entry.uri === null ? [] : [entry.uri]));
  return uris.length === target.length && uris.every((uri, index) => uri === target[index]);
}
