// Resolution attempts and the queue of tracks waiting for resolution: the
// queue is one indexed query, however large the library.
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
import type { EngineDatabase } from '../engine-database.js';
import { rowToTrack, TRACK_COLUMNS } from './identity-rows.js';

const OUTCOMES: readonly AttemptOutcome[] = ['accepted', 'review', 'no_match', 'failed'];

// A track waits when it stands alone, has no accepted, pinned or in-review link to the service, and was
// never tried, changed after its last try, or was last tried before `staleBefore`.
const PENDING_FROM = `FROM "tracks" t
  LEFT JOIN "identity_attempts" a ON a."track_id" = t."id" AND a."service" = @service
  WHERE t."status" != 'merged'
    AND NOT EXISTS (SELECT 1 FROM "track_mappings" m WHERE m."track_id" = t."id" AND m."service" = @service
                    AND (m."status" IN ('accepted', 'review') OR m."pinned" = TRUE))
    AND (a."tried_at" IS NULL OR a."tried_at" < @staleBefore OR t."updated_at" > a."tried_at")`;

interface AttemptRow {
  readonly trackId: number;
  readonly service: string;
  readonly triedAt: number;
  readonly outcome: string;
  readonly attempts: number;
  readonly detail: string | null;
}

export class SqlIdentityAttempts implements IdentityAttemptRepository {
  private readonly upsert = `INSERT INTO "identity_attempts" ("track_id", "service", "tried_at", "outcome", "attempts", "detail")
     VALUES (@trackId, @service, @triedAt, @outcome, 1, @detail)
     ON CONFLICT ("track_id", "service") DO UPDATE SET "tried_at" = excluded."tried_at",
       "outcome" = excluded."outcome", "detail" = excluded."detail",
       "attempts" = "identity_attempts"."attempts" + 1`;
  private readonly ofTrack = `SELECT "track_id" AS "trackId", "service" AS "service", "tried_at" AS "triedAt",
       "outcome" AS "outcome", "attempts" AS "attempts", "detail" AS "detail"
     FROM "identity_attempts" WHERE "track_id" = ? ORDER BY "service"`;
  private readonly pendingOrder = `SELECT ${TRACK_COLUMNS} ${PENDING_FROM}
     ORDER BY (a."tried_at" IS NOT NULL), (t."isrc" IS NULL), t."id"`;
  private readonly pendingCount = `SELECT COUNT(*) AS "n" ${PENDING_FROM}`;

  constructor(private readonly db: EngineDatabase) {}

  async record(attempts: readonly Omit<IdentityAttempt, 'attempts'>[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.db.unitOfWork.bulk(async () => {
      for (const attempt of attempts) {
        const { trackId, service, triedAt, outcome, detail } = attempt;
        await this.db.sql.run(this.upsert, { trackId, service, triedAt, outcome, detail });
      }
    });
  }

  async forTrack(trackId: TrackId): Promise<IdentityAttempt[]> {
    return (await this.db.sql.all<AttemptRow>(this.ofTrack, [trackId])).map((row) => ({
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
    const params = { service: query.service, staleBefore: query.staleBefore };
    const rows =
      query.limit === undefined
        ? await this.db.sql.all<TrackEntity>(this.pendingOrder, params)
        : await this.db.sql.all<TrackEntity>(`${this.pendingOrder} LIMIT @limit`, {
            ...params,
            limit: query.limit,
          });
    return rows.map(rowToTrack);
  }

  async countPending(query: Omit<PendingQuery, 'limit'>): Promise<number> {
    const params = { service: query.service, staleBefore: query.staleBefore };
    return (await this.db.sql.one<{ n: number }>(this.pendingCount, params))?.n ?? 0;
  }
}
