// Playlist ↔ `playlists` row plus its `playlist_items` rows.
import type { Playlist, PlaylistDraft, PlaylistItem } from '../../../domain/playlist/playlist.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import type { PlaylistItemEntity } from './playlist-item.entity.js';
import type { PlaylistEntity } from './playlist.entity.js';

export type PlaylistRow = Omit<PlaylistEntity, 'id'>;

export function playlistToDomain(row: PlaylistEntity, items: readonly PlaylistItemEntity[]): Playlist {
  return Object.freeze({
    ...playlistHeaderToDomain(row),
    items: Object.freeze(items.map(playlistItemToDomain)),
  });
}

export function playlistHeaderToDomain(row: PlaylistEntity): Omit<Playlist, 'items'> {
  return {
    id: row.id,
    // Written from a ServiceName (or null) by playlistToRow.
    service: row.service as ServiceName | null,
    externalId: row.externalId,
    name: row.name,
    description: row.description,
    owner: row.owner,
    isPublic: row.isPublic,
    collaborative: row.collaborative,
    snapshotId: row.snapshotId,
    updatedAt: row.updatedAt,
  };
}

function playlistItemToDomain(row: PlaylistItemEntity): PlaylistItem {
  return Object.freeze({
    position: row.position,
    trackId: row.trackId,
    addedAt: row.addedAt,
    addedBy: row.addedBy,
  });
}

export function playlistToRow(playlist: PlaylistDraft): PlaylistRow {
  return {
    service: playlist.service,
    externalId: playlist.externalId,
    name: playlist.name,
    description: playlist.description,
    owner: playlist.owner,
    isPublic: playlist.isPublic,
    collaborative: playlist.collaborative,
    snapshotId: playlist.snapshotId,
    updatedAt: playlist.updatedAt,
  };
}

export function playlistItemToRow(playlistId: number, item: PlaylistItem): PlaylistItemEntity {
  return {
    playlistId,
    position: item.position,
    trackId: item.trackId,
    addedAt: item.addedAt,
    addedBy: item.addedBy,
  };
}
