// Without a terminal, a workflow step that takes long still prints a line every few seconds (its
// name, the time so far and its counts), so a log or CI job never looks stuck. The step is made slow
// for real: the fake Last.fm waits a second before each answer, and the enricher asks one at a time.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededWorld } from './workflow-e2e-kit.js';

describe('narada workflow run with plain-line progress', () => {
  const world = useSeededWorld({ lastfm: { delayMs: 1_000 } });

  it('prints heartbeat lines naming the task, its time and counts during a step of several seconds', async () => {
    const path = join(world.home, 'slow.json');
    const workflow = {
      id: 'slow_plays',
      name: 'Slow plays',
      tasks: [
        { id: 'source', type: 'source.spotify_playlist', config: { playlist_id: world.library.playlistId } },
        { id: 'top', type: 'selector.limit_tracks', config: { count: 7 }, upstream: ['source'] },
        { id: 'plays', type: 'enricher.lastfm', config: { concurrency: 1 }, upstream: ['top'] },
        { id: 'save', type: 'destination.create_internal_playlist', upstream: ['plays'] },
      ],
    };
    writeFileSync(path, JSON.stringify(workflow));

    const result = await world.narada(['workflow', 'run', path]);

    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    const started = lines.indexOf('▶ plays (enricher.lastfm)');
    const finished = lines.findIndex((line) => line.startsWith('✔ plays:'));
    const beats = lines.slice(started, finished).filter((line) => line.startsWith('… plays: running for '));
    expect(started).toBeGreaterThanOrEqual(0);
    expect(beats.length).toBeGreaterThanOrEqual(1);
    expect(beats[0]).toMatch(/^… plays: running for \d+\.\d+ s, \d of 7 done$/);
    expect(result.stdout).not.toContain('running for');
  });
});
