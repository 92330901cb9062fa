// SyncCheckpoint ↔ `sync_checkpoints` row: state kept as JSON text.
import type { SyncCheckpoint } from '../../../domain/shared/sync-checkpoint.js';
import type { SyncCheckpointEntity } from './sync-checkpoint.entity.js';
import { readJson } from '../stored-value.js';

export function syncCheckpointToDomain(row: SyncCheckpointEntity): SyncCheckpoint {
  return Object.freeze({
    key: row.key,
    cursor: row.cursor,
    state: Object.freeze(readJson<Record<string, unknown>>(row.state, 'sync_checkpoints', 'state')),
    updatedAt: row.updatedAt,
  });
}

export function syncCheckpointToRow(checkpoint: SyncCheckpoint): SyncCheckpointEntity {
  return {
    key: checkpoint.key,
    cursor: checkpoint.cursor,
    state: JSON.stringify(checkpoint.state),
    updatedAt: checkpoint.updatedAt,
  };
}
