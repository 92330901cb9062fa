// `npm run bench`: runs every bench file in its own process (so each peak RSS is its own) and
// prints one table of figures with the issues' targets. `npm run bench -- persistence` runs a subset.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULT_MARKER, type BenchResult } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const all: Array<BenchResult & { file: string }> = [];
let failures = 0;
for (const file of files) {
  process.stderr.write(`\n▶ ${file}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (run.status !== 0 || !line) {
    failures++;
    process.stderr.write(`✖ ${file} exited ${run.status}\n${run.stdout.slice(-2000)}\n`);
    continue;
  }
  const results = JSON.parse(line.slice(RESULT_MARKER.length)) as BenchResult[];
  for (const r of results) all.push({ ...r, file });
}

console.log('\nNarada benchmarks\n');
for (const r of all) {
  const verdict = r.pass === undefined ? '' : r.pass ? '  ✔ target met' : '  ✖ target missed';
  console.log(`${r.name}${r.target ? `  [target: ${r.target}]` : ''}${verdict}`);
  for (const [key, value] of Object.entries(r.metrics)) console.log(`    ${key.padEnd(28)} ${value}`);
}
const outDir = join(here, '..', '..', 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(all, null, 2)}\n`);
console.log(
  `\n${all.length} measurements from ${files.length - failures}/${files.length} bench files; written to bench/results/latest.json`,
);
process.exitCode = failures > 0 ? 1 : 0;
