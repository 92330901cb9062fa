// Links between internal tracks and service records, with the evidence behind each.
import type { ServiceName } from '../../domain/shared/service.js';
import type { MappingStatus, TrackMapping } from '../../domain/track/track-mapping.js';
import type { TrackId } from '../../domain/track/track.js';

export interface TrackMappingRepository {
  /** Inserts or replaces the link (service, external id, track); `createdAt` of a known link is kept. */
  upsert(mapping: TrackMapping): Promise<void>;
  forTrack(trackId: TrackId): Promise<TrackMapping[]>;
  /** Every track the service record is linked to, in any status. */
  find(service: ServiceName, externalId: string): Promise<TrackMapping[]>;
  /** Links in one status, oldest first (`review` feeds `narada tracks review`). */
  inStatus(status: MappingStatus): Promise<TrackMapping[]>;
}
