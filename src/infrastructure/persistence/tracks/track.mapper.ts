// Track ↔ `tracks` row: value objects to their canonical text, artists to a JSON array.
import type { RecordSource } from '../../../domain/shared/service.js';
import { type IdentityStatus, Track, type TrackDraft } from '../../../domain/track/track.js';
import { Isrc } from '../../../domain/values/isrc.js';
import { Mbid } from '../../../domain/values/mbid.js';
import { PartialDate } from '../../../domain/values/partial-date.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { TrackEntity } from './track.entity.js';
import { readChoice, readJson, readValue } from '../stored-value.js';

const STATUSES: readonly IdentityStatus[] = ['provisional', 'resolved', 'canonical', 'merged'];

export type NewTrackRow = Omit<TrackEntity, 'id'>;

export function trackToDomain(row: TrackEntity): Track {
  return new Track({
    id: row.id,
    title: row.title,
    artists: readJson<string[]>(row.artists, 'tracks', 'artists'),
    album: row.album,
    durationMs: row.durationMs,
    releaseDate: readValue(PartialDate.parse, row.releaseDate, 'tracks', 'release_date'),
    isrc: readValue(Isrc.parse, row.isrc, 'tracks', 'isrc'),
    mbid: readValue(Mbid.parse, row.mbid, 'tracks', 'mbid'),
    status: readChoice(row.status, STATUSES, 'tracks', 'status'),
    confidence: row.confidence,
    // Sources are open-ended over time (new importers); the column is not narrowed.
    source: row.source as RecordSource,
    mergedInto: row.mergedInto,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export function trackToRow(track: Track): TrackEntity {
  return {
    id: track.id,
    title: track.title,
    artists: JSON.stringify(track.artists),
    primaryArtist: track.primaryArtist,
    album: track.album,
    durationMs: track.durationMs,
    releaseDate: track.releaseDate?.toString() ?? null,
    isrc: track.isrc?.value ?? null,
    mbid: track.mbid?.value ?? null,
    status: track.status,
    confidence: track.confidence,
    source: track.source,
    mergedInto: track.mergedInto,
    createdAt: track.createdAt,
    updatedAt: track.updatedAt,
  };
}

/**
 * A draft becomes the row of a new, unmerged track. Building the Track first applies its invariants
 * (title, confidence) before anything is stored; its id 0 is a placeholder the insert never binds.
 * Fields are copied one by one, not spread: spreading is the slowest step of a 100,000-row insert.
 */
export function trackDraftToRow(draft: TrackDraft, at: EpochMs): NewTrackRow {
  return trackToRow(
    new Track({
      id: 0,
      title: draft.title,
      artists: draft.artists,
      album: draft.album,
      durationMs: draft.durationMs,
      releaseDate: draft.releaseDate,
      isrc: draft.isrc,
      mbid: draft.mbid,
      status: draft.status ?? 'provisional',
      confidence: draft.confidence,
      source: draft.source,
      mergedInto: null,
      createdAt: at,
      updatedAt: at,
    }),
  );
}
