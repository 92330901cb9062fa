// Sorters (by a metric, by release date) and the selector that keeps the first, last or a seeded
// random sample of tracks.
import * as z from 'zod';
import { limitTracks, sortByMetric, sortByReleaseDate } from '../../../domain/workflow/transforms/index.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import { defineNode } from '../workflow-node.js';
import { metricWarnings } from './metric-warnings.js';
import { mainInput, transformParamIssues } from './node-inputs.js';
import { wholeNumber } from './node-params.js';

export const metricSorter = defineNode({
  type: 'sorter.by_metric',
  kind: 'sorter',
  description: 'Orders tracks by a metric (highest first unless reverse is false); tracks lacking it go last',
  params: z.looseObject({
    metric_name: z.string().min(1).describe('The metric, e.g. lastfm_user_playcount or total_plays'),
    reverse: z
      .boolean()
      .default(true)
      .describe('true: highest first (the original default); false: lowest first'),
  }),
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs);
    return {
      output: sortByMetric(list, { metricName: params.metric_name, reverse: params.reverse }),
      warnings: metricWarnings(list, params.metric_name),
    };
  },
});

export const releaseDateSorter = defineNode({
  type: 'sorter.by_release_date',
  kind: 'sorter',
  description: 'Orders tracks by release date, oldest first (newest with reverse); undated tracks go last',
  params: z.looseObject({
    reverse: z.boolean().default(false).describe('true: newest first'),
  }),
  async run(_ctx, { params, inputs }) {
    return { output: sortByReleaseDate(mainInput(inputs), { reverse: params.reverse }) };
  },
});

const limitParams = z.looseObject({
  count: wholeNumber('How many tracks to keep').default(10),
  method: z
    .enum(['first', 'last', 'random'])
    .default('first')
    .describe('first: the head of the list; last: the tail; random: a sample kept in list order'),
  seed: z
    .number()
    .int()
    .optional()
    .describe(
      'Seed for method random; the same seed picks the same tracks (default: chosen per run, shown in the report)',
    ),
});

export const limitSelector = defineNode({
  type: 'selector.limit_tracks',
  kind: 'selector',
  description: 'Keeps at most count tracks: the first, the last, or a random sample (with a seed)',
  params: limitParams,
  check: (params) =>
    transformParamIssues(() => limitTracks(trackList([]), { count: params.count, method: 'first' })),
  async run(ctx, { params, inputs, task }) {
    const list = mainInput(inputs);
    if (params.method !== 'random')
      return { output: limitTracks(list, { count: params.count, method: params.method }) };
    const seed = params.seed ?? taskSeed(ctx.run.seed, task);
    return { output: limitTracks(list, { count: params.count, method: 'random', seed }), details: { seed } };
  },
});

/** A per-task seed from the run's, so two random selectors in one run draw differently. */
function taskSeed(runSeed: number, task: WorkflowTask): number {
  let hash = runSeed >>> 0;
  for (const char of task.id) hash = (Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0) % 2_147_483_647;
  return hash;
}
