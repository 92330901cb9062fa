// Brings a Spotify playlist to a target list of URIs with the differential plan (kept items keep
// their added_at), chaining snapshot ids. A playlist that changed since it was read is read again and
// re-planned, a bounded number of times; then Narada stops and says so. In a dry run it only plans; a
// plan that would remove every track is refused before any write unless emptying was allowed.
import { NaradaError } from '../../../domain/shared/errors.js';
import { choosePlaylistUpdate, planPlaylistUpdate } from '../../../domain/playlist/playlist-diff.js';
import type { PlaylistEntry, PlaylistOperation } from '../../../domain/playlist/playlist-operation.js';
import { UpstreamError } from '../../ports/upstream-errors.js';
import type { SpotifyPlaylist, SpotifyPlaylistEntry, SpotifyPort } from '../../ports/spotify.port.js';
import { planChange, type PlaylistChange } from './playlist-change.js';
import { emptyingRefused, wouldEmpty } from './playlist-write.js';

const MAX_ATTEMPTS = 3;

export interface SpotifySyncRequest {
  readonly playlistId: string;
  /** The tracks the playlist should hold, in order. */
  readonly target: readonly string[];
  /** A readable name for a target URI, for the report. */
  readonly label: (uri: string) => string;
  /** Let a full replace run when it needs fewer calls, though every item then loses its added_at. */
  readonly allowAddedAtLoss: boolean;
  readonly dryRun: boolean;
  /** Let a plan that removes every track of the playlist run (`--allow-empty`); else it is refused. */
  readonly allowEmpty: boolean;
  /** The playlist as this run already read it; it is checked for changes before anything is written. */
  readonly known?: SpotifyPlaylist;
}

export interface SpotifySyncResult {
  readonly playlist: { readonly id: string; readonly name: string };
  readonly change: PlaylistChange;
  /** Plans made: 1, or more when the playlist changed under us. */
  readonly attempts: number;
  readonly snapshotId: string | null;
  /** Local files in the target that the playlist lacks: Spotify's API cannot add them. */
  readonly localFilesLeftOut: number;
  /** The plan removes every track the playlist has (only ever applied with `allowEmpty`). */
  readonly wouldEmpty: boolean;
}

export async function syncSpotifyPlaylist(
  spotify: SpotifyPort,
  request: SpotifySyncRequest,
): Promise<SpotifySyncResult> {
  let current = request.known ?? (await spotify.getPlaylist(request.playlistId));
  let freshlyRead = request.known === undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { entries, untouched, labels } = plannerInput(current.entries);
    const present = new Set(entries.map((entry) => entry.uri));
    // Spotify's API cannot add local files; one already in the playlist can stay and move.
    const addable = request.target.filter((uri) => !uri.startsWith(LOCAL) || present.has(uri));
    const target = [...addable, ...untouched];
    const plan = planPlaylistUpdate(entries, target);
    const placeholders = entries.some((entry) => entry.uri.startsWith(PLACEHOLDER));
    const chosen = choosePlaylistUpdate(plan, {
      allowAddedAtLoss: request.allowAddedAtLoss && !placeholders,
    });
    const label = (uri: string): string => labels.get(uri) ?? request.label(uri);
    const change = planChange(plan, chosen, { current: entries.map((entry) => entry.uri), target, label });
    const tracksNow = entries.length - untouched.length;
    const empties = wouldEmpty(tracksNow, addable.length);
    const result = {
      playlist: { id: current.id, name: current.name },
      change,
      attempts: attempt,
      localFilesLeftOut: request.target.length - addable.length,
      wouldEmpty: empties,
    };
    if (request.dryRun) return { ...result, snapshotId: current.snapshotId };
    // A read made earlier in the run may be stale, even when it says there is nothing to do.
    if (!freshlyRead && (await changedSince(spotify, current))) {
      current = await spotify.getPlaylist(request.playlistId);
      freshlyRead = true;
      continue;
    }
    if (chosen.operations.length === 0) return { ...result, snapshotId: current.snapshotId };
    if (empties && !request.allowEmpty) throw emptyingRefused('spotify', current.name, tracksNow);
    try {
      return { ...result, snapshotId: await apply(spotify, current, chosen.operations) };
    } catch (error) {
      // A 400 on a positional write means the playlist is not what the plan assumed.
      if (!(error instanceof UpstreamError && error.status === 400)) throw error;
      current = await spotify.getPlaylist(request.playlistId);
      freshlyRead = true;
    }
  }
  throw new NaradaError(
    'WORKFLOW.PLAYLIST_CHANGED',
    `Playlist "${current.name}" changed while Narada was updating it, ${MAX_ATTEMPTS} times in a row; ` +
      'Narada stopped. Run the workflow again when nobody else is editing the playlist.',
    'failure',
    { retryable: true, details: { playlistId: current.id } },
  );
}

