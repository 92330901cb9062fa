// `narada tracks compare <pairs.jsonl>` output: one JSON line per pair, written as the pairs are
// scored (respecting the pipe's back-pressure); with --json, one document holding every result instead.
import { once } from 'node:events';
import type { CompareOutput } from '../../../domain/matching/compare-pairs.js';
import type { CliOutput } from '../output.js';

export async function writeCompareResults(
  results: AsyncIterable<CompareOutput>,
  output: CliOutput,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const collected: CompareOutput[] = [];
  for await (const result of results) {
    if (output.json) collected.push(result);
    else if (!stdout.write(`${JSON.stringify(result)}\n`)) await once(stdout, 'drain');
  }
  if (output.json) output.result({ pairs: collected.length, results: collected }, () => []);
}
