// TrackMapping ↔ `track_mappings` row: evidence kept as JSON text.
import type { ServiceName } from '../../../domain/shared/service.js';
import {
  type MappingStatus,
  type MatchEvidence,
  type MatchMethod,
  trackMapping,
  type TrackMapping,
} from '../../../domain/track/track-mapping.js';
import type { TrackMappingEntity } from './track-mapping.entity.js';
import { readChoice, readJson } from '../stored-value.js';

const STATUSES: readonly MappingStatus[] = ['accepted', 'review', 'rejected'];
const METHODS: readonly MatchMethod[] = ['spotify_id', 'isrc', 'mbid', 'artist_title', 'fuzzy', 'manual'];

export function trackMappingToDomain(row: TrackMappingEntity): TrackMapping {
  return trackMapping({
    trackId: row.trackId,
    // Written from a ServiceName by trackMappingToRow.
    service: row.service as ServiceName,
    externalId: row.externalId,
    confidence: row.confidence,
    method: readChoice(row.method, METHODS, 'track_mappings', 'method'),
    status: readChoice(row.status, STATUSES, 'track_mappings', 'status'),
    evidence: readJson<MatchEvidence>(row.evidence, 'track_mappings', 'evidence'),
    pinned: row.pinned,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export function trackMappingToRow(mapping: TrackMapping): TrackMappingEntity {
  return {
    service: mapping.service,
    externalId: mapping.externalId,
    trackId: mapping.trackId,
    confidence: mapping.confidence,
    method: mapping.method,
    status: mapping.status,
    evidence: JSON.stringify(mapping.evidence),
    pinned: mapping.pinned,
    createdAt: mapping.createdAt,
    updatedAt: mapping.updatedAt,
  };
}
