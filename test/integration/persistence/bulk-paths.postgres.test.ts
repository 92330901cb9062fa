// PostgreSQL run only (npm run test:postgres): the import's bulk paths as PostgreSQL runs them. Ledger
// events are COPied straight in, or through a staging table when the ledger may hold some; other rows travel as one JSON text (json_to_recordset)
// in named prepared statements; a large import asks for ANALYZE of its tables itself, and commits
// its batches without waiting for the log to reach the disk (it redoes them after a crash).
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import { BulkWriter } from '../../../src/infrastructure/persistence/bulk-writer.js';
import { DailyListensEntity } from '../../../src/infrastructure/persistence/history/daily-listens.entity.js';
import type { PostgresDatabase } from '../../../src/infrastructure/persistence/postgres/postgres-database.js';
import { TableStatistics } from '../../../src/infrastructure/persistence/postgres/table-statistics.js';
import { createRepositories } from '../../../src/infrastructure/persistence/repositories.js';
import { TrackEntity } from '../../../src/infrastructure/persistence/tracks/track.entity.js';
import { trackDraftToRow } from '../../../src/infrastructure/persistence/tracks/track.mapper.js';
import { aTrackDraft, AT, openTestDatabase, tempFolder, type TestDatabase } from './temp-database.js';

const anEvent = (i: number, payload = `{"i":${i}}`): RawListeningEvent => ({
  user: 'ann',
  source: 'lastfm',
  playedAt: 1_600_000_000_000 + i * 1000,
  trackKey: `artist\u0000song ${i % 7}`.replace('\u0000', '|'),
  msPlayed: i % 2 === 0 ? null : 1000 + i,
  payload,
  importRunId: null,
});

