// Merges through the track repository's own merge path, with a journal row beside each so that
// `narada tracks unmerge` can put back exactly what moved.
import type {
  TrackMergeRecord,
  TrackMergeStore,
} from '../../../application/ports/identity-merge-store.port.js';
import type { TrackRepository } from '../../../application/ports/track-repository.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { IdentityStatus, Track, TrackId } from '../../../domain/track/track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { EngineDatabase } from '../engine-database.js';
import { MergeJournalStatements, type MergeJournal } from './merge-journal.js';

interface MergeRow {
  readonly id: number;
  readonly mergedId: number;
  readonly survivorId: number;
  readonly previousStatus: string;
  readonly reason: string;
  readonly journal: string;
  readonly mergedAt: number;
  readonly undoneAt: number | null;
}

const MERGE_COLUMNS = `"id" AS "id", "merged_id" AS "mergedId", "survivor_id" AS "survivorId",
  "previous_status" AS "previousStatus", "reason" AS "reason", "journal" AS "journal",
  "merged_at" AS "mergedAt", "undone_at" AS "undoneAt"`;
const INSERT_MERGE = `INSERT INTO "track_merges" ("merged_id", "survivor_id", "previous_status", "reason", "journal", "merged_at")
   VALUES (@mergedId, @survivorId, @previousStatus, @reason, @journal, @mergedAt) RETURNING "id" AS "id"`;
const MARK_UNDONE = `UPDATE "track_merges" SET "undone_at" = @at WHERE "id" = @id`;
const STANDING_MERGE = `SELECT ${MERGE_COLUMNS} FROM "track_merges" WHERE "merged_id" = ? AND "undone_at" IS NULL ORDER BY "id" DESC LIMIT 1`;
const BY_TRACK = `SELECT ${MERGE_COLUMNS} FROM "track_merges" WHERE "merged_id" = ? OR "survivor_id" = ? ORDER BY "id" DESC`;
const UNDONE = `SELECT "merged_id" AS "mergedId", "survivor_id" AS "survivorId" FROM "track_merges" WHERE "undone_at" IS NOT NULL`;
const MERGED_INTO = `SELECT "merged_into" AS "mergedInto" FROM "tracks" WHERE "id" = ?`;
const STANDING: readonly string[] = ['provisional', 'resolved', 'canonical'];

export class SqlTrackMergeStore implements TrackMergeStore {
  private readonly journal: MergeJournalStatements;

  constructor(
    private readonly db: EngineDatabase,
    private readonly tracks: TrackRepository,
  ) {
    this.journal = new MergeJournalStatements(db);
  }

  merge(
    merged: Track,
    previousStatus: Exclude<IdentityStatus, 'merged'>,
    reason: string,
  ): Promise<TrackMergeRecord> {
    const survivor = merged.mergedInto;
    if (survivor === null)
      throw new Error(`Track ${merged.id} is not merged; make it with track.mergeInto(survivor)`);
    return this.db.unitOfWork.transaction(async () => {
      const journal = await this.journal.capture(merged.id, survivor);
      await this.tracks.recordMerge(merged);
      const row = {
        mergedId: merged.id,
        survivorId: survivor,
        previousStatus,
        reason,
        journal: JSON.stringify(journal),
        mergedAt: merged.updatedAt,
      };
      const inserted = await this.db.unitOfWork.bulk(() =>
        this.db.sql.one<{ id: number }>(INSERT_MERGE, row),
      );
      const id = inserted!.id;
      return toRecord({ ...row, id, undoneAt: null });
    });
  }

  unmerge(merge: TrackMergeRecord, restored: Track, at: EpochMs): Promise<TrackMergeRecord> {
    return this.db.unitOfWork.transaction(async () => {
      const row = await this.db.sql.one<MergeRow>(STANDING_MERGE, [merge.mergedId]);
      const root =
        (await this.db.sql.one<{ mergedInto: number | null }>(MERGED_INTO, [merge.mergedId]))?.mergedInto ??
        null;
      if (row === undefined || row.id !== merge.id || root === null) {
        throw new NaradaError(
          'IDENTITY.NOT_MERGED',
          `Track ${merge.mergedId} has no standing merge to undo; see \`narada tracks show ${merge.mergedId}\``,
          'input',
        );
      }
      const journal = JSON.parse(row.journal) as MergeJournal;
      await this.db.unitOfWork.bulk(async () => {
        await this.journal.undo(journal, merge.mergedId, root);
        await this.db.sql.run(MARK_UNDONE, { id: merge.id, at });
      });
      await this.tracks.update(restored);
      return { ...merge, undoneAt: at };
    });
  }

  async standingMerge(trackId: TrackId): Promise<TrackMergeRecord | null> {
    const row = await this.db.sql.one<MergeRow>(STANDING_MERGE, [trackId]);
    return row === undefined ? null : toRecord(row);
  }

  async history(trackId: TrackId): Promise<TrackMergeRecord[]> {
    return (await this.db.sql.all<MergeRow>(BY_TRACK, [trackId, trackId])).map(toRecord);
  }

  async undonePairs(): Promise<ReadonlyArray<readonly [TrackId, TrackId]>> {
    const rows = await this.db.sql.all<{ mergedId: number; survivorId: number }>(UNDONE);
    return rows.map((row) => [row.mergedId, row.survivorId] as const);
  }
}

function toRecord(row: MergeRow): TrackMergeRecord {
  if (!STANDING.includes(row.previousStatus)) {
    throw new NaradaError(
      'DATABASE.BAD_VALUE',
      `The database holds an unreadable track_merges.previous_status value (${JSON.stringify(row.previousStatus)}); ` +
        'restore the file from a backup or fix the row.',
      'failure',
    );
  }
  return {
    id: row.id,
    mergedId: row.mergedId,
    survivorId: row.survivorId,
    // Checked just above against the statuses a track can stand in.
    previousStatus: row.previousStatus as TrackMergeRecord['previousStatus'],
    reason: row.reason,
    mergedAt: row.mergedAt,
    undoneAt: row.undoneAt,
  };
}
