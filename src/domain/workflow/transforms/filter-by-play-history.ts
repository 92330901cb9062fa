// filter.by_play_history: keep tracks by how often and how recently they were played, from the
// play history an enricher attached to the list.
import type { EpochMs } from '../../values/time.js';
import { type PlayStats, type TrackList, withTracks } from '../track-list.js';
import { checkCount, checkRange, invalidParam, MS_PER_DAY } from './transform-params.js';

const NODE = 'filter.by_play_history';

export interface PlayHistoryFilter {
  /** The instant day windows are measured back from (the run's start); the domain reads no clock. */
  readonly now: EpochMs;
  /** Inclusive lower bound on the play count (`min_plays`). */
  readonly minPlays?: number;
  /** Inclusive upper bound on the play count (`max_plays`); 0 keeps never-played tracks. */
  readonly maxPlays?: number;
  /** Which count the bounds test: all-time plays (default) or plays in the enricher's period. */
  readonly countIn?: 'total' | 'period';
  /** Keep tracks last played at most this many days before `now`. */
  readonly playedWithinDays?: number;
  /** Keep tracks not played in the last this-many days, including tracks never played. */
  readonly notPlayedWithinDays?: number;
  /** Keep tracks last played at or after this instant (`after_date`). */
  readonly playedAfter?: EpochMs;
  /** Keep tracks last played before this instant (`before_date`, or `days_forward` from `now`). */
  readonly playedBefore?: EpochMs;
  /** Keep tracks the history has no entry (or no period count) for; default false. */
  readonly includeMissing?: boolean;
}

/**
 * Every given condition must hold. A track the enricher did not look up is "missing" and decided by
 * `includeMissing` alone; a looked-up track that was never played has 0 plays and no last play.
 * Together, `notPlayedWithinDays` 30 and `playedWithinDays` 365 keep tracks last played 30–365 days ago.
 */
export function filterByPlayHistory(list: TrackList, params: PlayHistoryFilter): TrackList {
  checkParams(params);
  const { now, minPlays, maxPlays, countIn = 'total', playedWithinDays, notPlayedWithinDays } = params;
  const { playedAfter, playedBefore } = params;
  const includeMissing = params.includeMissing ?? false;
  const keeps = (stats: PlayStats): boolean => {
    if (minPlays !== undefined || maxPlays !== undefined) {
      const plays = countIn === 'period' ? stats.playsInPeriod : stats.totalPlays;
      if (plays === undefined) return includeMissing;
      if ((minPlays !== undefined && plays < minPlays) || (maxPlays !== undefined && plays > maxPlays)) {
        return false;
      }
    }
    const last = stats.lastPlayedAt;
    if (playedAfter !== undefined && (last === null || last < playedAfter)) return false;
    if (playedBefore !== undefined && (last === null || last >= playedBefore)) return false;
    if (playedWithinDays !== undefined && (last === null || last < now - playedWithinDays * MS_PER_DAY)) {
      return false;
    }
    return (
      notPlayedWithinDays === undefined || last === null || last < now - notPlayedWithinDays * MS_PER_DAY
    );
  };
  return withTracks(
    list,
    list.tracks.filter((track) => {
      const stats = list.playHistory?.get(track.id);
      return stats === undefined ? includeMissing : keeps(stats);
    }),
  );
}

function checkParams(params: PlayHistoryFilter): void {
  const { minPlays, maxPlays, playedWithinDays, notPlayedWithinDays } = params;
  checkCount(NODE, 'min_plays', minPlays);
  checkCount(NODE, 'max_plays', maxPlays);
  checkCount(NODE, 'played_within_days', playedWithinDays);
  checkCount(NODE, 'not_played_within_days', notPlayedWithinDays);
  checkRange(NODE, { key: 'min_plays', value: minPlays }, { key: 'max_plays', value: maxPlays });
  if (
    notPlayedWithinDays !== undefined &&
    playedWithinDays !== undefined &&
    notPlayedWithinDays >= playedWithinDays
  ) {
    throw invalidParam(
      NODE,
      'not_played_within_days',
      `(${notPlayedWithinDays}) must be less than played_within_days (${playedWithinDays}), or no track can match`,
    );
  }
  const { playedAfter, playedBefore } = params;
  if (playedAfter !== undefined && playedBefore !== undefined && playedAfter >= playedBefore) {
    throw invalidParam(NODE, 'after_date', 'must be earlier than before_date, or no track can match');
  }
  const conditions = [minPlays, maxPlays, playedWithinDays, notPlayedWithinDays, playedAfter, playedBefore];
  if (conditions.every((value) => value === undefined)) {
    throw invalidParam(
      NODE,
      'config',
      'sets no condition; give min_plays, max_plays, played_within_days, not_played_within_days, after_date or before_date',
    );
  }
}
