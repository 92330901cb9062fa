// Precision and recall of the auto-accept decision over pairs from public data (MusicBrainz test data; see test/fixtures/README.md).
import { describe, expect, it } from '@jest/globals';
import { scoreLabelledSet } from './labelled-set.js';

describe('public pairs', () => {
  const { pairs, positives, precision, recall, report, rejectedShare } =
    scoreLabelledSet('public-pairs.jsonl');

  it('holds at least 500 pairs with both labels well represented, each with its source', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(500);
    expect(positives).toBeGreaterThan(100);
    expect(pairs.length - positives).toBeGreaterThan(100);
    expect(new Set(pairs.map((p) => p.pair.id)).size).toBe(pairs.length);
    expect(pairs.filter((p) => typeof p.source !== 'string' || p.source.trim() === '')).toEqual([]);
  });

  it('auto-accepts with precision >= 0.98 at recall >= 0.90', () => {
    console.log(report('public pairs'));
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects (not merely reviews) most pairs labelled different', () => {
    expect(rejectedShare()).toBeGreaterThanOrEqual(0.8);
  });
});
