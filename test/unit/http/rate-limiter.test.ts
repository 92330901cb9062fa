import { describe, expect, it } from '@jest/globals';
import {
  adaptiveLimiter,
  serialIntervalLimiter,
  tokenBucketLimiter,
  type RateLimiter,
} from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { ManualClock } from './manual-clock.js';

interface Run {
  readonly start: number;
  readonly end: number;
}

/** Schedules `count` tasks at once, each taking `durationMs`; records when each ran. */
function scheduleMany(limiter: RateLimiter, clock: ManualClock, count: number, durationMs = 0) {
  const runs: Run[] = [];
  let active = 0;
  let maxActive = 0;
  const done = Array.from({ length: count }, () =>
    limiter.schedule(async () => {
      const start = clock.now();
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (durationMs > 0) await clock.sleep(durationMs);
      active -= 1;
      runs.push({ start, end: clock.now() });
    }),
  );
  return { runs, done: Promise.all(done), maxActive: () => maxActive };
}

describe('serialIntervalLimiter', () => {
  it('runs concurrent callers one at a time, each starting an interval after the previous answer', async () => {
    const clock = new ManualClock(10_000);
    const batch = scheduleMany(serialIntervalLimiter(1000, clock), clock, 5, 50);
    await clock.advance(10_000);
    await batch.done;
    expect(batch.maxActive()).toBe(1);
    expect(batch.runs.map((r) => r.start - 10_000)).toEqual([0, 1050, 2100, 3150, 4200]);
  });

  it('keeps serving the queue after a task fails, and hands the failure to its own caller', async () => {
    const clock = new ManualClock();
    const limiter = serialIntervalLimiter(1000, clock);
    const failing = limiter.schedule(() => Promise.reject(new Error('boom')));
    const next = limiter.schedule(async () => clock.now());
    const failed = expect(failing).rejects.toThrow('boom');
    await clock.advance(1000);
    await failed;
    await expect(next).resolves.toBe(1000);
  });

  it('holds the next request back for a pause set by a 503', async () => {
    const clock = new ManualClock();
    const limiter = serialIntervalLimiter(1000, clock);
    await limiter.schedule(async () => undefined);
    limiter.pauseFor(5000);
    const next = limiter.schedule(async () => clock.now());
    await clock.advance(6000);
    await expect(next).resolves.toBe(5000);
  });
});

describe('tokenBucketLimiter', () => {
  it('lets a burst through at once, then holds callers to the rate', async () => {
    const clock = new ManualClock();
    const batch = scheduleMany(tokenBucketLimiter(5, 2, clock), clock, 7);
    await clock.advance(2000);
    await batch.done;
    expect(batch.runs.map((r) => r.start)).toEqual([0, 0, 200, 400, 600, 800, 1000]);
  });

  it('lets tasks overlap: the limit is on starts, not on concurrency', async () => {
    const clock = new ManualClock();
    const batch = scheduleMany(tokenBucketLimiter(5, 3, clock), clock, 3, 1000);
    await clock.advance(2000);
    await batch.done;
    expect(batch.maxActive()).toBe(3);
  });

  it('after a pause releases waiting callers at the rate, not all at once', async () => {
    const clock = new ManualClock();
    const limiter = tokenBucketLimiter(5, 1, clock);
    limiter.pauseFor(1000);
    const batch = scheduleMany(limiter, clock, 4);
    await clock.advance(3000);
    await batch.done;
    expect(batch.runs.map((r) => r.start)).toEqual([1000, 1200, 1400, 1600]);
  });
});

describe('adaptiveLimiter', () => {
  it('does not hold anyone back until a pause is set', async () => {
    const clock = new ManualClock();
    const batch = scheduleMany(adaptiveLimiter(clock), clock, 20, 100);
    await clock.advance(100);
    await batch.done;
    expect(batch.maxActive()).toBe(20);
    expect(new Set(batch.runs.map((r) => r.start))).toEqual(new Set([0]));
  });

  it('makes every new caller wait out a pause, and a shorter pause never shortens a longer one', async () => {
    const clock = new ManualClock();
    const limiter = adaptiveLimiter(clock);
    limiter.pauseFor(3000);
    limiter.pauseFor(1000);
    const batch = scheduleMany(limiter, clock, 3);
    await clock.advance(2999);
    expect(batch.runs).toHaveLength(0);
    await clock.advance(1);
    await batch.done;
    expect(batch.runs.map((r) => r.start)).toEqual([3000, 3000, 3000]);
  });

  it('extends a running pause when another 429 arrives during it', async () => {
    const clock = new ManualClock();
    const limiter = adaptiveLimiter(clock);
    limiter.pauseFor(1000);
    const waiting = limiter.schedule(async () => clock.now());
    await clock.advance(500);
    limiter.pauseFor(2000);
    await clock.advance(3000);
    await expect(waiting).resolves.toBe(2500);
  });
});
