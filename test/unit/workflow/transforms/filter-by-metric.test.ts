import { describe, expect, it } from '@jest/globals';
import { filterByMetric } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrackList } from '../../../builders/index.js';
import { named, refusedParam, titlesOf } from './transform-test-kit.js';

const list = aTrackList(named('Zero', 'Five', 'Ten', 'Missing', 'Twenty'), {
  metrics: { lastfm_user_playcount: [0, 5, 10, undefined, 20] },
});
const metricName = 'lastfm_user_playcount';

describe('filterByMetric', () => {
  it('keeps values within min_value and max_value, both inclusive', () => {
    expect(titlesOf(filterByMetric(list, { metricName, minValue: 5, maxValue: 10 }))).toEqual([
      'Five',
      'Ten',
    ]);
  });

  it('applies a lone lower or upper bound', () => {
    expect(titlesOf(filterByMetric(list, { metricName, minValue: 10 }))).toEqual(['Ten', 'Twenty']);
    expect(titlesOf(filterByMetric(list, { metricName, maxValue: 0 }))).toEqual(['Zero']);
  });

  it('drops tracks lacking the metric unless include_missing is set', () => {
    expect(titlesOf(filterByMetric(list, { metricName }))).toEqual(['Zero', 'Five', 'Ten', 'Twenty']);
    expect(titlesOf(filterByMetric(list, { metricName, minValue: 15, includeMissing: true }))).toEqual([
      'Missing',
      'Twenty',
    ]);
  });

  it('drops every track when the metric was never fetched, unless include_missing is set', () => {
    expect(filterByMetric(list, { metricName: 'lastfm_listeners' }).tracks).toEqual([]);
    expect(
      filterByMetric(list, { metricName: 'lastfm_listeners', includeMissing: true }).tracks,
    ).toHaveLength(5);
  });

  it('refuses min_value above max_value, naming both', () => {
    expect(refusedParam(() => filterByMetric(list, { metricName, minValue: 10, maxValue: 5 }))).toBe(
      'filter.by_metric: min_value (10) is greater than max_value (5); swap them or drop one',
    );
  });

  it('refuses a bound that is not a number', () => {
    expect(refusedParam(() => filterByMetric(list, { metricName, maxValue: Number.NaN }))).toBe(
      'filter.by_metric: max_value must be a number',
    );
  });
});
