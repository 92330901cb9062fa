// enricher.play_history: each track's plays from Narada's own listening history (imported from
// Last.fm and Spotify exports): all-time plays, the last play, and plays in the last `period_days`.
import * as z from 'zod';
import type { TrackId } from '../../../domain/track/track.js';
import {
  withMetric,
  withPlayHistory,
  type PlayStats,
  type TrackList,
} from '../../../domain/workflow/track-list.js';
import { defineNode } from '../workflow-node.js';
import { MS_PER_DAY } from './node-params.js';

const METRICS = ['total_plays', 'period_plays', 'last_played_at', 'last_played_dates'] as const;

export const playHistoryEnricher = defineNode({
  type: 'enricher.play_history',
  kind: 'enricher',
  description:
    'Adds plays from the local history: total_plays, last_played_at and period_plays (last period_days)',
  params: z.looseObject({
    metrics: z
      .array(z.enum(METRICS))
      .min(1)
      .optional()
      .describe('Metrics to add (default all); "last_played_dates" is the older name of last_played_at'),
    period_days: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Count period_plays over the last this many days'),
  }),
  async run(ctx, { params, inputs }) {
    const list = [...inputs.values()][0]!;
    const ids = [...new Set(list.tracks.map((track) => track.id))];
    const period =
      params.period_days === undefined
        ? undefined
        : { from: ctx.run.now - params.period_days * MS_PER_DAY, to: ctx.run.now };
    const rows = await ctx.playHistory.forTracks(ids, period === undefined ? {} : { period });
    const stats = new Map<TrackId, PlayStats>(
      rows.map((row) => [
        row.trackId,
        {
          totalPlays: row.totalPlays,
          lastPlayedAt: row.lastPlayedAt,
          ...(period === undefined ? {} : { playsInPeriod: row.playsInPeriod }),
        },
      ]),
    );
    const wanted = new Set<string>(
      (params.metrics ?? METRICS).map((name) => (name === 'last_played_dates' ? 'last_played_at' : name)),
    );
    let output: TrackList = withPlayHistory(list, stats);
    const metric = (name: string, value: (id: TrackId) => number | null | undefined): void => {
      if (!wanted.has(name)) return;
      const values = new Map<TrackId, number>();
      for (const id of ids) {
        const v = value(id);
        if (v !== null && v !== undefined) values.set(id, v);
      }
      output = withMetric(output, name, values);
    };
    metric('total_plays', (id) => stats.get(id)?.totalPlays);
    metric('last_played_at', (id) => stats.get(id)?.lastPlayedAt);
    if (period !== undefined) metric('period_plays', (id) => stats.get(id)?.playsInPeriod);
    const played = ids.filter((id) => (stats.get(id)?.totalPlays ?? 0) > 0).length;
    return { output, details: { tracks: ids.length, played, periodDays: params.period_days ?? null } };
  },
});
