import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import type { WorkflowRun } from '../../../../src/domain/workflow/workflow-run.js';
import { InkWorkflowProgress } from '../../../../src/infrastructure/cli/views/workflow-progress.js';
import { PlainWorkflowProgress } from '../../../../src/infrastructure/cli/views/workflow-progress-lines.js';
import { renderRun, runSummary } from '../../../../src/infrastructure/cli/views/workflow-report.js';

const change = {
  strategy: 'differential',
  before: 3,
  after: 3,
  kept: 2,
  added: 1,
  removed: 1,
  moved: 1,
  reAdded: 0,
  addedItems: ['Kestrel – Slow Orbit'],
  removedItems: ['Ada Quay – Morning Freight'],
  calls: ['DELETE /playlists/{id}/items (remove 1)', 'PUT /playlists/{id}/items (move 1 from 1 to before 0)'],
  writeCalls: 2,
  alternativeWriteCalls: 1,
  cheaper: 'replace',
};

const run: WorkflowRun = {
  id: 7,
  workflowId: 'sort_by_plays_in_place',
  workflowName: 'Sort by plays, in place',
  status: 'succeeded',
  dryRun: true,
  parameters: { playlist_id: 'x' },
  tasks: [
    {
      taskId: 'source',
      type: 'source.spotify_playlist',
      status: 'succeeded',
      inputCount: 3,
      outputCount: 3,
      durationMs: 120,
      error: null,
      details: {},
    },
    {
      taskId: 'write',
      type: 'destination.update_playlist',
      status: 'succeeded',
      inputCount: 3,
      outputCount: 3,
      durationMs: 30,
      error: null,
      details: { playlist: { name: 'Road Trip' }, change, warnings: ['1 local file(s) were left out'] },
    },
  ],
  apiCalls: { 'spotify GET /playlists/{id}': 1, 'lastfm GET track.getInfo': 3 },
  startedAt: 1_000,
  finishedAt: 1_400,
  error: null,
  owner: null,
};

describe('the run report', () => {
  it('lists the tasks, what a dry run would change with its calls, the warnings and the API calls', () => {
    const text = renderRun(run).join('\n');
    expect(text).toContain(
      'Workflow "Sort by plays, in place" (sort_by_plays_in_place) succeeded in 0.40 s — dry run, nothing written',
    );
    expect(text).toMatch(/✔ source\s+source\.spotify_playlist\s+3 → 3\s+0\.12 s/);
    expect(text).toContain('write: would change "Road Trip"');
    expect(text).toContain('1 added, 1 removed, 1 moved, 2 kept; 3 → 3 items');
    expect(text).toContain('2 write call(s) (a full replace would need 1 and lose every added_at)');
    expect(text).toContain('+ Kestrel – Slow Orbit');
    expect(text).toContain('- Ada Quay – Morning Freight');
    expect(text).toContain('PUT /playlists/{id}/items (move 1 from 1 to before 0)');
    expect(text).toContain('! write: 1 local file(s) were left out');
    expect(text).toContain('API calls: spotify 1 (GET /playlists/{id} 1); lastfm 3 (GET track.getInfo 3)');
  });

  it('adds the duration and the calls per service to the JSON', () => {
    expect(runSummary(run)).toMatchObject({
      id: 7,
      durationMs: 400,
      apiCallsByService: { spotify: 1, lastfm: 3 },
    });
  });
});

describe('live progress', () => {
  it('plain lines say when each task starts and how it ended', () => {
    const lines: string[] = [];
    const view = new PlainWorkflowProgress((line) => lines.push(line));
    view.taskStarted({ id: 'source', type: 'source.spotify_playlist', config: {}, upstream: [] });
    view.taskFinished(run.tasks[0]!);
    view.taskFinished({
      ...run.tasks[1]!,
      status: 'skipped',
      error: 'not run: upstream task "source" failed',
    });
    expect(lines).toEqual([
      '▶ source (source.spotify_playlist)',
      '✔ source: 3 → 3 tracks in 0.12 s',
      '↷ write not run: upstream task "source" failed',
    ]);
  });

  it('the terminal view shows every task and its state', async () => {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const view = new InkWorkflowProgress(stream);
    view.planned([
      { id: 'source', type: 'source.spotify_playlist', config: {}, upstream: [] },
      { id: 'write', type: 'destination.update_playlist', config: {}, upstream: ['source'] },
    ]);
    view.taskStarted({ id: 'source', type: 'source.spotify_playlist', config: {}, upstream: [] });
    view.taskProgress('source').setTotal(3);
    view.taskFinished(run.tasks[0]!);
    view.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(output).toContain('source');
    expect(output).toContain('write');
    expect(output).toContain('✔');
    expect(output).toContain('3 → 3');
  });
});
