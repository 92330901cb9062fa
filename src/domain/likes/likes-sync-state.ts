// What a likes sync remembers between runs (kept in its sync checkpoint): how far the source was read,
// what each synced source like is on the target (for --mirror), and the items still to finish.
import { z } from 'zod';
import type { EpochMs } from '../values/time.js';
import type { LikeIssue, LikeReview, TargetLike } from './source-like.js';

export interface LikesSyncState {
  /** The newest source `liked_at` handled; the next run reads from there. */
  readonly cursor: EpochMs | null;
  /** By source key: the like on the target, written or found there. */
  readonly synced: Readonly<Record<string, TargetLike>>;
  /** Failed (an upstream error): retried on the next run. */
  readonly failed: readonly LikeIssue[];
  /** No match on the target: listed, not retried until the source lists the like again. */
  readonly unmatched: readonly LikeIssue[];
  /** Matches below the auto-accept threshold, re-checked each run until confirmed or refused. */
  readonly review: readonly LikeReview[];
}

export const EMPTY_LIKES_SYNC_STATE: LikesSyncState = Object.freeze({
  cursor: null,
  synced: Object.freeze({}),
  failed: Object.freeze([]),
  unmatched: Object.freeze([]),
  review: Object.freeze([]),
});

const sourceLike = z.object({
  key: z.string(),
  likedAt: z.number().nullable(),
  title: z.string(),
  artists: z.array(z.string()),
  album: z.string().nullable(),
  durationMs: z.number().nullable(),
  isrc: z.string().nullable(),
  mbid: z.string().nullable(),
});
const targetLike = z.object({ key: z.string(), artist: z.string(), title: z.string() });
const issue = z.object({ like: sourceLike, reason: z.string() });
const stored = z.object({
  synced: z.record(z.string(), targetLike),
  failed: z.array(issue),
  unmatched: z.array(issue),
  review: z.array(issue.extend({ candidate: targetLike, confidence: z.number() })),
});

/**
 * The state in a checkpoint (`cursor` as epoch-ms text). A state this version cannot read counts as no
 * state: the next run reads the source again in full, which is safe because it checks the target first.
 */
export function readLikesSyncState(
  cursor: string | null,
  state: Readonly<Record<string, unknown>>,
): LikesSyncState {
  const parsed = stored.safeParse(state);
  const at = cursor === null ? NaN : Number(cursor);
  if (!parsed.success || (cursor !== null && !Number.isFinite(at))) return EMPTY_LIKES_SYNC_STATE;
  return { cursor: cursor === null ? null : at, ...parsed.data };
}

/** The checkpoint's cursor text and state object for `state`. */
export function writeLikesSyncState(state: LikesSyncState): {
  cursor: string | null;
  state: Record<string, unknown>;
} {
  const { cursor, ...rest } = state;
  return { cursor: cursor === null ? null : String(cursor), state: { ...rest } };
}
