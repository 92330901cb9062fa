// Sorter types of older narada files, kept so those files run as written: sorting by the user's
// plays is sorter.by_metric on lastfm_user_playcount, and Spotify popularity, which development-mode
// apps no longer receive, leaves the order as it was and says so.
import * as z from 'zod';
import { sortByMetric } from '../../../domain/workflow/transforms/index.js';
import { defineNode } from '../workflow-node.js';
import { metricWarnings } from './metric-warnings.js';
import { mainInput } from './node-inputs.js';

const reverse = z.boolean().default(true).describe('true: highest first; false: lowest first');

export const userPlaysSorter = defineNode({
  type: 'sorter.by_user_plays',
  kind: 'sorter',
  description:
    'Older name of sorter.by_metric with metric_name lastfm_user_playcount (enricher.lastfm upstream)',
  params: z.looseObject({ reverse }),
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs);
    return {
      output: sortByMetric(list, { metricName: 'lastfm_user_playcount', reverse: params.reverse }),
      warnings: metricWarnings(list, 'lastfm_user_playcount'),
    };
  },
});

export const spotifyPopularitySorter = defineNode({
  type: 'sorter.by_spotify_popularity',
  kind: 'sorter',
  description: 'Older type: Spotify no longer gives development-mode apps popularity, so the order is kept',
  params: z.looseObject({ reverse }),
  async run(_ctx, { inputs }) {
    const list = mainInput(inputs);
    return { output: list, warnings: metricWarnings(list, 'spotify_popularity') };
  },
});
