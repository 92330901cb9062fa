// source.internal_playlist: a playlist kept in Narada's database (made by
// destination.create_internal_playlist, or a local copy of a Spotify playlist), in its order.
import * as z from 'zod';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { Playlist } from '../../../domain/playlist/playlist.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { trackList } from '../../../domain/workflow/track-list.js';
import { ADDED_AT_METRIC } from '../../../domain/workflow/transforms/index.js';
import type { NodeContext } from '../node-context.js';
import { defineNode } from '../workflow-node.js';
import { playlistTarget, type PlaylistTarget } from './node-params.js';

export const internalPlaylistSource = defineNode({
  type: 'source.internal_playlist',
  kind: 'source',
  description: "Reads a playlist from Narada's database, by its number, Spotify id or name",
  params: z
    .looseObject({
      playlist_id: playlistTarget
        .describe("The playlist's number in Narada's database, or the Spotify playlist it keeps a copy of")
        .optional(),
      name: z.string().min(1).optional().describe('The playlist name, when no playlist_id is given'),
    })
    .refine((params) => params.playlist_id !== undefined || params.name !== undefined, {
      message: 'or "name" is required',
      path: ['playlist_id'],
    }),
  async run(ctx, { params }) {
    const playlist = await findPlaylist(ctx, params.playlist_id, params.name);
    const { tracks, addedAt } = await tracksInOrder(ctx, playlist.items);
    return {
      output: trackList(tracks, {
        name: playlist.name,
        metrics: addedAt.size === 0 ? new Map() : new Map([[ADDED_AT_METRIC, addedAt]]),
      }),
      inputCount: playlist.items.length,
      details: { playlist: { id: playlist.id, name: playlist.name } },
    };
  },
});

async function findPlaylist(
  ctx: NodeContext,
  target: PlaylistTarget | undefined,
  name: string | undefined,
): Promise<Playlist> {
  let found: Playlist | null = null;
  if (target?.kind === 'internal') found = await ctx.playlists.findById(target.id);
  else if (target?.kind === 'spotify') found = await ctx.playlists.findByExternal('spotify', target.id);
  else if (name !== undefined) {
    const summary = (await ctx.playlists.list()).find((p) => p.name.toLowerCase() === name.toLowerCase());
    found = summary === undefined ? null : await ctx.playlists.findById(summary.id);
  }
  if (found !== null) return found;
  const which = target !== undefined ? `playlist ${String(target.id)}` : `a playlist named "${name}"`;
  throw new InvalidInputError(
    'WORKFLOW.PLAYLIST_NOT_FOUND',
    `Narada's database has no ${which}; \`narada playlist list\` shows the playlists it knows`,
  );
}

/**
 * The items' tracks in order, a merged track replaced by the track it was merged into, and each
 * track's `added_at` (the first item of a track wins).
 */
async function tracksInOrder(
  ctx: NodeContext,
  items: Playlist['items'],
): Promise<{ tracks: Track[]; addedAt: Map<TrackId, number> }> {
  const ids = items.map((item) => item.trackId);
  const byId = new Map((await ctx.tracks.findByIds([...new Set(ids)])).map((track) => [track.id, track]));
  const survivors = new Map<TrackId, Track>();
  const resolve = async (track: Track): Promise<Track> => {
    let current = track;
    for (let hops = 0; current.mergedInto !== null && hops < 10; hops++) {
      const next = survivors.get(current.mergedInto) ?? (await ctx.tracks.findById(current.mergedInto));
      if (next === null) break;
      survivors.set(next.id, next);
      current = next;
    }
    return current;
  };
  const tracks: Track[] = [];
  const addedAt = new Map<TrackId, number>();
  for (const item of items) {
    const found = byId.get(item.trackId);
    if (found === undefined) continue;
    const track = await resolve(found);
    tracks.push(track);
    if (item.addedAt !== null && !addedAt.has(track.id)) addedAt.set(track.id, item.addedAt);
  }
  return { tracks, addedAt };
}
