// Plans the fewest Spotify write calls that turn a playlist into a target list of URIs while
// every item that stays keeps its added_at, and weighs that against a full replace.
import { matchPlaylist, type PlaylistMatching } from './playlist-matching.js';
import { planMoves } from './playlist-moves.js';
import {
  MAX_ITEMS_PER_CALL,
  type AddOperation,
  type DifferentialOperation,
  type MoveOperation,
  type PlaylistEntry,
  type PlaylistOperation,
  type RemoveOperation,
} from './playlist-operation.js';

export interface PlaylistUpdateCounts {
  /** Current items that stay and keep their added_at. */
  readonly kept: number;
  /** Items inserted (new URIs and re-added copies). */
  readonly added: number;
  /** Current items deleted (dropped URIs and every copy of a URI with surplus copies). */
  readonly removed: number;
  /** Kept items that change place; the fewest possible (kept − longest common subsequence). */
  readonly moved: number;
  /** Items of URIs that stay in the target but are deleted and re-added, losing their added_at. */
  readonly reAdded: number;
  readonly removeCalls: number;
  readonly addCalls: number;
  readonly moveCalls: number;
  readonly writeCalls: number;
}

/** The other way: `PUT` the first 100 URIs, then append the rest; every added_at is lost. */
export interface ReplacePlan {
  readonly operations: readonly PlaylistOperation[];
  readonly writeCalls: number;
}

export interface PlaylistUpdatePlan {
  /** Removes, then moves, then adds; each index is valid against the playlist at that moment. */
  readonly operations: readonly DifferentialOperation[];
  readonly counts: PlaylistUpdateCounts;
  /**
   * URIs the current playlist holds more often than the target: Spotify removes every copy, so
   * they are re-added in the target count and those items lose their added_at.
   */
  readonly reAddedUris: readonly string[];
  readonly replace: ReplacePlan;
  readonly cheaper: 'differential' | 'replace' | 'equal';
}

export interface PlaylistUpdateChoice {
  readonly strategy: 'differential' | 'replace';
  readonly operations: readonly PlaylistOperation[];
  readonly writeCalls: number;
}

/** Plans the differential update of `current` (in playlist order) to exactly `target`. */
export function planPlaylistUpdate(
  current: readonly PlaylistEntry[],
  target: readonly string[],
): PlaylistUpdatePlan {
  const matching = matchPlaylist(
    current.map((entry) => entry.uri),
    target,
  );
  const removes = planRemoves(matching.removeUris);
  const moves = planMoves(matching.targetSlotOfKept, matching.staysOfKept, MAX_ITEMS_PER_CALL);
  const adds = planAdds(target, matching.addedSlots);
  const operations: DifferentialOperation[] = [...removes, ...moves, ...adds];
  const replace = planReplace(target);
  const counts = countPlan(current, target, matching, { removes, moves, adds });
  const cheaper =
    replace.writeCalls < operations.length
      ? 'replace'
      : replace.writeCalls > operations.length
        ? 'differential'
        : 'equal';
  return { operations, counts, reAddedUris: matching.reAddedUris, replace, cheaper };
}

/**
 * Picks the operations to run: the differential plan, unless a replace needs fewer calls and
 * either the caller accepts losing added_at or nothing would keep it anyway.
 */
export function choosePlaylistUpdate(
  plan: PlaylistUpdatePlan,
  options: { readonly allowAddedAtLoss: boolean },
): PlaylistUpdateChoice {
  const replaceLosesNothing = plan.counts.kept === 0;
  if (plan.cheaper === 'replace' && (options.allowAddedAtLoss || replaceLosesNothing)) {
    return { strategy: 'replace', operations: plan.replace.operations, writeCalls: plan.replace.writeCalls };
  }
  return { strategy: 'differential', operations: plan.operations, writeCalls: plan.operations.length };
}

/** A full replace of the playlist with `target`, in batches Spotify accepts. */
export function planReplace(target: readonly string[]): ReplacePlan {
  const operations: PlaylistOperation[] = [{ kind: 'replace', uris: target.slice(0, MAX_ITEMS_PER_CALL) }];
  for (let start = MAX_ITEMS_PER_CALL; start < target.length; start += MAX_ITEMS_PER_CALL) {
    operations.push({ kind: 'add', uris: target.slice(start, start + MAX_ITEMS_PER_CALL), position: start });
  }
  return { operations, writeCalls: operations.length };
}

function planRemoves(uris: readonly string[]): RemoveOperation[] {
  const removes: RemoveOperation[] = [];
  for (let start = 0; start < uris.length; start += MAX_ITEMS_PER_CALL) {
    removes.push({ kind: 'remove', uris: uris.slice(start, start + MAX_ITEMS_PER_CALL) });
  }
  return removes;
}

/**
 * Once the kept items are in target order, inserting in ascending target position makes every
 * prefix match the target, so each run of consecutive new items goes in at its target index.
 */
function planAdds(target: readonly string[], addedSlots: Uint8Array): AddOperation[] {
  const adds: AddOperation[] = [];
  let slot = 0;
  while (slot < target.length) {
    if (addedSlots[slot] !== 1) {
      slot++;
      continue;
    }
    let end = slot;
    while (end < target.length && addedSlots[end] === 1 && end - slot < MAX_ITEMS_PER_CALL) end++;
    adds.push({ kind: 'add', uris: target.slice(slot, end), position: slot });
    slot = end;
  }
  return adds;
}

function countPlan(
  current: readonly PlaylistEntry[],
  target: readonly string[],
  matching: PlaylistMatching,
  calls: {
    removes: readonly RemoveOperation[];
    moves: readonly MoveOperation[];
    adds: readonly AddOperation[];
  },
): PlaylistUpdateCounts {
  const kept = matching.keptIndices.length;
  const reAddedSet = new Set(matching.reAddedUris);
  return {
    kept,
    added: target.length - kept,
    removed: current.length - kept,
    moved: calls.moves.reduce((sum, move) => sum + move.rangeLength, 0),
    reAdded: target.filter((uri) => reAddedSet.has(uri)).length,
    removeCalls: calls.removes.length,
    addCalls: calls.adds.length,
    moveCalls: calls.moves.length,
    writeCalls: calls.removes.length + calls.moves.length + calls.adds.length,
  };
}
