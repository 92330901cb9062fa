// Pure planning of one likes sync: which source likes to look up on the target this run, which target
// likes --mirror removes, and the state the next run starts from once the outcomes are known.
import type { EpochMs } from '../values/time.js';
import type { LikesSyncState } from './likes-sync-state.js';
import type { LikeIssue, LikeOutcome, LikeReview, SourceLike, TargetLike } from './source-like.js';

export interface LikesSyncInput {
  /** Source likes read this run, newest first. */
  readonly read: readonly SourceLike[];
  /** Whether `read` holds every like of the source (a full read, which --mirror needs). */
  readonly complete: boolean;
  readonly state: LikesSyncState;
  readonly mirror: boolean;
}

export interface MirrorRemoval {
  readonly sourceKey: string;
  readonly target: TargetLike;
}

export interface LikesSyncPlan {
  /** To look up on the target: likes new since the last run, then earlier failures; each once. */
  readonly candidates: readonly SourceLike[];
  /** Read again, but synced by an earlier run. */
  readonly alreadySynced: readonly SourceLike[];
  /** Earlier matches waiting for `narada tracks review`, to check again. */
  readonly reviews: readonly LikeReview[];
  /** With --mirror: likes on the target whose source like is gone since the last sync. */
  readonly removals: readonly MirrorRemoval[];
}

export function planLikesSync(input: LikesSyncInput): LikesSyncPlan {
  const { state } = input;
  const unmatched = new Set(state.unmatched.map((issue) => issue.like.key));
  const inReview = new Set(state.review.map((review) => review.like.key));
  const seen = new Set<string>();
  const candidates: SourceLike[] = [];
  const alreadySynced: SourceLike[] = [];
  for (const like of input.read) {
    if (seen.has(like.key)) continue;
    seen.add(like.key);
    if (state.synced[like.key] !== undefined) alreadySynced.push(like);
    else if (!unmatched.has(like.key) && !inReview.has(like.key)) candidates.push(like);
  }
  for (const issue of state.failed) {
    const gone = input.complete && !seen.has(issue.like.key);
    if (!gone && !candidates.some((like) => like.key === issue.like.key)) candidates.push(issue.like);
  }
  const reviews = state.review.filter((review) => !input.complete || seen.has(review.like.key));
  const removals =
    input.mirror && input.complete
      ? Object.entries(state.synced)
          .filter(([key]) => !seen.has(key))
          .map(([sourceKey, target]) => ({ sourceKey, target }))
      : [];
  return { candidates, alreadySynced, reviews, removals };
}

export interface LikesSyncResult {
  readonly input: LikesSyncInput;
  readonly outcomes: readonly LikeOutcome[];
  /** Source keys whose target like --mirror removed. */
  readonly removed: readonly string[];
}

/** The state after a run: synced likes recorded, failures kept for retry, the cursor moved on. */
export function nextLikesSyncState({ input, outcomes, removed }: LikesSyncResult): LikesSyncState {
  const { state, read, complete } = input;
  const synced: Record<string, TargetLike> = { ...state.synced };
  for (const key of removed) delete synced[key];
  const failed: LikeIssue[] = [];
  const review: LikeReview[] = [];
  const newUnmatched: LikeIssue[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'present' || outcome.kind === 'written') synced[outcome.like.key] = outcome.target;
    else if (outcome.kind === 'failed') failed.push(outcome.issue);
    else if (outcome.kind === 'review') review.push(outcome.review);
    else newUnmatched.push(outcome.issue);
  }
  const readKeys = new Set(read.map((like) => like.key));
  const decided = new Set(outcomes.map(outcomeKey));
  const keptUnmatched = state.unmatched.filter(
    (issue) => !decided.has(issue.like.key) && (!complete || readKeys.has(issue.like.key)),
  );
  return {
    cursor: newestLikedAt(read, state.cursor),
    synced,
    failed,
    unmatched: [...newUnmatched, ...keptUnmatched],
    review,
  };
}

function outcomeKey(outcome: LikeOutcome): string {
  switch (outcome.kind) {
    case 'present':
    case 'written':
      return outcome.like.key;
    case 'review':
      return outcome.review.like.key;
    default:
      return outcome.issue.like.key;
  }
}

function newestLikedAt(read: readonly SourceLike[], cursor: EpochMs | null): EpochMs | null {
  let newest = cursor;
  for (const like of read) {
    if (like.likedAt !== null && (newest === null || like.likedAt > newest)) newest = like.likedAt;
  }
  return newest;
}

export interface LikesSyncCounts {
  readonly read: number;
  readonly alreadyPresent: number;
  readonly written: number;
  readonly review: number;
  readonly unmatched: number;
  readonly failed: number;
  readonly removed: number;
}

/** The summary figures of a run: already present counts likes synced before as well as found now. */
export function countLikesSync(plan: LikesSyncPlan, result: LikesSyncResult): LikesSyncCounts {
  const count = (kind: LikeOutcome['kind']): number => result.outcomes.filter((o) => o.kind === kind).length;
  return {
    read: result.input.read.length,
    alreadyPresent: plan.alreadySynced.length + count('present'),
    written: count('written'),
    review: count('review'),
    unmatched: count('unmatched'),
    failed: count('failed'),
    removed: result.removed.length,
  };
}
