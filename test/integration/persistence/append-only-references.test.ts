// Migration 11 stops checking the references whose target is never deleted (a ledger event's import
// run, a play's event, a duplicate play's first play). SQLite has no DROP CONSTRAINT, so the migration
// rebuilds the ledger and plays: every row and id must survive, the references that stay checked
// (listen_links to plays, plays to tracks) must still hold, and the ledger must stay append-only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { migrationsFrom, undoBackTo } from './migration-steps.js';
import { tempFolder } from './temp-database.js';

const MIGRATION = 'AppendOnlyReferences1796342400000';

describe('the append-only references migration on SQLite', () => {
  let folder: string;

  beforeAll(() => {
    folder = tempFolder();
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('rebuilds the ledger and plays without those keys, keeping every row, id and other check', async () => {
    const db = await openDatabase({ path: join(folder, 'upgrade.db') });
    try {
      const { sqlite, dataSource } = db;
      await undoBackTo(dataSource, MIGRATION);
      sqlite.exec(`
        INSERT INTO import_runs (id, kind, status, progress, started_at) VALUES (7, 'history:lastfm', 'completed', '{}', 0);
        INSERT INTO tracks (id, title, artists, primary_artist, status, confidence, source, created_at, updated_at)
          VALUES (3, 'Song', '["A"]', 'A', 'provisional', 50, 'lastfm', 0, 0);
        INSERT INTO listening_events VALUES (10, 'u', 'lastfm', 1000, 'a|song', NULL, '{"a":1}', 7);
        INSERT INTO listening_events VALUES (12, 'u', 'spotify', 1500, 'sp:1', 180000, '{"b":"\t"}', NULL);
        INSERT INTO plays VALUES (20, 10, 'u', 3, 1000, NULL, NULL);
        INSERT INTO plays VALUES (21, 12, 'u', 3, 1500, 180000, 20);
        INSERT INTO listen_links (play_id, play_track_id, status, candidates, library_state, by_user, linked_at)
          VALUES (21, 3, 'unlinked', '[]', 's', 0, 0);`);
      const rows = () => ({
        ledger: sqlite.prepare(`SELECT * FROM listening_events ORDER BY id`).all(),
        plays: sqlite.prepare(`SELECT * FROM plays ORDER BY id`).all(),
        links: sqlite.prepare(`SELECT play_id, status FROM listen_links`).all(),
      });
      const before = rows();
      const keys = (table: string) =>
        (sqlite.pragma(`foreign_key_list("${table}")`) as { from: string; table: string }[])
          .map((k) => `${k.from}->${k.table}`)
          .sort();
      expect(keys('plays')).toEqual([
        'duplicate_of->plays',
        'event_id->listening_events',
        'track_id->tracks',
      ]);

      expect(await db.migrate()).toEqual(migrationsFrom(MIGRATION));

      expect(rows()).toEqual(before);
      expect(keys('plays')).toEqual(['track_id->tracks']);
      expect(keys('listening_events')).toEqual([]);
      expect(keys('listen_links')).toEqual(['play_id->plays', 'play_track_id->tracks', 'track_id->tracks']);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const indexes = sqlite
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ('plays', 'listening_events') AND sql IS NOT NULL ORDER BY name`,
        )
        .all()
        .map((r) => r.name);
      expect(indexes).toEqual([
        'idx_plays_track_id',
        'idx_plays_user_played_at',
        'trg_listening_events_no_delete',
        'trg_listening_events_no_update',
      ]);
      // Still refused: a changed or removed listen, a link to no play, a play of no track, a second
      // play of one event. A play of event 999 is no longer the database's to refuse.
      expect(() => sqlite.prepare(`UPDATE listening_events SET payload = 'x' WHERE id = 10`).run()).toThrow(
        /append-only/,
      );
      expect(() => sqlite.prepare(`DELETE FROM listening_events WHERE id = 10`).run()).toThrow(/append-only/);
      expect(() =>
        sqlite
          .prepare(
            `INSERT INTO listen_links (play_id, play_track_id, status, candidates, library_state, by_user, linked_at)
             VALUES (999, 3, 'unlinked', '[]', 's', 0, 0)`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(() => sqlite.prepare(`DELETE FROM plays WHERE id = 21`).run()).toThrow(/FOREIGN KEY/);
      expect(() =>
        sqlite.prepare(`INSERT INTO plays VALUES (30, 12, 'u', 3, 2000, NULL, NULL)`).run(),
      ).toThrow(/UNIQUE/);
      expect(() =>
        sqlite.prepare(`INSERT INTO plays VALUES (30, 13, 'u', 99, 2000, NULL, NULL)`).run(),
      ).toThrow(/FOREIGN KEY/);
      expect(() =>
        sqlite.prepare(`INSERT INTO plays VALUES (30, 999, 'u', 3, 2000, NULL, NULL)`).run(),
      ).not.toThrow();
      sqlite.prepare(`DELETE FROM plays WHERE id = 30`).run();

      // And back: the keys return, the rows unchanged.
      await undoBackTo(dataSource, MIGRATION);
      expect(keys('plays')).toEqual([
        'duplicate_of->plays',
        'event_id->listening_events',
        'track_id->tracks',
      ]);
      expect(keys('listening_events')).toEqual(['import_run_id->import_runs']);
      expect(rows()).toEqual(before);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
