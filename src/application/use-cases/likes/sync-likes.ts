// `narada likes sync`: reads the source's likes from where the last run stopped (saved tracks and loves
// come newest first), finds each new one on the target, writes what is missing, and keeps failures for
// the next run. --dry-run plans and writes nothing; --mirror also removes what was un-liked.
import type { Clock } from '../../ports/clock.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import {
  countLikesSync,
  nextLikesSyncState,
  planLikesSync,
  type LikesSyncCounts,
  type LikesSyncPlan,
  type MirrorRemoval,
} from '../../../domain/likes/likes-sync-plan.js';
import { readLikesSyncState, writeLikesSyncState } from '../../../domain/likes/likes-sync-state.js';
import {
  likeLabel,
  targetLabel,
  type LikeOutcome,
  type TargetLike,
} from '../../../domain/likes/source-like.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { LikesSyncDirection } from '../../likes/likes-sync-direction.js';
import { resolveCandidates } from '../../likes/resolve-candidates.js';

export interface LikesSyncOptions {
  readonly dryRun: boolean;
  readonly mirror: boolean;
  /** Shown the removals before they are made (and in a dry run, instead). */
  readonly onRemovals?: (labels: readonly string[]) => void;
}

export interface LikesSyncReport extends LikesSyncCounts {
  readonly from: ServiceName;
  readonly to: ServiceName;
  readonly dryRun: boolean;
  readonly mirror: boolean;
  readonly details: {
    /** Written, or to be written in a dry run. */
    readonly written: readonly string[];
    readonly unmatched: ReadonlyArray<{ readonly like: string; readonly reason: string }>;
    readonly review: ReadonlyArray<{
      readonly like: string;
      readonly candidate: string;
      readonly confidence: number;
    }>;
    readonly failed: ReadonlyArray<{ readonly like: string; readonly reason: string }>;
    /** Removed by --mirror, or to be removed in a dry run. */
    readonly removed: readonly string[];
  };
}

export class SyncLikes {
  constructor(
    private readonly deps: {
      readonly checkpoints: SyncCheckpointRepository;
      readonly clock: Clock;
      readonly progress: ProgressReporter;
    },
  ) {}

  async run(direction: LikesSyncDirection, options: LikesSyncOptions): Promise<LikesSyncReport> {
    await direction.checkReady(options.dryRun);
    const checkpoint = await this.deps.checkpoints.get(direction.checkpointKey);
    const state = readLikesSyncState(checkpoint?.cursor ?? null, checkpoint?.state ?? {});
    // --mirror must see every like to know which are gone; otherwise read only what is new.
    const since = options.mirror ? null : state.cursor;
    const reading = this.deps.progress.task(`Reading ${direction.from} likes`);
    const read = await direction.readSource(since);
    reading.done(`${read.length} read`);
    const input = { read, complete: since === null, state, mirror: options.mirror };
    const plan = planLikesSync(input);
    const outcomes = await resolveCandidates(direction, plan, this.deps.progress);

    const toWrite = outcomes.flatMap((o) => (o.kind === 'written' ? [o.target] : []));
    if (options.dryRun) {
      if (plan.removals.length > 0) options.onRemovals?.(plan.removals.map((r) => targetLabel(r.target)));
      return report(direction, options, plan, { input, outcomes, removed: [] }, plan.removals);
    }
    const failures = await this.write(direction, toWrite);
    const final = outcomes.map((outcome) => withWriteFailure(outcome, failures));
    const removed = await this.removeUnliked(direction, plan.removals, options);
    const result = { input, outcomes: final, removed: removed.map((r) => r.sourceKey) };
    const next = writeLikesSyncState(nextLikesSyncState(result));
    await this.deps.checkpoints.put({
      key: direction.checkpointKey,
      ...next,
      updatedAt: this.deps.clock.now(),
    });
    await direction.record(read, final);
    return report(direction, options, plan, result, removed);
  }

  private async write(
    direction: LikesSyncDirection,
    targets: readonly TargetLike[],
  ): Promise<ReadonlyMap<string, string>> {
    if (targets.length === 0) return new Map();
    const task = this.deps.progress.task(`Writing ${direction.to} likes`, targets.length);
    const failures = await direction.write(targets);
    task.done(`${targets.length - failures.size} written, ${failures.size} failed`);
    return failures;
  }

  private async removeUnliked(
    direction: LikesSyncDirection,
    removals: readonly MirrorRemoval[],
    options: LikesSyncOptions,
  ): Promise<MirrorRemoval[]> {
    if (removals.length === 0) return [];
    options.onRemovals?.(removals.map((r) => targetLabel(r.target)));
    const failures = await direction.remove(removals.map((r) => r.target));
    return removals.filter((r) => !failures.has(r.target.key));
  }
}

function withWriteFailure(outcome: LikeOutcome, failures: ReadonlyMap<string, string>): LikeOutcome {
  if (outcome.kind !== 'written') return outcome;
  const reason = failures.get(outcome.target.key);
  return reason === undefined ? outcome : { kind: 'failed', issue: { like: outcome.like, reason } };
}

function report(
  direction: LikesSyncDirection,
  options: LikesSyncOptions,
  plan: LikesSyncPlan,
  result: Parameters<typeof countLikesSync>[1],
  removed: readonly MirrorRemoval[],
): LikesSyncReport {
  const details: LikesSyncReport['details'] = {
    written: result.outcomes.flatMap((o) =>
      o.kind === 'written' ? [`${likeLabel(o.like)} → ${targetLabel(o.target)}`] : [],
    ),
    unmatched: result.outcomes.flatMap((o) =>
      o.kind === 'unmatched' ? [{ like: likeLabel(o.issue.like), reason: o.issue.reason }] : [],
    ),
    review: result.outcomes.flatMap((o) =>
      o.kind === 'review'
        ? [
            {
              like: likeLabel(o.review.like),
              candidate: targetLabel(o.review.candidate),
              confidence: o.review.confidence,
            },
          ]
        : [],
    ),
    failed: result.outcomes.flatMap((o) =>
      o.kind === 'failed' ? [{ like: likeLabel(o.issue.like), reason: o.issue.reason }] : [],
    ),
    removed: removed.map((r) => targetLabel(r.target)),
  };
  const counts = countLikesSync(plan, result);
  return {
    from: direction.from,
    to: direction.to,
    dryRun: options.dryRun,
    mirror: options.mirror,
    ...counts,
    removed: options.dryRun ? removed.length : counts.removed,
    details,
  };
}
