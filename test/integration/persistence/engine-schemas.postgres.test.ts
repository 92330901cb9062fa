// PostgreSQL run only (npm run test:postgres): the same migration classes create the same schema on
// both engines, compared table by table in one normalised shape (schema-shape.ts).
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import type { PostgresDatabase } from '../../../src/infrastructure/persistence/postgres/postgres-database.js';
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
