// Finds the internal track behind each upstream record of a listen, creating a provisional one
// (with its connector record and an accepted mapping) when none is mapped yet. Resolution later
// improves or merges these tracks; listens follow through the mappings and merges.
import type { RecordSource, ServiceName } from '../../domain/shared/service.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { MatchMethod } from '../../domain/track/track-mapping.js';
import type { TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface UpstreamTrack {
  readonly service: ServiceName;
  /** The connector key: a Spotify track id (or local URI), or Last.fm's artist/title key. */
  readonly externalId: string;
  /** `spotify_id` for Spotify ids, `artist_title` for artist/title keys. */
  readonly method: MatchMethod;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string | null;
  /** Typed facts for the connector record (Last.fm's `mbid`, which may name a MusicBrainz track, not a recording). */
  readonly attributes: ConnectorTrack['attributes'];
  /** Where the provisional track is learned from. */
  readonly source: RecordSource;
  /** Kept as the connector record's raw JSON when that record is new. */
  readonly raw: unknown;
}

export function upstreamKey(service: ServiceName, externalId: string): string {
  return `${service}\u0000${externalId}`;
}

export interface ProvisionalTrackStore {
  /**
   * The track of every record, keyed by upstreamKey: the track its accepted mapping points at, else
   * a new provisional track. A known connector record is never overwritten by this path.
   */
  tracksFor(records: readonly UpstreamTrack[], at: EpochMs): Promise<ReadonlyMap<string, TrackId>>;
}
