import { describe, expect, it } from '@jest/globals';
import { playlistBackupDocument } from '../../../src/application/playlist/playlist-backup-document.js';
import { aConnectorTrack } from '../../builders/index.js';
import { aSpotifyPlaylist, BACKED_UP_AT } from './backup-samples.js';

describe('a playlist as a backup document', () => {
  it('records the playlist facts and when it was backed up', () => {
    const document = playlistBackupDocument({
      playlist: aSpotifyPlaylist(),
      mbids: new Map(),
      at: BACKED_UP_AT,
      generator: 'narada/1.2.3',
    });
    expect(document).toMatchObject({
      format: 'narada-playlist-backup',
      version: 1,
      backedUpAt: '2026-03-01T12:00:00.000Z',
      generator: 'narada/1.2.3',
      playlist: {
        id: '37i9dQZF1DXcBWIGoYBM5M',
        uri: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M',
        owner: { id: 'ann', name: 'Ann' },
        snapshotId: 'snap-1',
        itemCount: 2,
      },
    });
  });

  it('keeps every entry in order with its kind, and the MBID where resolved', () => {
    const local = aConnectorTrack({
      service: 'spotify',
      externalId: 'spotify:local:Me:Rips:Demo:120',
      title: 'Demo',
      artists: ['Me'],
      isrc: null,
      releaseDate: null,
      durationMs: 120_000,
    });
    const base = aSpotifyPlaylist();
    const playlist = aSpotifyPlaylist({
      entries: [
        ...base.entries,
        { kind: 'local', position: 2, uri: local.externalId, addedAt: null, addedBy: 'ann', track: local },
        {
          kind: 'episode',
          position: 3,
          uri: 'spotify:episode:512ojhOuo1ktJprKbVcKyQ',
          addedAt: null,
          addedBy: null,
          episode: {
            id: '512ojhOuo1ktJprKbVcKyQ',
            title: 'Talk',
            show: 'The Show',
            durationMs: 1_800_000,
            releaseDate: null,
          },
        },
      ],
    });
    const mbids = new Map([['4iV5W9uYEdYUVa79Axb7Rh', '5b11f4ce-a62d-471e-81fc-a69a8278c7da']]);
    const { items, playlist: facts } = playlistBackupDocument({
      playlist,
      mbids,
      at: BACKED_UP_AT,
      generator: 'narada/test',
    });
    expect(facts.itemCount).toBe(4);
    expect(items.map((item) => [item.position, item.kind, item.uri])).toEqual([
      [0, 'track', 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh'],
      [1, 'unavailable', null],
      [2, 'local', 'spotify:local:Me:Rips:Demo:120'],
      [3, 'episode', 'spotify:episode:512ojhOuo1ktJprKbVcKyQ'],
    ]);
    expect(items[0]).toMatchObject({
      name: 'One',
      artists: ['Ann'],
      addedAt: '2024-01-01T00:00:00.000Z',
      addedBy: 'ann',
      mbid: '5b11f4ce-a62d-471e-81fc-a69a8278c7da',
    });
    expect(items[0]!.album).toEqual({ name: expect.any(String), releaseDate: '2020-06-15' });
    expect(items[2]).toMatchObject({ name: 'Demo', isrc: null, durationMs: 120_000, mbid: null });
    expect(items[3]).toMatchObject({ name: 'Talk', artists: ['The Show'], album: null });
  });
});
