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
import type { ListenLinkStore } from '../../application/ports/listen-link-store.port.js';
import type { LikeRepository } from '../../application/ports/like-repository.port.js';
import type { ListenExportStore } from '../../application/ports/listen-export-store.port.js';
import type { ListenRecordingStore } from '../../application/ports/listen-recording-store.port.js';
import type { ListeningStats } from '../../application/ports/listening-stats.port.js';
import type { PlayHistoryQuery } from '../../application/ports/play-history-query.port.js';
import type { PlaylistRepository } from '../../application/ports/playlist-repository.port.js';
import type { ProvisionalTrackStore } from '../../application/ports/provisional-track-store.port.js';
import type { ResponseCache } from '../../application/ports/response-cache.port.js';
import type { ScheduleStore } from '../../application/ports/schedule-store.port.js';
import type { ScrobbleBackfillStore } from '../../application/ports/scrobble-backfill-store.port.js';
import type { ServerUserStore } from '../../application/ports/server-user-store.port.js';
import type { NowPlayingStore } from '../../application/ports/now-playing-store.port.js';
import type { LedgerPresence } from '../../application/ports/ledger-presence.port.js';
import type { StoredRecordCheck } from '../../application/ports/stored-record-check.port.js';
import type { SyncCheckpointRepository } from '../../application/ports/sync-checkpoint-repository.port.js';
import type { TrackMappingRepository } from '../../application/ports/track-mapping-repository.port.js';
import type { TrackMetricRepository } from '../../application/ports/track-metric-repository.port.js';
import type { TrackRepository } from '../../application/ports/track-repository.port.js';
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';
import type { WorkflowRunRepository } from '../../application/ports/workflow-run-repository.port.js';
import { SqlListenExportStore } from './history/sql-listen-export-store.js';
import { SqlListenRecordingStore } from './history/sql-listen-recording-store.js';
import { SqlPlayHistoryQuery } from './history/sql-play-history-query.js';
import { SqlProvisionalTrackStore } from './history/sql-provisional-track-store.js';
import { SqlScrobbleBackfillStore } from './history/sql-scrobble-backfill-store.js';
import { SqlLedgerPresence } from './history/sql-ledger-presence.js';
import { SqlImportRunRepository } from './history/sql-import-run-repository.js';
import { SqlResponseCache } from './http-cache/sql-response-cache.js';
import { SqlLibraryStore } from './library/sql-library-store.js';
import { SqlListenLinkStore } from './library/sql-listen-link-store.js';
import { SqlLikeRepository } from './likes/sql-like-repository.js';
import { asEngineDatabase, type NaradaDatabase } from './open-database.js';
import { SqlPlaylistRepository } from './playlist/sql-playlist-repository.js';
import { SqlScheduleStore } from './schedules/sql-schedule-store.js';
import { SqlListeningStats } from './stats/sql-listening-stats.js';
import { SqlSyncCheckpointRepository } from './sync-checkpoints/sql-sync-checkpoint-repository.js';
import { SqlIdentityAttempts } from './tracks/sql-identity-attempts.js';
import { SqlIdentityLookup } from './tracks/sql-identity-lookup.js';
import { SqlStoredRecords } from './tracks/sql-stored-records.js';
import { SqlTrackMergeStore } from './tracks/sql-track-merge-store.js';
import { SqlTrackMetricRepository } from './tracks/sql-track-metric-repository.js';
import { SqlConnectorTrackRepository } from './tracks/sql-connector-track-repository.js';
import { SqlTrackMappingRepository } from './tracks/sql-track-mapping-repository.js';
import { SqlTrackRepository } from './tracks/sql-track-repository.js';
import { SqlWorkflowRunRepository } from './workflow/sql-workflow-run-repository.js';
import { SqlNowPlayingStore } from './users/sql-now-playing-store.js';
import { SqlServerUserStore } from './users/sql-server-user-store.js';

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
  readonly listenLinks: ListenLinkStore;
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
  readonly serverUsers: ServerUserStore;
  readonly nowPlaying: NowPlayingStore;
  readonly schedules: ScheduleStore;
  readonly unitOfWork: UnitOfWork;
  readonly databaseInfo: DatabaseInfo;
}

export function createRepositories(database: NaradaDatabase): Repositories {
  const db = asEngineDatabase(database);
  return onFirstUse<Repositories>({
    tracks: () => new SqlTrackRepository(db),
    connectorTracks: () => new SqlConnectorTrackRepository(db),
    trackMappings: () => new SqlTrackMappingRepository(db),
    identityLookup: () => new SqlIdentityLookup(db),
    storedRecords: () => new SqlStoredRecords(db),
    trackMerges: (repos) => new SqlTrackMergeStore(db, repos.tracks),
    identityAttempts: () => new SqlIdentityAttempts(db),
    playlists: () => new SqlPlaylistRepository(db),
    trackMetrics: () => new SqlTrackMetricRepository(db),
    likes: () => new SqlLikeRepository(db),
    library: () => new SqlLibraryStore(db),
    listenLinks: () => new SqlListenLinkStore(db),
    listenRecording: () => new SqlListenRecordingStore(db),
    provisionalTracks: () => new SqlProvisionalTrackStore(db),
    playHistory: () => new SqlPlayHistoryQuery(db),
    scrobbleBackfill: () => new SqlScrobbleBackfillStore(db),
    listenExport: () => new SqlListenExportStore(db),
    ledgerPresence: () => new SqlLedgerPresence(db),
    listeningStats: () => new SqlListeningStats(db),
    importRuns: () => new SqlImportRunRepository(db),
    syncCheckpoints: () => new SqlSyncCheckpointRepository(db),
    workflowRuns: () => new SqlWorkflowRunRepository(db),
    responseCache: () => new SqlResponseCache(db),
    serverUsers: () => new SqlServerUserStore(db),
    nowPlaying: () => new SqlNowPlayingStore(db),
    schedules: () => new SqlScheduleStore(db),
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
