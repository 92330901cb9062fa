import { describe, expect, it } from '@jest/globals';
import { sortByMetric } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, titlesOf } from './transform-test-kit.js';

const metricName = 'lastfm_global_playcount';
const list = aTrackList(named('Low', 'None 1', 'High', 'Tie A', 'None 2', 'Tie B', 'Zero'), {
  metrics: { [metricName]: [10, undefined, 500, 50, undefined, 50, 0] },
  name: 'Input',
});

describe('sortByMetric', () => {
  it('with reverse: true sorts descending, ties in input order, tracks lacking the metric last', () => {
    expect(titlesOf(sortByMetric(list, { metricName, reverse: true }))).toEqual([
      'High',
      'Tie A',
      'Tie B',
      'Low',
      'Zero',
      'None 1',
      'None 2',
    ]);
  });

  it('with reverse: false sorts ascending and still puts tracks lacking the metric last', () => {
    expect(titlesOf(sortByMetric(list, { metricName, reverse: false }))).toEqual([
      'Zero',
      'Low',
      'Tie A',
      'Tie B',
      'High',
      'None 1',
      'None 2',
    ]);
  });

  it('keeps the input order when no track has the metric', () => {
    expect(titlesOf(sortByMetric(list, { metricName: 'lastfm_listeners', reverse: true }))).toEqual(
      titlesOf(list),
    );
  });

  it('keeps ties in input order however many there are', () => {
    const tied = aTrackList(named(...Array.from({ length: 40 }, (_, i) => `T${i}`)), {
      metrics: { [metricName]: Array.from({ length: 40 }, () => 7) },
    });
    expect(titlesOf(sortByMetric(tied, { metricName, reverse: true }))).toEqual(titlesOf(tied));
  });

  it('keeps metrics and name and leaves the input in its order', () => {
    const sorted = sortByMetric(list, { metricName, reverse: true });
    expect([sorted.name, sorted.metrics]).toEqual(['Input', list.metrics]);
    expect(titlesOf(list)[0]).toBe('Low');
  });

  it('sorts an empty list to an empty list', () => {
    expect(sortByMetric(aTrackList([]), { metricName, reverse: true }).tracks).toEqual([]);
  });
});
