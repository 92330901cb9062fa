// What recording listens needs, in bulk: ledger appends that say which events are new (with their
// ids), the plays around new listens for same-listen matching, new plays, and additive roll-ups.
// Inside an open unit of work each call joins it; outside one, each call is its own transaction.
import type { ListeningSource, RawListeningEvent } from '../../domain/history/listening-event.js';
import type { DailyListens, Play } from '../../domain/history/play.js';
import type { TrackId } from '../../domain/track/track.js';
import type { EpochMs } from '../../domain/values/time.js';

/** A play to store: the database gives it its id. */
export type PlayDraft = Omit<Play, 'id'>;

/** A stretch of time, both ends included. */
export interface TimeSpan {
  readonly from: EpochMs;
  readonly to: EpochMs;
}

/** A stored play with what same-listen matching reads: its capture and its track's names. */
export interface HeldPlay {
  readonly playId: number;
  readonly user: string;
  readonly trackId: TrackId;
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
  readonly duplicateOf: number | null;
  readonly source: ListeningSource;
  readonly trackKey: string;
  readonly title: string;
  readonly primaryArtist: string;
}

export interface ListenRecordingStore {
  /**
   * How many listens one write should carry for this store to be efficient: imports that can gather
   * several pages before writing gather about this many (row by row on SQLite gains nothing from
   * more than a page; one statement per batch on PostgreSQL shares its fixed cost).
   */
  readonly listensPerWrite: number;
  /**
   * Appends to the ledger in one transaction; for each event, in order, the id it was stored under,
   * or null when the ledger already held it (same user, source, time and track key).
   */
  appendEvents(events: readonly RawListeningEvent[]): Promise<(number | null)[]>;
  /** The plays of `user` starting within any of the spans, duplicates included. */
  playsWithin(user: string, spans: readonly TimeSpan[]): Promise<HeldPlay[]>;
  /**
   * Stores the plays, all or none: a play for an event that already has one is a fault (plays are
   * made only for events just appended), so the write fails.
   */
  insertPlays(plays: readonly PlayDraft[]): Promise<void>;
  /** Adds each row's count and played time to the stored (user, track, date) row, creating it if needed. */
  addDailyListens(deltas: readonly DailyListens[]): Promise<void>;
}
