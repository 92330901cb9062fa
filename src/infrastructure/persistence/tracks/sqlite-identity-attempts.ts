// Resolution attempts and the queue of tracks waiting for resolution, on the raw SQLite handle: the
// queue is one indexed query, however large the library.
import type Database from 'better-sqlite3';
import type {
  AttemptOutcome,
  IdentityAttempt,
  IdentityAttemptRepository,
  PendingQuery,
} from '../../../application/ports/identity-attempt-repository.port.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import type { TrackEntity } from './track.entity.js';
import { readChoice } from '../stored-value.js';
import type { SqliteDatabase } from '../open-database.js';
import { rowToTrack, TRACK_COLUMNS } from './identity-rows.js';

const OUTCOMES: readonly AttemptOutcome[] = ['accepted', 'review', 'no_match', 'failed'];

// A track waits when it stands alone, has no accepted, pinned or in-review link to the service, and was
// never tried, changed after its last try, or was last tried before `staleBefore`.
const PENDING_FROM = `FROM "tracks" t
  LEFT JOIN "identity_attempts" a ON a."track_id" = t."id" AND a."service" = @service
  WHERE t."status" != 'merged'
    AND NOT EXISTS (SELECT 1 FROM "track_mappings" m WHERE m."track_id" = t."id" AND m."service" = @service
                    AND (m."status" IN ('accepted', 'review') OR m."pinned" = 1))
    AND (a."tried_at" IS NULL OR a."tried_at" < @staleBefore OR t."updated_at" > a."tried_at")`;

interface AttemptRow {
  readonly trackId: number;
  readonly service: string;
  readonly triedAt: number;
  readonly outcome: string;
  readonly attempts: number;
  readonly detail: string | null;
}

export class SqliteIdentityAttempts implements IdentityAttemptRepository {
  private readonly upsert: Database.Statement<[Omit<AttemptRow, 'attempts'>]>;
  private readonly ofTrack: Database.Statement<[number], AttemptRow>;
  private readonly pendingPage: Database.Statement<
    [{ service: string; staleBefore: number; limit: number }],
    TrackEntity
  >;
  private readonly pendingCount: Database.Statement<
    [{ service: string; staleBefore: number }],
    { n: number }
  >;

  constructor(private readonly db: SqliteDatabase) {
    const { sqlite } = db;
    this.upsert = sqlite.prepare(
      `INSERT INTO "identity_attempts" ("track_id", "service", "tried_at", "outcome", "attempts", "detail")
       VALUES (@trackId, @service, @triedAt, @outcome, 1, @detail)
       ON CONFLICT ("track_id", "service") DO UPDATE SET "tried_at" = excluded."tried_at",
         "outcome" = excluded."outcome", "detail" = excluded."detail", "attempts" = "attempts" + 1`,
    );
    this.ofTrack = sqlite.prepare(
      `SELECT "track_id" AS trackId, "service" AS service, "tried_at" AS triedAt, "outcome" AS outcome,
         "attempts" AS attempts, "detail" AS detail
       FROM "identity_attempts" WHERE "track_id" = ? ORDER BY "service"`,
    );
    this.pendingPage = sqlite.prepare(
      `SELECT ${TRACK_COLUMNS} ${PENDING_FROM}
       ORDER BY (a."tried_at" IS NOT NULL), (t."isrc" IS NULL), t."id" LIMIT @limit`,
    );
    this.pendingCount = sqlite.prepare(`SELECT COUNT(*) AS n ${PENDING_FROM}`);
  }

  async record(attempts: readonly Omit<IdentityAttempt, 'attempts'>[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.db.unitOfWork.bulk(() => {
      for (const attempt of attempts) this.upsert.run(attempt);
    });
  }

  async forTrack(trackId: TrackId): Promise<IdentityAttempt[]> {
    return this.ofTrack.all(trackId).map((row) => ({
      trackId: row.trackId,
      // Written from a ServiceName by `record`.
      service: row.service as ServiceName,
      triedAt: row.triedAt,
      outcome: readChoice(row.outcome, OUTCOMES, 'identity_attempts', 'outcome'),
      attempts: row.attempts,
      detail: row.detail,
    }));
  }

  async pending(query: PendingQuery): Promise<Track[]> {
    const limit = query.limit ?? -1;
    return this.pendingPage
      .all({ service: query.service, staleBefore: query.staleBefore, limit })
      .map(rowToTrack);
  }

  async countPending(query: Omit<PendingQuery, 'limit'>): Promise<number> {
    return this.pendingCount.get({ service: query.service, staleBefore: query.staleBefore })?.n ?? 0;
  }
}
