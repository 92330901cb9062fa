import { describe, expect, it } from '@jest/globals';
import { chooseSurvivor } from '../../../src/application/tracks/track-merger.js';
import { aTrack, mbidFor } from '../../builders/index.js';

describe('choosing which of two tracks survives a merge', () => {
  it('keeps the better-established identity whatever the order', () => {
    const canonical = aTrack({ status: 'canonical', isrc: null });
    const provisional = aTrack({ status: 'provisional', mbid: mbidFor(1) });

    expect(chooseSurvivor(canonical, provisional).survivor).toBe(canonical);
    expect(chooseSurvivor(provisional, canonical).survivor).toBe(canonical);
  });

  it('prefers, at equal status, the track with a recording MBID, then the one with an ISRC', () => {
    const withMbid = aTrack({ isrc: null, mbid: mbidFor(2) });
    const withIsrc = aTrack();
    const bare = aTrack({ isrc: null });

    expect(chooseSurvivor(withIsrc, withMbid).survivor).toBe(withMbid);
    expect(chooseSurvivor(bare, withIsrc).survivor).toBe(withIsrc);
  });

  it('keeps the older track when nothing else tells them apart', () => {
    const older = aTrack({ id: 3, isrc: null });
    const newer = aTrack({ id: 9, isrc: null });

    expect(chooseSurvivor(newer, older)).toEqual({ survivor: older, merged: newer });
  });
});
