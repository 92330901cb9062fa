import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { ValidateWorkflow } from '../../../../src/application/use-cases/workflow/validate-workflow.js';
import { NodeRegistry } from '../../../../src/application/workflow/node-registry.js';
import { createNodeRegistry } from '../../../../src/application/workflow/nodes/all-nodes.js';
import { checkWorkflow } from '../../../../src/application/workflow/workflow-checks.js';
import { defineNode } from '../../../../src/application/workflow/workflow-node.js';
import { trackList } from '../../../../src/domain/workflow/track-list.js';
import { NODE_TYPES, ORIGINAL_WORKFLOW, workflowText } from '../workflow-samples.js';

const registry = createNodeRegistry();
const source = {
  id: 'src',
  type: 'source.spotify_playlist',
  config: { playlist_id: '37i9dQZF1DXcBWIGoYBM5M' },
};

const issuesOf = (tasks: readonly unknown[], parameters: Record<string, string> = {}) =>
  checkWorkflow({ text: workflowText(tasks), parameters }, registry).issues;

describe('the node registry', () => {
  it('knows every node type of the original narada', () => {
    expect(registry.types).toEqual(expect.arrayContaining([...NODE_TYPES]));
  });

  it('refuses a node type declared twice', () => {
    const node = defineNode({
      type: 'filter.twice',
      kind: 'filter',
      description: 'twice',
      params: z.looseObject({}),
      run: async () => ({ output: trackList([]) }),
    });
    expect(() => new NodeRegistry([node, node])).toThrow('"filter.twice" is declared twice');
  });
});

describe('checkWorkflow', () => {
  it('accepts an original narada file as written', () => {
    expect(checkWorkflow({ text: ORIGINAL_WORKFLOW }, registry).issues).toEqual([]);
  });

  it('names the task and suggests the nearest node type for an unknown one', () => {
    expect(
      issuesOf([source, { id: 'sort', type: 'sorter.by_metrc', config: {}, upstream: ['src'] }]),
    ).toEqual([
      expect.objectContaining({ taskId: 'sort', field: 'type', hint: 'did you mean "sorter.by_metric"?' }),
    ]);
  });

  it('reports a task that reads nothing, and one that reads two lists', () => {
    const issues = issuesOf([
      source,
      { ...source, id: 'src2' },
      { id: 'lonely', type: 'filter.deduplicate' },
      { id: 'greedy', type: 'sorter.by_release_date', upstream: ['src', 'src2'] },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'WORKFLOW.MISSING_INPUT', taskId: 'lonely', field: 'upstream' }),
      expect.objectContaining({
        code: 'WORKFLOW.TOO_MANY_INPUTS',
        taskId: 'greedy',
        hint: expect.stringContaining('combiner.merge_playlists'),
      }),
    ]);
  });

  it('reports a source that names upstream tasks', () => {
    expect(issuesOf([source, { ...source, id: 'src2', upstream: ['src'] }])).toEqual([
      expect.objectContaining({ code: 'WORKFLOW.UNEXPECTED_UPSTREAM', taskId: 'src2' }),
    ]);
  });

  it('reports wrong config types with the task and the config key', () => {
    expect(
      issuesOf([
        source,
        { id: 'top', type: 'selector.limit_tracks', config: { count: -1 }, upstream: ['src'] },
      ]),
    ).toEqual([
      expect.objectContaining({
        code: 'WORKFLOW.INVALID_CONFIG',
        taskId: 'top',
        field: 'config.count',
        message: '"count" must be at least 0, got -1',
      }),
    ]);
  });

  it('substitutes parameters before checking the config, reading them as the declared type', () => {
    const text = workflowText(
      [
        { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: '{{playlist}}' } },
        { id: 'top', type: 'selector.limit_tracks', config: { count: '{{size}}' }, upstream: ['src'] },
      ],
      { parameters: { playlist: { required: true }, size: { default: 5 } } },
    );
    const { definition, issues } = checkWorkflow(
      { text, parameters: { playlist: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M', size: '7' } },
      registry,
    );
    expect(issues).toEqual([]);
    expect(definition?.tasks[1]?.config).toEqual({ count: 7 });
  });

  it('reports a missing parameter once, not again as a bad config value', () => {
    const text = workflowText(
      [{ id: 'src', type: 'source.spotify_playlist', config: { playlist_id: '{{playlist}}' } }],
      {
        parameters: { playlist: { required: true } },
      },
    );
    expect(checkWorkflow({ text }, registry).issues).toEqual([
      expect.objectContaining({ code: 'WORKFLOW.MISSING_PARAMETER' }),
    ]);
  });
});

describe('ValidateWorkflow', () => {
  it('calls a file valid when it only lacks parameter values, and lists them', () => {
    const text = workflowText(
      [{ id: 'src', type: 'source.spotify_playlist', config: { playlist_id: '{{playlist_id}}' } }],
      {
        parameters: { playlist_id: { required: true } },
      },
    );
    expect(new ValidateWorkflow(registry).validate({ text })).toMatchObject({
      valid: true,
      issues: [],
      needsParameters: ['playlist_id'],
    });
  });

  it('reports every problem of a broken file at once', () => {
    const text = workflowText([
      source,
      { id: 'a', type: 'filter.deduplicate', upstream: ['b'] },
      { id: 'b', type: 'filter.deduplicate', upstream: ['a'] },
      { id: 'c', type: 'filter.deduplicate', upstream: ['nowhere'] },
    ]);
    const result = new ValidateWorkflow(registry).validate({ text });
    expect(result.valid).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(['WORKFLOW.UNKNOWN_UPSTREAM', 'WORKFLOW.CYCLE']);
    expect(result.issues[1]?.message).toContain('a → b → a');
  });
});
