// Combiners: one list from several upstream tasks, in the order their config names them (or, when
// it names none, in "upstream" order). Tracks are not deduplicated; filter.deduplicate does that.
import * as z from 'zod';
import {
  concatenatePlaylists,
  interleavePlaylists,
  mergePlaylists,
} from '../../../domain/workflow/transforms/index.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import { defineNode } from '../workflow-node.js';

const taskIds = (what: string) =>
  z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe(`Ids of upstream tasks ${what} (default: "upstream" in order)`);

export const mergeCombiner = defineNode({
  type: 'combiner.merge_playlists',
  kind: 'combiner',
  description: 'Joins the lists of sources, in the order listed',
  params: z.looseObject({ sources: taskIds('to join') }),
  taskRefKeys: ['sources'],
  async run(_ctx, { params, inputs, task }) {
    return { output: mergePlaylists(inputs, { sources: params.sources ?? upstreamOf(task) }) };
  },
});

export const concatenateCombiner = defineNode({
  type: 'combiner.concatenate_playlists',
  kind: 'combiner',
  description: 'Joins lists one after another in the order given by order (not the upstream order)',
  params: z.looseObject({ order: taskIds('in the order to join them') }),
  taskRefKeys: ['order'],
  async run(_ctx, { params, inputs, task }) {
    return { output: concatenatePlaylists(inputs, { order: params.order ?? upstreamOf(task) }) };
  },
});

export const interleaveCombiner = defineNode({
  type: 'combiner.interleave_playlists',
  kind: 'combiner',
  description: 'Takes one track from each of sources in turn until all are used up',
  params: z.looseObject({ sources: taskIds('to interleave') }),
  taskRefKeys: ['sources'],
  async run(_ctx, { params, inputs, task }) {
    return { output: interleavePlaylists(inputs, { sources: params.sources ?? upstreamOf(task) }) };
  },
});

function upstreamOf(task: WorkflowTask): string[] {
  return [...task.upstream];
}
