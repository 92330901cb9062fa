// Stores a merge: the merged track row, then every reference to it re-pointed at the survivor, so
// nothing but the merged row itself (and the immutable ledger, which names no tracks) still names it.
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EngineDatabase } from '../engine-database.js';
import type { Dialect } from '../sql/sql-runner.js';
import type { TrackEntity } from './track.entity.js';
import { dailyListensOfTrack } from '../history/daily-listens-of-track.js';

/** Moves a keyed table's rows to the survivor unless the survivor holds the same key (its row wins). */
function moveUnlessHeld(table: string, key: readonly string[]): string {
  const same = key.map((k) => `s."${k}" = "${table}"."${k}"`).join(' AND ');
  return `UPDATE "${table}" SET "track_id" = @survivor WHERE "track_id" = @merged
    AND NOT EXISTS (SELECT 1 FROM "${table}" s WHERE s."track_id" = @survivor AND ${same})`;
}

// Where the survivor already holds the same key, its row wins (mappings, metrics) or the two are
// summed (daily listens); the merged track's leftovers are then removed.
function repoint(dialect: Dialect): string[] {
  return [
    moveUnlessHeld('track_mappings', ['service', 'external_id']),
    `DELETE FROM "track_mappings" WHERE "track_id" = @merged`,
    moveUnlessHeld('track_metrics', ['name']),
    `DELETE FROM "track_metrics" WHERE "track_id" = @merged`,
    // Before the plays move: the merged track's days are found through its plays.
    `INSERT INTO "daily_listens" ("user", "track_id", "date", "listen_count", "total_ms_played")
       SELECT d."user", CAST(@survivor AS bigint), d."date", d."listen_count", d."total_ms_played"
         FROM "daily_listens" d
        WHERE ${dailyListensOfTrack(dialect, '@merged')}
       ON CONFLICT ("user", "date", "track_id") DO UPDATE SET
         "listen_count" = "daily_listens"."listen_count" + excluded."listen_count",
         "total_ms_played" = "daily_listens"."total_ms_played" + excluded."total_ms_played"`,
    `DELETE FROM "daily_listens" AS d WHERE ${dailyListensOfTrack(dialect, '@merged')}`,
    `UPDATE "playlist_items" SET "track_id" = @survivor WHERE "track_id" = @merged`,
    `UPDATE "likes" SET "track_id" = @survivor WHERE "track_id" = @merged`,
    `UPDATE "plays" SET "track_id" = @survivor WHERE "track_id" = @merged`,
    // Tracks merged earlier into this one follow it, so no track ever points at a merged track.
    `UPDATE "tracks" SET "merged_into" = @survivor WHERE "merged_into" = @merged`,
  ];
}

const SURVIVOR_STATUS = `SELECT "status" AS "status" FROM "tracks" WHERE "id" = ?`;
const STORE_MERGED = `UPDATE "tracks" SET "title" = @title, "artists" = @artists, "primary_artist" = @primaryArtist,
   "album" = @album, "duration_ms" = @durationMs, "release_date" = @releaseDate, "isrc" = @isrc,
   "mbid" = @mbid, "status" = @status, "confidence" = @confidence, "source" = @source,
   "merged_into" = @mergedInto, "updated_at" = @updatedAt
 WHERE "id" = @id`;

export class TrackMergeStatements {
  private readonly repoint: readonly string[];

  constructor(private readonly db: EngineDatabase) {
    this.repoint = repoint(db.sql.dialect);
  }

  /** The caller wraps it in one transaction. */
  async run(merged: TrackEntity): Promise<void> {
    const survivor = merged.mergedInto;
    if (merged.status !== 'merged' || survivor === null) {
      throw new Error(`Track ${merged.id} is not merged; make it with track.mergeInto(survivor) first`);
    }
    const { sql } = this.db;
    const survivorRow = await sql.one<{ status: string }>(SURVIVOR_STATUS, [survivor]);
    if (survivorRow === undefined || survivorRow.status === 'merged') {
      throw new NaradaError(
        'DATABASE.BAD_MERGE_TARGET',
        `Track ${merged.id} cannot be merged into track ${survivor}: ` +
          (survivorRow === undefined ? 'that track does not exist' : 'that track is itself merged'),
        'failure',
        { details: { merged: merged.id, survivor } },
      );
    }
    const { changes } = await sql.run(STORE_MERGED, { ...merged });
    if (changes === 0) {
      throw new NaradaError('DATABASE.NOT_FOUND', `Track ${merged.id} is not in the database`, 'failure');
    }
    for (const statement of this.repoint) await sql.run(statement, { survivor, merged: merged.id });
  }
}
