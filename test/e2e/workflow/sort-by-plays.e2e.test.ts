import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectedByPlays } from '../../fakes/seed/demo-library.js';
import { useSeededWorld, taskOf, workflowFile, writeSizes, type RunJson } from './workflow-e2e-kit.js';

describe('narada workflow run workflows/sort_by_plays.json', () => {
  const world = useSeededWorld();
  let sourceBefore: { uris: string[]; snapshot: string };
  let first: RunJson;

  beforeAll(async () => {
    const playlist = world.spotify.playlist(world.library.playlistId);
    sourceBefore = { uris: playlist.entries.map((e) => e.uri), snapshot: playlist.snapshotId };
    const result = await world.narada([
      'workflow',
      'run',
      workflowFile('sort_by_plays.json'),
      '--param',
      `playlist_id=https://open.spotify.com/playlist/${world.library.playlistId}?si=demo`,
      '--json',
    ]);
    expect(result.stderr).not.toContain('narada:');
    expect(result.code).toBe(0);
    first = result.json<RunJson>();
  });

  const created = () => {
    const id = (taskOf(first, 'destination').details.playlist as { id: string }).id;
    return world.spotify.playlist(id);
  };

  it("creates a copy sorted by the listener's Last.fm plays, unknown tracks last and ties in playlist order", () => {
    const ids = created().entries.map((entry) => entry.uri.replace('spotify:track:', ''));
    expect(ids).toEqual(expectedByPlays(world.library));
    expect(created().name).toBe('Sorted by plays');
    expect(created().isPublic).toBe(false);
  });

  it('leaves the source playlist as it was', () => {
    const playlist = world.spotify.playlist(world.library.playlistId);
    expect(playlist.entries.map((e) => e.uri)).toEqual(sourceBefore.uris);
    expect(playlist.snapshotId).toBe(sourceBefore.snapshot);
  });

  it('reports every task with its counts, and the API calls per service', () => {
    expect(first.status).toBe('succeeded');
    expect(first.tasks.map((t) => [t.taskId, t.status, t.inputCount, t.outputCount])).toEqual([
      ['source', 'succeeded', 12, 12],
      ['plays', 'succeeded', 12, 12],
      ['sort', 'succeeded', 12, 12],
      ['destination', 'succeeded', 12, 12],
    ]);
    expect(first.apiCallsByService).toEqual({ spotify: 4, lastfm: 12 });
    expect(first.apiCalls['lastfm GET track.getInfo'] ?? first.apiCalls['lastfm POST track.getInfo']).toBe(
      12,
    );
  });

  it('calls no route Spotify removed and sends no write above its batch limit', () => {
    expect(world.spotify.removedRouteCalls()).toEqual([]);
    expect(Math.max(...writeSizes(world.spotify))).toBeLessThanOrEqual(100);
  });

  it('reuses the cached play counts on the next run instead of asking Last.fm again', async () => {
    const asked = world.lastfm.calls('track.getInfo').length;
    const again = await world.narada([
      'workflow',
      'run',
      'sort_by_plays',
      '--param',
      `playlist_id=${world.library.playlistId}`,
      '--json',
    ]);
    expect(again.code).toBe(0);
    expect(world.lastfm.calls('track.getInfo')).toHaveLength(asked);
    expect(taskOf(again.json<RunJson>(), 'plays').details).toMatchObject({
      cached: 12,
      fetched: 0,
      unknownToLastfm: 1,
    });
  });

  it('saves every run for `narada workflow runs`', async () => {
    const listed = await world.narada(['workflow', 'runs', '--json']);
    const runs = listed.json<{ runs: RunJson[] }>().runs;
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    const shown = await world.narada(['workflow', 'runs', String(first.id)]);
    expect(shown.stdout).toContain('destination: created Spotify playlist "Sorted by plays"');
  });
});
