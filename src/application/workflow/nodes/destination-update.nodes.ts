// Destinations that change an existing playlist in place, differentially: kept items keep their
// added_at, and only the removes, moves and adds needed are made (batches of 100, snapshot ids
// chained). `append` only adds what the playlist lacks. Playlists in Narada's database work alike.
import * as z from 'zod';
import type { NodeContext } from '../node-context.js';
import { syncSpotifyPlaylist } from '../playlist-update/spotify-playlist-sync.js';
import { appendChange, type PlaylistChange } from '../playlist-update/playlist-change.js';
import { defineNode, type NodeResult } from '../workflow-node.js';
import type { TrackList } from '../../../domain/workflow/track-list.js';
import { addCalls } from './destination-create.nodes.js';
import { leftOutWarnings, spotifyTarget } from './destination-targets.js';
import { updateInternalPlaylist } from './internal-playlist-update.js';
import { mainInput } from './node-inputs.js';
import { playlistTarget, spotifyPlaylistId } from './node-params.js';

const preserveAddedAt = z
  .boolean()
  .default(true)
  .describe(
    'false lets a full replace run when it needs fewer calls, though every item then loses its added_at',
  );

export const updateSpotifyPlaylistDestination = defineNode({
  type: 'destination.update_spotify_playlist',
  kind: 'destination',
  description: 'Makes an existing Spotify playlist hold the tracks (differential: added_at kept), or appends',
  params: z.looseObject({
    playlist_id: spotifyPlaylistId,
    append: z.boolean().default(false).describe('Only add tracks the playlist does not have yet, at the end'),
    preserve_added_at: preserveAddedAt,
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    if (params.append) return appendToSpotify(ctx, list, params.playlist_id);
    return updateSpotify(ctx, list, params.playlist_id, params.preserve_added_at);
  },
});

export const updatePlaylistDestination = defineNode({
  type: 'destination.update_playlist',
  kind: 'destination',
  description:
    "Updates a Spotify playlist, or one in Narada's database, differentially: kept items keep added_at",
  params: z.looseObject({ playlist_id: playlistTarget, preserve_added_at: preserveAddedAt }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const target = params.playlist_id;
    if (target.kind === 'internal') return updateInternalPlaylist(ctx, list, target.id);
    return updateSpotify(ctx, list, target.id, params.preserve_added_at);
  },
});

async function updateSpotify(
  ctx: NodeContext,
  list: TrackList,
  playlistId: string,
  preserveAddedAt: boolean,
): Promise<NodeResult> {
  const target = await spotifyTarget(ctx, list);
  const known = ctx.state.playlistReads.get(playlistId);
  const synced = await syncSpotifyPlaylist(ctx.spotify, {
    playlistId,
    target: target.uris,
    label: target.label,
    allowAddedAtLoss: !preserveAddedAt,
    dryRun: ctx.run.dryRun,
    ...(known === undefined ? {} : { known }),
  });
  return {
    output: list,
    details: {
      dryRun: ctx.run.dryRun,
      playlist: { ...synced.playlist, url: `https://open.spotify.com/playlist/${synced.playlist.id}` },
      change: synced.change,
      attempts: synced.attempts,
    },
    warnings: [
      ...leftOutWarnings(target.unlinked, synced.localFilesLeftOut),
      ...replaceWarning(synced.change),
    ],
  };
}

async function appendToSpotify(ctx: NodeContext, list: TrackList, playlistId: string): Promise<NodeResult> {
  const target = await spotifyTarget(ctx, list);
  const current = ctx.state.playlistReads.get(playlistId) ?? (await ctx.spotify.getPlaylist(playlistId));
  const present = new Set(current.entries.flatMap((entry) => (entry.uri === null ? [] : [entry.uri])));
  const missing = [...new Set(target.uris)].filter((uri) => !present.has(uri));
  const uris = missing.filter((uri) => !uri.startsWith('spotify:local:'));
  const change = appendChange(
    'append',
    current.entries.length,
    uris,
    addCalls(uris, current.entries.length),
    target.label,
  );
  if (!ctx.run.dryRun && uris.length > 0) await ctx.spotify.addPlaylistItems(playlistId, uris);
  return {
    output: list,
    details: { dryRun: ctx.run.dryRun, playlist: { id: current.id, name: current.name }, change },
    warnings: leftOutWarnings(target.unlinked, missing.length - uris.length),
  };
}

function replaceWarning(change: PlaylistChange): string[] {
  if (change.strategy !== 'replace' || change.before === 0) return [];
  return [`a full replace needed fewer calls (preserve_added_at is false): every item's added_at was reset`];
}
