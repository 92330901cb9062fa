// Sorters: by a metric, by release date, and the sorter types of older narada files, kept so those
// files run as written: sorting by the user's plays is sorter.by_metric on lastfm_user_playcount, and
// Spotify popularity, which development-mode apps no longer receive, leaves the order as it was and says so.
import * as z from 'zod';
import { sortByMetric, sortByReleaseDate } from '../../../domain/workflow/transforms/index.js';
import { defineNode } from '../workflow-node.js';
import { metricWarnings } from './metric-warnings.js';
import { mainInput } from './node-inputs.js';

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
