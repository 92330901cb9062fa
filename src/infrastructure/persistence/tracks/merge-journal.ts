// What a merge moves, captured before it runs, and how to put it back. Rows are kept as the database
// holds them (column names and values), so restoring them is exact and needs no mapping.
import type Database from 'better-sqlite3';
import { dailyListensOfTrack } from '../history/daily-listens-of-track.js';

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

interface JournalStatements {
  readonly mappings: Database.Statement<[number], Row>;
  readonly metrics: Database.Statement<[number], Row>;
  readonly dailyListens: Database.Statement<[{ track: number }], Row>;
  readonly survivorMappingKeys: Database.Statement<[number], { service: string; external_id: string }>;
  readonly survivorMetricNames: Database.Statement<[number], { name: string }>;
  readonly playlistItems: Database.Statement<[number], { playlist_id: number; position: number }>;
  readonly likes: Database.Statement<[number], { service: string; external_id: string }>;
  readonly plays: Database.Statement<[number], { id: number }>;
  readonly mergedTracks: Database.Statement<[number], { id: number }>;
}

export class MergeJournalStatements {
  private readonly statements: JournalStatements;
  private readonly restore: Readonly<Record<string, Database.Statement>>;

  constructor(private readonly sqlite: Database.Database) {
    const byTrack = (table: string) =>
      sqlite.prepare<[number], Row>(`SELECT * FROM "${table}" WHERE "track_id" = ?`);
    this.statements = {
      mappings: byTrack('track_mappings'),
      metrics: byTrack('track_metrics'),
      dailyListens: sqlite.prepare<[{ track: number }], Row>(
        `SELECT d.* FROM "daily_listens" d WHERE ${dailyListensOfTrack(':track')}`,
      ),
      survivorMappingKeys: sqlite.prepare(
        `SELECT "service", "external_id" FROM "track_mappings" WHERE "track_id" = ?`,
      ),
      survivorMetricNames: sqlite.prepare(`SELECT "name" FROM "track_metrics" WHERE "track_id" = ?`),
      playlistItems: sqlite.prepare(
        `SELECT "playlist_id", "position" FROM "playlist_items" WHERE "track_id" = ?`,
      ),
      likes: sqlite.prepare(`SELECT "service", "external_id" FROM "likes" WHERE "track_id" = ?`),
      plays: sqlite.prepare(`SELECT "id" FROM "plays" WHERE "track_id" = ?`),
      mergedTracks: sqlite.prepare(`SELECT "id" FROM "tracks" WHERE "merged_into" = ?`),
    };
    this.restore = {
      playlistItems: sqlite.prepare(
        `UPDATE "playlist_items" SET "track_id" = :merged WHERE "playlist_id" = :a AND "position" = :b AND "track_id" = :root`,
      ),
      likes: sqlite.prepare(
        `UPDATE "likes" SET "track_id" = :merged WHERE "service" = :a AND "external_id" = :b AND "track_id" = :root`,
      ),
      plays: sqlite.prepare(`UPDATE "plays" SET "track_id" = :merged WHERE "id" = :a AND "track_id" = :root`),
      mergedTracks: sqlite.prepare(
        `UPDATE "tracks" SET "merged_into" = :merged WHERE "id" = :a AND "merged_into" = :root`,
      ),
      movedMapping: sqlite.prepare(
        `DELETE FROM "track_mappings" WHERE "service" = :a AND "external_id" = :b AND "track_id" = :root`,
      ),
      movedMetric: sqlite.prepare(`DELETE FROM "track_metrics" WHERE "track_id" = :root AND "name" = :a`),
      summedListens: sqlite.prepare(
        `UPDATE "daily_listens" SET "listen_count" = "listen_count" - :count, "total_ms_played" = "total_ms_played" - :ms
         WHERE "user" = :a AND "date" = :b AND "track_id" = :root`,
      ),
      emptiedListens: sqlite.prepare(
        `DELETE FROM "daily_listens" WHERE "user" = :a AND "date" = :b AND "track_id" = :root
           AND "listen_count" <= 0 AND "total_ms_played" <= 0`,
      ),
    };
  }

  /** Reads what merging `merged` into `survivor` will move; call inside the merge's transaction, before it. */
  capture(merged: number, survivor: number): MergeJournal {
    const s = this.statements;
    return {
      mappings: s.mappings.all(merged),
      metrics: s.metrics.all(merged),
      dailyListens: s.dailyListens.all({ track: merged }),
      survivorMappingKeys: s.survivorMappingKeys
        .all(survivor)
        .map((r) => [r.service, r.external_id] as const),
      survivorMetricNames: s.survivorMetricNames.all(survivor).map((r) => r.name),
      playlistItems: s.playlistItems.all(merged).map((r) => [r.playlist_id, r.position] as const),
      likes: s.likes.all(merged).map((r) => [r.service, r.external_id] as const),
      plays: s.plays.all(merged).map((r) => r.id),
      mergedTracks: s.mergedTracks.all(merged).map((r) => r.id),
    };
  }

  /**
   * Moves back what the journal says moved, from `root` (the track that holds it now: the survivor, or
   * the track the survivor was merged into since). Runs synchronously inside the caller's transaction.
   */
  undo(journal: MergeJournal, merged: number, root: number): void {
    const r = this.restore;
    const move = (statement: Database.Statement, a: unknown, b: unknown = null) =>
      statement.run({ merged, root, a, b });
    for (const [playlist, position] of journal.playlistItems) move(r.playlistItems!, playlist, position);
    for (const [service, externalId] of journal.likes) move(r.likes!, service, externalId);
    for (const id of journal.plays) move(r.plays!, id);
    for (const id of journal.mergedTracks) move(r.mergedTracks!, id);

    const survivorKeys = new Set(journal.survivorMappingKeys.map(([service, id]) => `${service}\u0000${id}`));
    for (const row of journal.mappings) {
      const key = `${String(row['service'])}\u0000${String(row['external_id'])}`;
      if (!survivorKeys.has(key)) move(r.movedMapping!, row['service'], row['external_id']);
      this.reinsert('track_mappings', row);
    }
    const survivorMetrics = new Set(journal.survivorMetricNames);
    for (const row of journal.metrics) {
      if (!survivorMetrics.has(String(row['name']))) move(r.movedMetric!, row['name']);
      this.reinsert('track_metrics', row);
    }
    for (const row of journal.dailyListens) {
      r.summedListens!.run({
        root,
        a: row['user'],
        b: row['date'],
        count: row['listen_count'],
        ms: row['total_ms_played'],
      });
      move(r.emptiedListens!, row['user'], row['date']);
      this.reinsert('daily_listens', row);
    }
  }

  private reinsert(table: string, row: Row): void {
    const columns = Object.keys(row);
    const sql = `INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
      VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    this.sqlite.prepare(sql).run(row);
  }
}
