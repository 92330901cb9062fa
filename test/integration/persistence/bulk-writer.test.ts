import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TrackId } from '../../../src/domain/track/track.js';
import { BulkWriter } from '../../../src/infrastructure/persistence/bulk-writer.js';
import { DailyListensEntity } from '../../../src/infrastructure/persistence/history/daily-listens.entity.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

describe('BulkWriter with the `add` conflict policy (counters)', () => {
  const temp = tempDatabasePerTest();
  let track: TrackId;

  beforeEach(async () => {
    track = (await temp.repos.tracks.insertMany([aTrackDraft()], AT))[0]!;
  });

  const row = (date: string, listenCount: number, totalMsPlayed: number): DailyListensEntity => ({
    user: 'u',
    trackId: track,
    date,
    listenCount,
    totalMsPlayed,
  });

  it('adds to the rows a key already has, in multi-row statements and in the single-row remainder', async () => {
    const { db } = temp;
    const writer = BulkWriter.for(db, DailyListensEntity, {
      conflict: { kind: 'add', keys: ['user', 'date', 'trackId'] },
    });
    // 120 rows over 30 days: two full statements of 50 rows and 20 single ones, each day four times,
    // so keys repeat inside one statement as well as across statements and calls.
    const days = Array.from({ length: 30 }, (_, d) => `2024-01-${String(d + 1).padStart(2, '0')}`);
    const rows = Array.from({ length: 120 }, (_, i) => row(days[i % 30]!, 1, 100));
    await db.unitOfWork.bulk(() => writer.write(rows));
    await db.unitOfWork.bulk(() => writer.write([row('2024-01-01', 2, 50)]));

    const stored = await temp.query<{ date: string; n: number; ms: number }>(
      `SELECT "date", "listen_count" AS "n", "total_ms_played" AS "ms" FROM "daily_listens" ORDER BY "date"`,
    );
    expect(stored).toHaveLength(30);
    expect(stored[0]).toEqual({ date: '2024-01-01', n: 6, ms: 450 });
    expect(stored.slice(1).every((r) => r.n === 4 && r.ms === 400)).toBe(true);
  });
});
