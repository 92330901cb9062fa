import { describe, expect, it } from '@jest/globals';
import {
  cursorAfter,
  expectedOnPage,
  incrementalStart,
  LASTFM_SCROBBLE_MAX_AGE_MS,
  oldestScrobblable,
} from '../../../src/domain/history/lastfm-history-window.js';

describe('Last.fm history windows', () => {
  it('expects full pages and a partial last page', () => {
    expect(expectedOnPage(450, 200, 1)).toBe(200);
    expect(expectedOnPage(450, 200, 3)).toBe(50);
    expect(expectedOnPage(450, 200, 4)).toBe(0);
  });

  it('moves the cursor to the newest start time stored, never back', () => {
    expect(cursorAfter(null, [3_000, 9_000, 5_000])).toBe(9_000);
    expect(cursorAfter(10_000, [3_000])).toBe(10_000);
    expect(cursorAfter(null, [])).toBeNull();
  });

  it('starts an incremental import 14 days before the last run ended, where late scrobbles may land', () => {
    expect(incrementalStart(LASTFM_SCROBBLE_MAX_AGE_MS + 5)).toBe(5);
    expect(incrementalStart(1_000)).toBe(0);
  });

  it('keeps a margin inside the 14 days Last.fm accepts', () => {
    const now = Date.UTC(2025, 5, 1);
    expect(oldestScrobblable(now)).toBe(now - LASTFM_SCROBBLE_MAX_AGE_MS + 600_000);
  });
});
