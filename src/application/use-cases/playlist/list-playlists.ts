// `narada playlist list`: the playlists Narada knows locally and those on Spotify, side by side, each
// with its last backup and whether it changed since.
import type { PlaylistRepository } from '../../ports/playlist-repository.port.js';
import type { SpotifyPlaylistSummary, SpotifyPort } from '../../ports/spotify.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { isNaradaError } from '../../../domain/shared/errors.js';
import { toIso } from '../../../domain/values/time.js';
import { BackupIndex } from '../../playlist/backup-index.js';

export interface ListedPlaylist {
  /** Spotify id, or `local:<n>` for a playlist that lives only in Narada. */
  readonly id: string;
  readonly name: string;
  readonly owner: string | null;
  readonly items: number | null;
  readonly onSpotify: boolean;
  readonly local: boolean;
  readonly lastBackup: {
    readonly at: string;
    readonly file: string;
    readonly changedSince: boolean | null;
  } | null;
}

export interface PlaylistListing {
  readonly playlists: readonly ListedPlaylist[];
  /** Why Spotify's playlists are missing, when they are. */
  readonly spotifyUnavailable: string | null;
}

export class ListPlaylists {
  private readonly index: BackupIndex;

  constructor(
    private readonly deps: {
      readonly spotify: SpotifyPort;
      readonly playlists: PlaylistRepository;
      readonly checkpoints: SyncCheckpointRepository;
    },
  ) {
    this.index = new BackupIndex(deps.checkpoints);
  }

  async run(): Promise<PlaylistListing> {
    const { remote, unavailable } = await this.spotifyPlaylists();
    const local = await this.deps.playlists.list();
    const localBySpotifyId = new Map(
      local.filter((p) => p.service === 'spotify' && p.externalId !== null).map((p) => [p.externalId!, p]),
    );
    const listed: ListedPlaylist[] = [];
    for (const summary of remote) {
      listed.push(
        await this.entry(summary.id, summary.name, summary.ownerName ?? summary.ownerId, summary.itemCount, {
          onSpotify: true,
          local: localBySpotifyId.has(summary.id),
          snapshotId: summary.snapshotId,
        }),
      );
    }
    const shown = new Set(remote.map((p) => p.id));
    for (const playlist of local) {
      const spotifyId = playlist.service === 'spotify' ? playlist.externalId : null;
      if (spotifyId !== null && shown.has(spotifyId)) continue;
      const id = spotifyId ?? `local:${playlist.id}`;
      listed.push(
        await this.entry(id, playlist.name, playlist.owner, playlist.itemCount, {
          onSpotify: false,
          local: true,
          snapshotId: null,
        }),
      );
    }
    listed.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { playlists: listed, spotifyUnavailable: unavailable };
  }

  private async entry(
    id: string,
    name: string,
    owner: string | null,
    items: number | null,
    facts: { onSpotify: boolean; local: boolean; snapshotId: string | null },
  ): Promise<ListedPlaylist> {
    const last = id.startsWith('local:') ? null : await this.index.get(id);
    return {
      id,
      name,
      owner,
      items,
      onSpotify: facts.onSpotify,
      local: facts.local,
      lastBackup:
        last === null
          ? null
          : {
              at: toIso(last.backedUpAt),
              file: last.path,
              changedSince: facts.snapshotId === null ? null : facts.snapshotId !== last.snapshotId,
            },
    };
  }

  /** Spotify's list; without a Spotify login the local list is still worth showing. */
  private async spotifyPlaylists(): Promise<{
    remote: readonly SpotifyPlaylistSummary[];
    unavailable: string | null;
  }> {
    try {
      return { remote: await this.deps.spotify.listMyPlaylists(), unavailable: null };
    } catch (error) {
      if (isNaradaError(error) && error.category === 'config')
        return { remote: [], unavailable: error.message };
      throw error;
    }
  }
}
