// Play ↔ `plays` row and DailyListens ↔ `daily_listens` row.
import type { DailyListens, Play } from '../../../domain/history/play.js';
import type { PlayDraft } from '../../../application/ports/play-repository.port.js';
import type { DailyListensEntity } from './daily-listens.entity.js';
import type { PlayEntity } from './play.entity.js';

export type NewPlayRow = Omit<PlayEntity, 'id'>;

export function playToDomain(row: PlayEntity): Play {
  return Object.freeze({
    id: row.id,
    eventId: row.eventId,
    user: row.user,
    trackId: row.trackId,
    playedAt: row.playedAt,
    msPlayed: row.msPlayed,
    duplicateOf: row.duplicateOf,
  });
}

export function playToRow(play: PlayDraft): NewPlayRow {
  return {
    eventId: play.eventId,
    user: play.user,
    trackId: play.trackId,
    playedAt: play.playedAt,
    msPlayed: play.msPlayed,
    duplicateOf: play.duplicateOf,
  };
}

export function dailyListensToRow(listens: DailyListens): DailyListensEntity {
  return {
    user: listens.user,
    trackId: listens.trackId,
    date: listens.date,
    listenCount: listens.listenCount,
    totalMsPlayed: listens.totalMsPlayed,
  };
}
