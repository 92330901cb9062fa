import { describe, expect, it } from '@jest/globals';
import {
  restoreRoute,
  restoreSourceFromBackup,
  type RestoreItem,
} from '../../../src/domain/backup/restore-source.js';
import { aBackup } from './backup-samples.js';

function anItem(overrides: Partial<RestoreItem> = {}): RestoreItem {
  return {
    position: 0,
    kind: 'track',
    uri: 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
    name: 'One',
    artists: ['Ann'],
    album: null,
    durationMs: null,
    isrc: null,
    mbid: null,
    ...overrides,
  };
}

describe('how each backed-up item gets back onto Spotify', () => {
  it('adds a track or an episode by its URI', () => {
    expect(restoreRoute(anItem(), new Set())).toEqual({
      kind: 'uri',
      uri: 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
    });
    const episode = anItem({ kind: 'episode', uri: 'spotify:episode:512ojhOuo1ktJprKbVcKyQ' });
    expect(restoreRoute(episode, new Set())).toEqual({
      kind: 'uri',
      uri: 'spotify:episode:512ojhOuo1ktJprKbVcKyQ',
    });
  });

  it('keeps a local file only where the target playlist holds it already', () => {
    const local = anItem({ kind: 'local', uri: 'spotify:local:Me:Rips:Demo:120' });
    expect(restoreRoute(local, new Set(['spotify:local:Me:Rips:Demo:120']))).toEqual({
      kind: 'uri',
      uri: local.uri,
    });
    expect(restoreRoute(local, new Set())).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/local file/),
    });
  });

  it('looks up entries Spotify no longer served, and tracks of exports without a URI', () => {
    expect(
      restoreRoute(anItem({ kind: 'unavailable', uri: null, name: null, isrc: 'USRC17607839' }), new Set()),
    ).toEqual({ kind: 'lookup' });
    expect(restoreRoute(anItem({ uri: null }), new Set())).toEqual({ kind: 'lookup' });
  });

  it('gives up on an entry with nothing to find it by, saying why', () => {
    expect(restoreRoute(anItem({ kind: 'unavailable', uri: null, name: null }), new Set())).toMatchObject({
      kind: 'skip',
    });
  });

  it('keys a restore by the original playlist, so backups of one playlist restore onto one copy', () => {
    const source = restoreSourceFromBackup(aBackup(), 'mix.json');
    expect(source.key).toBe('restore:spotify:37i9dQZF1DXcBWIGoYBM5M');
    expect(source.items.map((item) => item.kind)).toEqual(['track', 'unavailable']);
  });
});
