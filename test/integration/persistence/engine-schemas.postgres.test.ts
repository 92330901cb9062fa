// PostgreSQL run only (npm run test:postgres): the same migration classes create the same schema on
// both engines, compared table by table in one normalised shape (schema-shape.ts).
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import type { PostgresDatabase } from '../../../src/infrastructure/persistence/postgres/postgres-database.js';
import pg from 'pg';
import { freshSchemaUrl } from './postgres-test-database.js';
import { postgresSchema, sqliteSchema } from './schema-shape.js';
import { openTestDatabase, tempFolder } from './temp-database.js';

describe('PostgreSQL: the migrations create the SQLite schema', () => {
  const folder = tempFolder();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('has the same tables, columns, keys, named constraints, indexes and triggers on both engines', async () => {
    const sqlite = await openDatabase({ path: join(folder, 'narada.db') });
    const postgres = await openTestDatabase(join(folder, 'unused.db'));
    try {
      const expected = sqliteSchema(sqlite.sqlite);
      const actual = await postgresSchema((postgres.db as unknown as PostgresDatabase).pool);
      // The shape is read for real: a sample of what both must hold.
      expect(expected['tracks']).toMatchObject({
        primaryKey: ['id'],
        constraints: expect.arrayContaining(['CHECK ck_tracks_status', 'FOREIGN KEY fk_tracks_merged_into']),
        indexes: expect.arrayContaining(['idx_tracks_isrc (isrc)']),
      });
      expect(expected['daily_listens']!.primaryKey).toEqual(['user', 'date', 'track_id']);
      expect(expected['listening_events']!.triggers).toHaveLength(2);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const table of Object.keys(expected)) {
        expect({ table, ...actual[table] }).toEqual({ table, ...expected[table] });
      }
      expect((await postgres.db.info()).schemaVersion).toBe((await sqlite.info()).schemaVersion);
    } finally {
      await sqlite.close();
      await postgres.db.close();
      await postgres.drop();
    }
  });

  it('refuses to change or delete a recorded listen, as SQLite does', async () => {
    const postgres = await openTestDatabase(join(folder, 'unused.db'));
    try {
      const { db } = postgres;
      await db.sql.run(
        `INSERT INTO "listening_events" ("user", "source", "played_at", "track_key", "ms_played", "payload")
         VALUES ('u', 'lastfm', 1, 'k', NULL, '{}')`,
      );
      await expect(db.sql.run(`UPDATE "listening_events" SET "ms_played" = 1`)).rejects.toThrow(
        /append-only/,
      );
      await expect(db.sql.run(`DELETE FROM "listening_events"`)).rejects.toThrow(/append-only/);
    } finally {
      await postgres.db.close();
      await postgres.drop();
    }
  });
});

