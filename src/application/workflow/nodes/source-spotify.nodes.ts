// Sources reading Spotify: a playlist in order, and the user's liked (saved) tracks, newest first.
import * as z from 'zod';
import type { SpotifyPlaylistEntry } from '../../ports/spotify.port.js';
import { defineNode } from '../workflow-node.js';
import { MS_PER_DAY, spotifyPlaylistId, wholeNumber } from './node-params.js';
import { ingestSpotifyItems, readProgress, type SpotifyItem } from './spotify-ingest.js';

export const spotifyPlaylistSource = defineNode({
  type: 'source.spotify_playlist',
  kind: 'source',
  description: 'Reads a Spotify playlist you own or collaborate on, in playlist order',
  params: z.looseObject({ playlist_id: spotifyPlaylistId }),
  async run(ctx, { params }) {
    const playlist = await ctx.spotify.getPlaylist(params.playlist_id, { onProgress: readProgress(ctx) });
    ctx.state.playlistReads.set(playlist.id, playlist);
    const items = playlist.entries.flatMap(trackItem);
    const { list, created, linked } = await ingestSpotifyItems(ctx, items, playlist.name);
    const skipped = playlist.entries.length - items.length;
    return {
      output: list,
      inputCount: playlist.entries.length,
      details: {
        playlist: { id: playlist.id, name: playlist.name },
        entries: playlist.entries.length,
        created,
        linked,
      },
      warnings:
        skipped > 0
          ? [
              `${skipped} item(s) of "${playlist.name}" are podcast episodes or no longer available; they are left out`,
            ]
          : [],
    };
  },
});

export const spotifyLikesSource = defineNode({
  type: 'source.spotify_likes',
  kind: 'source',
  description: 'Reads your Spotify liked songs, newest first',
  params: z.looseObject({
    limit: z.number().int().min(1).optional().describe('Read only the newest this many liked songs'),
    added_within_days: wholeNumber('Read only songs liked in the last this many days').optional(),
  }),
  async run(ctx, { params }) {
    const addedSince =
      params.added_within_days === undefined
        ? undefined
        : ctx.run.now - params.added_within_days * MS_PER_DAY;
    const saved = await ctx.spotify.listSavedTracks({
      onProgress: readProgress(ctx),
      ...(addedSince === undefined ? {} : { addedSince }),
    });
    const available = saved.flatMap((item) =>
      item.track === null ? [] : [{ record: item.track, addedAt: item.addedAt }],
    );
    const chosen = params.limit === undefined ? available : available.slice(0, params.limit);
    const items: SpotifyItem[] = chosen.map(({ record, addedAt }) => ({
      uri: spotifyUri(record.externalId),
      record,
      addedAt,
    }));
    const { list, created, linked } = await ingestSpotifyItems(ctx, items, 'Liked Songs');
    return { output: list, inputCount: saved.length, details: { liked: saved.length, created, linked } };
  },
});

function trackItem(entry: SpotifyPlaylistEntry): SpotifyItem[] {
  if (entry.kind === 'track' || entry.kind === 'local')
    return [{ uri: entry.uri, record: entry.track, addedAt: entry.addedAt }];
  return [];
}

function spotifyUri(externalId: string): string {
  return externalId.startsWith('spotify:') ? externalId : `spotify:track:${externalId}`;
}
