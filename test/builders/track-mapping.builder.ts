// aTrackMapping(): an accepted link from a track to a service record, with the method that service implies.
import type { ServiceName } from '../../src/domain/shared/service.js';
import { type MatchMethod, trackMapping, type TrackMapping } from '../../src/domain/track/track-mapping.js';
import { BUILT_AT, externalIdFor, nextId } from './ids.js';

const METHOD_OF: Record<ServiceName, MatchMethod> = {
  spotify: 'spotify_id',
  lastfm: 'artist_title',
  musicbrainz: 'mbid',
  listenbrainz: 'artist_title',
  local: 'artist_title',
};

/** Goes through `trackMapping()`, so an override with a bad confidence throws as it would in the app. */
export function aTrackMapping(overrides: Partial<TrackMapping> = {}): TrackMapping {
  const n = nextId();
  const service = overrides.service ?? 'spotify';
  return trackMapping({
    trackId: n,
    service,
    externalId: externalIdFor(service, n),
    confidence: 100,
    method: METHOD_OF[service],
    status: 'accepted',
    evidence: { factors: [], notes: [] },
    pinned: false,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  });
}
