import { describe, expect, it } from '@jest/globals';
import { compareTrackPairs } from '../../../src/application/use-cases/tracks/compare-track-pairs.js';

async function* linesOf(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

async function collect(lines: readonly string[]): Promise<{ id: string; same: boolean }[]> {
  const results: { id: string; same: boolean }[] = [];
  for await (const result of compareTrackPairs(linesOf(lines))) results.push(result);
  return results;
}

const pair = (id: string, b: string) =>
  JSON.stringify({ id, a: { artist: 'Portishead', title: 'Roads' }, b: { artist: 'Portishead', title: b } });

describe('comparing pairs line by line', () => {
  it('scores each pair in order and skips blank lines', async () => {
    const results = await collect([pair('1', 'Roads'), '   ', pair('2', 'Glory Box')]);

    expect(results.map((r) => [r.id, r.same])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('stops at a bad line, naming its number counted from the file start', async () => {
    const seen: string[] = [];
    const run = async () => {
      for await (const result of compareTrackPairs(linesOf([pair('1', 'Roads'), '', '{"id": "x"'])))
        seen.push(result.id);
    };

    await expect(run()).rejects.toMatchObject({
      code: 'COMPARE.INVALID_JSON',
      message: expect.stringContaining('Line 3'),
    });
    expect(seen).toEqual(['1']);
  });
});
