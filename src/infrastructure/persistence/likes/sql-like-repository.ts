// Likes: read per service, written by the bulk upsert.
import type { LikeRepository } from '../../../application/ports/like-repository.port.js';
import type { Like } from '../../../domain/likes/like.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { BulkWriter } from '../bulk-writer.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { LikeEntity } from './like.entity.js';
import { likeToDomain, likeToRow } from './like.mapper.js';

const ROWS = new EntitySql(LikeEntity);
const REMOVE = `DELETE FROM ${ROWS.table} WHERE "service" = ? AND "external_id" = ?`;

export class SqlLikeRepository implements LikeRepository {
  private readonly upserts: BulkWriter<LikeEntity>;
  private readonly ofService: string;

  constructor(private readonly db: EngineDatabase) {
    this.upserts = BulkWriter.for(db, LikeEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId'] },
    });
    this.ofService = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "service" = ?
      ORDER BY "liked_at" DESC NULLS LAST, ${db.sql.dialect.bytewise('"external_id"')}`;
  }

  async upsertMany(likes: readonly Like[]): Promise<void> {
    const rows = likes.map(likeToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  async list(service: ServiceName): Promise<Like[]> {
    const rows = await this.db.sql.all<Record<string, unknown>>(this.ofService, [service]);
    return rows.map((row) => likeToDomain(ROWS.read(row)));
  }

  async remove(service: ServiceName, externalId: string): Promise<boolean> {
    const { changes } = await this.db.unitOfWork.write(() => this.db.sql.run(REMOVE, [service, externalId]));
    return changes > 0;
  }
}
