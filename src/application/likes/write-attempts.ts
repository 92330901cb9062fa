// Writes that may fail one by one: a failure is recorded against its items (retried next run) unless
// it means every later write would fail too (a long rate limit) or the user must act (a login).
import { RateLimitedError } from '../ports/upstream-errors.js';
import type { TargetLike } from '../../domain/likes/source-like.js';
import { isNaradaError } from '../../domain/shared/errors.js';

export interface Failure {
  readonly reason: string;
  /** Later writes would fail the same way (a long rate limit): do not try them. */
  readonly stop: boolean;
}

/** Runs `write`; why it failed, or null. Bugs and login problems are thrown. */
export async function attempt(write: () => Promise<void>): Promise<Failure | null> {
  try {
    await write();
    return null;
  } catch (error) {
    if (!isNaradaError(error) || error.category === 'config') throw error;
    return { reason: error.message, stop: error instanceof RateLimitedError };
  }
}

/** `write` for each batch of `size` targets, in order; the failure reason of each target that failed. */
export async function inBatches(
  targets: readonly TargetLike[],
  size: number,
  write: (batch: readonly TargetLike[]) => Promise<void>,
): Promise<ReadonlyMap<string, string>> {
  const failures = new Map<string, string>();
  let stopped: string | null = null;
  for (let start = 0; start < targets.length; start += size) {
    const batch = targets.slice(start, start + size);
    const failure: Failure | null =
      stopped === null ? await attempt(() => write(batch)) : { reason: `not tried: ${stopped}`, stop: false };
    if (failure === null) continue;
    for (const target of batch) failures.set(target.key, failure.reason);
    if (failure.stop) stopped = failure.reason;
  }
  return failures;
}
