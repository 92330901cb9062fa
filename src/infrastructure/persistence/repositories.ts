// Every persistence port over one open database, for the DI container and for tests: the one place
// that picks the adapters, so another database engine is another set of adapters chosen here.
import type { Clock } from '../../application/ports/clock.port.js';
import type { IdentityStores } from '../../application/tracks/identity-stores.js';
import type { ConnectorTrackRepository } from '../../application/ports/connector-track-repository.port.js';
import type { DatabaseInfo } from '../../application/ports/database-info.port.js';
import type { IdentityAttemptRepository } from '../../application/ports/identity-attempt-repository.port.js';
import type { IdentityLookup } from '../../application/ports/identity-lookup.port.js';
import type { TrackMergeStore } from '../../application/ports/identity-merge-store.port.js';
import type { ImportRunRepository } from '../../application/ports/import-run-repository.port.js';
import type { LibraryStore } from '../../application/ports/library-store.port.js';
import type { LikeRepository } from '../../application/ports/like-repository.port.js';
import type { ListenExportStore } from '../../application/ports/listen-export-store.port.js';
import type { ListenRecordingStore } from '../../application/ports/listen-recording-store.port.js';
import type { ListeningStats } from '../../application/ports/listening-stats.port.js';
import type { PlayHistoryQuery } from '../../application/ports/play-history-query.port.js';
import type { PlaylistRepository } from '../../application/ports/playlist-repository.port.js';
import type { ProvisionalTrackStore } from '../../application/ports/provisional-track-store.port.js';
import type { ResponseCache } from '../../application/ports/response-cache.port.js';
import type { ScrobbleBackfillStore } from '../../application/ports/scrobble-backfill-store.port.js';
import type { LedgerPresence } from '../../application/ports/ledger-presence.port.js';
import type { StoredRecordCheck } from '../../application/ports/stored-record-check.port.js';
import type { SyncCheckpointRepository } from '../../application/ports/sync-checkpoint-repository.port.js';
import type { TrackMappingRepository } from '../../application/ports/track-mapping-repository.port.js';
import type { TrackMetricRepository } from '../../application/ports/track-metric-repository.port.js';
import type { TrackRepository } from '../../application/ports/track-repository.port.js';
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';
import type { WorkflowRunRepository } from '../../application/ports/workflow-run-repository.port.js';
import { SqliteListenExportStore } from './history/sqlite-listen-export-store.js';
import { SqliteListenRecordingStore } from './history/sqlite-listen-recording-store.js';
import { SqlitePlayHistoryQuery } from './history/sqlite-play-history-query.js';
import { SqlProvisionalTrackStore } from './history/sql-provisional-track-store.js';
import { SqliteScrobbleBackfillStore } from './history/sqlite-scrobble-backfill-store.js';
import { SqliteLedgerPresence } from './history/sqlite-ledger-presence.js';
import { TypeOrmImportRunRepository } from './history/typeorm-import-run-repository.js';
import { TypeOrmResponseCache } from './http-cache/typeorm-response-cache.js';
import { SqliteLibraryStore } from './library/sqlite-library-store.js';
import { TypeOrmLikeRepository } from './likes/typeorm-like-repository.js';
import { asEngineDatabase, asSqliteDatabase, type NaradaDatabase } from './open-database.js';
import { TypeOrmPlaylistRepository } from './playlist/typeorm-playlist-repository.js';
import { SqliteListeningStats } from './stats/sqlite-listening-stats.js';
import { TypeOrmSyncCheckpointRepository } from './sync-checkpoints/typeorm-sync-checkpoint-repository.js';
import { SqliteIdentityAttempts } from './tracks/sqlite-identity-attempts.js';
import { SqliteIdentityLookup } from './tracks/sqlite-identity-lookup.js';
import { SqliteStoredRecords } from './tracks/sqlite-stored-records.js';
import { SqliteTrackMergeStore } from './tracks/sqlite-track-merge-store.js';
import { SqliteTrackMetricRepository } from './tracks/sqlite-track-metric-repository.js';
import { TypeOrmConnectorTrackRepository } from './tracks/typeorm-connector-track-repository.js';
import { TypeOrmTrackMappingRepository } from './tracks/typeorm-track-mapping-repository.js';
import { TypeOrmTrackRepository } from './tracks/typeorm-track-repository.js';
import { TypeOrmWorkflowRunRepository } from './workflow/typeorm-workflow-run-repository.js';

