// Brings a Spotify playlist to a target list of URIs, for `narada playlist restore` and the workflow
// destinations alike: the differential plan (kept items keep their added_at) written in batches of
// 100 with snapshot ids chained, a snapshot check of an earlier read before writing, and a read-back
// after. A playlist someone else changes meanwhile is re-planned, a bounded number of times.
import {
  choosePlaylistUpdate,
  planPlaylistUpdate,
  type PlaylistUpdateCounts,
} from '../../domain/playlist/playlist-diff.js';
import type { PlaylistOperation } from '../../domain/playlist/playlist-operation.js';
import { reachedTarget, syncTarget, type SyncTarget } from '../../domain/playlist/playlist-sync-target.js';
import { NaradaError } from '../../domain/shared/errors.js';
import type { SpotifyPlaylist, SpotifyPlaylistEntry, SpotifyPort } from '../ports/spotify.port.js';
import { UpstreamError } from '../ports/upstream-errors.js';
import { planChange, type PlaylistChange } from './playlist-change.js';
import { emptyingRefused, wouldEmpty } from './playlist-write.js';

/** Plans made before Narada gives up on a playlist that keeps changing under it. */
const MAX_PLANS = 3;

export interface SpotifySyncRequest {
  readonly playlistId: string;
  /** The items the playlist should hold, in order. */
  readonly target: readonly string[];
  /** A readable name for a target URI, for the report. */
  readonly label: (uri: string) => string;
  /** Let a full replace run when it needs fewer calls, though every item then loses its added_at. */
  readonly allowAddedAtLoss: boolean;
  readonly dryRun: boolean;
  /** Let a plan that removes every item of the playlist run; else it is refused before any write. */
  readonly allowEmpty: boolean;
  /**
   * The playlist as the caller already read it. Unless `fresh` (read just now, or just created), its
   * snapshot id is checked before anything is written, since a read made earlier may be stale.
   */
  readonly known?: { readonly playlist: SpotifyPlaylist; readonly fresh: boolean };
}

/** An item of the playlist the target does not name but the sync must not drop; it stays where it is. */
export interface LeftInPlace {
  readonly position: number;
  readonly kind: 'episode' | 'unavailable' | 'local';
  readonly label: string;
}

export interface SpotifySyncResult {
  readonly playlist: { readonly id: string; readonly name: string };
  /** The plan carried out (the last one, against the freshest read), in words and numbers. */
  readonly change: PlaylistChange;
  readonly counts: PlaylistUpdateCounts;
  /** Plans made: 1, or more when the playlist changed under us. */
  readonly attempts: number;
  /** Write requests sent, re-plans included (0 in a dry run). */
  readonly writeCalls: number;
  readonly snapshotId: string;
  /** Local files in the target that the playlist lacks: Spotify's API cannot add them. */
  readonly localFilesLeftOut: number;
  readonly leftInPlace: readonly LeftInPlace[];
  /** The plan removes every item the playlist has (only ever applied with `allowEmpty`). */
  readonly wouldEmpty: boolean;
}

export async function syncSpotifyPlaylist(
  spotify: SpotifyPort,
  request: SpotifySyncRequest,
): Promise<SpotifySyncResult> {
  let current = request.known?.playlist ?? (await spotify.getPlaylist(request.playlistId));
  let checked = request.known?.fresh ?? true;
  let writeCalls = 0;
  for (let attempt = 1; attempt <= MAX_PLANS; attempt++) {
    const planned = plan(current, request);
    const result = { ...planned.result, attempts: attempt, writeCalls, snapshotId: current.snapshotId };
    if (request.dryRun) return result;
    // A read made earlier in the run may be stale, even when it says there is nothing to do.
    if (!checked && (await changedSince(spotify, current))) {
      current = await spotify.getPlaylist(request.playlistId);
      checked = true;
      continue;
    }
    if (planned.operations.length === 0) return result;
    if (planned.result.wouldEmpty && !request.allowEmpty) {
      throw emptyingRefused('spotify', current.name, planned.sync.itemsNow);
    }
    const written = await write(spotify, current, planned.operations);
    writeCalls += written.sent;
    const readBack = await spotify.getPlaylist(request.playlistId);
    if (written.refused !== null && readBack.snapshotId === written.snapshotId) {
      // Spotify refused a write to a playlist nobody else touched: not a conflict, so no retry.
      throw written.refused;
    }
    if (written.refused === null && reachedTarget(urisOf(readBack), planned.sync.target)) {
      return { ...result, writeCalls, snapshotId: readBack.snapshotId };
    }
    current = readBack;
    checked = true;
  }
  throw new NaradaError(
    'PLAYLIST.KEPT_CHANGING',
    `Spotify playlist "${current.name}" kept changing while Narada updated it (someone else is editing it): ` +
      `${MAX_PLANS} plans in a row were overtaken, and Narada stopped. Run the same command again when nobody else is editing the playlist.`,
    'failure',
    { retryable: true, details: { playlistId: current.id, writeCalls } },
  );
}

