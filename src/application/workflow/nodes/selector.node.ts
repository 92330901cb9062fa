// The selector: keeps the first, last or a seeded random sample of tracks.
import * as z from 'zod';
import { limitTracks } from '../../../domain/workflow/transforms/index.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import { defineNode } from '../workflow-node.js';
import { mainInput, transformParamIssues } from './node-inputs.js';
import { wholeNumber } from './node-params.js';

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
