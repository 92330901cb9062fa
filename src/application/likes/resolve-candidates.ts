// Finds each candidate like on the target, one at a time, turning errors into failed items (kept for
// the next run) instead of stopping the sync; a rate limit or repeated failures stop the look-ups.
import type { ProgressReporter } from '../ports/progress.port.js';
import { RateLimitedError } from '../ports/upstream-errors.js';
import type { LikesSyncPlan } from '../../domain/likes/likes-sync-plan.js';
import type { LikeOutcome, SourceLike } from '../../domain/likes/source-like.js';
import { isNaradaError } from '../../domain/shared/errors.js';
import type { LikeResolution, LikesSyncDirection } from './likes-sync-direction.js';

/** Failures in a row after which the service is taken to be down for this run. */
const MAX_FAILURES_IN_A_ROW = 3;

export async function resolveCandidates(
  direction: LikesSyncDirection,
  plan: LikesSyncPlan,
  progress: ProgressReporter,
): Promise<LikeOutcome[]> {
  const work = [
    ...plan.candidates.map((like) => ({ like, resolve: () => direction.resolve(like) })),
    ...plan.reviews.map((review) => ({ like: review.like, resolve: () => direction.recheck(review) })),
  ];
  if (work.length === 0) return [];
  await direction.prepare(work.map((item) => item.like));
  const task = progress.task(`Finding likes on ${direction.to}`, work.length);
  const outcomes: LikeOutcome[] = [];
  const writing = new Set<string>();
  let inARow = 0;
  let stopped: string | null = null;
  for (const item of work) {
    if (stopped !== null) {
      outcomes.push(failed(item.like, `not tried: ${stopped}`));
      continue;
    }
    try {
      const resolution = await item.resolve();
      outcomes.push(outcomeOf(item.like, resolution, writing));
      inARow = 0;
    } catch (error) {
      if (!isNaradaError(error) || error.category === 'config') throw error;
      outcomes.push(failed(item.like, error.message));
      inARow += 1;
      if (error instanceof RateLimitedError || inARow >= MAX_FAILURES_IN_A_ROW) stopped = error.message;
    }
    task.advance();
  }
  task.done();
  return outcomes;
}

/** Two source likes may be one target like (two Spotify releases of a song): it is written once. */
function outcomeOf(like: SourceLike, resolution: LikeResolution, writing: Set<string>): LikeOutcome {
  switch (resolution.kind) {
    case 'present':
      return { kind: 'present', like, target: resolution.target };
    case 'write':
      if (writing.has(resolution.target.key)) return { kind: 'present', like, target: resolution.target };
      writing.add(resolution.target.key);
      return { kind: 'written', like, target: resolution.target };
    case 'review':
      return {
        kind: 'review',
        review: {
          like,
          reason: resolution.reason,
          candidate: resolution.target,
          confidence: resolution.confidence,
        },
      };
    case 'unmatched':
      return { kind: 'unmatched', issue: { like, reason: resolution.reason } };
  }
}

function failed(like: SourceLike, reason: string): LikeOutcome {
  return { kind: 'failed', issue: { like, reason } };
}
