import { describe, expect, it } from '@jest/globals';
import {
  filterByAddedAt,
  filterByLiked,
  filterByTags,
  tagMetricName,
} from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, refusedParam, titlesOf } from './transform-test-kit.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

describe('filterByTags', () => {
  const tracks = named('Rock', 'Rock and pop', 'Weak rock', 'Pop', 'Untagged');
  const list = aTrackList(tracks, {
    metrics: {
      [tagMetricName('rock')]: [100, 80, 5, undefined, undefined],
      [tagMetricName('Pop')]: [undefined, 60, undefined, 100, undefined],
    },
  });

  it('include with match any keeps tracks carrying one of the tags, names case-insensitive', () => {
    expect(titlesOf(filterByTags(list, { include: ['ROCK', 'shoegaze'] }))).toEqual([
      'Rock',
      'Rock and pop',
      'Weak rock',
    ]);
  });

  it('include with match all needs every tag', () => {
    expect(titlesOf(filterByTags(list, { include: ['rock', 'pop'], match: 'all' }))).toEqual([
      'Rock and pop',
    ]);
  });

  it('a tag below min_weight does not count', () => {
    expect(titlesOf(filterByTags(list, { include: ['rock'], minWeight: 50 }))).toEqual([
      'Rock',
      'Rock and pop',
    ]);
  });

  it('exclude drops tracks carrying any excluded tag; untagged tracks go unless include_missing', () => {
    expect(titlesOf(filterByTags(list, { exclude: ['pop'] }))).toEqual(['Rock', 'Weak rock']);
    expect(titlesOf(filterByTags(list, { exclude: ['pop'], includeMissing: true }))).toEqual([
      'Rock',
      'Weak rock',
      'Untagged',
    ]);
  });

  it('refuses a filter with no tags and a weight outside 0-100', () => {
    expect(refusedParam(() => filterByTags(list, {}))).toBe(
      'filter.by_tags: include or exclude must name at least one tag',
    );
    expect(refusedParam(() => filterByTags(list, { include: ['rock'], minWeight: 101 }))).toBe(
      'filter.by_tags: min_weight must be between 0 and 100, got 101',
    );
  });
});

describe('filterByAddedAt', () => {
  const list = aTrackList(named('Yesterday', 'Last month', 'Last year', 'Unknown'), {
    metrics: { added_at: [NOW - DAY, NOW - 30 * DAY, NOW - 365 * DAY, undefined] },
  });

  it('keeps tracks added within an age window', () => {
    expect(titlesOf(filterByAddedAt(list, { now: NOW, maxAgeDays: 30 }))).toEqual([
      'Yesterday',
      'Last month',
    ]);
    expect(titlesOf(filterByAddedAt(list, { now: NOW, minAgeDays: 30 }))).toEqual([
      'Last month',
      'Last year',
    ]);
  });

  it('keeps tracks added between absolute bounds, after inclusive and before exclusive', () => {
    expect(titlesOf(filterByAddedAt(list, { now: NOW, after: NOW - 30 * DAY, before: NOW - DAY }))).toEqual([
      'Last month',
    ]);
  });

  it('drops tracks without added_at unless include_missing', () => {
    expect(titlesOf(filterByAddedAt(list, { now: NOW, maxAgeDays: 1, includeMissing: true }))).toEqual([
      'Yesterday',
      'Unknown',
    ]);
  });

  it('refuses bounds that cannot both hold', () => {
    expect(refusedParam(() => filterByAddedAt(list, { now: NOW, after: NOW, before: NOW - DAY }))).toBe(
      'filter.by_added_at: after must be earlier than before; swap them or drop one',
    );
    expect(refusedParam(() => filterByAddedAt(list, { now: NOW, minAgeDays: 9, maxAgeDays: 3 }))).toContain(
      'min_age_days (9) is greater than max_age_days (3)',
    );
  });
});

describe('filterByLiked', () => {
  const [a, b, c] = named('A', 'B', 'C');
  const list = aTrackList([a, b, c]);

  it('keeps only liked tracks, or only the others', () => {
    const likedTrackIds = new Set([b.id]);
    expect(titlesOf(filterByLiked(list, { likedTrackIds, liked: true }))).toEqual(['B']);
    expect(titlesOf(filterByLiked(list, { likedTrackIds, liked: false }))).toEqual(['A', 'C']);
  });
});
