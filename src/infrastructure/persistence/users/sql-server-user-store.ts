// The server's users over the SQL runner, in portable SQL (ON CONFLICT, RETURNING) for both engines.
// Lookups by token hash the token and find the row by its unique hash.
import type {
  ServerUserStore,
  ServerUserSummary,
  StoredSubmission,
  SubmittedListenQuery,
} from '../../../application/ports/server-user-store.port.js';
import type { ServerUser } from '../../../domain/users/server-user.js';
import type { EngineDatabase } from '../engine-database.js';
import { tokenHash } from './token-hash.js';

const USER_COLUMNS = `"id" AS "id", "name" AS "name", "created_at" AS "createdAt",
  "token_issued_at" AS "tokenIssuedAt"`;

export class SqlServerUserStore implements ServerUserStore {
  private readonly insertOne = `INSERT INTO "server_users" ("name", "token_hash", "created_at", "token_issued_at")
       VALUES (?, ?, ?, ?)
       ON CONFLICT ("name") DO NOTHING
       RETURNING ${USER_COLUMNS}`;
  private readonly updateToken = `UPDATE "server_users" SET "token_hash" = ?, "token_issued_at" = ? WHERE "name" = ?
       RETURNING ${USER_COLUMNS}`;
  private readonly deleteOne = `DELETE FROM "server_users" WHERE "name" = ?`;
  private readonly all: string;
  private readonly byHash = `SELECT ${USER_COLUMNS} FROM "server_users" WHERE "token_hash" = ?`;
  private readonly named = `SELECT ${USER_COLUMNS} FROM "server_users" WHERE "name" = ?`;
  private readonly listensOf = `SELECT "played_at" AS "playedAt", "payload" AS "payload" FROM "listening_events"
        WHERE "user" = @user AND "source" = 'submission'
          AND (CAST(@after AS bigint) IS NULL OR "played_at" > @after)
          AND (CAST(@before AS bigint) IS NULL OR "played_at" < @before)
        ORDER BY "played_at" DESC, "id" DESC LIMIT @limit`;
  private readonly spanOf = `SELECT max("played_at") AS "newest", min("played_at") AS "oldest" FROM "listening_events"
        WHERE "user" = ? AND "source" = ?`;

  constructor(private readonly db: EngineDatabase) {
    // The ledger's natural key starts (user, source, played_at): both figures come from its index.
    // Names in byte order on both engines.
    this.all = `SELECT u."id" AS "id", u."name" AS "name", u."created_at" AS "createdAt",
              u."token_issued_at" AS "tokenIssuedAt",
              (SELECT count(*) FROM "listening_events" e
                WHERE e."user" = u."name" AND e."source" = 'submission') AS "listens",
              (SELECT max(e."played_at") FROM "listening_events" e
                WHERE e."user" = u."name" AND e."source" = 'submission') AS "lastListenAt"
         FROM "server_users" u ORDER BY ${db.sql.dialect.bytewise('u."name"')}`;
  }

  add(name: string, token: string, at: number): Promise<ServerUser | null> {
    return this.db.unitOfWork.write(
      async () =>
        (await this.db.sql.one<ServerUser>(this.insertOne, [name, tokenHash(token), at, at])) ?? null,
    );
  }

  replaceToken(name: string, token: string, at: number): Promise<ServerUser | null> {
    return this.db.unitOfWork.write(
      async () => (await this.db.sql.one<ServerUser>(this.updateToken, [tokenHash(token), at, name])) ?? null,
    );
  }

  remove(name: string): Promise<boolean> {
    return this.db.unitOfWork.write(async () => (await this.db.sql.run(this.deleteOne, [name])).changes > 0);
  }

  list(): Promise<ServerUserSummary[]> {
    return this.db.sql.all<ServerUserSummary>(this.all);
  }

  submittedListens(name: string, query: SubmittedListenQuery): Promise<StoredSubmission[]> {
    return this.db.sql.all<StoredSubmission>(this.listensOf, {
      user: name,
      after: query.after,
      before: query.before,
      limit: query.limit,
    });
  }

  async submittedSpan(name: string): Promise<{ newest: number; oldest: number } | null> {
    const span = await this.db.sql.one<{ newest: number | null; oldest: number | null }>(this.spanOf, [
      name,
      'submission',
    ]);
    return span?.newest == null || span.oldest == null ? null : { newest: span.newest, oldest: span.oldest };
  }

  async byName(name: string): Promise<ServerUser | null> {
    return (await this.db.sql.one<ServerUser>(this.named, [name])) ?? null;
  }

  async byToken(token: string): Promise<ServerUser | null> {
    return (await this.db.sql.one<ServerUser>(this.byHash, [tokenHash(token)])) ?? null;
  }
}
