// Precision and recall of the auto-accept decision over the team's hand-labelled pairs.
import { describe, expect, it } from '@jest/globals';
import { scoreLabelledSet } from './labelled-set.js';

describe('labelled pairs', () => {
  const { pairs, positives, precision, recall, report, rejectedShare } =
    scoreLabelledSet('labelled-pairs.jsonl');

  it('holds at least 220 pairs with both labels well represented', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(220);
    expect(positives).toBeGreaterThan(80);
    expect(pairs.length - positives).toBeGreaterThan(80);
    expect(new Set(pairs.map((p) => p.pair.id)).size).toBe(pairs.length);
  });

  // Issue 13's rules raised recall from 0.953 to 0.965 at the same precision: the floor follows.
  it('auto-accepts with precision >= 0.98 at recall >= 0.95', () => {
    console.log(report('labelled pairs'));
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects (not merely reviews) most pairs labelled different', () => {
    expect(rejectedShare()).toBeGreaterThanOrEqual(0.8);
  });
});
