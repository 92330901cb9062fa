// Shared by every benchmark: each bench file runs in its own process (so peak RSS is its own)
// and prints one JSON line of results that bench/run.ts collects into the report.
import { performance } from 'node:perf_hooks';
import { limitHeapGrowth } from '../src/infrastructure/runtime/heap-growth.js';

// Every bench process runs with the heap settings the CLI runs with, so its peak RSS is the CLI's.
limitHeapGrowth();

/** Deterministic PRNG (mulberry32) so generated data is the same on every run. */
export { seededRandom } from '../src/domain/shared/seeded-random.js';

export interface BenchResult {
  /** What was measured, e.g. "bulk insert 1,000,000 listening events (repository)". */
  readonly name: string;
  /** Figures with their unit in the key: `rows_per_s`, `seconds`, `peak_rss_mb`, `calls`. */
  readonly metrics: Readonly<Record<string, number | string>>;
  /** The target the issue sets, in words (`>= 0.5 of raw`), and whether it was met. */
  readonly target?: string;
  readonly pass?: boolean;
}

export const RESULT_MARKER = '@@narada-bench@@';

export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes on Linux.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints the results for bench/run.ts; call once at the end of a bench file. */
export function report(results: readonly BenchResult[]): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(results)}\n`);
}
