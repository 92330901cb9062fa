// Lets an ingest leave alone the service records it already holds: re-reading a 10,000-track playlist
// should not rewrite 10,000 rows. Optional for an ingest: without it every record is stored.
import type { ConnectorTrack } from '../../domain/track/connector-track.js';

export interface StoredRecordCheck {
  /**
   * Of `records`, those already stored with the same content (every field but the wire JSON and the
   * fetch time). Only their fetch time is written, and only when the given one is later; the caller
   * stores the others in full.
   */
  refreshUnchanged(records: readonly ConnectorTrack[]): Promise<ReadonlySet<ConnectorTrack>>;
}
