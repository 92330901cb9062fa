// `narada tracks compare <pairs.jsonl>` output: one JSON line per pair, written as the file is read
// (respecting the pipe's back-pressure); with --json, one document holding every result instead.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { compareTrackPairs } from '../../../application/use-cases/tracks/compare-track-pairs.js';
import type { CompareOutput } from '../../../domain/matching/compare-pairs.js';
import { InvalidInputError, NaradaError } from '../../../domain/shared/errors.js';
import type { CommandContext } from '../context.js';

export async function comparePairsFile(path: string, ctx: CommandContext): Promise<void> {
  // A folder passes an existence check but fails later, mid-stream, as an unexpected EISDIR.
  const found = await stat(path).catch(() => null);
  if (found === null || !found.isFile()) {
    throw new InvalidInputError(
      'COMPARE.NO_FILE',
      `Cannot read ${path}${found === null ? '' : ' (a folder)'}; give the path of a JSON-lines file of pairs`,
    );
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const collected: CompareOutput[] = [];
  const stdout = ctx.runtime.stdout;
  try {
    for await (const result of compareTrackPairs(lines)) {
      if (ctx.output.json) collected.push(result);
      else if (!stdout.write(`${JSON.stringify(result)}\n`)) await once(stdout, 'drain');
    }
  } catch (error) {
    // The domain names the line; the file name is only known here.
    if (error instanceof NaradaError && error.category === 'input') {
      throw new InvalidInputError(error.code, `${path}: ${error.message}`, {
        cause: error,
        details: error.details,
      });
    }
    throw error;
  } finally {
    lines.close();
  }
  if (ctx.output.json) ctx.output.result({ pairs: collected.length, results: collected }, () => []);
}
