import { describe, expect, it } from '@jest/globals';
import type { WorkflowRunDraft } from '../../../src/application/ports/workflow-run-repository.port.js';
import { AT, tempDatabasePerTest } from './temp-database.js';

function aWorkflowRunDraft(overrides: Partial<WorkflowRunDraft> = {}): WorkflowRunDraft {
  return {
    workflowId: 'sort_by_plays',
    workflowName: 'Sort by plays',
    status: 'running',
    dryRun: true,
    parameters: { playlist_id: '37i9dQZF1DXcBWIGoYBM5M' },
    tasks: [],
    apiCalls: {},
    startedAt: AT,
    finishedAt: null,
    error: null,
    ...overrides,
  };
}

describe('run records: sync checkpoints, workflow runs and the response cache', () => {
  const temp = tempDatabasePerTest();

  it('stores a sync checkpoint and replaces it on the next put', async () => {
    const { syncCheckpoints } = temp.repos;
    const checkpoint = {
      key: 'likes:spotify->lastfm',
      cursor: '2024-01-01T00:00:00Z',
      state: { seen: 12 },
      updatedAt: AT,
    };
    await syncCheckpoints.put(checkpoint);
    expect(await syncCheckpoints.get(checkpoint.key)).toEqual(checkpoint);

    await syncCheckpoints.put({ ...checkpoint, cursor: null, state: {}, updatedAt: AT + 1 });

    expect(await syncCheckpoints.get(checkpoint.key)).toEqual({
      ...checkpoint,
      cursor: null,
      state: {},
      updatedAt: AT + 1,
    });
    expect(await syncCheckpoints.get('likes:lastfm->spotify')).toBeNull();
  });

  it('saves a workflow run, updates it when it finishes, and lists the newest first', async () => {
    const { workflowRuns } = temp.repos;
    const first = await workflowRuns.save(aWorkflowRunDraft({ workflowId: 'first' }));
    const running = await workflowRuns.save(aWorkflowRunDraft({ dryRun: false }));
    const finished = {
      ...running,
      status: 'succeeded' as const,
      finishedAt: AT + 5_000,
      tasks: [
        {
          taskId: 'source',
          type: 'source.spotify_playlist',
          status: 'succeeded' as const,
          inputCount: 0,
          outputCount: 50,
          durationMs: 812,
          error: null,
          details: { cacheHits: 3, planned: ['add', 'move'] },
        },
      ],
      apiCalls: { 'spotify GET /playlists/{id}/items': 1 },
    };

    await workflowRuns.save(finished);

    expect(await workflowRuns.get(running.id)).toEqual(finished);
    expect((await workflowRuns.list(10)).map((r) => r.id)).toEqual([running.id, first.id]);
    expect((await workflowRuns.list(1)).map((r) => r.id)).toEqual([running.id]);
    expect(await workflowRuns.get(999)).toBeNull();
  });

  it('caches a response body per service and key, replacing it when fetched again', async () => {
    const { responseCache } = temp.repos;
    await responseCache.put('musicbrainz', '/recording/abc?inc=isrcs', '{"id":"abc"}', AT);
    await responseCache.put('musicbrainz', '/recording/abc?inc=isrcs', '{"id":"abc","v":2}', AT + 1);

    expect(await responseCache.get('musicbrainz', '/recording/abc?inc=isrcs')).toEqual({
      body: '{"id":"abc","v":2}',
      fetchedAt: AT + 1,
    });
    expect(await responseCache.get('lastfm', '/recording/abc?inc=isrcs')).toBeNull();
  });
});
