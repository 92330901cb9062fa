// A labelled set of pairs from test/fixtures/matching, scored: the figures both sets' tests assert.
import { readFileSync } from 'node:fs';
import { parseCompareLine } from '../../../src/domain/matching/compare-pairs.js';
import { scoreMatch } from '../../../src/domain/matching/match-scorer.js';

interface Label {
  readonly same: boolean;
  readonly why: string;
  readonly source?: string;
}

export function scoreLabelledSet(fixture: string) {
  const lines = readFileSync(new URL(`../../fixtures/matching/${fixture}`, import.meta.url), 'utf8').split(
    '\n',
  );
  const pairs = lines.flatMap((line, index) => {
    const pair = parseCompareLine(line, index + 1);
    if (pair === null) return [];
    const label = JSON.parse(line) as Label;
    return [{ pair, same: label.same, why: label.why, source: label.source }];
  });
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

  /** The figures and every pair the decision got wrong, for the test log. */
  function report(name: string): string {
    const falseAccepts = accepted.filter((r) => !r.same);
    const missed = results.filter((r) => r.same && r.score.decision !== 'accept');
    const review = results.filter((r) => r.score.decision === 'review');
    return [
      `${name}: ${results.length} (${positives} same, ${results.length - positives} different)`,
      `auto-accept precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives}/${positives})`,
      `review band: ${review.length} pairs (${review.filter((r) => r.same).length} same)`,
      ...falseAccepts.map((r) => `false accept ${r.id} (${r.score.confidence}): ${r.why}`),
      ...missed.map((r) => `not accepted ${r.id} (${r.score.confidence}, ${r.score.decision}): ${r.why}`),
    ].join('\n');
  }

  /** Share of the pairs labelled different that are rejected outright (not merely sent to review). */
  const rejectedShare = () => {
    const negatives = results.filter((r) => !r.same);
    return negatives.filter((r) => r.score.decision === 'reject').length / negatives.length;
  };

  return { pairs, results, positives, precision, recall, report, rejectedShare };
}
