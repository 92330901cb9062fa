// Playlist diff planner: on random permutations and random edits of 100, 1,000 and 10,000 items,
// how many items it moves against the lower bound (kept − LIS), how many write calls it needs
// against a full replace, and how long planning takes. Every plan is replayed to prove it correct.
import { performance } from 'node:perf_hooks';
import { median, report, seededRandom, type BenchResult } from './harness.js';
import { planPlaylistUpdate } from '../src/domain/playlist/playlist-diff.js';
import { applyPlaylistOperations, type PlaylistEntry } from '../src/domain/playlist/playlist-operation.js';

interface Scenario {
  readonly name: string;
  readonly make: (uris: readonly string[], random: () => number) => string[];
}

const SIZES = [100, 1_000, 10_000];
const SCENARIOS: readonly Scenario[] = [
  { name: 'random permutation', make: (uris, random) => shuffle(uris, random) },
  {
    name: 'mixed edit (10% removed, 10% added, 10% moved)',
    make: (uris, random) => edit(uris, random, 0.1, 0.1, 0.1),
  },
  {
    name: 'light edit (1% removed, 2% added, 1% moved)',
    make: (uris, random) => edit(uris, random, 0.01, 0.02, 0.01),
  },
  { name: 'rolling window (oldest 10% dropped, 10% new appended)', make: (uris) => rollingWindow(uris, 0.1) },
];

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function edit(
  uris: readonly string[],
  random: () => number,
  removed: number,
  added: number,
  moved: number,
): string[] {
  const result = uris.filter(() => random() >= removed);
  const moves = Math.round(result.length * moved);
  for (let i = 0; i < moves; i++) {
    const [item] = result.splice(Math.floor(random() * result.length), 1);
    result.splice(Math.floor(random() * (result.length + 1)), 0, item!);
  }
  const adds = Math.round(uris.length * added);
  for (let i = 0; i < adds; i++)
    result.splice(Math.floor(random() * (result.length + 1)), 0, `spotify:track:new${i}`);
  return result;
}

function rollingWindow(uris: readonly string[], share: number): string[] {
  const count = Math.round(uris.length * share);
  return [...uris.slice(count), ...Array.from({ length: count }, (_, i) => `spotify:track:next${i}`)];
}

/** Length of the longest increasing subsequence (patience sorting), independent of the planner's. */
function lisLength(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (tails[mid]! < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
  }
  return tails.length;
}

/** With distinct URIs, the fewest items to move is kept − LIS(target positions in current order). */
function lowerBoundMoves(current: readonly string[], target: readonly string[]): number {
  const positionInTarget = new Map(target.map((uri, index) => [uri, index]));
  const kept = current.flatMap((uri) => {
    const position = positionInTarget.get(uri);
    return position === undefined ? [] : [position];
  });
  return kept.length - lisLength(kept);
}

function sameUris(entries: readonly PlaylistEntry[], target: readonly string[]): boolean {
  return entries.length === target.length && entries.every((entry, index) => entry.uri === target[index]);
}

const results: BenchResult[] = [];
for (const scenario of SCENARIOS) {
  for (const n of SIZES) {
    const random = seededRandom(n + scenario.name.length);
    const uris = Array.from({ length: n }, (_, i) => `spotify:track:t${i}`);
    const current: PlaylistEntry[] = uris.map((uri, i) => ({ uri, addedAt: 1_700_000_000_000 + i }));
    const target = scenario.make(uris, random);
    // Three warm-up runs, then nine timed ones; the minimum shows the cost on a quiet machine.
    const timings: number[] = [];
    let plan = planPlaylistUpdate(current, target);
    for (let run = 0; run < 12; run++) {
      const start = performance.now();
      plan = planPlaylistUpdate(current, target);
      if (run >= 3) timings.push(performance.now() - start);
    }
    const applied = applyPlaylistOperations(current, plan.operations, 0);
    const originals = new Set<PlaylistEntry>(current);
    const keptIntact = applied.filter((entry) => originals.has(entry)).length === plan.counts.kept;
    const bound = lowerBoundMoves(uris, target);
    const correct = sameUris(applied, target) && keptIntact;
    results.push({
      name: `playlist diff: ${scenario.name}, n=${n.toLocaleString('en-US')}`,
      metrics: {
        target_items: target.length,
        kept: plan.counts.kept,
        added: plan.counts.added,
        removed: plan.counts.removed,
        moved_items: plan.counts.moved,
        lower_bound_moves: bound,
        move_calls: plan.counts.moveCalls,
        write_calls: plan.counts.writeCalls,
        replace_calls: plan.replace.writeCalls,
        cheaper: plan.cheaper,
        planning_ms_median: Math.round(median(timings) * 100) / 100,
        planning_ms_min: Math.round(Math.min(...timings) * 100) / 100,
        plan_reaches_target: correct ? 'yes' : 'NO',
      },
      target: 'moved items = kept − LIS and the plan replays to the target',
      pass: correct && plan.counts.moved === bound,
    });
  }
}
report(results);
