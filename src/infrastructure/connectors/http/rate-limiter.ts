// Per-service rate limiters. One instance per service per process: every caller of that service goes
// through it, so the limit holds however many use cases run at once.
import type { Clock } from '../../../application/ports/clock.port.js';
import { systemClock } from '../../clock/system-clock.js';

export interface RateLimiter {
  /** Runs `task` when the service's limit allows it. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
  /** Holds back every caller that has not started yet for `ms` (the service said "slow down"). */
  pauseFor(ms: number): void;
}

/** The shared "not before" instant that a 429 or 503 sets for every caller of a service. */
class PauseGate {
  private pausedUntil = 0;

  constructor(private readonly clock: Clock) {}

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + Math.max(0, ms));
  }

  /** Resolves once neither the pause nor `notBefore` lies ahead; re-checks because a pause may grow. */
  async waitUntilOpen(notBefore = 0): Promise<void> {
    for (;;) {
      const target = Math.max(this.pausedUntil, notBefore);
      const now = this.clock.now();
      if (now >= target) return;
      await this.clock.sleep(target - now);
    }
  }
}

/**
 * One request at a time, the next starting at least `intervalMs` after the previous one finished
 * (MusicBrainz: 1 request/second). The gap is counted from the previous answer, not the previous
 * start: the server counts arrivals, and we only know our last request had arrived once its answer
 * came back. That costs one round trip per request and keeps the limit strict at the server.
 */
export function serialIntervalLimiter(intervalMs: number, clock: Clock = systemClock): RateLimiter {
  const gate = new PauseGate(clock);
  let tail: Promise<unknown> = Promise.resolve();
  let lastFinishedAt = Number.NEGATIVE_INFINITY;
  return {
    schedule<T>(task: () => Promise<T>): Promise<T> {
      const run = tail.then(async () => {
        await gate.waitUntilOpen(lastFinishedAt + intervalMs);
        try {
          return await task();
        } finally {
          lastFinishedAt = clock.now();
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
    pauseFor: (ms) => gate.pauseFor(ms),
  };
}

/**
 * Up to `burst` requests at once, then `ratePerSecond` on average (Last.fm: about 5/s). Callers are
 * served first come, first served; tasks may overlap.
 */
export function tokenBucketLimiter(
  ratePerSecond: number,
  burst: number,
  clock: Clock = systemClock,
): RateLimiter {
  const gate = new PauseGate(clock);
  const waiting: Array<() => void> = [];
  let tokens = burst;
  let refilledAt = clock.now();
  let pumping = false;

  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) * ratePerSecond) / 1000);
    refilledAt = now;
  };

  // A single pump hands out tokens in arrival order, so a pause or an empty bucket never lets a
  // crowd of waiters through at once.
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        await gate.waitUntilOpen();
        refill();
        if (tokens < 1) {
          await clock.sleep(((1 - tokens) * 1000) / ratePerSecond);
          continue;
        }
        tokens -= 1;
        waiting.shift()?.();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    async schedule<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        void pump();
      });
      return task();
    },
    pauseFor: (ms) => gate.pauseFor(ms),
  };
}

/**
 * No limit of its own (Spotify publishes none) until the service answers 429: then every caller
 * waits out the pause the HTTP client sets from Retry-After.
 */
export function adaptiveLimiter(clock: Clock = systemClock): RateLimiter {
  const gate = new PauseGate(clock);
  return {
    async schedule<T>(task: () => Promise<T>): Promise<T> {
      await gate.waitUntilOpen();
      return task();
    },
    pauseFor: (ms) => gate.pauseFor(ms),
  };
}
