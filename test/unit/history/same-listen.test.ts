import { describe, expect, it } from '@jest/globals';
import { listenIdentity, type ListenCapture } from '../../../src/domain/history/listen-identity.js';
import {
  type CapturedListen,
  type HeldListen,
  isSameListen,
  matchHeldListens,
  sameListenWindowMs,
} from '../../../src/domain/history/same-listen.js';

const T0 = Date.UTC(2025, 3, 1, 12, 0, 0);

function newcomer(overrides: Partial<CapturedListen> = {}): CapturedListen {
  return {
    user: 'ana',
    trackId: 1,
    identity: listenIdentity('Radiohead', 'Reckoner'),
    capture: 'spotify_export:uri',
    playedAt: T0,
    msPlayed: 290_000,
    ...overrides,
  };
}

let nextPlay = 100;
function held(overrides: Partial<HeldListen> & { capture?: ListenCapture } = {}): HeldListen {
  const capture = overrides.capture ?? 'lastfm:name';
  return {
    playId: nextPlay++,
    user: 'ana',
    trackId: 2,
    identity: listenIdentity('Radiohead', 'Reckoner'),
    capture,
    playedAt: T0,
    msPlayed: null,
    captures: new Set([capture]),
    knownMs: null,
    ...overrides,
  };
}

describe('sameListenWindowMs', () => {
  it('is a minute plus half the time played', () => {
    expect(sameListenWindowMs(120_000, null)).toBe(60_000 + 60_000);
  });

  it('adds at most four minutes, the latest Last.fm scrobbles a track', () => {
    expect(sameListenWindowMs(3_600_000, null)).toBe(60_000 + 240_000);
  });

  it('takes the shorter of two known play times and a minute when none is known', () => {
    expect(sameListenWindowMs(100_000, 40_000)).toBe(80_000);
    expect(sameListenWindowMs(null, null)).toBe(60_000);
  });
});

describe('isSameListen', () => {
  it('matches a Spotify row and a scrobble of the same song named alike, within the window', () => {
    expect(isSameListen(newcomer({ playedAt: T0 + 150_000 }), held())).toBe(true);
  });

  it('compares names in folded form (case, accents, punctuation)', () => {
    const scrobble = held({ identity: listenIdentity('RADIOHEAD', 'reckoner!') });
    expect(isSameListen(newcomer(), scrobble)).toBe(true);
  });

  it('matches by internal track even when the names differ', () => {
    expect(isSameListen(newcomer({ trackId: 7 }), held({ trackId: 7, identity: 'other\u001fname' }))).toBe(
      true,
    );
  });

  it('refuses a start time outside the window', () => {
    expect(isSameListen(newcomer({ playedAt: T0 + 60_000 + 145_001 }), held())).toBe(false);
  });

  it('never pairs two events of one capture: they are genuine repeats', () => {
    expect(isSameListen(newcomer({ capture: 'lastfm:name', msPlayed: null }), held())).toBe(false);
  });

  it('refuses a capture the held listen already has a duplicate from', () => {
    const folded = held({ captures: new Set<ListenCapture>(['lastfm:name', 'spotify_export:uri']) });
    expect(isSameListen(newcomer(), folded)).toBe(false);
  });

  it('keeps different listeners and different songs apart', () => {
    expect(isSameListen(newcomer({ user: 'bo' }), held())).toBe(false);
    expect(isSameListen(newcomer({ identity: listenIdentity('Radiohead', 'Nude') }), held())).toBe(false);
  });
});

describe('matchHeldListens', () => {
  it('pairs two plays of a song in a row with their own scrobbles, nearest first', () => {
    const first = held({ playedAt: T0 });
    const second = held({ playedAt: T0 + 290_000 });
    const rows = [newcomer({ playedAt: T0 + 5_000 }), newcomer({ playedAt: T0 + 292_000 })];

    const matches = matchHeldListens(rows, [second, first]);

    expect(matches.get(0)?.playId).toBe(first.playId);
    expect(matches.get(1)?.playId).toBe(second.playId);
  });

  it('gives one held listen at most one duplicate per capture', () => {
    const scrobble = held();
    const rows = [newcomer({ playedAt: T0 + 10_000 }), newcomer({ playedAt: T0 + 20_000, trackId: 3 })];

    const matches = matchHeldListens(rows, [scrobble]);

    expect([...matches.keys()]).toEqual([0]);
  });

  it('lets each capture of a listen fold into it once', () => {
    const scrobble = held();
    const rows = [newcomer(), newcomer({ capture: 'spotify_export:name', playedAt: T0 - 30_000 })];

    expect(matchHeldListens(rows, [scrobble]).size).toBe(2);
  });

  it('matches nothing when nothing is held nearby', () => {
    expect(matchHeldListens([newcomer()], [held({ playedAt: T0 + 3_600_000 })]).size).toBe(0);
  });
});
