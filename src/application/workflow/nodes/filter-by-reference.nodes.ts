// Filters that compare against something else: another task's tracks or artists, and the play
// history an enricher attached.
import * as z from 'zod';
import {
  filterByArtists,
  filterByPlayHistory,
  filterByTracks,
} from '../../../domain/workflow/transforms/index.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import type { ConfigIssue } from '../../../domain/workflow/workflow-validation.js';
import { defineNode } from '../workflow-node.js';
import { mainInput, sideInput, transformParamIssues } from './node-inputs.js';
import { aliasOf, wholeNumber } from './node-params.js';

const exclusionSource = z.string().min(1).describe('Id of the upstream task whose tracks are excluded');

export const tracksFilter = defineNode({
  type: 'filter.by_tracks',
  kind: 'filter',
  description: "Drops every track that also appears in another task's list (exclusion_source)",
  params: z.looseObject({ exclusion_source: exclusionSource }),
  taskRefKeys: ['exclusion_source'],
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs, [params.exclusion_source]);
    return {
      output: filterByTracks(list, { exclude: sideInput(inputs, params.exclusion_source) }),
      inputCount: list.tracks.length,
    };
  },
});

export const artistsFilter = defineNode({
  type: 'filter.by_artists',
  kind: 'filter',
  description: "Drops tracks whose primary artist (or any artist) appears in another task's list",
  params: z.looseObject({
    exclusion_source: exclusionSource.describe('Id of the upstream task whose artists are excluded'),
    exclude_all_artists: z
      .boolean()
      .default(false)
      .describe('Compare every credited artist instead of only the primary one'),
  }),
  taskRefKeys: ['exclusion_source'],
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs, [params.exclusion_source]);
    const exclude = sideInput(inputs, params.exclusion_source);
    return {
      output: filterByArtists(list, { exclude, allArtists: params.exclude_all_artists }),
      inputCount: list.tracks.length,
    };
  },
});

const UNSUPPORTED_DATES = ['after_date', 'before_date', 'start_date', 'end_date', 'days_forward'] as const;

const playHistoryParams = z.looseObject({
  min_plays: wholeNumber('Keep tracks played at least this many times').optional(),
  max_plays: wholeNumber('Keep tracks played at most this many times (0: never played)').optional(),
  played_within_days: wholeNumber('Keep tracks last played within this many days').optional(),
  not_played_within_days: wholeNumber(
    'Keep tracks not played in this many days (never played included)',
  ).optional(),
  count_in: z
    .enum(['total', 'period'])
    .default('total')
    .describe("Which count min/max_plays test: all-time plays, or the enricher's period_plays"),
  include_missing: z.boolean().default(false).describe('Keep tracks the play history has no entry for'),
  days_back: aliasOf('played_within_days', z.number().int().min(0)),
  max_days_back: aliasOf('played_within_days', z.number().int().min(0)),
  min_days_back: aliasOf('not_played_within_days', z.number().int().min(0)),
});
type PlayHistoryParams = z.infer<typeof playHistoryParams>;

export const playHistoryFilter = defineNode({
  type: 'filter.by_play_history',
  kind: 'filter',
  description: 'Keeps tracks by how often and how recently you played them (enricher.play_history upstream)',
  params: playHistoryParams,
  check: (params, task) => [
    ...unsupportedDateKeys(task.config),
    ...transformParamIssues(() => filterByPlayHistory(trackList([]), playHistoryFilterOf(params, 0))),
  ],
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const warnings =
      list.playHistory === undefined && list.tracks.length > 0
        ? [
            'the list carries no play history; add enricher.play_history upstream, or every track counts as missing',
          ]
        : [];
    return { output: filterByPlayHistory(list, playHistoryFilterOf(params, ctx.run.now)), warnings };
  },
});

function playHistoryFilterOf(params: PlayHistoryParams, now: number) {
  return {
    now,
    minPlays: params.min_plays,
    maxPlays: params.max_plays,
    countIn: params.count_in,
    playedWithinDays: params.played_within_days ?? params.days_back ?? params.max_days_back,
    notPlayedWithinDays: params.not_played_within_days ?? params.min_days_back,
    includeMissing: params.include_missing,
  };
}

function unsupportedDateKeys(config: Readonly<Record<string, unknown>>): ConfigIssue[] {
  return UNSUPPORTED_DATES.filter((key) => config[key] !== undefined).map((key) => ({
    path: [key],
    message: `"${key}" (absolute dates) is not supported`,
    hint: 'use played_within_days / not_played_within_days, counted back from the run',
  }));
}
