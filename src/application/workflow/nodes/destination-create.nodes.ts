// Destinations that make a new playlist each run: on Spotify (then filled in batches of 100), or in
// Narada's own database. In a dry run (`--dry-run`, or `"dry_run": true` in the task's config) they
// only say what they would create and which calls it takes.
import * as z from 'zod';
import { MAX_ITEMS_PER_CALL } from '../../../domain/playlist/playlist-operation.js';
import { defineNode } from '../workflow-node.js';
import { appendChange, describeOperation } from '../../playlist/playlist-change.js';
import { destinationDetails } from '../../playlist/playlist-write.js';
import {
  dryRunParam,
  dryRunSource,
  leftOutWarnings,
  spotifyTarget,
  trackLabel,
} from './destination-targets.js';
import { mainInput } from './node-inputs.js';

const nameParam = z.string().min(1).default('Narada Playlist').describe('Name of the new playlist');
const descriptionParam = z.string().default('Created by Narada').describe('Its description');
const LOCAL = 'spotify:local:';

export const createSpotifyPlaylistDestination = defineNode({
  type: 'destination.create_spotify_playlist',
  kind: 'destination',
  description: 'Creates a new Spotify playlist (private unless public is true) holding the tracks',
  params: z.looseObject({
    name: nameParam,
    description: descriptionParam,
    public: z.boolean().default(false).describe('Make the new playlist public'),
    dry_run: dryRunParam,
  }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const target = await spotifyTarget(ctx, list);
    const uris = target.uris.filter((uri) => !uri.startsWith(LOCAL));
    const calls = ['POST /me/playlists (create)', ...addCalls(uris)];
    const change = appendChange('create', 0, uris, calls, target.label);
    const warnings = leftOutWarnings(target.unlinked, target.uris.length - uris.length);
    const dryRunBy = dryRunSource(ctx, params);
    if (dryRunBy !== null) {
      const planned = { copy: 'spotify' as const, playlist: { name: params.name }, change };
      return { output: list, details: destinationDetails([planned], { dryRunBy }), warnings };
    }
    const created = await ctx.spotify.createPlaylist({
      name: params.name,
      description: params.description,
      isPublic: params.public,
    });
    ctx.progress.setTotal(uris.length);
    await ctx.spotify.addPlaylistItems(created.id, uris);
    ctx.progress.advance(uris.length);
    const playlist = {
      id: created.id,
      name: created.name,
      url: `https://open.spotify.com/playlist/${created.id}`,
    };
    return {
      output: list,
      details: destinationDetails([{ copy: 'spotify', playlist, change }], { dryRunBy }),
      warnings,
    };
  },
});

export const createInternalPlaylistDestination = defineNode({
  type: 'destination.create_internal_playlist',
  kind: 'destination',
  description: "Saves the tracks as a new playlist in Narada's database only",
  params: z.looseObject({ name: nameParam, description: descriptionParam, dry_run: dryRunParam }),
  async run(ctx, { params, inputs }) {
    const list = mainInput(inputs);
    const labels = list.tracks.map(trackLabel);
    const change = appendChange('create', 0, labels, ['save in the local database'], (label) => label);
    const dryRunBy = dryRunSource(ctx, params);
    if (dryRunBy !== null) {
      const planned = { copy: 'narada' as const, playlist: { name: params.name }, change };
      return { output: list, details: destinationDetails([planned], { dryRunBy }) };
    }
    const saved = await ctx.playlists.save({
      service: null,
      externalId: null,
      name: params.name,
      description: params.description,
      owner: null,
      isPublic: null,
      collaborative: false,
      snapshotId: null,
      items: list.tracks.map((track, position) => ({
        position,
        trackId: track.id,
        addedAt: ctx.run.now,
        addedBy: null,
      })),
      updatedAt: ctx.run.now,
    });
    const written = { copy: 'narada' as const, playlist: { id: saved.id, name: saved.name }, change };
    return { output: list, details: destinationDetails([written], { dryRunBy }) };
  },
});

/** The add calls for `uris` appended in batches, as `describeOperation` words them. */
export function addCalls(uris: readonly string[], startAt = 0): string[] {
  const calls: string[] = [];
  for (let start = 0; start < uris.length; start += MAX_ITEMS_PER_CALL) {
    const batch = uris.slice(start, start + MAX_ITEMS_PER_CALL);
    calls.push(describeOperation({ kind: 'add', uris: batch, position: startAt + start }));
  }
  return calls;
}
