// Where an incremental sync got to, so the next run reads only what is new.
import type { EpochMs } from '../values/time.js';

export interface SyncCheckpoint {
  /** e.g. `likes:spotify->lastfm`. */
  readonly key: string;
  /** Opaque cursor, usually the newest source `added_at` already handled (ISO text or epoch ms). */
  readonly cursor: string | null;
  readonly state: Readonly<Record<string, unknown>>;
  readonly updatedAt: EpochMs;
}
