import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { seedDemoLibrary, type DemoLibrary } from '../../fakes/seed/demo-library.js';
import {
  startWorld,
  useSeededWorld,
  taskOf,
  workflowFile,
  writeSizes,
  type E2eWorld,
  type RunJson,
} from './workflow-e2e-kit.js';

describe('narada workflow run workflows/sort_by_release_date.json', () => {
  const world = useSeededWorld({ seed: { size: 250 } });
  let run: RunJson;

  beforeAll(async () => {
    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('sort_by_release_date.json'),
      '--param',
      `playlist_id=${world.library.playlistId}`,
      '--param',
      'newest_first=true',
      '--param',
      'name=Newest first',
      '--json',
    ]);
    expect(result.code).toBe(0);
    run = result.json<RunJson>();
  });

  it('creates a copy with the newest releases first, equal dates in playlist order', () => {
    const id = (taskOf(run, 'destination').details.playlist as { id: string }).id;
    const copy = world.spotify.playlist(id);
    expect(copy.name).toBe('Newest first');
    const released = (uri: string) =>
      world.spotify.state.tracks.get(uri.replace('spotify:track:', ''))!.album.releaseDate;
    const expected = world.library.tracks
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

describe('sort_by_release_date when a page of the source playlist comes back cut short', () => {
  let world: E2eWorld;
  let library: DemoLibrary;
  const run = () =>
    world.narada([
      'workflow',
      'run',
      workflowFile('sort_by_release_date.json'),
      '--param',
      `playlist_id=${library.playlistId}`,
      '--param',
      'name=Sorted copy',
      '--json',
    ]);

  beforeEach(async () => {
    world = await startWorld();
    library = seedDemoLibrary(world.spotify, world.lastfm, { size: 250 });
  });

  afterEach(() => world.close());

  it('reads the page again and copies every track when it was cut short once', async () => {
    world.spotify.spoilPlaylistPage(200);

    const result = await run();

    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const id = (taskOf(result.json<RunJson>(), 'destination').details.playlist as { id: string }).id;
    expect(world.spotify.playlist(id).entries).toHaveLength(250);
  });

  it('exits 1 naming the playlist and the offset, creating and changing no playlist, when it stays cut short', async () => {
    world.spotify.spoilPlaylistPage(200, { times: 'always' });
    const playlists = world.spotify.state.playlists.size;

    const result = await run();

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Spotify playlist ${library.playlistId}: the page at offset 200 came back unreadable 3 times`,
    );
    expect(world.spotify.callsTo('POST /me/playlists')).toHaveLength(0);
    expect(world.spotify.writeCalls()).toHaveLength(0);
    expect(world.spotify.state.playlists.size).toBe(playlists);
  });
});
