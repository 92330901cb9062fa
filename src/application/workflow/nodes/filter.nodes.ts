// Filters that look at each track alone: duplicates, release date, a metric's range.
import * as z from 'zod';
import {
  deduplicate,
  filterByMetric,
  filterByReleaseDate,
} from '../../../domain/workflow/transforms/index.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import { defineNode } from '../workflow-node.js';
import { mainInput, transformParamIssues } from './node-inputs.js';
import { metricWarnings } from './metric-warnings.js';
import { wholeNumber } from './node-params.js';

const EMPTY = trackList([]);

export const deduplicateFilter = defineNode({
  type: 'filter.deduplicate',
  kind: 'filter',
  description: 'Keeps the first occurrence of each track (the same recording counts once, across services)',
  params: z.looseObject({}),
  async run(_ctx, { inputs }) {
    return { output: deduplicate(mainInput(inputs)) };
  },
});

const releaseDateParams = z.looseObject({
  max_age_days: wholeNumber('Keep tracks released at most this many days ago').optional(),
  min_age_days: wholeNumber('Keep tracks released at least this many days ago').optional(),
  include_missing: z.boolean().default(false).describe('Keep tracks whose release date is unknown'),
});

export const releaseDateFilter = defineNode({
  type: 'filter.by_release_date',
  kind: 'filter',
  description: 'Keeps tracks released within an age window, in days before the run',
  params: releaseDateParams,
  check: (params) => transformParamIssues(() => filterByReleaseDate(EMPTY, releaseDateFilterOf(params, 0))),
  async run(ctx, { params, inputs }) {
    return { output: filterByReleaseDate(mainInput(inputs), releaseDateFilterOf(params, ctx.run.now)) };
  },
});

function releaseDateFilterOf(params: z.infer<typeof releaseDateParams>, now: number) {
  return {
    now,
    maxAgeDays: params.max_age_days,
    minAgeDays: params.min_age_days,
    includeMissing: params.include_missing,
  };
}

const metricParams = z.looseObject({
  metric_name: z.string().min(1).describe('The metric, e.g. lastfm_user_playcount or total_plays'),
  min_value: z.number().optional().describe('Keep tracks whose value is at least this'),
  max_value: z.number().optional().describe('Keep tracks whose value is at most this'),
  include_missing: z.boolean().default(false).describe('Keep tracks that lack the metric'),
});

export const metricFilter = defineNode({
  type: 'filter.by_metric',
  kind: 'filter',
  description: 'Keeps tracks whose metric value lies in a range (an enricher upstream adds the metric)',
  params: metricParams,
  check: (params) => transformParamIssues(() => filterByMetric(EMPTY, metricFilterOf(params))),
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs);
    return {
      output: filterByMetric(list, metricFilterOf(params)),
      warnings: metricWarnings(list, params.metric_name),
    };
  },
});

function metricFilterOf(params: z.infer<typeof metricParams>) {
  return {
    metricName: params.metric_name,
    minValue: params.min_value,
    maxValue: params.max_value,
    includeMissing: params.include_missing,
  };
}
