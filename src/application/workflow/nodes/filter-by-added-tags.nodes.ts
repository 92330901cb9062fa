// Filters on facts sources and enrichers attach: when a track was added to its playlist (`added_at`),
// and its Last.fm tags (enricher.lastfm_tags).
import * as z from 'zod';
import {
  ADDED_AT_METRIC,
  filterByAddedAt,
  filterByTags,
  TAG_METRIC_PREFIX,
} from '../../../domain/workflow/transforms/index.js';
import { trackList, type TrackList } from '../../../domain/workflow/track-list.js';
import { defineNode } from '../workflow-node.js';
import { mainInput, transformParamIssues } from './node-inputs.js';
import { wholeNumber } from './node-params.js';

const EMPTY = trackList([]);

/** `2025-01-31` (midnight UTC) or a full ISO 8601 date-time with its offset, as epoch ms. */
const isoInstant = (description: string) =>
  z
    .string()
    .transform((text, ctx) => {
      const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(text.trim())
        ? Date.parse(text.trim())
        : Number.NaN;
      if (!Number.isNaN(ms)) return ms;
      ctx.issues.push({
        code: 'custom',
        input: text,
        message: 'must be an ISO date such as 2025-01-31 or 2025-01-31T18:00:00Z',
      });
      return z.NEVER;
    })
    .describe(description);

const addedAtParams = z.looseObject({
  max_age_days: wholeNumber('Keep tracks added at most this many days ago').optional(),
  min_age_days: wholeNumber('Keep tracks added at least this many days ago').optional(),
  after: isoInstant('Keep tracks added on or after this date (UTC midnight) or date-time').optional(),
  before: isoInstant('Keep tracks added before this date (UTC midnight) or date-time').optional(),
  include_missing: z
    .boolean()
    .default(false)
    .describe('Keep tracks whose added_at is unknown (tracks not read from a playlist or liked songs)'),
});

export const addedAtFilter = defineNode({
  type: 'filter.by_added_at',
  kind: 'filter',
  description:
    "Keeps tracks by when they were added to the playlist they were read from (the playlist's added_at)",
  params: addedAtParams,
  check: (params) => transformParamIssues(() => filterByAddedAt(EMPTY, addedAtFilterOf(params, 0))),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    return {
      output: filterByAddedAt(list, addedAtFilterOf(params, ctx.run.now)),
      warnings: missingAddedAt(list),
    };
  },
});

function addedAtFilterOf(params: z.infer<typeof addedAtParams>, now: number) {
  return {
    now,
    maxAgeDays: params.max_age_days,
    minAgeDays: params.min_age_days,
    after: params.after,
    before: params.before,
    includeMissing: params.include_missing,
  };
}

function missingAddedAt(list: TrackList): string[] {
  if (list.tracks.length === 0 || (list.metrics.get(ADDED_AT_METRIC)?.size ?? 0) > 0) return [];
  return [
    'no track has an added_at: it comes from source.spotify_playlist, source.spotify_likes or source.internal_playlist upstream',
  ];
}

const tagParams = z.looseObject({
  include: z
    .array(z.string().min(1))
    .default([])
    .describe('Keep tracks carrying these tags (case-insensitive)'),
  exclude: z.array(z.string().min(1)).default([]).describe('Drop tracks carrying any of these tags'),
  match: z
    .enum(['any', 'all'])
    .default('any')
    .describe('any: one of the include tags is enough; all: every include tag is needed'),
  min_weight: z
    .number()
    .min(0)
    .max(100)
    .default(1)
    .describe("A tag counts only at this weight or above (0-100, Last.fm's share of the track's top tag)"),
  include_missing: z
    .boolean()
    .default(false)
    .describe('Keep tracks with no tags at all (Last.fm has none, or no enricher.lastfm_tags upstream)'),
});

export const tagsFilter = defineNode({
  type: 'filter.by_tags',
  kind: 'filter',
  description:
    'Keeps tracks by their Last.fm tags (enricher.lastfm_tags upstream): include any/all, exclude, minimum weight',
  params: tagParams,
  check: (params) => transformParamIssues(() => filterByTags(EMPTY, tagFilterOf(params))),
  async run(_ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const tagged = [...list.metrics.keys()].some((name) => name.startsWith(TAG_METRIC_PREFIX));
    return {
      output: filterByTags(list, tagFilterOf(params)),
      warnings:
        list.tracks.length > 0 && !tagged
          ? ['no track has tags; add enricher.lastfm_tags upstream of filter.by_tags']
          : [],
    };
  },
});

function tagFilterOf(params: z.infer<typeof tagParams>) {
  return {
    include: params.include,
    exclude: params.exclude,
    match: params.match,
    minWeight: params.min_weight,
    includeMissing: params.include_missing,
  };
}