export interface Repositories {
  readonly tracks: TrackRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly trackMappings: TrackMappingRepository;
  readonly identityLookup: IdentityLookup;
  readonly storedRecords: StoredRecordCheck;
  readonly trackMerges: TrackMergeStore;
  readonly identityAttempts: IdentityAttemptRepository;
  readonly playlists: PlaylistRepository;
  readonly trackMetrics: TrackMetricRepository;
  readonly likes: LikeRepository;
  readonly library: LibraryStore;
  readonly listenRecording: ListenRecordingStore;
  readonly provisionalTracks: ProvisionalTrackStore;
  readonly playHistory: PlayHistoryQuery;
  readonly scrobbleBackfill: ScrobbleBackfillStore;
  readonly listenExport: ListenExportStore;
  readonly ledgerPresence: LedgerPresence;
  readonly listeningStats: ListeningStats;
  readonly importRuns: ImportRunRepository;
  readonly syncCheckpoints: SyncCheckpointRepository;
  readonly workflowRuns: WorkflowRunRepository;
  readonly responseCache: ResponseCache;
  readonly unitOfWork: UnitOfWork;
  readonly databaseInfo: DatabaseInfo;
}

export function createRepositories(database: NaradaDatabase): Repositories {
  const db = asEngineDatabase(database);
  // Stores not yet written over the SQL runner: SQLite only.
  const sqlite = () => asSqliteDatabase(database);
  return onFirstUse<Repositories>({
    tracks: () => new TypeOrmTrackRepository(sqlite()),
    connectorTracks: () => new TypeOrmConnectorTrackRepository(sqlite()),
    trackMappings: () => new TypeOrmTrackMappingRepository(sqlite()),
    identityLookup: () => new SqliteIdentityLookup(sqlite()),
    storedRecords: () => new SqliteStoredRecords(sqlite()),
    trackMerges: (repos) => new SqliteTrackMergeStore(sqlite(), repos.tracks),
    identityAttempts: () => new SqliteIdentityAttempts(sqlite()),
    playlists: () => new TypeOrmPlaylistRepository(sqlite()),
    trackMetrics: () => new SqliteTrackMetricRepository(sqlite()),
    likes: () => new TypeOrmLikeRepository(sqlite()),
    library: () => new SqliteLibraryStore(sqlite()),
    listenRecording: () => new SqliteListenRecordingStore(db),
    provisionalTracks: () => new SqlProvisionalTrackStore(db),
    playHistory: () => new SqlitePlayHistoryQuery(db),
    scrobbleBackfill: () => new SqliteScrobbleBackfillStore(db),
    listenExport: () => new SqliteListenExportStore(db),
    ledgerPresence: () => new SqliteLedgerPresence(db),
    listeningStats: () => new SqliteListeningStats(sqlite()),
    importRuns: () => new TypeOrmImportRunRepository(db),
    syncCheckpoints: () => new TypeOrmSyncCheckpointRepository(db),
    workflowRuns: () => new TypeOrmWorkflowRunRepository(db),
    responseCache: () => new TypeOrmResponseCache(sqlite()),
    unitOfWork: () => db.unitOfWork,
    databaseInfo: () => db,
  });
}

/** Builds each store when first asked for, once: a command prepares the statements of the stores it uses. */
function onFirstUse<T extends object>(make: { readonly [K in keyof T]: (all: T) => T[K] }): T {
  const all = {} as T;
  for (const key of Object.keys(make) as (keyof T)[]) {
    let built: T[typeof key] | undefined;
    Object.defineProperty(all, key, { enumerable: true, get: () => (built ??= make[key](all)) });
  }
  return Object.freeze(all);
}

/** The stores the identity use cases share (`IdentityStores`), taken from the repositories. */
export function identityStoresOf(repos: Repositories, clock: Clock): IdentityStores {
  return {
    tracks: repos.tracks,
    connectorTracks: repos.connectorTracks,
    mappings: repos.trackMappings,
    lookup: repos.identityLookup,
    storedRecords: repos.storedRecords,
    merges: repos.trackMerges,
    unitOfWork: repos.unitOfWork,
    clock,
  };
}
