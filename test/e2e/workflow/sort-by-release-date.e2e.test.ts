import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoLibrary, type DemoLibrary } from '../../fakes/seed/demo-library.js';
import {
  startWorld,
  taskOf,
  workflowFile,
  writeSizes,
  type E2eWorld,
  type RunJson,
} from './workflow-e2e-kit.js';

describe('narada workflow run workflows/sort_by_release_date.json', () => {
  let world: E2eWorld;
  let library: DemoLibrary;
  let run: RunJson;

  beforeAll(async () => {
    world = await startWorld();
    library = seedDemoLibrary(world.spotify, world.lastfm, { size: 250 });
    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('sort_by_release_date.json'),
      '--param',
      `playlist_id=${library.playlistId}`,
      '--param',
      'newest_first=true',
      '--param',
      'name=Newest first',
      '--json',
    ]);
    expect(result.code).toBe(0);
    run = result.json<RunJson>();
  });

  afterAll(() => world.close());

  it('creates a copy with the newest releases first, equal dates in playlist order', () => {
    const id = (taskOf(run, 'destination').details.playlist as { id: string }).id;
    const copy = world.spotify.playlist(id);
    expect(copy.name).toBe('Newest first');
    const released = (uri: string) =>
      world.spotify.state.tracks.get(uri.replace('spotify:track:', ''))!.album.releaseDate;
    const expected = library.tracks
      .map((track, index) => ({ uri: `spotify:track:${track.id}`, index, date: track.album.releaseDate }))
      .sort((a, b) => b.date.localeCompare(a.date) || a.index - b.index)
      .map((entry) => entry.uri);
    expect(copy.entries.map((entry) => entry.uri)).toEqual(expected);
    expect(released(copy.entries[0]!.uri) >= released(copy.entries[249]!.uri)).toBe(true);
  });

  it('reads 250 items in 3 pages and adds them in 3 calls of at most 100, asking Last.fm nothing', () => {
    expect(run.apiCalls).toMatchObject({
      'spotify GET /playlists/{id}': 1,
      'spotify GET /playlists/{id}/items': 2,
      'spotify POST /me/playlists': 1,
      'spotify POST /playlists/{id}/items': 3,
    });
    expect(writeSizes(world.spotify).filter((size) => size > 0)).toEqual([100, 100, 50]);
    expect(run.apiCallsByService.lastfm).toBeUndefined();
  });
});
