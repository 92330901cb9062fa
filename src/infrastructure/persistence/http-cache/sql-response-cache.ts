// The durable response cache (MusicBrainz look-ups) over the `http_cache` table.
import type { CachedResponse, ResponseCache } from '../../../application/ports/response-cache.port.js';
import type { EngineDatabase } from '../engine-database.js';

const GET = `SELECT "body" AS "body", "fetched_at" AS "fetchedAt" FROM "http_cache" WHERE "service" = ? AND "key" = ?`;
const PUT = `INSERT INTO "http_cache" ("service", "key", "body", "fetched_at") VALUES (?, ?, ?, ?)
  ON CONFLICT ("service", "key") DO UPDATE SET "body" = excluded."body", "fetched_at" = excluded."fetched_at"`;

export class SqlResponseCache implements ResponseCache {
  constructor(private readonly db: EngineDatabase) {}

  async get(service: string, key: string): Promise<CachedResponse | null> {
    const row = await this.db.sql.one<CachedResponse>(GET, [service, key]);
    return row === undefined ? null : { body: row.body, fetchedAt: row.fetchedAt };
  }

  async put(service: string, key: string, body: string, fetchedAt: number): Promise<void> {
    await this.db.unitOfWork.write(() => this.db.sql.run(PUT, [service, key, body, fetchedAt]));
  }
}
