// selector.one_per_artist: one track per primary artist, the first in the list or the most played
// by a metric (play counts), in list order.
import * as z from 'zod';
import { onePerArtist } from '../../../domain/workflow/transforms/index.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import { defineNode } from '../workflow-node.js';
import { metricWarnings } from './metric-warnings.js';
import { mainInput, transformParamIssues } from './node-inputs.js';

const onePerArtistParams = z.looseObject({
  keep: z
    .enum(['first', 'most_played'])
    .default('first')
    .describe(
      "first: each artist's first track in the list; most_played: the one with the highest metric_name",
    ),
  metric_name: z
    .string()
    .min(1)
    .default('total_plays')
    .describe('For keep most_played: the metric, e.g. total_plays or lastfm_user_playcount'),
});

export const onePerArtistSelector = defineNode({
  type: 'selector.one_per_artist',
  kind: 'selector',
  description: 'Keeps one track per primary artist: the first, or the most played by a metric; in list order',
  params: onePerArtistParams,
  check: (params) => transformParamIssues(() => onePerArtist(trackList([]), selectionOf(params))),
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs);
    return {
      output: onePerArtist(list, selectionOf(params)),
      warnings: params.keep === 'most_played' ? metricWarnings(list, params.metric_name) : [],
    };
  },
});

function selectionOf(params: z.infer<typeof onePerArtistParams>) {
  return params.keep === 'first'
    ? ({ keep: 'first' } as const)
    : ({ keep: 'most_played', metricName: params.metric_name } as const);
}
