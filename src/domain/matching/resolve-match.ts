// Resolution of one track against an indexed library: block with the candidate index, score each
// candidate, best first.
import type { CandidateIndex } from './candidate-index.js';
import type { PreparedMatchInput } from './match-input.js';
import { scorePrepared, type MatchScore } from './match-scorer.js';

export interface RankedMatch<T> {
  readonly item: T;
  readonly score: MatchScore;
}

/** Candidates examined per query: enough to hold every version of a popular song by one artist. */
export const DEFAULT_CANDIDATES = 20;

export function rankMatches<T>(
  query: PreparedMatchInput,
  index: CandidateIndex<T>,
  k: number = DEFAULT_CANDIDATES,
): RankedMatch<T>[] {
  return index
    .candidates(query, k)
    .map((candidate) => ({ item: candidate.item, score: scorePrepared(query, candidate.prepared) }))
    .sort((x, y) => y.score.confidence - x.score.confidence);
}

/** The best-scoring candidate whatever its decision (the caller reads `score.decision`); null when none. */
export function bestMatch<T>(
  query: PreparedMatchInput,
  index: CandidateIndex<T>,
  k: number = DEFAULT_CANDIDATES,
): RankedMatch<T> | null {
  return rankMatches(query, index, k)[0] ?? null;
}
