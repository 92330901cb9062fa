// The durable response cache (MusicBrainz look-ups) over the `http_cache` table.
import type { Repository } from 'typeorm';
import type { CachedResponse, ResponseCache } from '../../../application/ports/response-cache.port.js';
import { HttpCacheEntity } from './http-cache.entity.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmResponseCache implements ResponseCache {
  private readonly rows: Repository<HttpCacheEntity>;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(HttpCacheEntity);
  }

  async get(service: string, key: string): Promise<CachedResponse | null> {
    const row = await this.rows.findOneBy({ service, key });
    return row === null ? null : { body: row.body, fetchedAt: row.fetchedAt };
  }

  async put(service: string, key: string, body: string, fetchedAt: number): Promise<void> {
    await this.db.unitOfWork.write(() =>
      this.rows.upsert({ service, key, body, fetchedAt }, ['service', 'key']),
    );
  }
}
