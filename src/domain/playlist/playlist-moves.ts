// Plans the reorder calls that bring the kept items into target order: only items outside the
// longest common subsequence move (the fewest possible), and neighbours that travel together
// move as one range.
import { FenwickTree } from './fenwick-tree.js';
import type { MoveOperation } from './playlist-operation.js';

/**
 * Kept items are numbered by their place in the playlist after the removals. `targetSlot[i]` is
 * where item i ends up in the target and `stays[i]` is 1 when item i does not move. Returns the
 * moves, with indices counted in the playlist as it is before each move.
 */
export function planMoves(
  targetSlot: Int32Array,
  stays: Uint8Array,
  maxRangeLength: number,
): MoveOperation[] {
  const byTarget = itemsInTargetOrder(targetSlot);
  const playlist = new PlaylistPositions(byTarget, stays);
  const moves: MoveOperation[] = [];
  let rank = 0;
  while (rank < byTarget.length) {
    const first = byTarget[rank]!;
    if (stays[first] === 1) {
      rank++;
      continue;
    }
    // Everything ranked before `first` is already in target order, so it goes right after its
    // target predecessor; later movers that sit right behind it in the playlist go along.
    const run = [first];
    let last = first;
    while (run.length < maxRangeLength && rank + run.length < byTarget.length) {
      const candidate = byTarget[rank + run.length]!;
      if (stays[candidate] === 1 || playlist.indexOf(candidate) !== playlist.indexOf(last) + 1) break;
      run.push(candidate);
      last = candidate;
    }
    const predecessor = rank > 0 ? byTarget[rank - 1]! : -1;
    moves.push({
      kind: 'move',
      rangeStart: playlist.indexOf(first),
      rangeLength: run.length,
      insertBefore: predecessor === -1 ? 0 : playlist.indexOf(predecessor) + 1,
    });
    for (const item of run) playlist.markMoved(item);
    rank += run.length;
  }
  return moves;
}

function itemsInTargetOrder(targetSlot: Int32Array): number[] {
  return Array.from(targetSlot.keys()).sort((a, b) => targetSlot[a]! - targetSlot[b]!);
}

/**
 * Where each kept item is while the moves are applied, without shifting arrays. Each item owns two
 * slots in one fixed line: its original place, and the place it will take once moved, which is
 * right after its target predecessor (movers form chains behind the staying item that precedes
 * them in the target). An item is present in exactly one of its slots; its index in the playlist
 * is the number of present slots before it.
 */
class PlaylistPositions {
  private readonly originalSlot: Int32Array;
  private readonly movedSlot: Int32Array;
  private readonly moved: Uint8Array;
  private readonly present: FenwickTree;

  constructor(byTarget: readonly number[], stays: Uint8Array) {
    const count = byTarget.length;
    // Movers that follow each staying item (or the start, key -1) in target order.
    const chains = new Map<number, number[]>();
    let anchor = -1;
    for (const item of byTarget) {
      if (stays[item] === 1) {
        anchor = item;
        continue;
      }
      const chain = chains.get(anchor);
      if (chain) chain.push(item);
      else chains.set(anchor, [item]);
    }
    this.originalSlot = new Int32Array(count);
    this.movedSlot = new Int32Array(count).fill(-1);
    this.moved = new Uint8Array(count);
    let slot = 0;
    for (const mover of chains.get(-1) ?? []) this.movedSlot[mover] = slot++;
    for (let item = 0; item < count; item++) {
      this.originalSlot[item] = slot++;
      if (stays[item] === 1) for (const mover of chains.get(item) ?? []) this.movedSlot[mover] = slot++;
    }
    this.present = new FenwickTree(slot);
    for (let item = 0; item < count; item++) this.present.add(this.originalSlot[item]!, 1);
  }

  indexOf(item: number): number {
    const slot = this.moved[item] === 1 ? this.movedSlot[item]! : this.originalSlot[item]!;
    return this.present.countBefore(slot);
  }

  markMoved(item: number): void {
    this.present.add(this.originalSlot[item]!, -1);
    this.present.add(this.movedSlot[item]!, 1);
    this.moved[item] = 1;
  }
}
