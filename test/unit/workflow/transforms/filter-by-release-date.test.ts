import { describe, expect, it } from '@jest/globals';
import { filterByReleaseDate } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { refusedParam, titlesOf } from './transform-test-kit.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 5, 30, 15, 0); // 2024-06-30 15:00 UTC

const released = (title: string, releaseDate: string | null) => aTrack({ title, releaseDate });
const list = aTrackList([
  released('Today', '2024-06-30'),
  released('Thirty days', '2024-05-31'),
  released('Thirty-one days', '2024-05-30'),
  released('Last year', '2023-06-30'),
  released('Undated', null),
  released('Next week', '2024-07-07'),
]);

describe('filterByReleaseDate', () => {
  it('keeps tracks at most max_age_days whole days old, the bound included', () => {
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, maxAgeDays: 30 }))).toEqual([
      'Today',
      'Thirty days',
      'Next week',
    ]);
  });

  it('keeps tracks at least min_age_days whole days old, the bound included', () => {
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, minAgeDays: 30 }))).toEqual([
      'Thirty days',
      'Thirty-one days',
      'Last year',
    ]);
  });

  it('keeps the window between both bounds', () => {
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, minAgeDays: 1, maxAgeDays: 31 }))).toEqual([
      'Thirty days',
      'Thirty-one days',
    ]);
  });

  it('drops undated tracks unless include_missing is set', () => {
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, maxAgeDays: 0 }))).toEqual(['Today', 'Next week']);
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, maxAgeDays: 0, includeMissing: true }))).toEqual([
      'Today',
      'Undated',
      'Next week',
    ]);
  });

  it('counts a year-only date from 1 January', () => {
    const yearOnly = aTrackList([released('2024', '2024')]);
    const now = Date.UTC(2024, 0, 1) + 10 * DAY;
    expect(titlesOf(filterByReleaseDate(yearOnly, { now, maxAgeDays: 10 }))).toEqual(['2024']);
    expect(titlesOf(filterByReleaseDate(yearOnly, { now, maxAgeDays: 9 }))).toEqual([]);
  });

  it('measures from the now it is given, not the clock', () => {
    const aYearEarlier = Date.UTC(2023, 6, 1);
    expect(titlesOf(filterByReleaseDate(list, { now: aYearEarlier, minAgeDays: 0, maxAgeDays: 1 }))).toEqual([
      'Last year',
    ]);
  });

  it('treats a release after now as younger than any age, so min_age_days 0 drops it', () => {
    expect(titlesOf(filterByReleaseDate(list, { now: NOW, minAgeDays: 0, maxAgeDays: 0 }))).toEqual([
      'Today',
    ]);
  });

  it('with no bounds keeps every dated track', () => {
    expect(filterByReleaseDate(list, { now: NOW }).tracks).toHaveLength(5);
  });

  it.each([
    [{ maxAgeDays: -1 }, 'filter.by_release_date: max_age_days must be a whole number of 0 or more, got -1'],
    [
      { minAgeDays: 1.5 },
      'filter.by_release_date: min_age_days must be a whole number of 0 or more, got 1.5',
    ],
    [
      { minAgeDays: 30, maxAgeDays: 7 },
      'filter.by_release_date: min_age_days (30) is greater than max_age_days (7); swap them or drop one',
    ],
  ])('refuses %j, naming the key', (bounds, message) => {
    expect(refusedParam(() => filterByReleaseDate(list, { now: NOW, ...bounds }))).toBe(message);
  });
});