const LOCAL = 'spotify:local:';

/** Stands in for an entry Spotify gives no URI (unavailable); kept in place, never sent to Spotify. */
const PLACEHOLDER = 'narada:unavailable:';

/**
 * The planner's view of the current playlist. Podcast episodes and unavailable items are not in the
 * workflow's track list; they are kept (after the tracks) rather than deleted by a workflow that
 * could not see them.
 */
function plannerInput(current: readonly SpotifyPlaylistEntry[]): {
  entries: PlaylistEntry[];
  untouched: string[];
  labels: Map<string, string>;
} {
  const labels = new Map<string, string>();
  const untouched: string[] = [];
  const entries = current.map((entry) => {
    const uri = entry.uri ?? `${PLACEHOLDER}${entry.position}`;
    labels.set(uri, entryLabel(entry));
    if (entry.kind === 'episode' || entry.kind === 'unavailable') untouched.push(uri);
    return { uri, addedAt: entry.addedAt };
  });
  return { entries, untouched, labels };
}

function entryLabel(entry: SpotifyPlaylistEntry): string {
  switch (entry.kind) {
    case 'track':
    case 'local':
      return `${entry.track.artists[0] ?? 'Unknown artist'} – ${entry.track.title}`;
    case 'episode':
      return `${entry.episode.show ?? 'Podcast'} – ${entry.episode.title}`;
    case 'unavailable':
      return `(unavailable item ${entry.uri ?? `at ${entry.position + 1}`})`;
  }
}

/** Whether the playlist's snapshot moved on since `read`; one listing call, else a full read. */
async function changedSince(spotify: SpotifyPort, read: SpotifyPlaylist): Promise<boolean> {
  const listed = (await spotify.listMyPlaylists()).find((summary) => summary.id === read.id);
  const snapshot = listed?.snapshotId ?? (await spotify.getPlaylist(read.id)).snapshotId;
  return snapshot !== read.snapshotId;
}

async function apply(
  spotify: SpotifyPort,
  playlist: SpotifyPlaylist,
  operations: readonly PlaylistOperation[],
): Promise<string> {
  let snapshot = playlist.snapshotId;
  for (const operation of operations) {
    switch (operation.kind) {
      case 'remove':
        snapshot =
          (await spotify.removePlaylistItems(playlist.id, operation.uris, { snapshotId: snapshot })) ??
          snapshot;
        break;
      case 'move':
        snapshot = await spotify.reorderPlaylistItems(playlist.id, {
          rangeStart: operation.rangeStart,
          rangeLength: operation.rangeLength,
          insertBefore: operation.insertBefore,
          snapshotId: snapshot,
        });
        break;
      case 'add':
        snapshot =
          (await spotify.addPlaylistItems(playlist.id, operation.uris, { position: operation.position })) ??
          snapshot;
        break;
      case 'replace':
        snapshot = await spotify.replacePlaylistItems(playlist.id, operation.uris);
        break;
    }
  }
  return snapshot;
}
