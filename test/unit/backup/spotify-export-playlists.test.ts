import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  isSpotifyPlaylistExport,
  spotifyExportPlaylists,
} from '../../../src/infrastructure/backup/spotify-export-playlists.js';

const exportFile = (folder: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/exports/${folder}/Playlist1.json`, import.meta.url), 'utf8'),
  );

describe('playlists of a Spotify account-data export', () => {
  it('reads the 2026 shape with track URIs, empty playlists and descriptions', () => {
    const value = exportFile('spotify-account-data-2026');
    expect(isSpotifyPlaylistExport(value)).toBe(true);
    const playlists = spotifyExportPlaylists(value, 'Playlist1.json');
    expect(playlists.map((p) => p.items.length)).toEqual([5, 0, 5, 3]);
    expect(playlists.map((p) => p.name.replace(/\s/g, ' '))).toEqual([
      'Radio Fernando',
      'Meine Playlist Nr. 99',
      'indo',
      'third set of playlist',
    ]);
    expect(playlists[0]!.items[0]).toMatchObject({
      position: 0,
      kind: 'track',
      uri: 'spotify:track:0nzCZIbxhUQxBL0qAf74FC',
      name: 'Fernando',
      artists: ['Frida'],
      album: 'Ensam',
    });
    expect(playlists[3]!.description).toBe('third set of playlist created via Spotipy');
    expect(playlists[0]!.key).toBe('restore:spotify-export:Radio Fernando');
  });

  it('reads the 2020 shape, whose tracks have no URI and are found again by name', () => {
    const playlists = spotifyExportPlaylists(exportFile('spotify-account-data-2020'), 'Playlist1.json');
    expect(playlists[1]!.items[0]).toMatchObject({
      kind: 'track',
      uri: null,
      name: 'Get Free (feat. Amber Coffman)',
      artists: ['Major Lazer'],
    });
  });

  it('refuses an export whose entries are not what Spotify writes, naming the field', () => {
    expect(() =>
      spotifyExportPlaylists(
        { playlists: [{ name: 'x', items: [{ track: { trackName: 3 } }] }] },
        'Playlist1.json',
      ),
    ).toThrow(/playlists\[0\]\.items\[0\]\.track\.trackName/);
  });
});
