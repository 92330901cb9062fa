// The stores the identity use cases share, in one bag: the linker, the merger and the use cases that
// build them take it whole.
import type { Clock } from '../ports/clock.port.js';
import type { ConnectorTrackRepository } from '../ports/connector-track-repository.port.js';
import type { IdentityLookup } from '../ports/identity-lookup.port.js';
import type { StoredRecordCheck } from '../ports/stored-record-check.port.js';
import type { TrackMergeStore } from '../ports/identity-merge-store.port.js';
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { TrackRepository } from '../ports/track-repository.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';

/** Everything the identity use cases reach the database through. */
export interface IdentityStores {
  readonly tracks: TrackRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly mappings: TrackMappingRepository;
  readonly lookup: IdentityLookup;
  /** Lets ingests skip rewriting records stored unchanged. */
  readonly storedRecords?: StoredRecordCheck;
  readonly merges: TrackMergeStore;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
}
