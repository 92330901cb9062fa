// Decides, for a playlist update, which current items stay (and so keep their added_at), which
// target position each of them fills, and which of them can stay put while the others move.
import { longestIncreasingSubsequence } from './longest-increasing-subsequence.js';

/**
 * Above this many (kept item, candidate position) pairs the exact matching of repeated URIs would
 * cost too much; repeated URIs then pair up in order (still correct, maybe a few more moves).
 */
const MAX_CANDIDATE_PAIRS = 2_000_000;

export interface PlaylistMatching {
  /** Distinct URIs to delete, in order of first appearance in the current playlist. */
  readonly removeUris: readonly string[];
  /** URIs kept in the target but with fewer copies: all copies go and the kept count is re-added. */
  readonly reAddedUris: readonly string[];
  /** Indices into `current` of the kept items, in current order (the playlist after the removals). */
  readonly keptIndices: readonly number[];
  /** For each kept item (by its place in `keptIndices`), the target position it fills. */
  readonly targetSlotOfKept: Int32Array;
  /** For each kept item, 1 when it can stay where it is (a longest common subsequence). */
  readonly staysOfKept: Uint8Array;
  /** For each target position, 1 when it must be filled by adding the URI. */
  readonly addedSlots: Uint8Array;
}

export function matchPlaylist(currentUris: readonly string[], target: readonly string[]): PlaylistMatching {
  const slotsByUri = positionsByUri(target);
  const currentCount = new Map<string, number>();
  for (const uri of currentUris) currentCount.set(uri, (currentCount.get(uri) ?? 0) + 1);

  const removeUris: string[] = [];
  const reAddedUris: string[] = [];
  const keptIndices: number[] = [];
  for (const [uri, count] of currentCount) {
    const wanted = slotsByUri.get(uri)?.length ?? 0;
    // Spotify's remove deletes every copy, so a URI with surplus copies cannot keep any of them.
    if (count > wanted) removeUris.push(uri);
    if (count > wanted && wanted > 0) reAddedUris.push(uri);
  }
  const removed = new Set(removeUris);
  currentUris.forEach((uri, index) => {
    if (!removed.has(uri)) keptIndices.push(index);
  });

  const keptUris = keptIndices.map((index) => currentUris[index]!);
  const staying = findStayingPairs(keptUris, slotsByUri);
  const targetSlotOfKept = new Int32Array(keptUris.length).fill(-1);
  const staysOfKept = new Uint8Array(keptUris.length);
  const usedSlots = new Uint8Array(target.length);
  for (const [keptIndex, slot] of staying) {
    targetSlotOfKept[keptIndex] = slot;
    staysOfKept[keptIndex] = 1;
    usedSlots[slot] = 1;
  }
  assignMovers(keptUris, slotsByUri, targetSlotOfKept, usedSlots);
  const addedSlots = usedSlots.map((used) => 1 - used);
  return { removeUris, reAddedUris, keptIndices, targetSlotOfKept, staysOfKept, addedSlots };
}

function positionsByUri(uris: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  uris.forEach((uri, index) => {
    const list = positions.get(uri);
    if (list) list.push(index);
    else positions.set(uri, [index]);
  });
  return positions;
}

/**
 * Pairs (kept item, target position) forming a longest common subsequence of the kept items and the
 * target (Hunt–Szymanski: each item lists its candidate positions in descending order, so a strictly
 * increasing subsequence takes at most one per item). Without repeated URIs this is a plain LIS.
 */
function findStayingPairs(
  keptUris: readonly string[],
  slotsByUri: ReadonlyMap<string, readonly number[]>,
): [keptIndex: number, slot: number][] {
  let pairs = 0;
  for (const uri of keptUris) pairs += slotsByUri.get(uri)!.length;
  const exact = pairs <= MAX_CANDIDATE_PAIRS;
  const candidateSlots = new Int32Array(exact ? pairs : keptUris.length);
  const owners = new Int32Array(candidateSlots.length);
  const seen = new Map<string, number>();
  let next = 0;
  keptUris.forEach((uri, keptIndex) => {
    const slots = slotsByUri.get(uri)!;
    if (exact) {
      for (let s = slots.length - 1; s >= 0; s--) {
        candidateSlots[next] = slots[s]!;
        owners[next++] = keptIndex;
      }
    } else {
      const occurrence = seen.get(uri) ?? 0;
      seen.set(uri, occurrence + 1);
      candidateSlots[next] = slots[occurrence]!;
      owners[next++] = keptIndex;
    }
  });
  return longestIncreasingSubsequence(candidateSlots).map((i) => [owners[i]!, candidateSlots[i]!]);
}

/** Gives each kept item that has to move one of its URI's target positions no stayer took. */
function assignMovers(
  keptUris: readonly string[],
  slotsByUri: ReadonlyMap<string, readonly number[]>,
  targetSlotOfKept: Int32Array,
  usedSlots: Uint8Array,
): void {
  const nextCandidate = new Map<string, number>();
  keptUris.forEach((uri, keptIndex) => {
    if (targetSlotOfKept[keptIndex] !== -1) return;
    const slots = slotsByUri.get(uri)!;
    let cursor = nextCandidate.get(uri) ?? 0;
    while (usedSlots[slots[cursor]!] === 1) cursor++;
    const slot = slots[cursor]!;
    targetSlotOfKept[keptIndex] = slot;
    usedSlots[slot] = 1;
    nextCandidate.set(uri, cursor + 1);
  });
}
