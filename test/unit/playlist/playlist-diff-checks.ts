// Independent checks of a playlist update plan: apply it with the Spotify simulator and compare
// with the target, the kept items' identity and the move lower bound (quadratic LCS).
import { expect } from '@jest/globals';
import type { PlaylistUpdatePlan } from '../../../src/domain/playlist/playlist-diff.js';
import {
  applyPlaylistOperations,
  MAX_ITEMS_PER_CALL,
  type PlaylistEntry,
  type PlaylistOperation,
} from '../../../src/domain/playlist/playlist-operation.js';

const NOW = -1;

/** Applies `operations` and asserts the result is exactly `target`; returns the resulting entries. */
export function expectReachesTarget(
  current: readonly PlaylistEntry[],
  target: readonly string[],
  operations: readonly PlaylistOperation[],
): PlaylistEntry[] {
  const result = applyPlaylistOperations(current, operations, NOW);
  expect(result.map((entry) => entry.uri)).toEqual(target);
  const sizes = operations.map((op) => (op.kind === 'move' ? op.rangeLength : op.uris.length));
  expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(MAX_ITEMS_PER_CALL);
  return result;
}

/** The full contract of a differential plan. */
export function expectSoundPlan(
  current: readonly PlaylistEntry[],
  target: readonly string[],
  plan: PlaylistUpdatePlan,
): void {
  const result = expectReachesTarget(current, target, plan.operations);
  const originals = new Set<PlaylistEntry>(current);
  const survivors = result.filter((entry) => originals.has(entry));
  expect(survivors).toHaveLength(plan.counts.kept);
  expect(result.length - survivors.length).toBe(plan.counts.added);
  expect(plan.counts.removed).toBe(current.length - plan.counts.kept);
  expect(plan.counts.writeCalls).toBe(plan.operations.length);
  expect(expectReachesTarget(current, target, plan.replace.operations)).toHaveLength(target.length);

  // Every URI whose copies all fit in the target keeps all of them (and so their added_at).
  const currentCounts = countByUri(current.map((entry) => entry.uri));
  const targetCounts = countByUri(target);
  const keepable = current.filter(
    (entry) => currentCounts.get(entry.uri)! <= (targetCounts.get(entry.uri) ?? 0),
  );
  expect(plan.counts.kept).toBe(keepable.length);
  // Moves hit the lower bound: every kept item not in a longest common subsequence, and no more.
  const survivorSet = new Set(survivors);
  const keptInCurrentOrder = current.filter((entry) => survivorSet.has(entry)).map((entry) => entry.uri);
  expect(plan.counts.moved).toBe(plan.counts.kept - longestCommonSubsequence(keptInCurrentOrder, target));
}

function countByUri(uris: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of uris) counts.set(u, (counts.get(u) ?? 0) + 1);
  return counts;
}

/** Textbook O(n·m) dynamic programme, deliberately unlike the planner's own algorithm. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const ids = new Map<string, number>();
  const idOf = (u: string): number => ids.get(u) ?? ids.set(u, ids.size).get(u)!;
  const left = Int32Array.from(a, idOf);
  const right = Int32Array.from(b, idOf);
  let previous = new Int32Array(right.length + 1);
  let row = new Int32Array(right.length + 1);
  for (let i = 0; i < left.length; i++) {
    const item = left[i];
    for (let j = 1; j <= right.length; j++) {
      const above = previous[j]!;
      const before = row[j - 1]!;
      row[j] = item === right[j - 1] ? previous[j - 1]! + 1 : above > before ? above : before;
    }
    const finished = row;
    row = previous;
    previous = finished;
  }
  return previous[right.length]!;
}
