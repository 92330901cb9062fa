// Each service's own records of tracks, kept as received so they can be re-mapped later.
import type { ServiceName } from '../../domain/shared/service.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';

export interface ConnectorTrackRepository {
  /** Inserts new records and replaces known ones (same service and external id), in one transaction. */
  upsertMany(tracks: readonly ConnectorTrack[]): Promise<void>;
  find(service: ServiceName, externalId: string): Promise<ConnectorTrack | null>;
}
