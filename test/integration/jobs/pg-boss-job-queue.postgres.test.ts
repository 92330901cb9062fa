// The pg-boss job queue as several processes share it (two queues on two pools of one database): one
// live job per key however many processes ask, its state readable by key from any of them, bounded
// slices continued from the job's own cursor, failed attempts retried, and a stopping process's job
// taken on by another.
import { describe, expect, it } from '@jest/globals';
import type { JobContext, JobState } from '../../../src/application/ports/job-queue.port.js';
import {
  PgBossJobQueue,
  type PgBossJobQueueOptions,
} from '../../../src/infrastructure/jobs/pg-boss-job-queue.js';
import { afterTest, aProcess, eventually, freshLibrary } from './postgres-jobs-kit.js';

type Options = Omit<PgBossJobQueueOptions, 'coordination'>;

function queueOf(url: string, options: Options = {}): PgBossJobQueue {
  const queue = new PgBossJobQueue({ coordination: aProcess(url), stopGraceMs: 5_000, ...options });
  afterTest(() => queue.stop());
  return queue;
}

const request = (key: string, payload: unknown = { key }) => ({ kind: 'count', singletonKey: key, payload });

function latch(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Steps of work with a stored cursor (here a map), stopping at a checkpoint when asked. */
function steppedWork(cursor: Map<string, number>, done: string[], steps: number, stepMs: number) {
  return async (_payload: unknown, context: JobContext): Promise<void> => {
    for (let step = cursor.get(context.singletonKey) ?? 0; step < steps; step++) {
      if (context.signal.aborted) throw new Error('stopped at a checkpoint');
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      done.push(`${context.singletonKey}#${step}`);
      cursor.set(context.singletonKey, step + 1);
    }
  };
}

describe('pg-boss job queue', () => {
  it('keeps one live job per key when two processes ask at once, and runs it once', async () => {
    const url = await freshLibrary();
    const [serveA, serveB] = [queueOf(url), queueOf(url)];
    const asked = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? serveA : serveB).enqueue(request('lastyear:tess:2024')),
      ),
    );
    expect(new Set(asked.map((state) => state.id)).size).toBe(1);
    expect(asked[0]).toEqual(
      expect.objectContaining({ kind: 'count', singletonKey: 'lastyear:tess:2024', status: 'pending' }),
    );

    const runs: unknown[] = [];
    const gate = latch();
    await serveB.work('count', async (payload) => {
      runs.push(payload);
      await gate.promise;
    });
    expect(
      (
        await eventually(
          () => serveA.state('lastyear:tess:2024'),
          (s) => s?.status === 'running',
        )
      )?.status,
    ).toBe('running');
    // Asked again while it runs: the same job.
    expect((await serveA.enqueue(request('lastyear:tess:2024'))).id).toBe(asked[0]!.id);
    gate.open();
    const ended = await eventually(
      () => serveA.state('lastyear:tess:2024'),
      (s) => s?.status === 'completed',
    );
    expect(ended).toEqual(expect.objectContaining({ id: asked[0]!.id, status: 'completed', error: null }));
    expect(runs).toEqual([{ key: 'lastyear:tess:2024' }]);
    // Ended: the next ask makes a new job.
    expect((await serveB.enqueue(request('lastyear:tess:2024'))).id).not.toBe(asked[0]!.id);
    expect(await serveA.state('lastyear:nobody:2024')).toBeNull();
  }, 30_000);

  it('makes one job of a key that visitors ask for at once while a worker takes jobs at once', async () => {
    const url = await freshLibrary();
    const [serveA, serveB] = [queueOf(url, { concurrency: 4 }), queueOf(url, { concurrency: 4 })];
    const gate = latch();
    for (const queue of [serveA, serveB]) await queue.work('count', () => gate.promise);
    for (let round = 0; round < 8; round++) {
      const key = `lastyear:round${round}:2024`;
      const asked = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? serveA : serveB).enqueue(request(key))),
      );
      expect(new Set(asked.map((state) => state.id))).toEqual(new Set([asked[0]!.id]));
    }
    const coordination = aProcess(url);
    const { rows } = await coordination.pool.query<{ key: string; jobs: string }>(
      `SELECT "singleton_key" AS "key", count(*) AS "jobs" FROM "${coordination.jobSchema}"."job"
        WHERE "name" = 'count' GROUP BY "singleton_key" ORDER BY "singleton_key"`,
    );
    expect(rows.map((row) => [row.key, Number(row.jobs)])).toEqual(
      Array.from({ length: 8 }, (_, round) => [`lastyear:round${round}:2024`, 1]),
    );
    // Every job ends before the queues stop, so no worker is between a job and its next poll then.
    gate.open();
    const ended = await eventually(
      () => Promise.all(rows.map((row) => serveA.state(row.key))),
      (states) => states.every((state) => state?.status === 'completed'),
    );
    expect(ended.map((state) => state?.status)).toEqual(Array(8).fill('completed'));
  }, 60_000);

  it('retries a failed job after its delay, and reports the failure once retries run out', async () => {
    const url = await freshLibrary();
    const queue = queueOf(url, { retryLimit: 1, retryDelaySeconds: 1 });
    const failures: JobState[] = [];
    const attempts = new Map<string, number>();
    const tellFailure = queueOf(url, {
      retryLimit: 1,
      retryDelaySeconds: 1,
      onFailure: (s) => failures.push(s),
    });
    await tellFailure.work('count', async (_payload, context) => {
      const n = (attempts.get(context.singletonKey) ?? 0) + 1;
      attempts.set(context.singletonKey, n);
      if (context.singletonKey === 'flaky' && n === 1) throw new Error('Last.fm answered 500');
      if (context.singletonKey === 'broken') throw new Error('the user vanished');
    });
    await queue.enqueue(request('flaky'));
    await queue.enqueue(request('broken'));

    expect(
      (
        await eventually(
          () => queue.state('flaky'),
          (s) => s?.status === 'completed',
        )
      )?.status,
    ).toBe('completed');
    const broken = await eventually(
      () => queue.state('broken'),
      (s) => s?.status === 'failed',
    );
    expect(broken).toEqual(expect.objectContaining({ status: 'failed', error: 'the user vanished' }));
    expect(attempts).toEqual(
      new Map([
        ['flaky', 2],
        ['broken', 2],
      ]),
    );
    expect(failures.map((s) => `${s.singletonKey}: ${s.error}`).sort()).toEqual([
      'broken: the user vanished',
      'broken: the user vanished',
      'flaky: Last.fm answered 500',
    ]);
  }, 30_000);

  it('works a long job in bounded slices, each going on from the cursor, every step once', async () => {
    const url = await freshLibrary();
    const queue = queueOf(url, { sliceMs: 1_000 });
    const cursor = new Map<string, number>();
    const done: string[] = [];
    const ids = new Set<string>();
    const work = steppedWork(cursor, done, 25, 100);
    await queue.work('count', async (payload, context) => {
      ids.add(context.id);
      await work(payload, context);
    });
    await queue.enqueue(request('long'));
    const ended = await eventually(
      () => queue.state('long'),
      (s) => s?.status === 'completed',
      40_000,
    );
    expect(ended?.status).toBe('completed');
    expect(done).toEqual(Array.from({ length: 25 }, (_, i) => `long#${i}`));
    // 2.5 s of steps in slices of 1 s: three jobs or more, one after the other.
    expect(ids.size).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("hands a stopping process's job to another, which goes on from the cursor", async () => {
    const url = await freshLibrary();
    const cursor = new Map<string, number>();
    const done: string[] = [];
    const stopping = queueOf(url);
    const started = latch();
    const work = steppedWork(cursor, done, 20, 100);
    await stopping.work('count', async (payload, context) => {
      started.open();
      await work(payload, context);
    });
    await stopping.enqueue(request('handed'));
    await started.promise;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stopping.stop();
    const stoppedAt = cursor.get('handed') ?? 0;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(20);

    const other = queueOf(url);
    await other.work('count', work);
    const ended = await eventually(
      () => other.state('handed'),
      (s) => s?.status === 'completed',
      20_000,
    );
    expect(ended?.status).toBe('completed');
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => `handed#${i}`));
  }, 40_000);

  it("takes a process's new slice length as the queue's expiry (three slices)", async () => {
    const url = await freshLibrary();
    const expiry = async () => {
      const coordination = aProcess(url);
      const { rows } = await coordination.pool.query<{ expire: number }>(
        `SELECT "expire_seconds" AS "expire" FROM "${coordination.jobSchema}"."queue" WHERE "name" = 'count'`,
      );
      return rows[0]?.expire;
    };
    await queueOf(url, { sliceMs: 60_000 }).enqueue(request('a'));
    expect(await expiry()).toBe(180);
    await queueOf(url, { sliceMs: 2_000 }).enqueue(request('b'));
    expect(await expiry()).toBe(6);
  });

  it('refuses a new job while too many wait, across processes (JOBS.BUSY), and still joins a live one', async () => {
    const url = await freshLibrary();
    const [one, two] = [queueOf(url, { maxWaiting: 2 }), queueOf(url, { maxWaiting: 2 })];
    await one.enqueue(request('w1'));
    await two.enqueue(request('w2'));
    await expect(one.enqueue(request('w3'))).rejects.toMatchObject({ code: 'JOBS.BUSY' });
    expect((await two.enqueue(request('w1'))).status).toBe('pending');
  });
});