describe('PostgreSQL bulk paths', () => {
  const folder = tempFolder();
  let db: TestDatabase;
  let drop: () => Promise<void>;
  beforeEach(async () => ({ db, drop } = await openTestDatabase(join(folder, 'unused.db'))));
  afterEach(async () => {
    await db.close();
    await drop();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lets a redoable transaction commit before its log is flushed, and no other', async () => {
    const setting = async () =>
      (await db.sql.all<{ synchronous_commit: string }>('SHOW synchronous_commit'))[0]!.synchronous_commit;
    const { unitOfWork } = createRepositories(db);
    expect(await unitOfWork.transaction(setting, { redoable: true })).toBe('off');
    expect(await unitOfWork.transaction(setting)).toBe('on');
    // Only for that transaction: the connection goes back to the pool as it was.
    expect(await setting()).toBe('on');
  });

  it('appends ledger events byte for byte, reporting each new id and a repeated key as null', async () => {
    const odd = `{"name":"Sigur R\u00f3s \u2014 \\"Hopp\u00edpolla\\"","path":"C:\\\\x","emoji":"\u{1F3B5}","line":"a\\nb"}`;
    const events = [anEvent(1, odd), anEvent(2), anEvent(1, '{"again":true}'), anEvent(3)];
    const { listenRecording } = createRepositories(db);

    const ids = await listenRecording.appendEvents(events);
    const again = await listenRecording.appendEvents([anEvent(3), anEvent(4)]);

    expect(ids[0]).toEqual(expect.any(Number));
    expect(ids[2]).toBeNull();
    expect(new Set(ids.filter((id) => id !== null)).size).toBe(3);
    expect(again[0]).toBeNull();
    expect(again[1]).toEqual(expect.any(Number));
    const stored = await db.sql.all<{ payload: string; msPlayed: number | null }>(
      `SELECT "payload" AS "payload", "ms_played" AS "msPlayed" FROM "listening_events" ORDER BY "id"`,
    );
    expect(stored.map((r) => r.payload)).toEqual([odd, '{"i":2}', '{"i":3}', '{"i":4}']);
    expect(stored.map((r) => r.msPlayed)).toEqual([1001, null, 1003, null]);
  });

  it('copies a batch straight in, and when another transaction stores one of its keys meanwhile, takes the staged way', async () => {
    const { listenRecording, unitOfWork } = createRepositories(db);
    let firstAppended!: () => void;
    const appended = new Promise<void>((resolve) => (firstAppended = resolve));
    let releaseFirst!: () => void;
    const release = new Promise<void>((resolve) => (releaseFirst = resolve));
    // The first holds events 5 and 6, uncommitted, while the second looks at the span and finds nothing.
    const first = unitOfWork.transaction(async () => {
      const ids = await listenRecording.appendEvents([anEvent(5), anEvent(6)]);
      firstAppended();
      await release;
      return ids;
    });
    await appended;
    const second = unitOfWork.transaction(() => listenRecording.appendEvents([anEvent(6), anEvent(7)]));
    // The second's COPY waits on key 6 until the first commits, then fails on it and is undone.
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseFirst();
    const [firstIds, secondIds] = await Promise.all([first, second]);

    expect(firstIds).toEqual([expect.any(Number), expect.any(Number)]);
    expect(secondIds).toEqual([null, expect.any(Number)]);
    const stored = await db.sql.all<{ id: number; payload: string }>(
      `SELECT "id" AS "id", "payload" AS "payload" FROM "listening_events" ORDER BY "played_at"`,
    );
    expect(stored).toEqual([
      { id: firstIds[0], payload: '{"i":5}' },
      { id: firstIds[1], payload: '{"i":6}' },
      { id: secondIds[1], payload: '{"i":7}' },
    ]);
  });

  it('numbers inserted rows in row order and folds the roll-ups of one key as SQLite adds them', async () => {
    const tracks = BulkWriter.for(db, TrackEntity, { omit: ['id'], conflict: { kind: 'fail' } });
    const daily = BulkWriter.for(db, DailyListensEntity, {
      conflict: { kind: 'add', keys: ['user', 'date', 'trackId'] },
    });
    const titles = Array.from({ length: 7 }, (_, i) => `Song "${i}" \\ ${'\u00e9'.repeat(i)}`);

    const ids = await db.unitOfWork.write(() =>
      tracks.insertEach(titles.map((title) => trackDraftToRow(aTrackDraft({ title }), AT))),
    );
    const row = (listenCount: number, date = '2024-01-01') => ({
      user: 'ann',
      trackId: ids[0]!,
      date,
      listenCount,
      totalMsPlayed: listenCount * 10,
    });
    await db.unitOfWork.write(() => daily.write([row(1), row(2), row(1, '2024-01-02')]));
    await db.unitOfWork.write(() => daily.write([row(4)]));

    const stored = await db.sql.all<{ id: number; title: string }>(
      `SELECT "id" AS "id", "title" AS "title" FROM "tracks" ORDER BY "id"`,
    );
    expect(stored.map((t) => t.id)).toEqual(ids);
    expect(stored.map((t) => t.title)).toEqual(titles);
    const days = await db.sql.all<{ date: string; count: number; ms: number }>(
      `SELECT "date" AS "date", "listen_count" AS "count", "total_ms_played" AS "ms"
         FROM "daily_listens" ORDER BY "date"`,
    );
    expect(days).toEqual([
      { date: '2024-01-01', count: 7, ms: 70 },
      { date: '2024-01-02', count: 1, ms: 10 },
    ]);
  });

  it('analyses a table once it holds a few thousand rows its statistics do not count, every 5,000 new rows at most', async () => {
    const pool = (db as unknown as PostgresDatabase).pool;
    const analysed = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT "reltuples" AS "n" FROM pg_class WHERE "oid" = CAST('"listening_events"' AS regclass)`,
        )
      ).rows[0]!.n;
    const statistics = new TableStatistics(pool, ['listening_events', 'plays']);
    const insertEvents = (from: number, to: number) =>
      db.sql.run(
        `INSERT INTO "listening_events" ("user", "source", "played_at", "track_key", "ms_played", "payload")
         SELECT 'ann', 'lastfm', g, 'k', NULL, '{"a":"' || repeat('x', 200) || '"}'
           FROM generate_series(CAST(? AS bigint), CAST(? AS bigint)) AS g`,
        [from, to],
      );
    await insertEvents(1, 6_000);
    statistics.grew(4_999);
    await statistics.settled();
    expect(await analysed()).toBeLessThan(1);

    statistics.grew(1);
    await statistics.settled();
    expect(await analysed()).toBe(6_000);

    // Not again until the table has doubled.
    await insertEvents(6_001, 10_000);
    statistics.grew(5_000);
    await statistics.settled();
    expect(await analysed()).toBe(6_000);
    await insertEvents(10_001, 13_000);
    statistics.grew(5_000);
    await statistics.settled();
    expect(await analysed()).toBe(13_000);
  });
});
