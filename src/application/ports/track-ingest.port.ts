// Service records → internal tracks, as callers outside the tracks feature see it (the workflow's
// sources, likes, playlists): what an ingest returns, and the function type that does it.
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { Track } from '../../domain/track/track.js';

export interface IngestResult {
  /** Every ingested record's internal track (the survivor, when it was merged), by `connectorKey`. */
  readonly tracks: ReadonlyMap<string, Track>;
  /** New provisional tracks made from records nothing else matched. */
  readonly created: number;
  /** Records newly linked to an existing track by their ISRC or MBID. */
  readonly linked: number;
}

export type IngestTracks = (records: readonly ConnectorTrack[]) => Promise<IngestResult>;
