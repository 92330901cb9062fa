// What a playlist sync aims at: the caller's target list, plus the current items it must not drop
// (episodes, unavailable items, local files the target does not name), each left at its index.
import type { EpochMs } from '../values/time.js';
import type { PlaylistEntry } from './playlist-operation.js';

/** An item of the playlist as it is now. */
export interface CurrentItem {
  /** `null` when Spotify gives the entry no URI (an unavailable item). */
  readonly uri: string | null;
  readonly addedAt: EpochMs | null;
  /**
   * An item a sync must not delete unless the target names it: a podcast episode or unavailable
   * item (a workflow never sees them), or a local file (Spotify's API cannot add it back).
   */
  readonly protected: boolean;
}

export interface SyncTarget {
  /** The current playlist as the planner sees it: an entry without URI gets a placeholder. */
  readonly entries: readonly PlaylistEntry[];
  /** The playlist to reach: the addable target with the protected items at their indices. */
  readonly target: readonly string[];
  /** Indices (into the current playlist) of the protected items the target does not name. */
  readonly leftInPlace: readonly number[];
  /** Local files in the target that the playlist lacks: Spotify's API cannot add them. */
  readonly localFilesLeftOut: number;
  /** Items of the current playlist that are not left in place (what the target replaces). */
  readonly itemsNow: number;
  /** Items of the target the caller asked for that can be placed. */
  readonly itemsAfter: number;
}

const LOCAL = 'spotify:local:';
/** Stands in for an entry without URI; kept where it is, never sent to Spotify. */
const PLACEHOLDER = 'narada:unavailable:';

export function isPlaceholder(uri: string): boolean {
  return uri.startsWith(PLACEHOLDER);
}

export function isLocalFile(uri: string): boolean {
  return uri.startsWith(LOCAL);
}

export function syncTarget(current: readonly CurrentItem[], wanted: readonly string[]): SyncTarget {
  const entries = current.map((item, index) => ({
    uri: item.uri ?? `${PLACEHOLDER}${index}`,
    addedAt: item.addedAt,
  }));
  // A local file can only be kept, never added: the target gets at most the copies there are now.
  const localLeft = countOf(entries.map((entry) => entry.uri).filter(isLocalFile));
  const addable = wanted.filter((uri) => !isLocalFile(uri) || take(localLeft, uri));
  // Spotify removes every copy of a URI, so a protected item is only placed while the target names
  // it; copies beyond that stay where they are instead of being removed and re-added (or lost).
  const named = countOf(addable);
  const leftInPlace = current.flatMap((item, index) =>
    item.protected && (item.uri === null || !take(named, item.uri)) ? [index] : [],
  );
  // Ascending indices: each insert lands at its index, later ones never shift earlier ones.
  const target = [...addable];
  for (const index of leftInPlace) target.splice(Math.min(index, target.length), 0, entries[index]!.uri);
  return {
    entries,
    target,
    leftInPlace,
    localFilesLeftOut: wanted.length - addable.length,
    itemsNow: current.length - leftInPlace.length,
    itemsAfter: addable.length,
  };
}

function countOf(uris: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const uri of uris) counts.set(uri, (counts.get(uri) ?? 0) + 1);
  return counts;
}

/** Takes one of `uri`'s remaining count; false when none is left. */
function take(counts: Map<string, number>, uri: string): boolean {
  const left = counts.get(uri) ?? 0;
  if (left > 0) counts.set(uri, left - 1);
  return left > 0;
}

/** Whether `uris` (a playlist read back, in order, entries without URI left out) is the target. */
export function reachedTarget(uris: readonly string[], target: readonly string[]): boolean {
  const expected = target.filter((uri) => !isPlaceholder(uri));
  return uris.length === expected.length && uris.every((uri, index) => uri === expected[index]);
}
