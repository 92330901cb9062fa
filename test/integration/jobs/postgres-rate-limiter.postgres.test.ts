// Rate limits held across processes: two limiters on two pools of one PostgreSQL database (as a serve
// and a worker on two machines) make requests to the fake MusicBrainz, which answers 503 to any two
// arrivals less than a second apart; none is refused. Last.fm's limit lets a burst through, then
// spaces the rest, across both.
import { describe, expect, it } from '@jest/globals';
import type { Clock } from '../../../src/application/ports/clock.port.js';
import { systemClock } from '../../../src/infrastructure/clock/system-clock.js';
import { PostgresRateLimiter, SLOT_MARGIN } from '../../../src/infrastructure/jobs/postgres-rate-limiter.js';
import { startFakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { afterTest, aProcess, freshLibrary } from './postgres-jobs-kit.js';

function limiterOf(url: string, service: string, intervalMs: number, burst = 1, clock: Clock = systemClock) {
  return new PostgresRateLimiter({ coordination: aProcess(url), service, intervalMs, burst, clock });
}

describe('PostgreSQL rate limits', () => {
  it('keeps MusicBrainz at 1 request/s across two processes', async () => {
    const url = await freshLibrary();
    const fake = await startFakeMusicBrainz();
    afterTest(() => fake.close());
    const limiters = [1, 2].map(() => limiterOf(url, 'musicbrainz', 1000 * SLOT_MARGIN));
    const statuses: number[] = [];
    const ask = async (limiter: PostgresRateLimiter, n: number) => {
      for (let i = 0; i < n; i++) {
        const response = await limiter.schedule(() =>
          fetch(`${fake.url}/recording?query=x&fmt=json`, {
            headers: { 'user-agent': 'test/1 ( t@example.org )' },
          }),
        );
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    };
    const started = Date.now();
    await Promise.all(limiters.map((limiter) => ask(limiter, 4)));

    expect(statuses).toHaveLength(8);
    expect(statuses.filter((status) => status === 503)).toEqual([]);
    expect(fake.maxRequestsInAnyWindow(1000)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(7 * 1000);
  }, 30_000);

  it('lets a burst of Last.fm calls through, then spaces the rest across both processes', async () => {
    const url = await freshLibrary();
    const limiters = [1, 2].map(() => limiterOf(url, 'lastfm', 200, 5));
    const starts: number[] = [];
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 6 }, () => limiter.schedule(async () => void starts.push(Date.now()))),
      ),
    );
    starts.sort((a, b) => a - b);
    const first = starts[0]!;
    // 12 calls at 5/s with a burst of 5: the 12th no sooner than 7 intervals after the first.
    expect(starts.slice(0, 5).every((t) => t - first < 150)).toBe(true);
    expect(starts[11]! - first).toBeGreaterThanOrEqual(7 * 200 - 50);
  });

  it('holds every process back while one of them was told to slow down', async () => {
    const url = await freshLibrary();
    const [told, other] = [limiterOf(url, 'musicbrainz', 100), limiterOf(url, 'musicbrainz', 100)];
    await told.schedule(async () => undefined);
    const paused = Date.now();
    told.pauseFor(1_500);
    // The pause is stored without waiting; give it a moment to land, as a 503 answer would.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await other.schedule(async () => undefined);
    expect(Date.now() - paused).toBeGreaterThanOrEqual(1_400);
  });
});
