// A Spotify playlist as a backup document (format version 1): its facts and every entry in order,
// local files and unavailable entries kept as they are, with the MBID Narada resolved where known.
import type { SpotifyPlaylist, SpotifyPlaylistEntry } from '../ports/spotify.port.js';
import { BACKUP_SCHEMA_ID } from '../../domain/backup/backup-json-schema.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupItem,
  type PlaylistBackup,
} from '../../domain/backup/playlist-backup.js';
import type { EpochMs } from '../../domain/values/time.js';
import { toIso } from '../../domain/values/time.js';

export interface BackupDocumentInput {
  readonly playlist: SpotifyPlaylist;
  /** MusicBrainz recording ids by Spotify track id (or local URI), where resolved. */
  readonly mbids: ReadonlyMap<string, string>;
  readonly at: EpochMs;
  /** `narada/<version>`. */
  readonly generator: string;
}

export function playlistBackupDocument({
  playlist,
  mbids,
  at,
  generator,
}: BackupDocumentInput): PlaylistBackup {
  return {
    $schema: BACKUP_SCHEMA_ID,
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    backedUpAt: toIso(at),
    generator,
    playlist: {
      service: 'spotify',
      id: playlist.id,
      uri: `spotify:playlist:${playlist.id}`,
      name: playlist.name,
      description: playlist.description,
      public: playlist.isPublic,
      collaborative: playlist.collaborative,
      owner: { id: playlist.ownerId, name: playlist.ownerName },
      snapshotId: playlist.snapshotId,
      itemCount: playlist.entries.length,
    },
    items: playlist.entries.map((entry, index) => backupItem(entry, index, mbids)),
  };
}

function backupItem(
  entry: SpotifyPlaylistEntry,
  position: number,
  mbids: ReadonlyMap<string, string>,
): BackupItem {
  const base = {
    position,
    kind: entry.kind,
    uri: entry.uri,
    addedAt: entry.addedAt === null ? null : toIso(entry.addedAt),
    addedBy: entry.addedBy,
  };
  switch (entry.kind) {
    case 'track':
    case 'local': {
      const { track } = entry;
      return {
        ...base,
        name: track.title,
        artists: [...track.artists],
        album: { name: track.album, releaseDate: track.releaseDate?.toString() ?? null },
        durationMs: track.durationMs === null ? null : Math.round(track.durationMs),
        isrc: track.isrc?.value ?? null,
        mbid: mbids.get(track.externalId) ?? null,
      };
    }
    case 'episode': {
      const { episode } = entry;
      return {
        ...base,
        name: episode.title,
        artists: episode.show === null ? [] : [episode.show],
        album: null,
        durationMs: episode.durationMs === null ? null : Math.round(episode.durationMs),
        isrc: null,
        mbid: null,
      };
    }
    case 'unavailable':
      return { ...base, name: null, artists: [], album: null, durationMs: null, isrc: null, mbid: null };
  }
}
