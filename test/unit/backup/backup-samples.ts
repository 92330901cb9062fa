// A small valid backup for unit tests, built by the same code that writes real ones.
import type { SpotifyPlaylist } from '../../../src/application/ports/spotify.port.js';
import { playlistBackupDocument } from '../../../src/application/playlist/playlist-backup-document.js';
import type { PlaylistBackup } from '../../../src/domain/backup/playlist-backup.js';
import { aConnectorTrack } from '../../builders/index.js';

export const BACKED_UP_AT = Date.UTC(2026, 2, 1, 12, 0, 0);

export function aSpotifyPlaylist(overrides: Partial<SpotifyPlaylist> = {}): SpotifyPlaylist {
  const first = aConnectorTrack({
    service: 'spotify',
    externalId: '4iV5W9uYEdYUVa79Axb7Rh',
    title: 'One',
    artists: ['Ann'],
  });
  return {
    id: '37i9dQZF1DXcBWIGoYBM5M',
    name: 'Mix',
    description: null,
    ownerId: 'ann',
    ownerName: 'Ann',
    isPublic: false,
    collaborative: false,
    snapshotId: 'snap-1',
    itemCount: 2,
    entries: [
      {
        kind: 'track',
        position: 0,
        uri: 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
        addedAt: Date.UTC(2024, 0, 1),
        addedBy: 'ann',
        track: first,
      },
      { kind: 'unavailable', position: 1, uri: null, addedAt: null, addedBy: null },
    ],
    ...overrides,
  };
}

export function aBackup(playlist: SpotifyPlaylist = aSpotifyPlaylist()): PlaylistBackup {
  return playlistBackupDocument({ playlist, mbids: new Map(), at: BACKED_UP_AT, generator: 'narada/test' });
}