describe('PostgreSQL: migrations that move data, and the unit of work', () => {
  const folder = tempFolder();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('carries rows through the data migrations and counts ids on past the copied ones', async () => {
    const { MIGRATIONS } =
      await import('../../../src/infrastructure/persistence/migrations/all-migrations.js');
    const { applyPostgresMigrations } =
      await import('../../../src/infrastructure/persistence/postgres/postgres-migrations.js');
    const schema = await freshSchemaUrl();
    const pool = new pg.Pool({ connectionString: schema.url });
    try {
      const client = await pool.connect();
      try {
        // Schema 2: before daily_listens is rebuilt and workflow_runs is copied (run owners).
        await client.query('BEGIN');
        await applyPostgresMigrations(client, 'test', MIGRATIONS.slice(0, 2));
        await client.query('COMMIT');
        await client.query(`INSERT INTO "tracks" ("title", "artists", "primary_artist", "status", "confidence",
          "source", "created_at", "updated_at") VALUES ('t', '[]', 'a', 'provisional', 50, 'spotify', 1, 1)`);
        await client.query(`INSERT INTO "daily_listens" VALUES ('u', 1, '2024-01-01', 3, 600)`);
        await client.query(`INSERT INTO "workflow_runs" ("id", "workflow_id", "workflow_name", "status", "dry_run",
          "parameters", "tasks", "api_calls", "started_at") VALUES (7, 'w', 'W', 'running', false, '{}', '[]', '{}', 1)`);
      } finally {
        client.release();
      }
      const db = await openDatabase({ path: join(folder, 'unused.db'), url: schema.url });
      try {
        expect(await db.sql.all(`SELECT "user", "track_id", "listen_count" FROM "daily_listens"`)).toEqual([
          { user: 'u', track_id: 1, listen_count: 3 },
        ]);
        const run = await db.sql.one<{ id: number }>(
          `INSERT INTO "workflow_runs" ("workflow_id", "workflow_name", "status", "dry_run", "parameters", "tasks",
             "api_calls", "started_at") VALUES ('w', 'W', 'running', false, '{}', '[]', '{}', 2) RETURNING "id"`,
        );
        expect(run?.id).toBe(8);
      } finally {
        await db.close();
      }
    } finally {
      await pool.end();
      await schema.drop();
    }
  });

  it('puts the foreign keys back when the track-references migration is undone, and the triggers when it is redone', async () => {
    const { TrackReferencesPerStatement1796428800000: Migration } =
      await import('../../../src/infrastructure/persistence/migrations/1796428800000-track-references-per-statement.js');
    const { renderingRunner } =
      await import('../../../src/infrastructure/persistence/postgres/postgres-migrations.js');
    const postgres = await openTestDatabase(join(folder, 'unused.db'));
    const pool = (postgres.db as unknown as PostgresDatabase).pool;
    const client = await pool.connect();
    const keyed = async () =>
      (
        await client.query(
          `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('"plays"'::regclass, '"daily_listens"'::regclass) ORDER BY 1`,
        )
      ).rows.map((r: { conname: string }) => r.conname);
    const triggered = async () =>
      (
        await client.query(
          `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'fk\\_%' ORDER BY 1`,
        )
      ).rows.map((r: { tgname: string }) => r.tgname);
    const badPlay = `INSERT INTO "plays" ("event_id", "user", "track_id", "played_at") VALUES (1, 'u', 99, 1)`;
    try {
      expect(await keyed()).toEqual([]);
      expect(await triggered()).toHaveLength(8);
      await new Migration().down(renderingRunner(client));
      expect(await keyed()).toEqual(['fk_daily_listens_track_id', 'fk_plays_track_id']);
      expect(await triggered()).toEqual([]);
      await expect(client.query(badPlay)).rejects.toMatchObject({
        code: '23503',
        constraint: 'fk_plays_track_id',
      });
      await new Migration().up(renderingRunner(client));
      expect(await keyed()).toEqual([]);
      expect(await triggered()).toHaveLength(8);
      await expect(client.query(badPlay)).rejects.toMatchObject({
        code: '23503',
        constraint: 'fk_plays_track_id',
      });
    } finally {
      client.release();
      await postgres.db.close();
      await postgres.drop();
    }
  });

  it('runs a unit again after a serialization failure, and refuses integers JavaScript cannot hold', async () => {
    const postgres = await openTestDatabase(join(folder, 'unused.db'));
    try {
      const { db } = postgres;
      let attempts = 0;
      const result = await db.unitOfWork.transaction(async () => {
        attempts += 1;
        await db.sql.run(`INSERT INTO "sync_checkpoints" VALUES (?, NULL, '{}', 1)`, [`k${attempts}`]);
        if (attempts === 1) {
          await db.sql.run(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`);
        }
        return attempts;
      });
      expect(result).toBe(2);
      // The first attempt was undone whole.
      expect(await db.sql.all(`SELECT "key" FROM "sync_checkpoints"`)).toEqual([{ key: 'k2' }]);
      expect(await db.sql.one(`SELECT CAST(9007199254740991 AS bigint) AS "n"`)).toEqual({
        n: 9007199254740991,
      });
      await expect(db.sql.one(`SELECT CAST(9007199254740993 AS bigint) AS "n"`)).rejects.toThrow(
        /beyond the integers JavaScript holds/,
      );
    } finally {
      await postgres.db.close();
      await postgres.drop();
    }
  });
});
