import { describe, expect, it } from '@jest/globals';
import { longestIncreasingSubsequence } from '../../../src/domain/playlist/longest-increasing-subsequence.js';
import { seededRandom } from '../../../src/domain/shared/seeded-random.js';

/** O(n²) dynamic programme for the length only. */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) if (values[j]! < values[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
  }
  return Math.max(0, ...best);
}

describe('longestIncreasingSubsequence', () => {
  it('returns nothing for an empty input', () => {
    expect(longestIncreasingSubsequence([])).toEqual([]);
  });

  it('returns the indices of a strictly increasing run', () => {
    expect(longestIncreasingSubsequence([3, 1, 2, 5, 4, 6])).toHaveLength(4);
    expect(longestIncreasingSubsequence([1, 2, 3])).toEqual([0, 1, 2]);
  });

  it('does not count equal values as increasing', () => {
    expect(longestIncreasingSubsequence([2, 2, 2])).toHaveLength(1);
  });

  it('finds a longest strictly increasing subsequence on 300 seeded random arrays', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 30));
      const indices = longestIncreasingSubsequence(values);
      expect(indices).toHaveLength(lisLength(values));
      for (let k = 1; k < indices.length; k++) {
        expect(indices[k]!).toBeGreaterThan(indices[k - 1]!);
        expect(values[indices[k]!]!).toBeGreaterThan(values[indices[k - 1]!]!);
      }
    }
  });
});
