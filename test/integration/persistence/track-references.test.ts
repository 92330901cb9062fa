// A play's track and a daily roll-up's track are checked on both engines: by foreign key on SQLite,
// once per statement by trigger on PostgreSQL (migration 1796428800000). Either way the same rows are
// refused with the engine's foreign-key error, a refused statement writes nothing, and a track that
// plays or roll-ups name can be neither deleted nor given another id.
import { describe, expect, it } from '@jest/globals';
import { FOREIGN_KEY_VIOLATION, onPostgres, tempDatabasePerTest } from './temp-database.js';

const TRACK = `INSERT INTO "tracks" ("id", "title", "artists", "primary_artist", "status", "confidence", "source",
  "created_at", "updated_at") VALUES (?, 'Song', '["A"]', 'A', 'provisional', 50, 'lastfm', 0, 0)`;
const PLAY = `INSERT INTO "plays" ("event_id", "user", "track_id", "played_at", "ms_played") VALUES (?, 'u', ?, ?, NULL)`;
const DAILY = `INSERT INTO "daily_listens" ("user", "track_id", "date", "listen_count", "total_ms_played")
  VALUES ('u', ?, ?, 1, 1000)
  ON CONFLICT ("user", "date", "track_id") DO UPDATE SET "listen_count" = "daily_listens"."listen_count" + 1`;

/** What a refusal names on PostgreSQL, where the triggers raise the foreign key's own message. */
const named = (key: string, detail: RegExp) =>
  onPostgres
    ? {
        code: FOREIGN_KEY_VIOLATION,
        message: expect.stringContaining(key),
        detail: expect.stringMatching(detail),
      }
    : { code: FOREIGN_KEY_VIOLATION };

describe('the references to tracks from plays and daily roll-ups', () => {
  const temp = tempDatabasePerTest();
  const count = async (table: string) =>
    (await temp.query<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0]!.n;

  it('takes plays and roll-ups of a track that exists, and refuses a statement naming one that does not', async () => {
    const { db } = temp;
    await db.sql.run(TRACK, [1]);
    await db.sql.run(PLAY, [10, 1, 1000]);
    await db.sql.run(DAILY, [1, '2024-01-01']);
    await db.sql.run(DAILY, [1, '2024-01-01']);
    expect(await temp.query(`SELECT "listen_count" FROM "daily_listens"`)).toEqual([{ listen_count: 2 }]);

    await expect(db.sql.run(PLAY, [11, 99, 2000])).rejects.toMatchObject(
      named('fk_plays_track_id', /Key \(track_id\)=\(99\) is not present in table "tracks"/),
    );
    // One bad row among good ones: the statement is refused whole.
    await expect(
      db.sql.run(
        `INSERT INTO "plays" ("event_id", "user", "track_id", "played_at") VALUES (12, 'u', 1, 3000), (13, 'u', 98, 4000)`,
      ),
    ).rejects.toMatchObject(named('fk_plays_track_id', /=\(98\)/));
    await expect(db.sql.run(DAILY, [97, '2024-01-02'])).rejects.toMatchObject(
      named('fk_daily_listens_track_id', /=\(97\)/),
    );
    expect(await count('plays')).toBe(1);
    expect(await count('daily_listens')).toBe(1);
  });

  it('refuses moving a play or roll-up to a track that does not exist, and takes a move to one that does', async () => {
    const { db } = temp;
    await db.sql.run(TRACK, [1]);
    await db.sql.run(TRACK, [2]);
    await db.sql.run(PLAY, [10, 1, 1000]);
    await db.sql.run(DAILY, [1, '2024-01-01']);
    await expect(db.sql.run(`UPDATE "plays" SET "track_id" = 99`)).rejects.toMatchObject(
      named('fk_plays_track_id', /=\(99\)/),
    );
    await expect(db.sql.run(`UPDATE "daily_listens" SET "track_id" = 99`)).rejects.toMatchObject(
      named('fk_daily_listens_track_id', /=\(99\)/),
    );
    await db.sql.run(`UPDATE "plays" SET "track_id" = 2`);
    await db.sql.run(`UPDATE "daily_listens" SET "track_id" = 2`);
    expect(
      await temp.query(`SELECT "track_id" FROM "plays" UNION ALL SELECT "track_id" FROM "daily_listens"`),
    ).toEqual([{ track_id: 2 }, { track_id: 2 }]);
  });

  it('keeps a track that plays or roll-ups name, and lets one go that nothing names', async () => {
    const { db } = temp;
    for (const id of [1, 2, 3]) await db.sql.run(TRACK, [id]);
    await db.sql.run(PLAY, [10, 1, 1000]);
    await db.sql.run(DAILY, [2, '2024-01-01']);
    await expect(db.sql.run(`DELETE FROM "tracks" WHERE "id" = 1`)).rejects.toMatchObject(
      named('fk_plays_track_id', /Key \(id\)=\(1\) is still referenced from table "plays"/),
    );
    await expect(db.sql.run(`DELETE FROM "tracks" WHERE "id" IN (2, 3)`)).rejects.toMatchObject(
      named('fk_daily_listens_track_id', /Key \(id\)=\(2\) is still referenced from table "daily_listens"/),
    );
    await expect(db.sql.run(`UPDATE "tracks" SET "id" = 50 WHERE "id" = 1`)).rejects.toMatchObject(
      named('fk_plays_track_id', /=\(1\)/),
    );
    await db.sql.run(`DELETE FROM "tracks" WHERE "id" = 3`);
    await db.sql.run(`UPDATE "tracks" SET "title" = 'Renamed' WHERE "id" = 1`);
    expect(await temp.query(`SELECT "id", "title" FROM "tracks" ORDER BY "id"`)).toEqual([
      { id: 1, title: 'Renamed' },
      { id: 2, title: 'Song' },
    ]);
  });
});
