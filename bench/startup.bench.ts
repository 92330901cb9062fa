// How fast `narada --help` starts, as a user's shell runs it (median of 10, after one warm-up).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, report } from './harness.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'infrastructure', 'cli', 'main.js');
const runs: number[] = [];
for (let i = 0; i < 11; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`narada --help exited ${result.status}: ${result.stderr}`);
  if (i > 0) runs.push(ms);
}
const med = median(runs);
report([
  {
    name: 'narada --help start-up',
    metrics: {
      median_ms: Math.round(med),
      min_ms: Math.round(Math.min(...runs)),
      max_ms: Math.round(Math.max(...runs)),
      runs: runs.length,
    },
    target: 'median < 300 ms',
    pass: med < 300,
  },
]);
