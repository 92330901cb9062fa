import { describe, expect, it } from '@jest/globals';
import type { PlayStats } from '../../../../src/domain/workflow/track-list.js';
import { filterByPlayHistory } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, refusedParam, titlesOf } from './transform-test-kit.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 5, 30, 12);
const stats = (totalPlays: number, daysAgo: number | null, playsInPeriod?: number): PlayStats => ({
  totalPlays,
  lastPlayedAt: daysAgo === null ? null : NOW - daysAgo * DAY,
  ...(playsInPeriod !== undefined && { playsInPeriod }),
});

const list = aTrackList(named('Never', 'Yesterday', 'Month ago', 'Year ago', 'Not looked up'), {
  playHistory: [stats(0, null, 0), stats(12, 1, 5), stats(3, 30, 0), stats(40, 365, 0), undefined],
});

describe('filterByPlayHistory', () => {
  it('keeps play counts within min_plays and max_plays, both inclusive', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, minPlays: 3, maxPlays: 12 }))).toEqual([
      'Yesterday',
      'Month ago',
    ]);
  });

  it('keeps never-played tracks with max_plays 0', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, maxPlays: 0 }))).toEqual(['Never']);
  });

  it("can count plays in the enricher's period instead of all time", () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, minPlays: 1, countIn: 'period' }))).toEqual([
      'Yesterday',
    ]);
  });

  it('treats a track without a period count as missing when counting the period', () => {
    const noPeriod = aTrackList(named('Old enrichment'), { playHistory: [stats(5, 1)] });
    expect(filterByPlayHistory(noPeriod, { now: NOW, minPlays: 1, countIn: 'period' }).tracks).toEqual([]);
    expect(
      filterByPlayHistory(noPeriod, { now: NOW, minPlays: 1, countIn: 'period', includeMissing: true })
        .tracks,
    ).toHaveLength(1);
  });

  it('keeps tracks last played within the given days, the boundary included', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, playedWithinDays: 30 }))).toEqual([
      'Yesterday',
      'Month ago',
    ]);
  });

  it('keeps tracks not played within the given days, never-played ones included', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, notPlayedWithinDays: 30 }))).toEqual([
      'Never',
      'Year ago',
    ]);
  });

  it('combines both windows into "last played between 7 and 400 days ago"', () => {
    const window = { now: NOW, notPlayedWithinDays: 7, playedWithinDays: 400 };
    expect(titlesOf(filterByPlayHistory(list, window))).toEqual(['Month ago', 'Year ago']);
  });

  it('requires every condition: many plays but not lately', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, minPlays: 10, notPlayedWithinDays: 90 }))).toEqual([
      'Year ago',
    ]);
  });

  it('decides tracks the history has no entry for by include_missing alone', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, maxPlays: 0 }))).not.toContain('Not looked up');
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, minPlays: 1000, includeMissing: true }))).toEqual([
      'Not looked up',
    ]);
  });

  it('keeps tracks last played at or after playedAfter and before playedBefore; never-played ones fail both', () => {
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, playedAfter: NOW - 30 * DAY }))).toEqual([
      'Yesterday',
      'Month ago',
    ]);
    expect(titlesOf(filterByPlayHistory(list, { now: NOW, playedBefore: NOW - 30 * DAY }))).toEqual([
      'Year ago',
    ]);
  });

  it('drops everything when no play history was attached, unless include_missing is set', () => {
    const bare = aTrackList(named('A', 'B'));
    expect(filterByPlayHistory(bare, { now: NOW, minPlays: 0 }).tracks).toEqual([]);
    expect(filterByPlayHistory(bare, { now: NOW, minPlays: 0, includeMissing: true }).tracks).toHaveLength(2);
  });

  it.each([
    [
      {},
      'filter.by_play_history: config sets no condition; give min_plays, max_plays, played_within_days, not_played_within_days, after_date or before_date',
    ],
    [
      { minPlays: 5, maxPlays: 2 },
      'filter.by_play_history: min_plays (5) is greater than max_plays (2); swap them or drop one',
    ],
    [{ minPlays: -1 }, 'filter.by_play_history: min_plays must be a whole number of 0 or more, got -1'],
    [
      { notPlayedWithinDays: 30, playedWithinDays: 30 },
      'filter.by_play_history: not_played_within_days (30) must be less than played_within_days (30), or no track can match',
    ],
  ])('refuses %j, saying what to change', (params, message) => {
    expect(refusedParam(() => filterByPlayHistory(list, { now: NOW, ...params }))).toBe(message);
  });
});
