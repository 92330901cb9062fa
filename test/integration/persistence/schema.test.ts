import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITIES } from '../../../src/infrastructure/persistence/data-source.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { LATEST_MIGRATION, MIGRATION_NAMES, migrationsFrom, undoBackTo } from './migration-steps.js';
import { tempFolder } from './temp-database.js';

/** Tables only raw-SQL adapters use (no TypeORM entity): identity's, the library's, schedules' and the server users'. */
const RAW_SQL_TABLES = [
  'identity_attempts',
  'job_events',
  'library_files',
  'listen_links',
  'playing_now',
  'rate_limit_slots',
  'schedules',
  'server_users',
  'track_merges',
];

const EXPECTED_TABLES = [
  'connector_tracks',
  'daily_listens',
  'http_cache',
  'import_runs',
  'likes',
  'listening_events',
  'playlist_items',
  'playlists',
  'plays',
  'sync_checkpoints',
  'track_mappings',
  'track_metrics',
  'tracks',
  'workflow_runs',
];

describe('opening the database', () => {
  let folder: string;

  beforeAll(() => {
    folder = tempFolder();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the parent folder and the whole schema on first open', async () => {
    const path = join(folder, 'nested', 'deeper', 'narada.db');
    const db = await openDatabase({ path });
    try {
      const tables = db.sqlite
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all()
        .map((t) => t.name);
      expect(tables).toEqual([...EXPECTED_TABLES, ...RAW_SQL_TABLES, 'migrations'].sort());
      const info = await db.info();
      expect(info).toMatchObject({
        schemaVersion: MIGRATION_NAMES.length,
        latestMigration: LATEST_MIGRATION,
      });
    } finally {
      await db.close();
    }
  });

  it('applies no migration on a second open or a second migrate (migrations are idempotent)', async () => {
    const path = join(folder, 'twice.db');
    await (await openDatabase({ path })).close();
    const db = await openDatabase({ path });
    try {
      expect(await db.migrate()).toEqual([]);
      const info = await db.info();
      expect(info.schemaVersion).toBe(MIGRATION_NAMES.length);
      expect(info.pendingMigrations).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('leaves nothing for TypeORM to change: the entities and the migrations describe the same schema', async () => {
    const db = await openDatabase({ path: join(folder, 'diff.db') });
    try {
      const diff = await db.dataSource.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
      expect(ENTITIES.map((e) => db.dataSource.getMetadata(e).tableName).sort()).toEqual(EXPECTED_TABLES);
    } finally {
      await db.close();
    }
  });

  it('sets WAL journaling, foreign keys, a 250 ms busy-wait slice and NORMAL synchronous on the connection', async () => {
    const db = await openDatabase({ path: join(folder, 'pragmas.db') });
    try {
      const pragma = (name: string) => db.sqlite.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('busy_timeout')).toBe(250);
      expect(pragma('synchronous')).toBe(1);
      expect(pragma('cache_size')).toBe(-32768);
      expect(pragma('wal_autocheckpoint')).toBe(16384);
      // Foreign keys are enforced, not just declared.
      expect(() =>
        db.sqlite
          .prepare(
            `INSERT INTO likes (service, external_id, track_id, liked_at) VALUES ('spotify', 'x', 999, NULL)`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      await db.close();
    }
  });

  it('re-keys an existing daily_listens by day without losing a row, and can take it back', async () => {
    const path = join(folder, 'upgrade.db');
    const db = await openDatabase({ path });
    try {
      const { sqlite, dataSource } = db;
      // Back to before migration 3, the later ones undone first.
      await undoBackTo(dataSource, 'DailyListensByDay1795478400000');
      sqlite
        .prepare(
          `INSERT INTO tracks (title, artists, primary_artist, status, confidence, source, created_at, updated_at)
        VALUES ('Song', '["A"]', 'A', 'provisional', 50, 'lastfm', 0, 0)`,
        )
        .run();
      const insert = sqlite.prepare(`INSERT INTO daily_listens VALUES ('u', 1, ?, ?, ?)`);
      for (const [date, count] of [
        ['2024-01-02', 2],
        ['2024-01-01', 1],
      ] as const)
        insert.run(date, count, count * 10);
      const shape = () =>
        sqlite
          .prepare<[], { sql: string }>(
            `SELECT sql FROM sqlite_master WHERE tbl_name = 'daily_listens' ORDER BY name`,
          )
          .all()
          .map((r) => r.sql);
      expect(shape().join('\n')).toContain('idx_daily_listens_track_id_date');

      expect(await db.migrate()).toEqual(migrationsFrom('DailyListensByDay1795478400000'));
      expect(shape()).toHaveLength(1);
      expect(shape()[0]).toMatch(/PRIMARY KEY \("user", "date", "track_id"\)\) WITHOUT ROWID$/);
      const rows = () => sqlite.prepare(`SELECT * FROM daily_listens ORDER BY date`).all();
      expect(rows()).toEqual([
        { user: 'u', track_id: 1, date: '2024-01-01', listen_count: 1, total_ms_played: 10 },
        { user: 'u', track_id: 1, date: '2024-01-02', listen_count: 2, total_ms_played: 20 },
      ]);
      // Foreign keys still hold on the rebuilt table.
      expect(() => insert.run('2024-01-03', 1, 1)).not.toThrow();
      expect(() =>
        sqlite.prepare(`INSERT INTO daily_listens VALUES ('u', 999, '2024-01-03', 1, 1)`).run(),
      ).toThrow(/FOREIGN KEY/);

      await undoBackTo(dataSource, 'DailyListensByDay1795478400000');
      expect(shape().join('\n')).toContain('idx_daily_listens_track_id_date');
      expect(rows()).toHaveLength(3);
    } finally {
      await db.close();
    }
  });

  it('hands out the raw handle of the very connection TypeORM uses', async () => {
    const db = await openDatabase({ path: join(folder, 'handle.db') });
    try {
      await expect(
        db.unitOfWork.transaction(async () => {
          await db.dataSource.query(
            `INSERT INTO sync_checkpoints (key, cursor, state, updated_at) VALUES ('k', NULL, '{}', 1)`,
          );
          // An uncommitted row is visible only on the connection that wrote it.
          expect(db.sqlite.prepare(`SELECT COUNT(*) AS n FROM sync_checkpoints`).get()).toEqual({ n: 1 });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(db.sqlite.prepare(`SELECT COUNT(*) AS n FROM sync_checkpoints`).get()).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });

  it('refuses a database that a newer Narada has migrated, naming the unknown migration', async () => {
    const path = join(folder, 'newer.db');
    const first = await openDatabase({ path });
    first.sqlite
      .prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`)
      .run(1900000000000, 'FutureChange1900000000000');
    await first.close();
    await expect(openDatabase({ path })).rejects.toMatchObject({
      code: 'DATABASE.NEWER_SCHEMA',
      message: expect.stringContaining('FutureChange1900000000000'),
    });
  });

  it('reports a path it cannot open as a configuration error that names the path', async () => {
    const path = join(folder, 'a-folder.db');
    mkdirSync(path);
    await expect(openDatabase({ path })).rejects.toMatchObject({
      code: 'DATABASE.OPEN_FAILED',
      category: 'config',
      message: expect.stringContaining(path),
    });
  });
});
