// The server's users on the raw SQLite handle; portable SQL (ON CONFLICT, RETURNING). Lookups by token
// hash the token and find the row by its unique hash.
import type Database from 'better-sqlite3';
import type {
  ServerUserStore,
  ServerUserSummary,
  StoredSubmission,
  SubmittedListenQuery,
} from '../../../application/ports/server-user-store.port.js';
import type { ServerUser } from '../../../domain/users/server-user.js';
import type { SqliteDatabase } from '../open-database.js';
import { tokenHash } from './token-hash.js';

const USER_COLUMNS = `"id", "name", "created_at" AS createdAt, "token_issued_at" AS tokenIssuedAt`;

export class SqliteServerUserStore implements ServerUserStore {
  private readonly insertOne: Database.Statement<[string, string, number, number], ServerUser>;
  private readonly updateToken: Database.Statement<[string, number, string], ServerUser>;
  private readonly deleteOne: Database.Statement<[string]>;
  private readonly all: Database.Statement<[], ServerUserSummary>;
  private readonly byHash: Database.Statement<[string], ServerUser>;
  private readonly named: Database.Statement<[string], ServerUser>;
  private readonly listensOf: Database.Statement<
    { user: string; after: number | null; before: number | null; limit: number },
    StoredSubmission
  >;
  private readonly spanOf: Database.Statement<
    [string, string],
    { newest: number | null; oldest: number | null }
  >;

  constructor(private readonly db: SqliteDatabase) {
    const { sqlite } = db;
    this.insertOne = sqlite.prepare(
      `INSERT INTO "server_users" ("name", "token_hash", "created_at", "token_issued_at")
       VALUES (?, ?, ?, ?)
       ON CONFLICT ("name") DO NOTHING
       RETURNING ${USER_COLUMNS}`,
    );
    this.updateToken = sqlite.prepare(
      `UPDATE "server_users" SET "token_hash" = ?, "token_issued_at" = ? WHERE "name" = ?
       RETURNING ${USER_COLUMNS}`,
    );
    this.deleteOne = sqlite.prepare(`DELETE FROM "server_users" WHERE "name" = ?`);
    // The ledger's natural key starts (user, source, played_at): both figures come from its index.
    this.all = sqlite.prepare(
      `SELECT u."id", u."name", u."created_at" AS createdAt, u."token_issued_at" AS tokenIssuedAt,
              (SELECT count(*) FROM "listening_events" e
                WHERE e."user" = u."name" AND e."source" = 'submission') AS listens,
              (SELECT max(e."played_at") FROM "listening_events" e
                WHERE e."user" = u."name" AND e."source" = 'submission') AS lastListenAt
         FROM "server_users" u ORDER BY u."name"`,
    );
    this.byHash = sqlite.prepare(`SELECT ${USER_COLUMNS} FROM "server_users" WHERE "token_hash" = ?`);
    this.named = sqlite.prepare(`SELECT ${USER_COLUMNS} FROM "server_users" WHERE "name" = ?`);
    this.listensOf = sqlite.prepare(
      `SELECT "played_at" AS playedAt, "payload" FROM "listening_events"
        WHERE "user" = @user AND "source" = 'submission'
          AND (@after IS NULL OR "played_at" > @after) AND (@before IS NULL OR "played_at" < @before)
        ORDER BY "played_at" DESC, "id" DESC LIMIT @limit`,
    );
    this.spanOf = sqlite.prepare(
      `SELECT max("played_at") AS newest, min("played_at") AS oldest FROM "listening_events"
        WHERE "user" = ? AND "source" = ?`,
    );
  }

  add(name: string, token: string, at: number): Promise<ServerUser | null> {
    return this.db.unitOfWork.write(() => this.insertOne.get(name, tokenHash(token), at, at) ?? null);
  }

  replaceToken(name: string, token: string, at: number): Promise<ServerUser | null> {
    return this.db.unitOfWork.write(() => this.updateToken.get(tokenHash(token), at, name) ?? null);
  }

  remove(name: string): Promise<boolean> {
    return this.db.unitOfWork.write(() => this.deleteOne.run(name).changes > 0);
  }

  async list(): Promise<ServerUserSummary[]> {
    return this.all.all();
  }

  async submittedListens(name: string, query: SubmittedListenQuery): Promise<StoredSubmission[]> {
    return this.listensOf.all({ user: name, after: query.after, before: query.before, limit: query.limit });
  }

  async submittedSpan(name: string): Promise<{ newest: number; oldest: number } | null> {
    const { newest, oldest } = this.spanOf.get(name, 'submission')!;
    return newest === null || oldest === null ? null : { newest, oldest };
  }

  async byName(name: string): Promise<ServerUser | null> {
    return this.named.get(name) ?? null;
  }

  async byToken(token: string): Promise<ServerUser | null> {
    return this.byHash.get(tokenHash(token)) ?? null;
  }
}
