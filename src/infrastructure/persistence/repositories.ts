// Every persistence port over one open database, for the DI container and for tests.
import type { ConnectorTrackRepository } from '../../application/ports/connector-track-repository.port.js';
import type { DailyListensRepository } from '../../application/ports/daily-listens-repository.port.js';
import type { DatabaseInfo } from '../../application/ports/database-info.port.js';
import type { ImportRunRepository } from '../../application/ports/import-run-repository.port.js';
import type { LikeRepository } from '../../application/ports/like-repository.port.js';
import type { ListeningEventRepository } from '../../application/ports/listening-event-repository.port.js';
import type { PlayRepository } from '../../application/ports/play-repository.port.js';
import type { PlaylistRepository } from '../../application/ports/playlist-repository.port.js';
import type { ResponseCache } from '../../application/ports/response-cache.port.js';
import type { SyncCheckpointRepository } from '../../application/ports/sync-checkpoint-repository.port.js';
import type { TrackMappingRepository } from '../../application/ports/track-mapping-repository.port.js';
import type { TrackMetricRepository } from '../../application/ports/track-metric-repository.port.js';
import type { TrackRepository } from '../../application/ports/track-repository.port.js';
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';
import type { WorkflowRunRepository } from '../../application/ports/workflow-run-repository.port.js';
import type { NaradaDatabase } from './open-database.js';
import { TypeOrmConnectorTrackRepository } from './tracks/typeorm-connector-track-repository.js';
import { TypeOrmDailyListensRepository } from './history/typeorm-daily-listens-repository.js';
import { TypeOrmImportRunRepository } from './history/typeorm-import-run-repository.js';
import { TypeOrmLikeRepository } from './likes/typeorm-like-repository.js';
import { TypeOrmListeningEventRepository } from './history/typeorm-listening-event-repository.js';
import { TypeOrmPlayRepository } from './history/typeorm-play-repository.js';
import { TypeOrmPlaylistRepository } from './playlist/typeorm-playlist-repository.js';
import { TypeOrmResponseCache } from './http-cache/typeorm-response-cache.js';
import { TypeOrmSyncCheckpointRepository } from './sync-checkpoints/typeorm-sync-checkpoint-repository.js';
import { TypeOrmTrackMappingRepository } from './tracks/typeorm-track-mapping-repository.js';
import { TypeOrmTrackMetricRepository } from './tracks/typeorm-track-metric-repository.js';
import { TypeOrmTrackRepository } from './tracks/typeorm-track-repository.js';
import { TypeOrmWorkflowRunRepository } from './workflow/typeorm-workflow-run-repository.js';

export interface Repositories {
  readonly tracks: TrackRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly trackMappings: TrackMappingRepository;
  readonly playlists: PlaylistRepository;
  readonly trackMetrics: TrackMetricRepository;
  readonly likes: LikeRepository;
  readonly listeningEvents: ListeningEventRepository;
  readonly plays: PlayRepository;
  readonly dailyListens: DailyListensRepository;
  readonly importRuns: ImportRunRepository;
  readonly syncCheckpoints: SyncCheckpointRepository;
  readonly workflowRuns: WorkflowRunRepository;
  readonly responseCache: ResponseCache;
  readonly unitOfWork: UnitOfWork;
  readonly databaseInfo: DatabaseInfo;
}

export function createRepositories(db: NaradaDatabase): Repositories {
  return {
    tracks: new TypeOrmTrackRepository(db),
    connectorTracks: new TypeOrmConnectorTrackRepository(db),
    trackMappings: new TypeOrmTrackMappingRepository(db),
    playlists: new TypeOrmPlaylistRepository(db),
    trackMetrics: new TypeOrmTrackMetricRepository(db),
    likes: new TypeOrmLikeRepository(db),
    listeningEvents: new TypeOrmListeningEventRepository(db),
    plays: new TypeOrmPlayRepository(db),
    dailyListens: new TypeOrmDailyListensRepository(db),
    importRuns: new TypeOrmImportRunRepository(db),
    syncCheckpoints: new TypeOrmSyncCheckpointRepository(db),
    workflowRuns: new TypeOrmWorkflowRunRepository(db),
    responseCache: new TypeOrmResponseCache(db),
    unitOfWork: db.unitOfWork,
    databaseInfo: db,
  };
}
