// Where a confidence becomes a decision: accept the mapping, queue it for `narada tracks review`, or reject.

export type MatchDecision = 'accept' | 'review' | 'reject';

/**
 * accept 85: every factor agrees up to small differences (a misspelt artist ≈ 8 points, a stylised name
 * ≈ 9, 4 s of duration ≈ 1–3, a different album 3, a secondary credit 6), but one real doubt drops below
 * it: a version kind on one side only (30–60), a duration 12 s off (≈ 20), a title one word in three
 * different (50), an artist known only under another name or script (25–30).
 * review 60: one soft doubt alone (an edit or alternate version tag, 10–15 s of duration, a name in
 * another script, a renamed act) lands in 60–84 where a person decides; a live, remix, acoustic, demo or
 * karaoke tag on one side (45–55 points), a different artist (≥ 40) or two doubts fall below 60.
 * Checked against test/fixtures/matching/labelled-pairs.jsonl (precision ≥ 0.98 at recall ≥ 0.95) and
 * public-pairs.jsonl (≥ 0.98 at ≥ 0.90).
 */
export const THRESHOLDS = Object.freeze({ accept: 85, review: 60 });

export function decide(confidence: number): MatchDecision {
  if (confidence >= THRESHOLDS.accept) return 'accept';
  if (confidence >= THRESHOLDS.review) return 'review';
  return 'reject';
}
