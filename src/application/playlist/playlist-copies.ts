// Which copies of a playlist `destination.update_playlist` changes, as the original narada decides it:
// `operation_type` "update_internal" (its default) changes Narada's own copy in the local database and
// Spotify's only with `enable_external_sync: true`; "update_spotify" changes the Spotify playlist (and
// Narada's copy when it has one, so the two agree).
import { InvalidInputError } from '../../domain/shared/errors.js';
import type { Playlist } from '../../domain/playlist/playlist.js';
import type { NodeContext } from '../workflow/node-context.js';
import type { PlaylistTarget } from '../workflow/nodes/node-params.js';
import type { LeftAlone } from './playlist-write.js';

export const OPERATION_TYPES = ['update_internal', 'update_spotify'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

export interface PlaylistCopies {
  /** Narada's copy to change, if any. */
  readonly narada: Playlist | null;
  /** The Spotify playlist to change, if any. */
  readonly spotifyId: string | null;
  readonly untouched: readonly LeftAlone[];
  readonly warnings: readonly string[];
}

export async function playlistCopies(
  ctx: NodeContext,
  target: PlaylistTarget,
  operationType: OperationType,
  externalSync: boolean,
): Promise<PlaylistCopies> {
  const narada =
    target.kind === 'internal'
      ? await storedPlaylist(ctx, target.id)
      : await ctx.playlists.findByExternal('spotify', target.id);
  const onSpotify =
    target.kind === 'spotify' ? target.id : narada?.service === 'spotify' ? narada.externalId : null;
  if (operationType === 'update_spotify') {
    if (onSpotify === null) {
      throw new InvalidInputError(
        'WORKFLOW.NOT_ON_SPOTIFY',
        `playlist ${target.id} lives only in Narada's database, so "operation_type": "update_spotify" has no Spotify playlist to change; use "update_internal"`,
      );
    }
    return { narada, spotifyId: onSpotify, untouched: [], warnings: [] };
  }
  if (narada === null) {
    throw new InvalidInputError(
      'WORKFLOW.NO_LOCAL_COPY',
      `Narada's database has no copy of Spotify playlist ${target.id}, and "operation_type": "update_internal" ` +
        `(the default) changes only that copy; save one with \`narada playlist backup ${target.id}\`, ` +
        'or set "operation_type": "update_spotify" in the task\'s config to change the Spotify playlist',
    );
  }
  if (onSpotify === null) {
    const warnings = externalSync
      ? [`enable_external_sync is true but playlist ${narada.id} is not on Spotify: there is nothing to sync`]
      : [];
    return { narada, spotifyId: null, untouched: [], warnings };
  }
  if (!externalSync) {
    return {
      narada,
      spotifyId: null,
      untouched: [{ copy: 'spotify', reason: 'enable_external_sync is false' }],
      warnings: [],
    };
  }
  return { narada, spotifyId: onSpotify, untouched: [], warnings: [] };
}

async function storedPlaylist(ctx: NodeContext, id: number): Promise<Playlist> {
  const playlist = await ctx.playlists.findById(id);
  if (playlist !== null) return playlist;
  throw new InvalidInputError(
    'WORKFLOW.PLAYLIST_NOT_FOUND',
    `Narada's database has no playlist ${id}; \`narada playlist list\` shows the playlists it knows`,
  );
}
