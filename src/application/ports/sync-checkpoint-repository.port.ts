// Where each incremental sync got to.
import type { SyncCheckpoint } from '../../domain/shared/sync-checkpoint.js';

export interface SyncCheckpointRepository {
  get(key: string): Promise<SyncCheckpoint | null>;
  /** Inserts or replaces the checkpoint with that key. */
  put(checkpoint: SyncCheckpoint): Promise<void>;
}
