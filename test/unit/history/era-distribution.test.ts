import { describe, expect, it } from '@jest/globals';
import {
  earliestYear,
  eraDistribution,
  type TrackYear,
  yearDays,
} from '../../../src/domain/history/era-distribution.js';
import { PartialDate } from '../../../src/domain/values/partial-date.js';

describe('eraDistribution', () => {
  it('groups listens by release year with coverage and the fallback share', () => {
    const years = new Map<number, TrackYear>([
      [1, { year: 1973, source: 'musicbrainz' }],
      [2, { year: 1973, source: 'album_date' }],
      [3, { year: 2011, source: 'musicbrainz' }],
    ]);
    const era = eraDistribution(
      [
        { trackId: 1, listens: 5 },
        { trackId: 2, listens: 2 },
        { trackId: 3, listens: 1 },
        { trackId: 4, listens: 2 },
      ],
      years,
    );
    // 10 listens: 1973 → 5 + 2 (2 by album date), 2011 → 1, unknown → 2.
    expect(era).toEqual({
      buckets: [
        { year: 1973, listens: 7, fallbackListens: 2 },
        { year: 2011, listens: 1, fallbackListens: 0 },
      ],
      total: 10,
      known: 8,
      unknown: 2,
      fallback: 2,
      coverage: 0.8,
    });
  });

  it('reports full coverage of an empty year', () => {
    expect(eraDistribution([], new Map())).toMatchObject({ total: 0, coverage: 1, buckets: [] });
  });
});

describe('earliestYear', () => {
  it('takes the earliest release group, so a remaster counts under the original', () => {
    expect(earliestYear([PartialDate.parse('2011-09-26'), null, PartialDate.parse('1973-03-24')])).toBe(1973);
    expect(earliestYear([null])).toBeNull();
  });
});

describe('yearDays', () => {
  it('spans the UTC calendar days of the year', () => {
    expect(yearDays(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
