// ConnectorTrack ↔ `connector_tracks` row: the wire JSON and attributes kept as JSON text.
import type { ServiceName } from '../../../domain/shared/service.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import { Isrc } from '../../../domain/values/isrc.js';
import { PartialDate } from '../../../domain/values/partial-date.js';
import type { ConnectorTrackEntity } from './connector-track.entity.js';
import { readJson, readValue } from '../stored-value.js';

export function connectorTrackToDomain(row: ConnectorTrackEntity): ConnectorTrack {
  return Object.freeze({
    // Written from a ServiceName by connectorTrackToRow.
    service: row.service as ServiceName,
    externalId: row.externalId,
    title: row.title,
    artists: Object.freeze(readJson<string[]>(row.artists, 'connector_tracks', 'artists')),
    album: row.album,
    durationMs: row.durationMs,
    isrc: readValue(Isrc.parse, row.isrc, 'connector_tracks', 'isrc'),
    releaseDate: readValue(PartialDate.parse, row.releaseDate, 'connector_tracks', 'release_date'),
    attributes: readJson<ConnectorTrack['attributes']>(row.attributes, 'connector_tracks', 'attributes'),
    raw: readJson<unknown>(row.raw, 'connector_tracks', 'raw'),
    fetchedAt: row.fetchedAt,
  });
}

export function connectorTrackToRow(track: ConnectorTrack): ConnectorTrackEntity {
  return {
    service: track.service,
    externalId: track.externalId,
    title: track.title,
    artists: JSON.stringify(track.artists),
    album: track.album,
    durationMs: track.durationMs,
    isrc: track.isrc?.value ?? null,
    releaseDate: track.releaseDate?.toString() ?? null,
    attributes: JSON.stringify(track.attributes),
    // `undefined` has no JSON form; it is stored as null.
    raw: JSON.stringify(track.raw ?? null),
    fetchedAt: track.fetchedAt,
  };
}
