// What a likes sync needs from one direction (Spotify → Last.fm or back): reading the source, finding
// each like on the target, and writing there. The sync engine does the rest the same way both ways.
import type { LikeOutcome, LikeReview, SourceLike, TargetLike } from '../../domain/likes/source-like.js';
import type { ServiceName } from '../../domain/shared/service.js';
import type { EpochMs } from '../../domain/values/time.js';

export type LikeResolution =
  | { readonly kind: 'present'; readonly target: TargetLike }
  | { readonly kind: 'write'; readonly target: TargetLike }
  | {
      readonly kind: 'review';
      readonly target: TargetLike;
      readonly confidence: number;
      readonly reason: string;
    }
  | { readonly kind: 'unmatched'; readonly reason: string };

export interface LikesSyncDirection {
  readonly from: ServiceName;
  readonly to: ServiceName;
  /** The sync checkpoint's key, e.g. `likes:spotify->lastfm`. */
  readonly checkpointKey: string;
  /** Fails early (before any read) when the target cannot be written, unless only planning. */
  checkReady(dryRun: boolean): Promise<void>;
  /** Source likes newest first: those liked at or after `since`, or all of them when `since` is null. */
  readSource(since: EpochMs | null): Promise<readonly SourceLike[]>;
  /** Called once before the likes below are resolved (loads what the target already has). */
  prepare(likes: readonly SourceLike[]): Promise<void>;
  resolve(like: SourceLike): Promise<LikeResolution>;
  /** An earlier match below the auto-accept threshold: confirmed, refused or still waiting. */
  recheck(review: LikeReview): Promise<LikeResolution>;
  /** Writes the likes; the reason for each one that failed, by target key. */
  write(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>>;
  /** Removes likes (--mirror); the reason for each one that failed, by target key. */
  remove(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>>;
  /** After a real run: keeps the likes read and synced in the local database. */
  record(read: readonly SourceLike[], outcomes: readonly LikeOutcome[]): Promise<void>;
}
