// Plays rolled up per user, track and UTC day, for history filters and stats.
import type { DailyListens } from '../../domain/history/play.js';
import type { TrackId } from '../../domain/track/track.js';

export interface DailyListensRepository {
  /**
   * Replaces the counts of each (user, track, date), in one transaction. A row rolls up plays: the
   * plays of that user, track and UTC day must be stored, since a track's rows are found through them.
   */
  upsertMany(rows: readonly DailyListens[]): Promise<void>;
  /** The roll-ups of these tracks, by track then date; `from`/`to` bound the dates (`YYYY-MM-DD`, inclusive). */
  forTracks(
    trackIds: readonly TrackId[],
    range?: { readonly from?: string; readonly to?: string },
  ): Promise<DailyListens[]>;
}
