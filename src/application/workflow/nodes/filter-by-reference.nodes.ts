// Filters that compare against something else: another task's tracks or artists, and the play
// history an enricher attached.
import * as z from 'zod';
import {
  filterByArtists,
  filterByPlayHistory,
  filterByTracks,
} from '../../../domain/workflow/transforms/index.js';
import { parseInstant } from '../../../domain/values/time.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import type { ConfigIssue } from '../../../domain/workflow/workflow-validation.js';
import { defineNode } from '../workflow-node.js';
import { mainInput, sideInput, transformParamIssues } from './node-inputs.js';
import { aliasOf, MS_PER_DAY, wholeNumber } from './node-params.js';

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

const UNSUPPORTED_DATES = ['start_date', 'end_date'] as const;

/** A date as the original wrote it (`2024-01-31` or an ISO date-time), read as an instant. */
const instant = (description: string) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return parseInstant(text);
      } catch {
        ctx.issues.push({
          code: 'custom',
          input: text,
          message: 'must be a date, YYYY-MM-DD or an ISO 8601 date-time',
        });
        return z.NEVER;
      }
    })
    .optional()
    .describe(description);

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
  after_date: instant('Keep tracks last played on or after this date (ignored when days_back is given)'),
  before_date: instant('Keep tracks last played before this date (ignored when days_forward is given)'),
  days_forward: wholeNumber('Keep tracks last played before this many days after the run').optional(),
});
type PlayHistoryParams = z.infer<typeof playHistoryParams>;

export const playHistoryFilter = defineNode({
  type: 'filter.by_play_history',
  kind: 'filter',
  description: 'Keeps tracks by how often and how recently you played them (enricher.play_history upstream)',
  params: playHistoryParams,
  check: (params, task) => [
    ...unsupportedDateKeys(task.config),
    ...transformParamIssues(() => filterByPlayHistory(trackList([]), playHistoryFilterOf(params, null))),
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

/** `now` is null when checking a file: days_forward then names no instant yet, so it bounds nothing. */
function playHistoryFilterOf(params: PlayHistoryParams, now: number | null) {
  const daysForward = params.days_forward;
  return {
    now: now ?? 0,
    minPlays: params.min_plays,
    maxPlays: params.max_plays,
    countIn: params.count_in,
    playedWithinDays: params.played_within_days ?? params.days_back ?? params.max_days_back,
    notPlayedWithinDays: params.not_played_within_days ?? params.min_days_back,
    // As in the original, a relative window replaces the absolute date on the same side.
    playedAfter: params.days_back === undefined ? params.after_date : undefined,
    playedBefore:
      daysForward === undefined
        ? params.before_date
        : now === null
          ? Number.MAX_SAFE_INTEGER
          : now + daysForward * MS_PER_DAY,
    includeMissing: params.include_missing,
  };
}

function unsupportedDateKeys(config: Readonly<Record<string, unknown>>): ConfigIssue[] {
  return UNSUPPORTED_DATES.filter((key) => config[key] !== undefined).map((key) => ({
    path: [key],
    message: `"${key}" is not supported`,
    hint: 'use after_date / before_date, or played_within_days / not_played_within_days',
  }));
}
