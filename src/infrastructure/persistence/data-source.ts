// The TypeORM DataSource for Narada's SQLite file: entities and migrations by class reference
// (ESM has no globs), explicit migrations only, and the connection pragmas set before first use.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ConnectorTrackEntity } from './tracks/connector-track.entity.js';
import { DailyListensEntity } from './history/daily-listens.entity.js';
import { HttpCacheEntity } from './http-cache/http-cache.entity.js';
import { ImportRunEntity } from './history/import-run.entity.js';
import { LikeEntity } from './likes/like.entity.js';
import { ListeningEventEntity } from './history/listening-event.entity.js';
import { PlayEntity } from './history/play.entity.js';
import { PlaylistItemEntity } from './playlist/playlist-item.entity.js';
import { PlaylistEntity } from './playlist/playlist.entity.js';
import { SyncCheckpointEntity } from './sync-checkpoints/sync-checkpoint.entity.js';
import { TrackMappingEntity } from './tracks/track-mapping.entity.js';
import { TrackMetricEntity } from './tracks/track-metric.entity.js';
import { TrackEntity } from './tracks/track.entity.js';
import { WorkflowRunEntity } from './workflow/workflow-run.entity.js';
import { MIGRATIONS } from './migrations/all-migrations.js';
import { BUSY_SLICE_MS, DEFAULT_LOCK_WAIT_MS, isBusy } from './write-lock.js';

export const ENTITIES = [
  TrackEntity,
  ConnectorTrackEntity,
  TrackMappingEntity,
  PlaylistEntity,
  PlaylistItemEntity,
  TrackMetricEntity,
  LikeEntity,
  ImportRunEntity,
  ListeningEventEntity,
  PlayEntity,
  DailyListensEntity,
  SyncCheckpointEntity,
  WorkflowRunEntity,
  HttpCacheEntity,
];

export const MIGRATIONS_TABLE = 'migrations';

/** Applied on the connection TypeORM opens, before any query; also hands out that connection. */
export async function applyPragmas(connection: Database.Database): Promise<void> {
  await switchToWal(connection);
  // Then a short wait per attempt: write transactions retry BEGIN IMMEDIATE themselves (write-lock.ts).
  connection.pragma(`busy_timeout = ${BUSY_SLICE_MS}`);
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
  // Large imports touch the indexes of a million-row ledger: a 32 MiB page cache (the default is
  // 2 MiB) keeps them in memory, and checkpointing every 64 MiB of log instead of every 4 MiB copies
  // a page that many commits rewrite back once per 64 MiB, not at nearly every commit of an import.
  // The log is cut back to 64 MiB after each checkpoint. Measured: docs/DATABASE.md.
  connection.pragma('cache_size = -32768');
  connection.pragma('wal_autocheckpoint = 16384');
  connection.pragma('journal_size_limit = 67108864');
}

/**
 * Turning a new file to WAL needs a moment of exclusive access, which a second first start may hold
 * for as long as it applies every migration (seconds on a busy machine): wait as long as a write
 * would. SQLite's busy handler covers most of that wait, but where waiting could deadlock (two first
 * starts each holding a read lock on the new file) SQLite answers SQLITE_BUSY at once: retry then.
 */
async function switchToWal(connection: Database.Database): Promise<void> {
  connection.pragma(`busy_timeout = ${DEFAULT_LOCK_WAIT_MS}`);
  const deadline = Date.now() + DEFAULT_LOCK_WAIT_MS;
  for (;;) {
    try {
      connection.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await sleep(10 + Math.random() * 40);
    }
  }
}

export function createDataSource(
  path: string,
  onConnection: (connection: Database.Database) => void,
): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: path,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // The callback's parameter is typed `any` by TypeORM; it is the better-sqlite3 Database it opened.
    prepareDatabase: async (connection: Database.Database) => {
      await applyPragmas(connection);
      onConnection(connection);
    },
  });
}
