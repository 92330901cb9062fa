// Last.fm's time rules for history imports and backfill: pages of scrobbles, and the 14 days within
// which Last.fm still accepts (and so may still receive) a scrobble.
import type { EpochMs } from '../values/time.js';

/**
 * Entries per page of Last.fm's paged lists (user.getRecentTracks, user.getLovedTracks): large pages
 * keep long imports to few calls; Last.fm allows up to 1000 but slows down on them.
 */
export const LASTFM_PAGE_SIZE = 200;

/** Last.fm refuses scrobbles older than this; a late scrobble can appear up to this far back. */
export const LASTFM_SCROBBLE_MAX_AGE_MS = 14 * 86_400_000;

/** Entries page `page` (1-based) should hold when the query matches `total` scrobbles. */
export function expectedOnPage(total: number, perPage: number, page: number): number {
  return Math.max(0, Math.min(perPage, total - (page - 1) * perPage));
}

/**
 * The resume point after a page is stored: its newest start time. Everything older is stored;
 * scrobbles at that very second may straddle the next page, so a resume asks again from it
 * (inclusive) and the ledger's natural key skips the ones already held.
 */
export function cursorAfter(cursor: EpochMs | null, playedAts: readonly EpochMs[]): EpochMs | null {
  let newest = cursor;
  for (const at of playedAts) if (newest === null || at > newest) newest = at;
  return newest;
}

/** Where an incremental import starts: the previous run's end, minus the window for late scrobbles. */
export function incrementalStart(previousEnd: EpochMs): EpochMs {
  return Math.max(0, previousEnd - LASTFM_SCROBBLE_MAX_AGE_MS);
}

/** The oldest start time Last.fm still accepts in a scrobble now, with a margin for clock skew. */
export function oldestScrobblable(now: EpochMs, marginMs = 10 * 60_000): EpochMs {
  return now - LASTFM_SCROBBLE_MAX_AGE_MS + marginMs;
}
