import { describe, expect, it } from '@jest/globals';
import { editDistance, nearestName } from '../../../src/domain/workflow/nearest-name.js';
import { NODE_TYPES } from './workflow-samples.js';

describe('nearestName', () => {
  it.each([
    ['sorter.by_metrc', 'sorter.by_metric'],
    ['Sorter.By_Metric', 'sorter.by_metric'],
    ['filter.dedupliacte', 'filter.deduplicate'],
    ['limit_tracks', 'selector.limit_tracks'],
    ['combiner.merge_playlist', 'combiner.merge_playlists'],
  ])('suggests %s → %s', (typo, expected) => {
    expect(nearestName(typo, NODE_TYPES)).toBe(expected);
  });

  it('suggests nothing when no candidate is close', () => {
    expect(nearestName('shuffle', NODE_TYPES)).toBeNull();
    expect(nearestName('x', [])).toBeNull();
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(nearestName('cat', ['bat', 'hat'])).toBe('bat');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('srot', 'sort')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
