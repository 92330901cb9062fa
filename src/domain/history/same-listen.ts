// Cross-capture deduplication: decides that a newly captured listen is one Narada already holds from
// another capture (a Spotify export row that was also scrobbled to Last.fm, or the same listen in an
// extended and an account-data export). Both raw events stay; the later play points at the first.
import type { TrackId } from '../track/track.js';
import type { EpochMs } from '../values/time.js';
import type { ListenCapture } from './listen-identity.js';

/** Minute-precision export times, device clocks and seconds-precision scrobbles all fit in a minute. */
export const BASE_WINDOW_MS = 60_000;
/** Last.fm scrobbles at half the track or at 4 minutes; scrobblers stamping that moment are this late. */
export const MAX_SCROBBLE_DELAY_MS = 240_000;
/** The widest window there is: how far around new listens to look for held ones. */
export const MAX_WINDOW_MS = BASE_WINDOW_MS + MAX_SCROBBLE_DELAY_MS;

/**
 * How far apart two start times of one listen may be: a minute, plus half the time played up to four
 * minutes. Never a whole play: a genuine repeat of the track starts at least one play later.
 */
export function sameListenWindowMs(msPlayedA: number | null, msPlayedB: number | null): number {
  const known = [msPlayedA, msPlayedB].filter((ms): ms is number => ms !== null);
  const played = known.length === 0 ? 0 : Math.min(...known);
  return BASE_WINDOW_MS + Math.min(played / 2, MAX_SCROBBLE_DELAY_MS);
}

export interface CapturedListen {
  readonly user: string;
  readonly trackId: TrackId;
  /** listenIdentity(artist, title) of the listen. */
  readonly identity: string;
  readonly capture: ListenCapture;
  /** Start of playback. */
  readonly playedAt: EpochMs;
  readonly msPlayed: number | null;
}

/** A play already interpreted, with the captures folded into it so far. */
export interface HeldListen extends CapturedListen {
  readonly playId: number;
  /** Its own capture and those of the plays marked as its duplicates. */
  readonly captures: ReadonlySet<ListenCapture>;
  /** The longest played time known among those captures. */
  readonly knownMs: number | null;
}

/** Same listener, another capture, same track (by id or by artist and title), starts within the window. */
export function isSameListen(newcomer: CapturedListen, held: HeldListen): boolean {
  if (newcomer.user !== held.user || held.captures.has(newcomer.capture)) return false;
  if (newcomer.trackId !== held.trackId && newcomer.identity !== held.identity) return false;
  return Math.abs(newcomer.playedAt - held.playedAt) <= sameListenWindowMs(newcomer.msPlayed, held.knownMs);
}

/**
 * Pairs newcomers with the held listens they repeat, one to one per capture, nearest start times
 * first, so two plays of one track in a row pair with their own counterparts. Returns newcomer
 * index → held listen.
 */
export function matchHeldListens(
  newcomers: readonly CapturedListen[],
  held: readonly HeldListen[],
): Map<number, HeldListen> {
  const byUser = new Map<string, HeldListen[]>();
  for (const h of held) {
    const list = byUser.get(h.user);
    if (list === undefined) byUser.set(h.user, [h]);
    else list.push(h);
  }
  for (const list of byUser.values()) list.sort((a, b) => a.playedAt - b.playedAt);

  const pairs: Array<{ index: number; held: HeldListen; gap: number }> = [];
  newcomers.forEach((newcomer, index) => {
    const list = byUser.get(newcomer.user) ?? [];
    for (let i = firstAtOrAfter(list, newcomer.playedAt - MAX_WINDOW_MS); i < list.length; i++) {
      const candidate = list[i]!;
      if (candidate.playedAt > newcomer.playedAt + MAX_WINDOW_MS) break;
      if (isSameListen(newcomer, candidate)) {
        pairs.push({ index, held: candidate, gap: Math.abs(newcomer.playedAt - candidate.playedAt) });
      }
    }
  });
  pairs.sort((a, b) => a.gap - b.gap || a.index - b.index || a.held.playId - b.held.playId);

  const matched = new Map<number, HeldListen>();
  const claimed = new Set<string>();
  for (const { index, held: h } of pairs) {
    const claim = `${h.playId}|${newcomers[index]!.capture}`;
    if (matched.has(index) || claimed.has(claim)) continue;
    matched.set(index, h);
    claimed.add(claim);
  }
  return matched;
}

function firstAtOrAfter(list: readonly HeldListen[], at: EpochMs): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.playedAt < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
