// A liked track on the source service as the sync sees it, and what it became on the target. Plain
// data, so unfinished items can wait in the sync checkpoint until the next run.
import type { EpochMs } from '../values/time.js';

export interface SourceLike {
  /** The source's key: a Spotify track id, or Last.fm's `artist\u001ftitle` key. */
  readonly key: string;
  /** When it was liked; `null` when the service does not say. */
  readonly likedAt: EpochMs | null;
  readonly title: string;
  /** Credited artists in credit order; the first is the primary artist. */
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  /** MusicBrainz recording id, when the source gives one. */
  readonly mbid: string | null;
}

/** The liked item on the target: its key there (Spotify track id, Last.fm `artist\u001ftitle` as spelled) and a label. */
export interface TargetLike {
  readonly key: string;
  readonly artist: string;
  readonly title: string;
}

/** An item the sync could not finish, with why. */
export interface LikeIssue {
  readonly like: SourceLike;
  readonly reason: string;
}

/** A match waiting for `narada tracks review`: not written until confirmed. */
export interface LikeReview extends LikeIssue {
  readonly candidate: TargetLike;
  readonly confidence: number;
}

export type LikeOutcome =
  /** The target already had it (a pre-existing like, possibly under another spelling). */
  | { readonly kind: 'present'; readonly like: SourceLike; readonly target: TargetLike }
  | { readonly kind: 'written'; readonly like: SourceLike; readonly target: TargetLike }
  | { readonly kind: 'review'; readonly review: LikeReview }
  | { readonly kind: 'unmatched'; readonly issue: LikeIssue }
  | { readonly kind: 'failed'; readonly issue: LikeIssue };

/** `Artist – Title` for lists shown to the user. */
export function likeLabel(like: Pick<SourceLike, 'artists' | 'title'>): string {
  return `${like.artists.join(', ') || 'Unknown artist'} – ${like.title}`;
}

export function targetLabel(target: TargetLike): string {
  return `${target.artist} – ${target.title}`;
}
