// Sync checkpoints over TypeORM.
import type { Repository } from 'typeorm';
import type { SyncCheckpointRepository } from '../../../application/ports/sync-checkpoint-repository.port.js';
import type { SyncCheckpoint } from '../../../domain/shared/sync-checkpoint.js';
import { SyncCheckpointEntity } from './sync-checkpoint.entity.js';
import { syncCheckpointToDomain, syncCheckpointToRow } from './sync-checkpoint.mapper.js';
import type { SqliteDatabase } from '../open-database.js';

export class TypeOrmSyncCheckpointRepository implements SyncCheckpointRepository {
  private readonly rows: Repository<SyncCheckpointEntity>;

  constructor(private readonly db: SqliteDatabase) {
    this.rows = db.dataSource.getRepository(SyncCheckpointEntity);
  }

  async get(key: string): Promise<SyncCheckpoint | null> {
    const row = await this.rows.findOneBy({ key });
    return row === null ? null : syncCheckpointToDomain(row);
  }

  async put(checkpoint: SyncCheckpoint): Promise<void> {
    const row = syncCheckpointToRow(checkpoint);
    await this.db.unitOfWork.write(() => this.rows.upsert(row, ['key']));
  }
}
