import { describe, expect, it } from '@jest/globals';
import { dailyListenDeltas, type NewPlay } from '../../../src/domain/history/daily-listen-deltas.js';
import type { HeldListen } from '../../../src/domain/history/same-listen.js';

const DAY = Date.UTC(2025, 0, 31, 23, 0, 0);

function play(overrides: Partial<NewPlay> = {}): NewPlay {
  return { user: 'ana', trackId: 1, playedAt: DAY, msPlayed: 200_000, sameAs: null, ...overrides };
}

function heldScrobble(overrides: Partial<HeldListen> = {}): HeldListen {
  return {
    playId: 9,
    user: 'ana',
    trackId: 5,
    identity: 'x',
    capture: 'lastfm:name',
    playedAt: DAY,
    msPlayed: null,
    captures: new Set(['lastfm:name']),
    knownMs: null,
    ...overrides,
  };
}

describe('dailyListenDeltas', () => {
  it('sums listens and played time per listener, track and UTC day', () => {
    const deltas = dailyListenDeltas([
      play(),
      play({ playedAt: DAY + 30 * 60_000 }),
      play({ playedAt: DAY + 2 * 3_600_000, msPlayed: null }),
    ]);
    expect(deltas).toEqual([
      { user: 'ana', trackId: 1, date: '2025-01-31', listenCount: 2, totalMsPlayed: 400_000 },
      { user: 'ana', trackId: 1, date: '2025-02-01', listenCount: 1, totalMsPlayed: 0 },
    ]);
  });

  it('adds no listen for a duplicate, only the played time its listen lacked, on the held listen’s row', () => {
    const deltas = dailyListenDeltas([play({ sameAs: heldScrobble() })]);
    expect(deltas).toEqual([
      { user: 'ana', trackId: 5, date: '2025-01-31', listenCount: 0, totalMsPlayed: 200_000 },
    ]);
  });

  it('adds nothing for a duplicate whose listen already has as much played time', () => {
    expect(
      dailyListenDeltas([play({ msPlayed: 150_000, sameAs: heldScrobble({ knownMs: 180_000 }) })]),
    ).toEqual([]);
  });

  it('adds only the excess when two captures of one listen arrive together', () => {
    const scrobble = heldScrobble();
    const deltas = dailyListenDeltas([
      play({ msPlayed: 100_000, sameAs: scrobble }),
      play({ msPlayed: 130_000, sameAs: scrobble }),
    ]);
    expect(deltas).toEqual([
      { user: 'ana', trackId: 5, date: '2025-01-31', listenCount: 0, totalMsPlayed: 130_000 },
    ]);
  });
});
