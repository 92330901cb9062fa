// Destinations that change an existing playlist in place, differentially: kept items keep their
// added_at, and only the removes, moves and adds needed are made (batches of 100, snapshot ids
// chained). `append` only adds what the playlist lacks. Playlists in Narada's database work alike.
// None writes in a dry run (`--dry-run` or `"dry_run": true`), and none empties a playlist without
// `--allow-empty`: every copy is checked before any is written.
import * as z from 'zod';
import type { NodeContext } from '../node-context.js';
import { syncSpotifyPlaylist, type LeftInPlace } from '../../playlist/spotify-playlist-sync.js';
import { appendChange, type PlaylistChange } from '../../playlist/playlist-change.js';
import { OPERATION_TYPES, playlistCopies } from '../../playlist/playlist-copies.js';
import {
  destinationDetails,
  emptyingRefused,
  type DryRunSource,
  type PlaylistCopy,
  type PlaylistWrite,
} from '../../playlist/playlist-write.js';
import { defineNode, type NodeResult } from '../workflow-node.js';
import type { TrackList } from '../../../domain/workflow/track-list.js';
import { addCalls } from './destination-create.nodes.js';
import { dryRunParam, dryRunSource, leftOutWarnings, spotifyTarget } from './destination-targets.js';
import { planInternalUpdate } from './internal-playlist-update.js';
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
    dry_run: dryRunParam,
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const dryRunBy = dryRunSource(ctx, params);
    if (params.append) return appendToSpotify(ctx, list, params.playlist_id, dryRunBy);
    const spotify = await updateSpotify(ctx, list, params.playlist_id, params.preserve_added_at, dryRunBy);
    return {
      output: list,
      details: destinationDetails([spotify.write], {
        dryRunBy,
        wouldEmpty: spotify.wouldEmpty ? ['spotify'] : [],
        extra: { attempts: spotify.attempts },
      }),
      warnings: spotify.warnings,
    };
  },
});

export const updatePlaylistDestination = defineNode({
  type: 'destination.update_playlist',
  kind: 'destination',
  description:
    "Updates Narada's copy of a playlist (operation_type update_internal) or the Spotify playlist (update_spotify), differentially",
  params: z.looseObject({
    playlist_id: playlistTarget,
    operation_type: z
      .enum(OPERATION_TYPES)
      .default('update_internal')
      .describe(
        "update_internal: change Narada's copy in the local database (Spotify too only with enable_external_sync); update_spotify: change the Spotify playlist (and Narada's copy, if it has one)",
      ),
    enable_external_sync: z
      .boolean()
      .default(false)
      .describe('With update_internal, bring the Spotify playlist to the same tracks too'),
    preserve_added_at: preserveAddedAt,
    dry_run: dryRunParam,
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const dryRunBy = dryRunSource(ctx, params);
    const copies = await playlistCopies(
      ctx,
      params.playlist_id,
      params.operation_type,
      params.enable_external_sync,
    );
    const internal = copies.narada === null ? null : planInternalUpdate(ctx, list, copies.narada);
    if (internal?.wouldEmpty && dryRunBy === null && ctx.run.allowEmpty !== true) {
      throw emptyingRefused('narada', internal.write.playlist.name, internal.tracksBefore);
    }
    // Spotify first: it refuses to empty before any write, and it is the write most likely to fail.
    const spotify =
      copies.spotifyId === null
        ? null
        : await updateSpotify(ctx, list, copies.spotifyId, params.preserve_added_at, dryRunBy);
    if (dryRunBy === null) await internal?.apply();
    const writes: PlaylistWrite[] = [];
    const emptied: PlaylistCopy[] = [];
    if (spotify !== null) {
      writes.push(spotify.write);
      if (spotify.wouldEmpty) emptied.push('spotify');
    }
    if (internal !== null) {
      writes.push(internal.write);
      if (internal.wouldEmpty) emptied.push('narada');
    }
    return {
      output: list,
      details: destinationDetails(writes, {
        dryRunBy,
        untouched: copies.untouched,
        wouldEmpty: emptied,
        extra: {
          operationType: params.operation_type,
          enableExternalSync: params.enable_external_sync,
          ...(spotify === null ? {} : { attempts: spotify.attempts }),
        },
      }),
      warnings: [...copies.warnings, ...(spotify?.warnings ?? [])],
    };
  },
});

interface SpotifyUpdate {
  readonly write: PlaylistWrite;
  readonly attempts: number;
  readonly wouldEmpty: boolean;
  readonly warnings: readonly string[];
}

async function updateSpotify(
  ctx: NodeContext,
  list: TrackList,
  playlistId: string,
  preserveAddedAt: boolean,
  dryRunBy: DryRunSource | null,
): Promise<SpotifyUpdate> {
  const target = await spotifyTarget(ctx, list);
  const known = ctx.state.playlistReads.get(playlistId);
  const synced = await syncSpotifyPlaylist(ctx.spotify, {
    playlistId,
    target: target.uris,
    label: target.label,
    allowAddedAtLoss: !preserveAddedAt,
    dryRun: dryRunBy !== null,
    allowEmpty: ctx.run.allowEmpty === true,
    ...(known === undefined ? {} : { known: { playlist: known, fresh: false } }),
  });
  const url = `https://open.spotify.com/playlist/${synced.playlist.id}`;
  return {
    write: { copy: 'spotify', playlist: { ...synced.playlist, url }, change: synced.change },
    attempts: synced.attempts,
    wouldEmpty: synced.wouldEmpty,
    warnings: [
      ...leftOutWarnings(target.unlinked, synced.localFilesLeftOut),
      ...leftInPlaceWarning(synced.leftInPlace),
      ...replaceWarning(synced.change),
    ],
  };
}

async function appendToSpotify(
  ctx: NodeContext,
  list: TrackList,
  playlistId: string,
  dryRunBy: DryRunSource | null,
): Promise<NodeResult> {
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
  if (dryRunBy === null && uris.length > 0) await ctx.spotify.addPlaylistItems(playlistId, uris);
  const url = `https://open.spotify.com/playlist/${current.id}`;
  return {
    output: list,
    details: destinationDetails(
      [{ copy: 'spotify', playlist: { id: current.id, name: current.name, url }, change }],
      { dryRunBy },
    ),
    warnings: leftOutWarnings(target.unlinked, missing.length - uris.length),
  };
}

/** Items the workflow cannot see are never deleted by it, but the user hears they are there. */
function leftInPlaceWarning(items: readonly LeftInPlace[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, 5).map((item) => `#${item.position + 1} ${item.label}`);
  const more = items.length > shown.length ? `, and ${items.length - shown.length} more` : '';
  return [
    `${items.length} item(s) of the playlist that are not tracks the workflow holds (podcast episodes, unavailable items, local files) were left where they are: ${shown.join('; ')}${more}`,
  ];
}

function replaceWarning(change: PlaylistChange): string[] {
  if (change.strategy !== 'replace' || change.before === 0) return [];
  return [`a full replace needed fewer calls (preserve_added_at is false): every item's added_at was reset`];
}
