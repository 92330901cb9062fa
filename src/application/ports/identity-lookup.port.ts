// Bulk look-ups and writes for identity work: thousands of records are matched against the library by
// their keys in a few queries, instead of one repository call per record.
import type { ServiceName } from '../../domain/shared/service.js';
import type { TrackMapping } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';

export interface ServiceRecordRef {
  readonly service: ServiceName;
  readonly externalId: string;
}

export interface IdentityLookup {
  /** Accepted mappings of any of the records (pinned ones included). */
  acceptedMappings(refs: readonly ServiceRecordRef[]): Promise<TrackMapping[]>;
  /** Every link of the tracks, in any status. */
  mappingsOfTracks(trackIds: readonly TrackId[]): Promise<TrackMapping[]>;
  /** Tracks carrying any of the ISRCs (canonical text), merged ones included, oldest first. */
  tracksByIsrc(isrcs: readonly string[]): Promise<Track[]>;
  /** Tracks carrying any of the recording MBIDs, merged ones included, oldest first. */
  tracksByMbid(mbids: readonly string[]): Promise<Track[]>;
  /** Every track not merged away, in id order, `pageSize` at a time: the library resolution matches against. */
  standingTracks(pageSize: number): AsyncIterable<readonly Track[]>;
  /** Inserts or replaces each link (service, external id, track), keeping a known link's `createdAt`. */
  upsertMappings(mappings: readonly TrackMapping[]): Promise<void>;
}