function plan(
  current: SpotifyPlaylist,
  request: SpotifySyncRequest,
): {
  sync: SyncTarget;
  operations: readonly PlaylistOperation[];
  result: Omit<SpotifySyncResult, 'attempts' | 'writeCalls' | 'snapshotId'>;
} {
  const sync = syncTarget(
    current.entries.map((entry) => ({
      uri: entry.uri,
      addedAt: entry.addedAt,
      protected: entry.kind !== 'track',
    })),
    request.target,
  );
  const updatePlan = planPlaylistUpdate(sync.entries, sync.target);
  // A replace would drop (or re-date) the items left in place, which the caller never asked about.
  const chosen = choosePlaylistUpdate(updatePlan, {
    allowAddedAtLoss: request.allowAddedAtLoss && sync.leftInPlace.length === 0,
  });
  const labels = new Map(
    sync.entries.map((entry, index) => [entry.uri, entryLabel(current.entries[index]!)]),
  );
  const label = (uri: string): string => labels.get(uri) ?? request.label(uri);
  const currentUris = sync.entries.map((entry) => entry.uri);
  return {
    sync,
    operations: chosen.operations,
    result: {
      playlist: { id: current.id, name: current.name },
      change: planChange(updatePlan, chosen, { current: currentUris, target: sync.target, label }),
      counts: updatePlan.counts,
      localFilesLeftOut: sync.localFilesLeftOut,
      leftInPlace: sync.leftInPlace.map((index) => leftInPlace(current.entries[index]!)),
      wouldEmpty: wouldEmpty(sync.itemsNow, sync.itemsAfter),
    },
  };
}

function leftInPlace(entry: SpotifyPlaylistEntry): LeftInPlace {
  // Only entries that are not plain tracks are ever left in place.
  const kind = entry.kind as LeftInPlace['kind'];
  return { position: entry.position, kind, label: entryLabel(entry) };
}

function entryLabel(entry: SpotifyPlaylistEntry): string {
  switch (entry.kind) {
    case 'track':
      return `${entry.track.artists[0] ?? 'Unknown artist'} – ${entry.track.title}`;
    case 'local':
      return `${entry.track.artists[0] ?? 'Unknown artist'} – ${entry.track.title} (local file)`;
    case 'episode':
      return `${entry.episode.show ?? 'Podcast'} – ${entry.episode.title}`;
    case 'unavailable':
      return `(unavailable item ${entry.uri ?? `at ${entry.position + 1}`})`;
  }
}

function urisOf(playlist: SpotifyPlaylist): string[] {
  return playlist.entries.flatMap((entry) => (entry.uri === null ? [] : [entry.uri]));
}

/** Whether the playlist's snapshot moved on since `read`; one listing call, else a full read. */
async function changedSince(spotify: SpotifyPort, read: SpotifyPlaylist): Promise<boolean> {
  const listed = (await spotify.listMyPlaylists()).find((summary) => summary.id === read.id);
  const snapshot = listed?.snapshotId ?? (await spotify.getPlaylist(read.id)).snapshotId;
  return snapshot !== read.snapshotId;
}

/**
 * Sends the operations in order, each passing the snapshot id the previous one returned. A 400 (a
 * position or range the playlist no longer has) stops the sequence and is returned, not thrown, with
 * the snapshot id the last accepted write left: the caller tells a conflict from a plain refusal.
 */
async function write(
  spotify: SpotifyPort,
  playlist: SpotifyPlaylist,
  operations: readonly PlaylistOperation[],
): Promise<{ sent: number; snapshotId: string; refused: UpstreamError | null }> {
  let snapshotId = playlist.snapshotId;
  let sent = 0;
  try {
    for (const operation of operations) {
      sent += 1;
      snapshotId = (await send(spotify, playlist.id, operation, snapshotId)) ?? snapshotId;
    }
  } catch (error) {
    if (!(error instanceof UpstreamError && error.status === 400)) throw error;
    return { sent, snapshotId, refused: error };
  }
  return { sent, snapshotId, refused: null };
}

function send(
  spotify: SpotifyPort,
  playlistId: string,
  operation: PlaylistOperation,
  snapshotId: string,
): Promise<string | null> {
  switch (operation.kind) {
    case 'remove':
      return spotify.removePlaylistItems(playlistId, operation.uris, { snapshotId });
    case 'move':
      return spotify.reorderPlaylistItems(playlistId, {
        rangeStart: operation.rangeStart,
        rangeLength: operation.rangeLength,
        insertBefore: operation.insertBefore,
        snapshotId,
      });
    case 'add':
      return spotify.addPlaylistItems(playlistId, operation.uris, { position: operation.position });
    case 'replace':
      return spotify.replacePlaylistItems(playlistId, operation.uris);
  }
}
