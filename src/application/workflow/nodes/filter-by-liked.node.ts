// filter.by_liked: keeps only the tracks liked on Spotify or loved on Last.fm, or only the others,
// as `narada likes import` stored them; it asks neither service while the workflow runs.
import * as z from 'zod';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { lastfmTrackKey } from '../../../domain/track/connector-track.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { filterByLiked } from '../../../domain/workflow/transforms/index.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { lastfmName } from './enricher-lastfm.node.js';
import { mainInput } from './node-inputs.js';

export const likedFilter = defineNode({
  type: 'filter.by_liked',
  kind: 'filter',
  description:
    'Keeps only tracks you liked (Spotify) or loved (Last.fm), or only the others, from the likes `narada likes import` stored',
  params: z.looseObject({
    service: z.enum(['spotify', 'lastfm']).default('spotify').describe('Whose likes: spotify or lastfm'),
    liked: z
      .boolean()
      .default(true)
      .describe('true: keep the liked tracks; false: keep the tracks not liked'),
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const likedTrackIds = await likedTracks(ctx, params.service, list.tracks);
    return {
      output: filterByLiked(list, { likedTrackIds, liked: params.liked }),
      details: { likesStored: likedTrackIds.size },
    };
  },
});

/**
 * The liked tracks' ids, merged tracks also under the track they were merged into. A Last.fm love is
 * also matched by name: a track whose Last.fm identity (its accepted link, else its own primary
 * artist and title) is the loved artist and title is loved, though no link joins the two yet.
 */
async function likedTracks(
  ctx: NodeContext,
  service: 'spotify' | 'lastfm',
  tracks: readonly Track[],
): Promise<Set<TrackId>> {
  const likes = await ctx.likes.list(service);
  if (likes.length === 0) {
    throw new InvalidInputError(
      'WORKFLOW.LIKES_NOT_IMPORTED',
      `Narada has no ${service} likes stored, so filter.by_liked cannot tell liked tracks apart: run \`narada likes import ${service}\` first`,
    );
  }
  const ids = new Set(likes.map((like) => like.trackId));
  for (const track of await ctx.tracks.findByIds([...ids])) {
    if (track.mergedInto !== null) ids.add(track.mergedInto);
  }
  if (service === 'lastfm') {
    const loved = new Set(likes.map((like) => like.externalId));
    for (const track of tracks) {
      const name = await lastfmName(ctx, track);
      if (loved.has(lastfmTrackKey(name.artist, name.title))) ids.add(track.id);
    }
  }
  return ids;
}
