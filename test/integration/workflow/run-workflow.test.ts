import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SpotifyPort } from '../../../src/application/ports/spotify.port.js';
import { TOKENS } from '../../../src/infrastructure/di/tokens.js';
import { expectedByPlays, seedDemoLibrary, type DemoLibrary } from '../../fakes/seed/demo-library.js';
import { trackUri } from '../../fakes/spotify/fake-spotify-builders.js';
import { shipped, startWorkflowWorld, type WorkflowWorld } from './workflow-test-kit.js';

describe('RunWorkflow with SQLite and the services over HTTP', () => {
  let world: WorkflowWorld;
  let library: DemoLibrary;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    library = seedDemoLibrary(world.spotify, world.lastfm);
  });

  afterAll(() => world.close());

  const inPlace = { text: shipped('sort_by_plays_in_place.json'), source: 'sort_by_plays_in_place.json' };

  it('a dry run saves the run but writes nothing to Spotify or the local playlists', async () => {
    const runner = await world.runner();
    const run = await runner.run({
      ...inPlace,
      parameters: { playlist_id: library.playlistId },
      dryRun: true,
    });

    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, error: null });
    expect(world.spotify.writeCalls()).toEqual([]);
    const { playlists, workflowRuns } = await world.container.get(TOKENS.Repositories);
    expect(await playlists.list()).toEqual([]);
    expect(await workflowRuns.get(run.id)).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      tasks: run.tasks,
    });
  });

  it('re-reads and re-plans when someone changes the playlist between the read and the write', async () => {
    let edited = false;
    const [intruder] = world.spotify.addTracks({
      ...library.tracks[0]!,
      id: '0'.repeat(21) + 'X',
      name: 'Added on the phone',
    });
    const meddling = (port: SpotifyPort): SpotifyPort =>
      new Proxy(port, {
        get(target, key, receiver) {
          if (key === 'listMyPlaylists' && !edited) {
            edited = true;
            const playlist = world.spotify.playlist(library.playlistId);
            playlist.entries.unshift({
              uri: trackUri(intruder!),
              addedAt: '2024-01-01T00:00:00Z',
              addedBy: 'narada-listener',
            });
            playlist.entries.reverse();
            playlist.snapshotId = 'changed-elsewhere';
          }
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const before = new Map(world.spotify.playlist(library.playlistId).entries.map((e) => [e.uri, e.addedAt]));

    const run = await (
      await world.runner(meddling)
    ).run({ ...inPlace, parameters: { playlist_id: library.playlistId }, dryRun: false });

    expect(run.status).toBe('succeeded');
    expect(run.tasks.find((t) => t.taskId === 'destination')?.details).toMatchObject({ attempts: 2 });
    expect(world.logEntries()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'workflow task re-planned',
        runId: run.id,
        taskId: 'destination',
        attempts: 2,
        replans: 1,
      }),
    );
    const after = world.spotify.playlist(library.playlistId).entries;
    expect(after.map((e) => e.uri.replace('spotify:track:', ''))).toEqual(expectedByPlays(library));
    for (const entry of after) expect(entry.addedAt).toBe(before.get(entry.uri));
  });

  it("keeps added_at in a playlist of Narada's own database across runs", async () => {
    const runner = await world.runner();
    const create = {
      id: 'keep_local',
      tasks: [
        { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: library.playlistId } },
        { id: 'top', type: 'selector.limit_tracks', config: { count: 3 }, upstream: ['src'] },
        {
          id: 'save',
          type: 'destination.create_internal_playlist',
          config: { name: 'Local top' },
          upstream: ['top'],
        },
      ],
    };
    const first = await runner.run({
      text: JSON.stringify(create),
      source: 'inline',
      parameters: {},
      dryRun: false,
    });
    const playlistId = (first.tasks[2]?.details.playlist as { id: number }).id;
    const { playlists } = await world.container.get(TOKENS.Repositories);
    const saved = (await playlists.findById(playlistId))!;

    const update = {
      id: 'reverse_local',
      tasks: [
        { id: 'local', type: 'source.internal_playlist', config: { playlist_id: playlistId } },
        { id: 'sort', type: 'sorter.by_release_date', config: { reverse: true }, upstream: ['local'] },
        {
          id: 'write',
          type: 'destination.update_playlist',
          config: { playlist_id: playlistId },
          upstream: ['sort'],
        },
      ],
    };
    const second = await runner.run({
      text: JSON.stringify(update),
      source: 'inline',
      parameters: {},
      dryRun: false,
    });

    expect(second.status).toBe('succeeded');
    const updated = (await playlists.findById(playlistId))!;
    expect(new Set(updated.items.map((i) => i.trackId))).toEqual(new Set(saved.items.map((i) => i.trackId)));
    const addedAt = new Map(saved.items.map((i) => [i.trackId, i.addedAt]));
    for (const item of updated.items) expect(item.addedAt).toBe(addedAt.get(item.trackId));
  });
});
