// A service's rate limit held across every Narada process of one PostgreSQL database (`narada serve`
// and `narada worker` on any number of machines): one row per service in `rate_limit_slots` holds the
// theoretical arrival time of the next request (GCRA), claimed with one atomic upsert that returns the
// slot this caller may start at; the caller then sleeps until that slot through the Clock. Times come
// from the database's clock, so machines whose clocks differ still space their requests correctly.
import type { Clock } from '../../application/ports/clock.port.js';
import type { RateLimiter } from '../connectors/http/rate-limiter.js';
import type { PostgresCoordination } from './postgres-coordination.js';

export interface PostgresRateLimiterOptions {
  readonly coordination: PostgresCoordination;
  /** The row's name: `musicbrainz`, `lastfm`. */
  readonly service: string;
  /** Least time between two starts, across all processes. */
  readonly intervalMs: number;
  /** Starts allowed at once after a quiet spell (1: strictly spaced). */
  readonly burst?: number;
  readonly clock: Clock;
  /** Told when a pause cannot be stored (the log); the pause still holds in this process. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Slots are spaced by the service's interval plus 2.5%: a request leaves a round trip after its slot
 * was computed, and the two round trips of two processes differ by a few milliseconds.
 */
export const SLOT_MARGIN = 1.025;

/** `local` first (this process's own pacing), then a slot of `shared`; a pause holds both. */
export function inTurn(local: RateLimiter, shared: RateLimiter): RateLimiter {
  return {
    schedule: (task) => local.schedule(() => shared.schedule(task)),
    pauseFor: (ms) => {
      local.pauseFor(ms);
      shared.pauseFor(ms);
    },
  };
}

const NOW_MS = `CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS bigint)`;

export class PostgresRateLimiter implements RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private pausedUntil = 0;

  constructor(private readonly options: PostgresRateLimiterOptions) {
    this.intervalMs = Math.max(1, Math.ceil(options.intervalMs));
    this.toleranceMs = (Math.max(1, Math.floor(options.burst ?? 1)) - 1) * this.intervalMs;
  }

  async schedule<T>(task: () => Promise<T>): Promise<T> {
    const { clock } = this.options;
    // A pause this process was told of holds before the claim, so no slot is wasted on it.
    for (let now = clock.now(); now < this.pausedUntil; now = clock.now())
      await clock.sleep(this.pausedUntil - now);
    const wait = await this.claim();
    if (wait > 0) await clock.sleep(wait);
    return task();
  }

  pauseFor(ms: number): void {
    const { coordination, service, clock } = this.options;
    this.pausedUntil = Math.max(this.pausedUntil, clock.now() + Math.max(0, ms));
    // Every process waits it out: no slot is handed out before the pause ends.
    coordination.pool
      .query(
        `INSERT INTO "rate_limit_slots" ("service", "next_at") VALUES ($1, ${NOW_MS} + $2)
         ON CONFLICT ("service") DO UPDATE
           SET "next_at" = GREATEST("rate_limit_slots"."next_at", excluded."next_at")`,
        [service, Math.max(0, Math.ceil(ms)) + this.toleranceMs],
      )
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** Takes the next slot; resolves to how long to wait for it (ms, by the database's clock). */
  private async claim(): Promise<number> {
    const { rows } = await this.options.coordination.pool.query<{ wait: string }>(
      `WITH "clock" AS (SELECT ${NOW_MS} AS "now")
       INSERT INTO "rate_limit_slots" ("service", "next_at")
         SELECT $1, "clock"."now" + $2 FROM "clock"
       ON CONFLICT ("service") DO UPDATE
         SET "next_at" = GREATEST("rate_limit_slots"."next_at", excluded."next_at" - $2) + $2
       RETURNING GREATEST(0, "next_at" - $2 - $3 - (SELECT "now" FROM "clock")) AS "wait"`,
      [this.options.service, this.intervalMs, this.toleranceMs],
    );
    return Number(rows[0]?.wait ?? 0);
  }
}
