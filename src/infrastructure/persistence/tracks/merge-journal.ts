// What a merge moves, captured before it runs, and how to put it back. Rows are kept as the database
// holds them (column names and values), so restoring them is exact and needs no mapping.
import { dailyListensOfTrack } from '../history/daily-listens-of-track.js';
import type { EngineDatabase } from '../engine-database.js';
import { readBoolean } from '../sql/sql-runner.js';

type Row = Readonly<Record<string, unknown>>;

export interface MergeJournal {
  /** The merged track's links, metrics and daily roll-ups as they were. */
  readonly mappings: readonly Row[];
  readonly metrics: readonly Row[];
  readonly dailyListens: readonly Row[];
  /** Keys the survivor already held, where the merge kept the survivor's row. */
  readonly survivorMappingKeys: readonly (readonly [string, string])[];
  readonly survivorMetricNames: readonly string[];
  /** Rows that were simply re-pointed. */
  readonly playlistItems: readonly (readonly [number, number])[];
  readonly likes: readonly (readonly [string, string])[];
  readonly plays: readonly number[];
  readonly mergedTracks: readonly number[];
}

/** The key of each table a journal reinserts into, for its upsert. */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  track_mappings: ['service', 'external_id', 'track_id'],
  track_metrics: ['track_id', 'name'],
  daily_listens: ['user', 'date', 'track_id'],
};

const RESTORE = {
  playlistItems: `UPDATE "playlist_items" SET "track_id" = @merged WHERE "playlist_id" = @a AND "position" = @b AND "track_id" = @root`,
  likes: `UPDATE "likes" SET "track_id" = @merged WHERE "service" = @a AND "external_id" = @b AND "track_id" = @root`,
  plays: `UPDATE "plays" SET "track_id" = @merged WHERE "id" = @a AND "track_id" = @root`,
  mergedTracks: `UPDATE "tracks" SET "merged_into" = @merged WHERE "id" = @a AND "merged_into" = @root`,
  movedMapping: `DELETE FROM "track_mappings" WHERE "service" = @a AND "external_id" = @b AND "track_id" = @root`,
  movedMetric: `DELETE FROM "track_metrics" WHERE "track_id" = @root AND "name" = @a`,
  summedListens: `UPDATE "daily_listens" SET "listen_count" = "listen_count" - @count, "total_ms_played" = "total_ms_played" - @ms
     WHERE "user" = @a AND "date" = @b AND "track_id" = @root`,
  emptiedListens: `DELETE FROM "daily_listens" WHERE "user" = @a AND "date" = @b AND "track_id" = @root
       AND "listen_count" <= 0 AND "total_ms_played" <= 0`,
};

export class MergeJournalStatements {
  private readonly dailyListens: string;

  constructor(private readonly db: EngineDatabase) {
    this.dailyListens = `SELECT d.* FROM "daily_listens" d WHERE ${dailyListensOfTrack(db.sql.dialect, '@track')}`;
  }

  /** Reads what merging `merged` into `survivor` will move; call inside the merge's transaction, before it. */
  async capture(merged: number, survivor: number): Promise<MergeJournal> {
    const { sql } = this.db;
    const byTrack = (table: string, id: number) =>
      sql.all<Row>(`SELECT * FROM "${table}" WHERE "track_id" = ?`, [id]);
    return {
      mappings: await byTrack('track_mappings', merged),
      metrics: await byTrack('track_metrics', merged),
      dailyListens: await sql.all<Row>(this.dailyListens, { track: merged }),
      survivorMappingKeys: (
        await sql.all<{ service: string; external_id: string }>(
          `SELECT "service", "external_id" FROM "track_mappings" WHERE "track_id" = ?`,
          [survivor],
        )
      ).map((r) => [r.service, r.external_id] as const),
      survivorMetricNames: (
        await sql.all<{ name: string }>(`SELECT "name" FROM "track_metrics" WHERE "track_id" = ?`, [survivor])
      ).map((r) => r.name),
      playlistItems: (
        await sql.all<{ playlist_id: number; position: number }>(
          `SELECT "playlist_id", "position" FROM "playlist_items" WHERE "track_id" = ?`,
          [merged],
        )
      ).map((r) => [r.playlist_id, r.position] as const),
      likes: (
        await sql.all<{ service: string; external_id: string }>(
          `SELECT "service", "external_id" FROM "likes" WHERE "track_id" = ?`,
          [merged],
        )
      ).map((r) => [r.service, r.external_id] as const),
      plays: (await sql.all<{ id: number }>(`SELECT "id" FROM "plays" WHERE "track_id" = ?`, [merged])).map(
        (r) => r.id,
      ),
      mergedTracks: (
        await sql.all<{ id: number }>(`SELECT "id" FROM "tracks" WHERE "merged_into" = ?`, [merged])
      ).map((r) => r.id),
    };
  }

  /**
   * Moves back what the journal says moved, from `root` (the track that holds it now: the survivor, or
   * the track the survivor was merged into since). Runs inside the caller's transaction.
   */
  async undo(journal: MergeJournal, merged: number, root: number): Promise<void> {
    const { sql } = this.db;
    const move = (statement: string, a: unknown, b: unknown = null) =>
      sql.run(statement, { merged, root, a: a as string, b: b as string });
    for (const [playlist, position] of journal.playlistItems)
      await move(RESTORE.playlistItems, playlist, position);
    for (const [service, externalId] of journal.likes) await move(RESTORE.likes, service, externalId);
    for (const id of journal.plays) await move(RESTORE.plays, id);
    for (const id of journal.mergedTracks) await move(RESTORE.mergedTracks, id);

    const survivorKeys = new Set(journal.survivorMappingKeys.map(([service, id]) => `${service}\u0000${id}`));
    for (const row of journal.mappings) {
      const key = `${String(row['service'])}\u0000${String(row['external_id'])}`;
      if (!survivorKeys.has(key)) await move(RESTORE.movedMapping, row['service'], row['external_id']);
      // A journal written on SQLite holds 0/1 for the boolean.
      await this.reinsert('track_mappings', { ...row, pinned: readBoolean(row['pinned']) });
    }
    const survivorMetrics = new Set(journal.survivorMetricNames);
    for (const row of journal.metrics) {
      if (!survivorMetrics.has(String(row['name']))) await move(RESTORE.movedMetric, row['name']);
      await this.reinsert('track_metrics', row);
    }
    for (const row of journal.dailyListens) {
      await sql.run(RESTORE.summedListens, {
        root,
        a: row['user'] as string,
        b: row['date'] as string,
        count: row['listen_count'] as number,
        ms: row['total_ms_played'] as number,
      });
      await move(RESTORE.emptiedListens, row['user'], row['date']);
      await this.reinsert('daily_listens', row);
    }
  }

  /** The row as it was: inserted, or put back over the row now holding its key. */
  private async reinsert(table: string, row: Row): Promise<void> {
    const columns = Object.keys(row);
    const key = KEYS[table]!;
    const updates = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
      VALUES (${columns.map((c) => `@${c}`).join(', ')})
      ON CONFLICT (${key.map((k) => `"${k}"`).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
    await this.db.sql.run(sql, row as Record<string, string | number | boolean | null>);
  }
}
