import { describe, expect, it } from '@jest/globals';
import { sortByReleaseDate } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { titlesOf } from './transform-test-kit.js';

const released = (title: string, releaseDate: string | null) => aTrack({ title, releaseDate });
const list = aTrackList([
  released('1979', '1979-11-30'),
  released('Undated A', null),
  released('1973 year', '1973'),
  released('1973 first day', '1973-01-01'),
  released('1975-09', '1975-09'),
  released('Undated B', null),
]);

describe('sortByReleaseDate', () => {
  it('sorts oldest first, a year-only date at its first day, ties and undated tracks in input order', () => {
    expect(titlesOf(sortByReleaseDate(list, { reverse: false }))).toEqual([
      '1973 year',
      '1973 first day',
      '1975-09',
      '1979',
      'Undated A',
      'Undated B',
    ]);
  });

  it('with reverse: true sorts newest first and keeps undated tracks last', () => {
    expect(titlesOf(sortByReleaseDate(list, { reverse: true }))).toEqual([
      '1979',
      '1975-09',
      '1973 year',
      '1973 first day',
      'Undated A',
      'Undated B',
    ]);
  });

  it('sorts an empty list to an empty list', () => {
    expect(sortByReleaseDate(aTrackList([]), { reverse: true }).tracks).toEqual([]);
  });
});
