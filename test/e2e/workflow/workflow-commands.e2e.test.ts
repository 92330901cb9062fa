import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededWorld, workflowFile, type RunJson } from './workflow-e2e-kit.js';

describe('narada workflow validate | list | nodes | runs, and failures', () => {
  const world = useSeededWorld();
  const file = (name: string, text: string): string => {
    const path = join(world.home, name);
    writeFileSync(path, text);
    return path;
  };

  it('validate points at the line and column of broken JSON (exit 2)', async () => {
    const result = await world.narada([
      'workflow',
      'validate',
      file('broken.json', '{\n  "id": "x",\n  "tasks": [\n    {"id": "a",}\n  ]\n}\n'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 4, column 15: trailing comma');
  });

  it('validate names the task, suggests the node type meant and prints a cycle', async () => {
    const text = JSON.stringify({
      id: 'bad',
      tasks: [
        { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
        { id: 'sort', type: 'sorter.by_metrik', config: {}, upstream: ['src'] },
        { id: 'a', type: 'filter.deduplicate', upstream: ['b'] },
        { id: 'b', type: 'filter.deduplicate', upstream: ['a'] },
      ],
    });
    const result = await world.narada(['workflow', 'validate', file('bad.json', text)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'task "sort", type: unknown node type "sorter.by_metrik" (did you mean "sorter.by_metric"?)',
    );
    expect(result.stderr).toContain('tasks form a cycle: a → b → a');
  });

  it('run refuses a workflow whose required parameter is missing, before calling anything', async () => {
    const before = world.spotify.apiCalls().length;
    const result = await world.narada(['workflow', 'run', workflowFile('sort_by_plays.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('parameter "playlist_id" is required');
    expect(result.stderr).toContain('pass --param playlist_id=<value>');
    expect(world.spotify.apiCalls()).toHaveLength(before);
  });

  it('run says which task failed and why, skips its dependents, exits 2 for an unknown playlist and saves the run', async () => {
    const missing = '0'.repeat(21) + 'Z';
    const result = await world.narada([
      'workflow',
      'run',
      'sort_by_plays',
      '--param',
      `playlist_id=${missing}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/narada: task "source" \(source\.spotify_playlist\) failed: .*playlist/);
    expect(result.stderr).toContain('↷ destination');
    const runs = (await world.narada(['workflow', 'runs', '--json'])).json<{ runs: RunJson[] }>().runs;
    expect(runs[0]?.status).toBe('failed');
    expect(runs[0]?.tasks.map((task) => task.status)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
  });

  it("list shows the shipped workflows and the user's own, which run by id", async () => {
    mkdirSync(join(world.home, 'workflows'), { recursive: true });
    const own = {
      id: 'my_top',
      name: 'My top',
      tasks: [
        { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
        { id: 'top', type: 'selector.limit_tracks', config: { count: 3 }, upstream: ['src'] },
        {
          id: 'save',
          type: 'destination.create_internal_playlist',
          config: { name: 'Top 3' },
          upstream: ['top'],
        },
      ],
    };
    writeFileSync(join(world.home, 'workflows', 'my_top.json'), JSON.stringify(own));

    const listed = (await world.narada(['workflow', 'list', '--json'])).json<{
      workflows: { id: string; origin: string }[];
    }>();
    expect(listed.workflows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'my_top', origin: 'yours' }),
        expect.objectContaining({ id: 'sort_by_plays', origin: 'shipped' }),
        expect.objectContaining({ id: 'forgotten_favourites', origin: 'shipped' }),
      ]),
    );
    const ran = await world.narada(['workflow', 'run', 'my_top', '--json']);
    expect(ran.code).toBe(0);
    expect(ran.json<RunJson>().tasks.map((task) => task.outputCount)).toEqual([12, 3, 3]);
  });

  it('nodes lists every node type with its parameters and defaults', async () => {
    const result = await world.narada(['workflow', 'nodes', '--json']);
    const nodes = result.json<{ nodes: { type: string; params: { name: string; default?: unknown }[] }[] }>()
      .nodes;
    expect(nodes.map((node) => node.type)).toEqual(
      expect.arrayContaining([
        'source.spotify_playlist',
        'destination.update_playlist',
        'enricher.play_history',
      ]),
    );
    expect(nodes.find((node) => node.type === 'selector.limit_tracks')?.params).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'method', default: 'first' })]),
    );
    const human = await world.narada(['workflow', 'nodes']);
    expect(human.stdout).toContain('enricher.spotify — Adds release date');
  });
});
