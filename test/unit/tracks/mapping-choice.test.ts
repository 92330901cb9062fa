import { describe, expect, it } from '@jest/globals';
import { pickAcceptedMapping } from '../../../src/application/tracks/mapping-choice.js';
import { aTrackMapping } from '../../builders/index.js';

describe("choosing which of a record's links counts", () => {
  it('takes a pin over a more confident guess', () => {
    const pinned = aTrackMapping({ trackId: 5, confidence: 70, pinned: true });
    const guess = aTrackMapping({ trackId: 2, confidence: 99 });

    expect(pickAcceptedMapping([guess, pinned])).toBe(pinned);
  });

  it('takes the most confident, then the oldest track, among accepted links only', () => {
    const review = aTrackMapping({ trackId: 1, confidence: 100, status: 'review' });
    const newer = aTrackMapping({ trackId: 8, confidence: 90 });
    const older = aTrackMapping({ trackId: 4, confidence: 90 });

    expect(pickAcceptedMapping([review, newer, older])).toBe(older);
    expect(pickAcceptedMapping([review])).toBeNull();
  });
});
