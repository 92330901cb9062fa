// Precision and recall of the auto-accept decision over pairs from public data (MusicBrainz test data; see test/fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseCompareLine } from '../../../src/domain/matching/compare-pairs.js';
import { scoreMatch } from '../../../src/domain/matching/match-scorer.js';

interface Labelled {
  readonly id: string;
  readonly same: boolean;
  readonly why: string;
  readonly source: string;
}

const FIXTURE = new URL('../../fixtures/matching/public-pairs.jsonl', import.meta.url);

function loadLabelledPairs() {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    const pair = parseCompareLine(line, index + 1);
    if (pair === null) return [];
    const label = JSON.parse(line) as Labelled;
    return [{ pair, same: label.same, why: label.why, source: label.source }];
  });
}

describe('public pairs', () => {
  const pairs = loadLabelledPairs();
  const results = pairs.map(({ pair, same, why }) => ({
    id: pair.id,
    same,
    why,
    score: scoreMatch(pair.a, pair.b),
  }));
  const accepted = results.filter((r) => r.score.decision === 'accept');
  const truePositives = accepted.filter((r) => r.same).length;
  const positives = results.filter((r) => r.same).length;
  const precision = truePositives / accepted.length;
  const recall = truePositives / positives;

  it('holds at least 500 pairs with both labels well represented, each with its source', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(500);
    expect(positives).toBeGreaterThan(100);
    expect(pairs.length - positives).toBeGreaterThan(100);
    expect(new Set(pairs.map((p) => p.pair.id)).size).toBe(pairs.length);
    expect(pairs.filter((p) => typeof p.source !== 'string' || p.source.trim() === '')).toEqual([]);
  });

  it('auto-accepts with precision >= 0.98 at recall >= 0.90', () => {
    const falseAccepts = accepted.filter((r) => !r.same);
    const missed = results.filter((r) => r.same && r.score.decision !== 'accept');
    const review = results.filter((r) => r.score.decision === 'review');
    console.log(
      [
        `public pairs: ${results.length} (${positives} same, ${results.length - positives} different)`,
        `auto-accept precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives}/${positives})`,
        `review band: ${review.length} pairs (${review.filter((r) => r.same).length} same)`,
        ...falseAccepts.map((r) => `false accept ${r.id} (${r.score.confidence}): ${r.why}`),
        ...missed.map((r) => `not accepted ${r.id} (${r.score.confidence}, ${r.score.decision}): ${r.why}`),
      ].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects (not merely reviews) most pairs labelled different', () => {
    const negatives = results.filter((r) => !r.same);
    const rejected = negatives.filter((r) => r.score.decision === 'reject').length;
    expect(rejected / negatives.length).toBeGreaterThanOrEqual(0.8);
  });
});
