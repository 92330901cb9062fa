// Stores a merge: the merged track row, then every reference to it re-pointed at the survivor, so
// nothing but the merged row itself (and the immutable ledger, which names no tracks) still names it.
import type Database from 'better-sqlite3';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { TrackEntity } from './track.entity.js';
import { dailyListensOfTrack } from '../history/daily-listens-of-track.js';

// Where the survivor already holds the same key, its row wins (mappings, metrics) or the two are
// summed (daily listens); the merged track's leftovers are then removed.
const REPOINT = [
  `UPDATE OR IGNORE "track_mappings" SET "track_id" = :survivor WHERE "track_id" = :merged`,
  `DELETE FROM "track_mappings" WHERE "track_id" = :merged`,
  `UPDATE OR IGNORE "track_metrics" SET "track_id" = :survivor WHERE "track_id" = :merged`,
  `DELETE FROM "track_metrics" WHERE "track_id" = :merged`,
  // Before the plays move: the merged track's days are found through its plays.
  `INSERT INTO "daily_listens" ("user", "track_id", "date", "listen_count", "total_ms_played")
     SELECT d."user", :survivor, d."date", d."listen_count", d."total_ms_played" FROM "daily_listens" d
      WHERE ${dailyListensOfTrack(':merged')}
     ON CONFLICT ("user", "date", "track_id") DO UPDATE SET
       "listen_count" = "listen_count" + excluded."listen_count",
       "total_ms_played" = "total_ms_played" + excluded."total_ms_played"`,
  `DELETE FROM "daily_listens" AS d WHERE ${dailyListensOfTrack(':merged')}`,
  `UPDATE "playlist_items" SET "track_id" = :survivor WHERE "track_id" = :merged`,
  `UPDATE "likes" SET "track_id" = :survivor WHERE "track_id" = :merged`,
  `UPDATE "plays" SET "track_id" = :survivor WHERE "track_id" = :merged`,
  // Tracks merged earlier into this one follow it, so no track ever points at a merged track.
  `UPDATE "tracks" SET "merged_into" = :survivor WHERE "merged_into" = :merged`,
];

export class TrackMergeStatements {
  private readonly survivorStatus: Database.Statement<[number], { status: string }>;
  private readonly storeMerged: Database.Statement<[TrackEntity]>;
  private readonly repoint: readonly Database.Statement<[{ survivor: number; merged: number }]>[];

  constructor(sqlite: Database.Database) {
    this.survivorStatus = sqlite.prepare(`SELECT "status" FROM "tracks" WHERE "id" = ?`);
    this.storeMerged = sqlite.prepare(
      `UPDATE "tracks" SET "title" = @title, "artists" = @artists, "primary_artist" = @primaryArtist,
         "album" = @album, "duration_ms" = @durationMs, "release_date" = @releaseDate, "isrc" = @isrc,
         "mbid" = @mbid, "status" = @status, "confidence" = @confidence, "source" = @source,
         "merged_into" = @mergedInto, "updated_at" = @updatedAt
       WHERE "id" = @id`,
    );
    this.repoint = REPOINT.map((sql) => sqlite.prepare(sql));
  }

  /** Runs synchronously; the caller wraps it in one transaction. */
  run(merged: TrackEntity): void {
    const survivor = merged.mergedInto;
    if (merged.status !== 'merged' || survivor === null) {
      throw new Error(`Track ${merged.id} is not merged; make it with track.mergeInto(survivor) first`);
    }
    const survivorRow = this.survivorStatus.get(survivor);
    if (survivorRow === undefined || survivorRow.status === 'merged') {
      throw new NaradaError(
        'DATABASE.BAD_MERGE_TARGET',
        `Track ${merged.id} cannot be merged into track ${survivor}: ` +
          (survivorRow === undefined ? 'that track does not exist' : 'that track is itself merged'),
        'failure',
        { details: { merged: merged.id, survivor } },
      );
    }
    const { changes } = this.storeMerged.run(merged);
    if (changes === 0) {
      throw new NaradaError('DATABASE.NOT_FOUND', `Track ${merged.id} is not in the database`, 'failure');
    }
    for (const statement of this.repoint) statement.run({ survivor, merged: merged.id });
  }
}
