import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectedByPlays } from '../../fakes/seed/demo-library.js';
import type { FakePlaylistEntry } from '../../fakes/spotify/fake-spotify-model.js';
import { useSeededWorld, taskOf, workflowFile, writeSizes, type RunJson } from './workflow-e2e-kit.js';

describe('narada workflow run workflows/sort_by_plays_in_place.json', () => {
  const world = useSeededWorld();
  let seeded: readonly FakePlaylistEntry[];

  beforeAll(async () => {
    seeded = [...world.spotify.playlist(world.library.playlistId).entries];
  });

  const run = (...extra: string[]) =>
    world.narada([
      'workflow',
      'run',
      workflowFile('sort_by_plays_in_place.json'),
      '--param',
      `playlist_id=spotify:playlist:${world.library.playlistId}`,
      ...extra,
    ]);

  it('with --dry-run writes nothing and prints the moves and calls it would make', async () => {
    const result = await run('--dry-run');

    expect(result.code).toBe(0);
    expect(world.spotify.writeCalls()).toEqual([]);
    expect(world.spotify.playlist(world.library.playlistId).entries).toEqual(seeded);
    expect(result.stdout).toContain('dry run, nothing written');
    expect(result.stdout).toMatch(
      /destination: dry run \(--dry-run\), nothing written: would add 0, remove 0, move \d+ on Spotify playlist "Road Trip"/,
    );
    expect(result.stdout).toMatch(/0 added, 0 removed, \d+ moved, 12 kept/);
    expect(result.stdout).toMatch(/PUT \/playlists\/\{id\}\/items \(move \d+ from \d+ to before \d+\)/);
  });

  it('reorders the playlist by plays in place, every item keeping its added_at', async () => {
    const result = await run('--json');

    expect(result.code).toBe(0);
    const after = world.spotify.playlist(world.library.playlistId).entries;
    expect(after.map((entry) => entry.uri.replace('spotify:track:', ''))).toEqual(
      expectedByPlays(world.library),
    );
    const addedAt = new Map(seeded.map((entry) => [entry.uri, entry.addedAt]));
    for (const entry of after) expect(entry.addedAt).toBe(addedAt.get(entry.uri));
    const change = taskOf(result.json<RunJson>(), 'destination').details.change as {
      moved: number;
      writeCalls: number;
    };
    expect(change.writeCalls).toBe(world.spotify.writeCalls().length);
  });

  it('only moves items (no removes, no adds, no new playlist), chaining the snapshot id', () => {
    const writes = world.spotify.writeCalls();
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes.map((request) => `${request.method} ${request.path}`))).toEqual(
      new Set([`PUT /v1/playlists/${world.library.playlistId}/items`]),
    );
    const snapshots = writes.map((request) => (request.body as { snapshot_id?: string }).snapshot_id);
    expect(snapshots.every((snapshot) => typeof snapshot === 'string')).toBe(true);
    expect(new Set(snapshots).size).toBe(snapshots.length);
    expect(Math.max(...writeSizes(world.spotify))).toBeLessThanOrEqual(100);
    expect(world.spotify.removedRouteCalls()).toEqual([]);
  });

  it('changes nothing when run again on the sorted playlist', async () => {
    const before = world.spotify.writeCalls().length;
    const result = await run('--json');
    expect(result.code).toBe(0);
    expect(world.spotify.writeCalls()).toHaveLength(before);
  });
});
