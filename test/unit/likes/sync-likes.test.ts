import { describe, expect, it } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import type { SyncCheckpointRepository } from '../../../src/application/ports/sync-checkpoint-repository.port.js';
import { UpstreamUnavailableError } from '../../../src/application/ports/upstream-errors.js';
import type {
  LikeResolution,
  LikesSyncDirection,
} from '../../../src/application/likes/likes-sync-direction.js';
import { SyncLikes } from '../../../src/application/use-cases/likes/sync-likes.js';
import type { SyncCheckpoint } from '../../../src/domain/shared/sync-checkpoint.js';
import type { SourceLike, TargetLike } from '../../../src/domain/likes/source-like.js';
import { ConfigurationError } from '../../../src/domain/shared/errors.js';
import type { EpochMs } from '../../../src/domain/values/time.js';
import { aLike } from './like-samples.js';
import { aClock } from '../../builders/index.js';

class MemoryCheckpoints implements SyncCheckpointRepository {
  readonly saved = new Map<string, SyncCheckpoint>();
  async get(key: string): Promise<SyncCheckpoint | null> {
    return this.saved.get(key) ?? null;
  }
  async put(checkpoint: SyncCheckpoint): Promise<void> {
    this.saved.set(checkpoint.key, checkpoint);
  }
}

/** A target service in memory: likes by key, resolution by the like's title, faults on demand. */
class MemoryDirection implements LikesSyncDirection {
  readonly from = 'spotify' as const;
  readonly to = 'lastfm' as const;
  readonly checkpointKey = 'likes:test';
  source: SourceLike[] = [];
  readonly target = new Set<string>();
  readonly writes: string[][] = [];
  readonly removals: string[][] = [];
  failResolve = new Set<string>();
  failWrite = new Set<string>();
  resolveError: () => Error = () => new UpstreamUnavailableError('lastfm', 'HTTP 503');

  async checkReady(): Promise<void> {}
  async readSource(since: EpochMs | null): Promise<readonly SourceLike[]> {
    return this.source.filter((like) => since === null || (like.likedAt ?? 0) >= since);
  }
  async prepare(): Promise<void> {}
  async resolve(like: SourceLike): Promise<LikeResolution> {
    if (this.failResolve.has(like.key)) throw this.resolveError();
    if (like.title === 'unknown') return { kind: 'unmatched', reason: 'not known' };
    const target: TargetLike = { key: like.title, artist: like.artists[0]!, title: like.title };
    return this.target.has(target.key) ? { kind: 'present', target } : { kind: 'write', target };
  }
  async recheck(): Promise<LikeResolution> {
    return { kind: 'unmatched', reason: 'no reviews here' };
  }
  async write(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    this.writes.push(targets.map((t) => t.key));
    const failures = new Map<string, string>();
    for (const t of targets) {
      if (this.failWrite.has(t.key)) failures.set(t.key, 'refused');
      else this.target.add(t.key);
    }
    return failures;
  }
  async remove(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    this.removals.push(targets.map((t) => t.key));
    for (const t of targets) this.target.delete(t.key);
    return new Map();
  }
  async record(): Promise<void> {}
}

function setup(): { sync: SyncLikes; direction: MemoryDirection; checkpoints: MemoryCheckpoints } {
  const checkpoints = new MemoryCheckpoints();
  return {
    sync: new SyncLikes({ checkpoints, clock: aClock(() => 42), progress: SILENT_PROGRESS }),
    direction: new MemoryDirection(),
    checkpoints,
  };
}

const options = { dryRun: false, mirror: false };

describe('the likes sync engine', () => {
  it('writes the missing likes once each, even when two source likes are one target like', async () => {
    const { sync, direction } = setup();
    direction.source = [
      aLike('a', 3, { title: 'x' }),
      aLike('b', 2, { title: 'x' }),
      aLike('c', 1, { title: 'y' }),
    ];
    direction.target.add('y');
    const report = await sync.run(direction, options);
    expect(direction.writes).toEqual([['x']]);
    expect(report).toMatchObject({ read: 3, written: 1, alreadyPresent: 2 });
  });

  it('writes nothing and remembers nothing in a dry run', async () => {
    const { sync, direction, checkpoints } = setup();
    direction.source = [aLike('a', 1, { title: 'x' })];
    const report = await sync.run(direction, { ...options, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: 1 });
    expect(direction.writes).toEqual([]);
    expect(checkpoints.saved.size).toBe(0);
  });

  it('records a failed write and retries it on the next run, reading only likes from the cursor on', async () => {
    const { sync, direction } = setup();
    direction.source = [aLike('b', 20, { title: 'y' }), aLike('a', 10, { title: 'x' })];
    direction.failWrite.add('x');
    expect(await sync.run(direction, options)).toMatchObject({ written: 1, failed: 1 });
    direction.failWrite.clear();
    const again = await sync.run(direction, options);
    expect(again).toMatchObject({ read: 1, written: 1, failed: 0 });
    expect(direction.writes.at(-1)).toEqual(['x']);
  });

  it('lists unmatched likes with the reason and does not look them up again', async () => {
    const { sync, direction } = setup();
    direction.source = [aLike('a', 1, { title: 'unknown', artists: ['Nobody'] })];
    const first = await sync.run(direction, options);
    expect(first.details.unmatched).toEqual([{ like: 'Nobody – unknown', reason: 'not known' }]);
    expect((await sync.run(direction, options)).unmatched).toBe(0);
  });

  it('stops looking up after three failures in a row, marking the rest as not tried', async () => {
    const { sync, direction } = setup();
    direction.source = ['a', 'b', 'c', 'd'].map((key, i) => aLike(key, 10 - i, { title: key }));
    for (const key of ['a', 'b', 'c']) direction.failResolve.add(key);
    const report = await sync.run(direction, options);
    expect(report.failed).toBe(4);
    expect(report.details.failed.at(-1)!.reason).toMatch(/^not tried: /);
  });

  it('stops at once for a login problem, which the user must fix', async () => {
    const { sync, direction, checkpoints } = setup();
    direction.source = [aLike('a', 1)];
    direction.failResolve.add('a');
    direction.resolveError = () => new ConfigurationError('LASTFM.AUTH', 'run `narada auth lastfm`');
    await expect(sync.run(direction, options)).rejects.toThrow(/narada auth lastfm/);
    expect(checkpoints.saved.size).toBe(0);
  });

  it('with --mirror, shows what it will remove before removing it', async () => {
    const { sync, direction } = setup();
    direction.source = [aLike('a', 2, { title: 'x' }), aLike('b', 1, { title: 'y' })];
    await sync.run(direction, options);
    direction.source = [aLike('a', 2, { title: 'x' })];
    const events: string[] = [];
    const report = await sync.run(direction, {
      ...options,
      mirror: true,
      onRemovals: (labels) =>
        events.push(`show ${labels.join()} (removed so far: ${direction.removals.length})`),
    });
    expect(events).toEqual(['show Artist b – y (removed so far: 0)']);
    expect(direction.removals).toEqual([['y']]);
    expect(report.removed).toBe(1);
  });
});
