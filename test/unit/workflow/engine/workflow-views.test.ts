import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import type { WorkflowRun } from '../../../../src/domain/workflow/workflow-run.js';
import { InkProgressReporter } from '../../../../src/infrastructure/cli/views/ink-progress.js';
import { PlainProgressReporter } from '../../../../src/infrastructure/cli/views/plain-progress.js';
import { PlainWorkflowProgress } from '../../../../src/infrastructure/cli/views/workflow-progress-lines.js';
import {
  renderRun,
  runFailure,
  runSummary,
} from '../../../../src/infrastructure/cli/views/workflow-report.js';

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
    expect(text).toContain(
      'write: dry run (--dry-run), nothing written: would add 1, remove 1, move 1 on "Road Trip"',
    );
    expect(text).toContain('1 added, 1 removed, 1 moved, 2 kept; 3 → 3 items');
    expect(text).toContain('2 write call(s) (a full replace would need 1 and lose every added_at)');
    expect(text).toContain('+ Kestrel – Slow Orbit');
    expect(text).toContain('- Ada Quay – Morning Freight');
    expect(text).toContain('PUT /playlists/{id}/items (move 1 from 1 to before 0)');
    expect(text).toContain('! write: 1 local file(s) were left out');
    expect(text).toContain('API calls: spotify 1 (GET /playlists/{id} 1); lastfm 3 (GET track.getInfo 3)');
  });

  it('says which copy each destination changed and which it left alone, and why', () => {
    const narada = { copy: 'narada', playlist: { id: 4, name: 'Road Trip' }, change };
    const text = renderRun({
      ...run,
      dryRun: false,
      tasks: [
        {
          ...run.tasks[1]!,
          details: {
            dryRun: false,
            dryRunBy: null,
            playlist: narada.playlist,
            change,
            writes: [narada],
            untouched: [{ copy: 'spotify', reason: 'enable_external_sync is false' }],
            wouldEmpty: [],
          },
        },
      ],
    }).join('\n');
    expect(text).toContain(
      `write: updated Narada's copy of "Road Trip" only; Spotify untouched (enable_external_sync is false)`,
    );
    expect(text).toContain('1 added, 1 removed, 1 moved, 2 kept; 3 → 3 items');
  });

  it('says a dry run comes from the task config, and that its plan would empty the playlist', () => {
    const emptying = { ...change, after: 0, kept: 0, added: 0, removed: 3, moved: 0 };
    const spotify = { copy: 'spotify', playlist: { id: 'abc', name: 'Road Trip' }, change: emptying };
    const text = renderRun({
      ...run,
      dryRun: false,
      tasks: [
        {
          ...run.tasks[1]!,
          details: {
            dryRun: true,
            dryRunBy: 'config',
            playlist: spotify.playlist,
            change: emptying,
            writes: [spotify],
            untouched: [],
            wouldEmpty: ['spotify'],
          },
        },
      ],
    }).join('\n');
    expect(text).toContain(
      'write: dry run ("dry_run": true in its config), nothing written: would add 0, remove 3, move 0 on Spotify playlist "Road Trip"',
    );
    expect(text).toContain(
      '! this would empty Spotify playlist "Road Trip": a real run refuses unless given --allow-empty',
    );
  });

  it('ends a run refused for its input or configuration with exit-2 category and the task code, else as a failure', () => {
    const refused: WorkflowRun = {
      ...run,
      status: 'failed',
      error: 'task "write" (destination.update_playlist) failed: its plan would remove every track',
      tasks: [
        {
          ...run.tasks[1]!,
          status: 'failed',
          details: { code: 'WORKFLOW.WOULD_EMPTY_PLAYLIST', category: 'input', retryable: false },
        },
      ],
    };
    expect(runFailure(refused)).toMatchObject({
      code: 'WORKFLOW.WOULD_EMPTY_PLAYLIST',
      category: 'input',
      message: expect.stringContaining('task "write"'),
    });
    const unconfigured = {
      ...refused,
      tasks: [
        {
          ...refused.tasks[0]!,
          details: { code: 'WORKFLOW.LASTFM_USER_MISSING', category: 'config', retryable: false },
        },
      ],
    };
    expect(runFailure(unconfigured)).toMatchObject({
      code: 'WORKFLOW.LASTFM_USER_MISSING',
      category: 'config',
    });
    const broken = { ...refused, tasks: [{ ...refused.tasks[0]!, details: { unexpected: true } }] };
    expect(runFailure(broken)).toMatchObject({ code: 'WORKFLOW.RUN_FAILED', category: 'failure' });
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
    const view = new PlainProgressReporter((line) => lines.push(line)).workflow();
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

  it('plain lines beat at least every 5 s while a task runs, with its time and counts so far', () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const lines: string[] = [];
      const view = new PlainWorkflowProgress((line) => lines.push(line));
      const progress = view.taskStarted({ id: 'plays', type: 'enricher.lastfm', config: {}, upstream: [] });
      progress.setTotal(8);
      progress.advance(3);
      jest.advanceTimersByTime(4_000);
      expect(lines).toEqual(['▶ plays (enricher.lastfm)']);
      jest.advanceTimersByTime(1_000);
      progress.advance(2);
      jest.advanceTimersByTime(5_000);
      view.taskFinished({ ...run.tasks[0]!, taskId: 'plays' });
      jest.advanceTimersByTime(10_000);
      view.end();
      expect(lines).toEqual([
        '▶ plays (enricher.lastfm)',
        '… plays: running for 5.00 s, 3 of 8 done',
        '… plays: running for 10.0 s, 5 of 8 done',
        '✔ plays: 3 → 3 tracks in 0.12 s',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('the terminal view shows every task and its state', async () => {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const view = new InkProgressReporter(stream).workflow([
      { id: 'source', type: 'source.spotify_playlist', config: {}, upstream: [] },
      { id: 'write', type: 'destination.update_playlist', config: {}, upstream: ['source'] },
    ]);
    view.taskStarted({ id: 'source', type: 'source.spotify_playlist', config: {}, upstream: [] }).setTotal(3);
    view.taskFinished(run.tasks[0]!);
    view.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(output).toContain('source');
    expect(output).toContain('write');
    expect(output).toContain('✔');
    expect(output).toContain('3 → 3');
  });
});
