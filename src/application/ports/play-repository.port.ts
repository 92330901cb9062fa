// Plays: ledger events interpreted as listens of internal tracks.
import type { Play } from '../../domain/history/play.js';
import type { TrackId } from '../../domain/track/track.js';

export type PlayDraft = Omit<Play, 'id'>;

export interface PlayRepository {
  /** Bulk path, one transaction; a play for an event that already has one is skipped. Returns how many were stored. */
  insertMany(plays: readonly PlayDraft[]): Promise<number>;
  /** The track's plays, oldest first. */
  forTrack(trackId: TrackId): Promise<Play[]>;
  count(): Promise<number>;
}
