// How far V8 lets its heap grow past what the last full collection found alive. By default a program
// that allocates fast, as an import does (pages parsed, rows built and sent, all garbage a moment
// later), lets the old generation grow to about four times its live set before collecting it: a
// 1,000,000-scrobble import into PostgreSQL with 54 MB alive peaked at 335–345 MB. Capped at twice
// the live set it peaks near 240 MB, for a few more full collections (docs/DECISIONS.md). Set once
// at start by every process that runs Narada's work: the CLI, and the benches that stand for it.
// V8 reads this flag each time it sets the next limit, so setting it after start takes effect.
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth past the live set, in percent: 100 means up to twice the live set. */
export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
