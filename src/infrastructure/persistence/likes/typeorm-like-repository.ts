// Likes over TypeORM; the bulk upsert runs on the raw connection.
import type { Repository } from 'typeorm';
import type { LikeRepository } from '../../../application/ports/like-repository.port.js';
import type { Like } from '../../../domain/likes/like.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { BulkWriter } from '../bulk-writer.js';
import { LikeEntity } from './like.entity.js';
import { likeToDomain, likeToRow } from './like.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmLikeRepository implements LikeRepository {
  private readonly rows: Repository<LikeEntity>;
  private readonly upserts: BulkWriter<LikeEntity>;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(LikeEntity);
    this.upserts = BulkWriter.for(db, LikeEntity, {
      conflict: { kind: 'update', keys: ['service', 'externalId'] },
    });
  }

  async upsertMany(likes: readonly Like[]): Promise<void> {
    const rows = likes.map(likeToRow);
    await this.db.unitOfWork.bulk(() => this.upserts.write(rows));
  }

  async list(service: ServiceName): Promise<Like[]> {
    const rows = await this.rows.find({
      where: { service },
      order: { likedAt: { direction: 'DESC', nulls: 'LAST' }, externalId: 'ASC' },
    });
    return rows.map(likeToDomain);
  }

  async remove(service: ServiceName, externalId: string): Promise<boolean> {
    const { affected } = await this.db.unitOfWork.write(() => this.rows.delete({ service, externalId }));
    return (affected ?? 0) > 0;
  }
}
