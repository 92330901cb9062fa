// Destinations never write when told not to: `dry_run` in any destination's config, and a plan that
// would empty a playlist (refused, nothing written, unless the run allows it). Real SQLite, the fake
// Spotify over HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOKENS } from '../../../src/infrastructure/di/tokens.js';
import { seedDemoLibrary, type DemoLibrary } from '../../fakes/seed/demo-library.js';
import { startWorkflowWorld, type WorkflowWorld } from './workflow-test-kit.js';

describe('destinations that must not write', () => {
  let world: WorkflowWorld;
  let library: DemoLibrary;
  let empty: string;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    library = seedDemoLibrary(world.spotify, world.lastfm);
    empty = world.spotify.addPlaylist({ name: 'Nothing here', entries: [] }).id;
  });

  afterAll(() => world.close());

  async function run(tasks: readonly Record<string, unknown>[], options: { allowEmpty?: boolean } = {}) {
    const runner = await world.runner();
    return runner.run({
      text: JSON.stringify({ id: 'inline', tasks }),
      source: 'inline',
      parameters: {},
      dryRun: false,
      ...options,
    });
  }

  const source = (playlistId: string) => ({
    id: 'source',
    type: 'source.spotify_playlist',
    config: { playlist_id: playlistId },
  });

  /** A playlist of the demo's 12 tracks that lives only in Narada's database. */
  async function localPlaylist(): Promise<number> {
    const created = await run([
      source(library.playlistId),
      {
        id: 'save',
        type: 'destination.create_internal_playlist',
        config: { name: 'Mine' },
        upstream: ['source'],
      },
    ]);
    return (created.tasks[1]!.details['playlist'] as { id: number }).id;
  }

  async function itemsOf(id: number): Promise<number> {
    const { playlists } = await world.container.get(TOKENS.Repositories);
    return (await playlists.findById(id))!.items.length;
  }

  it('create destinations with dry_run in their config create nothing', async () => {
    const before = world.spotify.writeCalls().length;
    const { playlists } = await world.container.get(TOKENS.Repositories);
    const stored = (await playlists.list()).length;

    const result = await run([
      source(library.playlistId),
      {
        id: 'remote',
        type: 'destination.create_spotify_playlist',
        config: { dry_run: true },
        upstream: ['source'],
      },
      {
        id: 'local',
        type: 'destination.create_internal_playlist',
        config: { dry_run: true },
        upstream: ['source'],
      },
    ]);

    expect(result.status).toBe('succeeded');
    expect(world.spotify.writeCalls()).toHaveLength(before);
    expect(await playlists.list()).toHaveLength(stored);
    expect(result.tasks[1]!.details).toMatchObject({ dryRun: true, dryRunBy: 'config' });
  });

  it('update_spotify_playlist with dry_run in its config leaves the playlist as it was', async () => {
    const mix = world.spotify.addPlaylist({ name: 'Kept', entries: [] });
    const before = world.spotify.writeCalls().length;

    const result = await run([
      source(library.playlistId),
      {
        id: 'write',
        type: 'destination.update_spotify_playlist',
        config: { playlist_id: mix.id, dry_run: true },
        upstream: ['source'],
      },
    ]);

    expect(result.status).toBe('succeeded');
    expect(world.spotify.writeCalls()).toHaveLength(before);
    expect(world.spotify.playlist(mix.id).entries).toEqual([]);
    expect(result.tasks[1]!.details).toMatchObject({ change: expect.objectContaining({ added: 12 }) });
  });

  it("refuses to empty a playlist of Narada's own database, and empties it when the run allows it", async () => {
    const id = await localPlaylist();
    const write = {
      id: 'write',
      type: 'destination.update_playlist',
      config: { playlist_id: id },
      upstream: ['source'],
    };

    const refused = await run([source(empty), write]);
    expect(refused.status).toBe('failed');
    expect(refused.error).toContain('task "write"');
    expect(refused.error).toContain(`Narada's copy of "Mine"`);
    expect(refused.tasks[1]!.details).toMatchObject({
      code: 'WORKFLOW.WOULD_EMPTY_PLAYLIST',
      category: 'input',
    });
    expect(world.logEntries()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'workflow task failed',
        runId: refused.id,
        taskId: 'write',
        type: 'destination.update_playlist',
        code: 'WORKFLOW.WOULD_EMPTY_PLAYLIST',
        error: expect.stringContaining(`Narada's copy of "Mine"`),
      }),
    );
    expect(await itemsOf(id)).toBe(12);

    const allowed = await run([source(empty), write], { allowEmpty: true });
    expect(allowed.status).toBe('succeeded');
    expect(await itemsOf(id)).toBe(0);
  });

  it("refuses update_spotify on a playlist that lives only in Narada's database", async () => {
    const id = await localPlaylist();

    const result = await run([
      source(library.playlistId),
      {
        id: 'write',
        type: 'destination.update_playlist',
        config: { playlist_id: id, operation_type: 'update_spotify' },
        upstream: ['source'],
      },
    ]);

    expect(result.status).toBe('failed');
    expect(result.tasks[1]!.details).toMatchObject({ code: 'WORKFLOW.NOT_ON_SPOTIFY', category: 'input' });
  });

  it('refuses an operation_type Narada does not support, naming the field, before running anything', async () => {
    await expect(
      run([
        source(library.playlistId),
        {
          id: 'write',
          type: 'destination.update_playlist',
          config: { playlist_id: library.playlistId, operation_type: 'sync_bidirectional' },
          upstream: ['source'],
        },
      ]),
    ).rejects.toMatchObject({ message: expect.stringContaining('operation_type') });
  });
});
