// New plays → `plays` rows and DailyListens → `daily_listens` rows (the recorder writes; reads are read models).
import type { PlayDraft } from '../../../application/ports/listen-recording-store.port.js';
import type { DailyListens } from '../../../domain/history/play.js';
import type { DailyListensEntity } from './daily-listens.entity.js';
import type { PlayEntity } from './play.entity.js';

export type NewPlayRow = Omit<PlayEntity, 'id'>;

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
