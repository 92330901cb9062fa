// Daily listens are kept incrementally: each batch of new plays adds to the (user, track, UTC day)
// rows instead of recounting. A duplicate play adds no listen, only played time its listen lacked.
import type { TrackId } from '../track/track.js';
import { utcDate, type EpochMs } from '../values/time.js';
import type { DailyListens } from './play.js';
import type { HeldListen } from './same-listen.js';

export interface NewPlay {
  readonly user: string;
  readonly trackId: TrackId;
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
  /** The held listen this play repeats, or null when it is a listen of its own. */
  readonly sameAs: HeldListen | null;
}

/**
 * What to add to the daily roll-ups for these plays. A listen's played time is the longest known
 * among its captures (Last.fm scrobbles carry none), so a duplicate adds only what exceeds it.
 */
export function dailyListenDeltas(plays: readonly NewPlay[]): DailyListens[] {
  // A batch spans few days: each day's text is made once.
  const days = new Map<number, string>();
  const dayOf = (at: EpochMs): string => {
    const day = Math.floor(at / 86_400_000);
    let date = days.get(day);
    if (date === undefined) {
      date = utcDate(at);
      days.set(day, date);
    }
    return date;
  };
  const rows = new Map<string, { user: string; trackId: TrackId; date: string; count: number; ms: number }>();
  const add = (user: string, trackId: TrackId, at: EpochMs, count: number, ms: number) => {
    if (count === 0 && ms === 0) return;
    const date = dayOf(at);
    const key = `${user}\u001f${trackId}\u001f${date}`;
    const row = rows.get(key);
    if (row === undefined) rows.set(key, { user, trackId, date, count, ms });
    else {
      row.count += count;
      row.ms += ms;
    }
  };
  // Several captures of one held listen may arrive in one batch: each adds only beyond the last.
  const knownMs = new Map<number, number>();
  for (const play of plays) {
    const ms = play.msPlayed ?? 0;
    const held = play.sameAs;
    if (held === null) {
      add(play.user, play.trackId, play.playedAt, 1, ms);
      continue;
    }
    const known = knownMs.get(held.playId) ?? held.knownMs ?? 0;
    if (ms > known) {
      add(held.user, held.trackId, held.playedAt, 0, ms - known);
      knownMs.set(held.playId, ms);
    }
  }
  return [...rows.values()].map((r) => ({
    user: r.user,
    trackId: r.trackId,
    date: r.date,
    listenCount: r.count,
    totalMsPlayed: r.ms,
  }));
}
