// Merges through the track repository's own merge path, with a journal row beside each so that
// `narada tracks unmerge` can put back exactly what moved.
import type Database from 'better-sqlite3';
import type {
  TrackMergeRecord,
  TrackMergeStore,
} from '../../../application/ports/identity-merge-store.port.js';
import type { TrackRepository } from '../../../application/ports/track-repository.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { IdentityStatus, Track, TrackId } from '../../../domain/track/track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { SqliteDatabase } from '../open-database.js';
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

const MERGE_COLUMNS = `"id" AS id, "merged_id" AS mergedId, "survivor_id" AS survivorId,
  "previous_status" AS previousStatus, "reason" AS reason, "journal" AS journal,
  "merged_at" AS mergedAt, "undone_at" AS undoneAt`;
const STANDING: readonly string[] = ['provisional', 'resolved', 'canonical'];

export class SqliteTrackMergeStore implements TrackMergeStore {
  private readonly journal: MergeJournalStatements;
  private readonly insertMerge: Database.Statement<[Omit<MergeRow, 'id' | 'undoneAt'>]>;
  private readonly markUndone: Database.Statement<[{ id: number; at: number }]>;
  private readonly standing: Database.Statement<[number], MergeRow>;
  private readonly byTrack: Database.Statement<[number, number], MergeRow>;
  private readonly undone: Database.Statement<[], { mergedId: number; survivorId: number }>;
  private readonly mergedInto: Database.Statement<[number], { mergedInto: number | null }>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly tracks: TrackRepository,
  ) {
    const { sqlite } = db;
    this.journal = new MergeJournalStatements(sqlite);
    this.insertMerge = sqlite.prepare(
      `INSERT INTO "track_merges" ("merged_id", "survivor_id", "previous_status", "reason", "journal", "merged_at")
       VALUES (@mergedId, @survivorId, @previousStatus, @reason, @journal, @mergedAt)`,
    );
    this.markUndone = sqlite.prepare(`UPDATE "track_merges" SET "undone_at" = @at WHERE "id" = @id`);
    this.standing = sqlite.prepare(
      `SELECT ${MERGE_COLUMNS} FROM "track_merges" WHERE "merged_id" = ? AND "undone_at" IS NULL ORDER BY "id" DESC LIMIT 1`,
    );
    this.byTrack = sqlite.prepare(
      `SELECT ${MERGE_COLUMNS} FROM "track_merges" WHERE "merged_id" = ? OR "survivor_id" = ? ORDER BY "id" DESC`,
    );
    this.undone = sqlite.prepare(
      `SELECT "merged_id" AS mergedId, "survivor_id" AS survivorId FROM "track_merges" WHERE "undone_at" IS NOT NULL`,
    );
    this.mergedInto = sqlite.prepare(`SELECT "merged_into" AS mergedInto FROM "tracks" WHERE "id" = ?`);
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
      const journal = this.journal.capture(merged.id, survivor);
      await this.tracks.recordMerge(merged);
      const row = {
        mergedId: merged.id,
        survivorId: survivor,
        previousStatus,
        reason,
        journal: JSON.stringify(journal),
        mergedAt: merged.updatedAt,
      };
      const id = await this.db.unitOfWork.bulk(() => Number(this.insertMerge.run(row).lastInsertRowid));
      return toRecord({ ...row, id, undoneAt: null });
    });
  }

  unmerge(merge: TrackMergeRecord, restored: Track, at: EpochMs): Promise<TrackMergeRecord> {
    return this.db.unitOfWork.transaction(async () => {
      const row = this.standing.get(merge.mergedId);
      const root = this.mergedInto.get(merge.mergedId)?.mergedInto ?? null;
      if (row === undefined || row.id !== merge.id || root === null) {
        throw new NaradaError(
          'IDENTITY.NOT_MERGED',
          `Track ${merge.mergedId} has no standing merge to undo; see \`narada tracks show ${merge.mergedId}\``,
          'input',
        );
      }
      const journal = JSON.parse(row.journal) as MergeJournal;
      await this.db.unitOfWork.bulk(() => {
        this.journal.undo(journal, merge.mergedId, root);
        this.markUndone.run({ id: merge.id, at });
      });
      await this.tracks.update(restored);
      return { ...merge, undoneAt: at };
    });
  }

  async standingMerge(trackId: TrackId): Promise<TrackMergeRecord | null> {
    const row = this.standing.get(trackId);
    return row === undefined ? null : toRecord(row);
  }

  async history(trackId: TrackId): Promise<TrackMergeRecord[]> {
    return this.byTrack.all(trackId, trackId).map(toRecord);
  }

  async undonePairs(): Promise<ReadonlyArray<readonly [TrackId, TrackId]>> {
    return this.undone.all().map((row) => [row.mergedId, row.survivorId] as const);
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
