// Runner reads of tracks and mappings for the identity adapters: columns aliased to the entities'
// property names, so the persistence mappers turn them into domain objects unchanged.
import type { TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track } from '../../../domain/track/track.js';
import type { TrackEntity } from './track.entity.js';
import type { TrackMappingEntity } from './track-mapping.entity.js';
import { readBoolean } from '../sql/sql-runner.js';
import { trackMappingToDomain } from './track-mapping.mapper.js';
import { trackToDomain } from './track.mapper.js';

export const TRACK_COLUMNS = `t."id" AS "id", t."title" AS "title", t."artists" AS "artists",
  t."primary_artist" AS "primaryArtist", t."album" AS "album", t."duration_ms" AS "durationMs",
  t."release_date" AS "releaseDate", t."isrc" AS "isrc", t."mbid" AS "mbid", t."status" AS "status",
  t."confidence" AS "confidence", t."source" AS "source", t."merged_into" AS "mergedInto",
  t."created_at" AS "createdAt", t."updated_at" AS "updatedAt"`;

export const MAPPING_COLUMNS = `m."service" AS "service", m."external_id" AS "externalId", m."track_id" AS "trackId",
  m."confidence" AS "confidence", m."method" AS "method", m."status" AS "status", m."evidence" AS "evidence",
  m."pinned" AS "pinned", m."created_at" AS "createdAt", m."updated_at" AS "updatedAt"`;

/** A mapping row as the engines return it: 0/1 from SQLite, a boolean from PostgreSQL. */
export type RawMappingRow = Omit<TrackMappingEntity, 'pinned'> & { readonly pinned: unknown };

export function rowToTrack(row: TrackEntity): Track {
  return trackToDomain(row);
}

export function rowToMapping(row: RawMappingRow): TrackMapping {
  return trackMappingToDomain({ ...row, pinned: readBoolean(row.pinned) });
}

/** One JSON parameter for `dialect.inTextPairs(?)`: one statement for any number of pairs. */
export function jsonPairs(pairs: readonly (readonly [string, string])[]): string {
  return JSON.stringify(pairs);
}
