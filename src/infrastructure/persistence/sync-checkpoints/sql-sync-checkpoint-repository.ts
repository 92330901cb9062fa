// Sync checkpoints: one row per key, replaced whole on each put.
import type { SyncCheckpointRepository } from '../../../application/ports/sync-checkpoint-repository.port.js';
import type { SyncCheckpoint } from '../../../domain/shared/sync-checkpoint.js';
import type { EngineDatabase } from '../engine-database.js';
import { EntitySql } from '../sql/entity-sql.js';
import { SyncCheckpointEntity } from './sync-checkpoint.entity.js';
import { syncCheckpointToDomain, syncCheckpointToRow } from './sync-checkpoint.mapper.js';

const ROWS = new EntitySql(SyncCheckpointEntity);
const GET = `SELECT ${ROWS.select()} FROM ${ROWS.table} WHERE "key" = ?`;
const PUT = `${ROWS.insert()}
  ON CONFLICT ("key") DO UPDATE SET "cursor" = excluded."cursor", "state" = excluded."state",
    "updated_at" = excluded."updated_at"`;

export class SqlSyncCheckpointRepository implements SyncCheckpointRepository {
  constructor(private readonly db: EngineDatabase) {}

  async get(key: string): Promise<SyncCheckpoint | null> {
    const row = await this.db.sql.one<Record<string, unknown>>(GET, [key]);
    return row === undefined ? null : syncCheckpointToDomain(ROWS.read(row));
  }

  async put(checkpoint: SyncCheckpoint): Promise<void> {
    const row = syncCheckpointToRow(checkpoint);
    await this.db.unitOfWork.write(() => this.db.sql.run(PUT, ROWS.params(row)));
  }
}
