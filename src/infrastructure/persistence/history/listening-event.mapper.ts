// Listening events ↔ `listening_events` rows; the payload text passes through untouched.
import type {
  ListeningSource,
  RawListeningEvent,
  StoredListeningEvent,
} from '../../../domain/history/listening-event.js';
import type { ListeningEventEntity } from './listening-event.entity.js';
import { readChoice } from '../stored-value.js';

const SOURCES: readonly ListeningSource[] = ['lastfm', 'spotify', 'spotify_export'];

export type NewListeningEventRow = Omit<ListeningEventEntity, 'id'>;

export function listeningEventToDomain(row: ListeningEventEntity): StoredListeningEvent {
  return Object.freeze({
    id: row.id,
    user: row.user,
    source: readChoice(row.source, SOURCES, 'listening_events', 'source'),
    playedAt: row.playedAt,
    trackKey: row.trackKey,
    msPlayed: row.msPlayed,
    payload: row.payload,
    importRunId: row.importRunId,
  });
}

export function listeningEventToRow(event: RawListeningEvent): NewListeningEventRow {
  return {
    user: event.user,
    source: event.source,
    playedAt: event.playedAt,
    trackKey: event.trackKey,
    msPlayed: event.msPlayed,
    payload: event.payload,
    importRunId: event.importRunId,
  };
}
