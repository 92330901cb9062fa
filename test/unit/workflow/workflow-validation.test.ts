import { describe, expect, it } from '@jest/globals';
import {
  WorkflowValidationError,
  type WorkflowTask,
} from '../../../src/domain/workflow/workflow-definition.js';
import {
  checkWorkflowText,
  loadWorkflow,
  type ConfigIssue,
  type WorkflowCheckOptions,
} from '../../../src/domain/workflow/workflow-validation.js';
import { InvalidInputError } from '../../../src/domain/shared/errors.js';
import { NODE_TYPES, ORIGINAL_WORKFLOW, workflowText } from './workflow-samples.js';

/** A stand-in for the per-node schemas: selector.limit_tracks needs a positive integer count. */
function limitNeedsCount(task: WorkflowTask): ConfigIssue[] {
  if (task.type !== 'selector.limit_tracks') return [];
  const count = task.config.count;
  return typeof count === 'number' && Number.isInteger(count) && count > 0
    ? []
    : [{ path: ['count'], message: 'must be a positive whole number', hint: 'e.g. "count": 50' }];
}

const options: WorkflowCheckOptions = { knownTypes: NODE_TYPES, validateConfig: limitNeedsCount };

describe('checkWorkflowText', () => {
  it('accepts an original narada file unchanged', () => {
    const { definition, issues } = checkWorkflowText(ORIGINAL_WORKFLOW, options);
    expect(issues).toEqual([]);
    expect(definition?.tasks).toHaveLength(8);
  });

  it('returns every problem of a broken file together', () => {
    const text = workflowText([
      { id: 'src', type: 'source.spotify_playlist', config: { playlist_id: '{{playlist}}' } },
      { id: 'sort', type: 'sorter.by_metrc', upstream: ['srcc'] },
      { id: 'a', type: 'filter.deduplicate', upstream: ['b'] },
      { id: 'b', type: 'filter.deduplicate', upstream: ['a'] },
      { id: 'top', type: 'selector.limit_tracks', config: { count: 'many' }, upstream: ['sort'] },
      { id: 'nameless' },
    ]);
    const { definition, issues } = checkWorkflowText(text, options);
    expect(definition).toBeNull();
    expect(issues.map((issue) => [issue.code, issue.taskId, issue.field, issue.hint])).toEqual([
      [
        'WORKFLOW.MISSING_TASK_TYPE',
        'nameless',
        'type',
        'set "type" to a node type; `narada workflow nodes` lists them',
      ],
      ['WORKFLOW.UNKNOWN_UPSTREAM', 'sort', 'upstream', 'did you mean "src"?'],
      ['WORKFLOW.CYCLE', 'a', 'upstream', 'data must flow one way; remove one of these upstream links'],
      ['WORKFLOW.UNKNOWN_NODE_TYPE', 'sort', 'type', 'did you mean "sorter.by_metric"?'],
      [
        'WORKFLOW.UNRESOLVED_PARAMETER',
        'src',
        'config.playlist_id',
        'pass --param playlist=<value> or give it a "default" under "parameters"',
      ],
      ['WORKFLOW.INVALID_CONFIG', 'top', 'config.count', 'e.g. "count": 50'],
    ]);
    expect(issues.find((issue) => issue.code === 'WORKFLOW.CYCLE')?.message).toBe(
      'tasks form a cycle: a → b → a',
    );
  });

  it('does not report an upstream link to a task that is already reported as broken', () => {
    const text = workflowText([{ id: 'a' }, { id: 'b', type: 'filter.deduplicate', upstream: ['a'] }]);
    expect(checkWorkflowText(text, options).issues.map((issue) => issue.code)).toEqual([
      'WORKFLOW.MISSING_TASK_TYPE',
    ]);
  });

  it('substitutes parameters before the node validators see the config', () => {
    const text = workflowText([{ id: 'top', type: 'selector.limit_tracks', config: { count: '{{n}}' } }], {
      parameters: { n: { type: 'number' } },
    });
    const { definition, issues } = checkWorkflowText(text, { ...options, parameters: { n: '20' } });
    expect(issues).toEqual([]);
    expect(definition!.tasks[0]!.config).toEqual({ count: 20 });
  });

  it('skips the node validator for a task whose placeholders did not resolve', () => {
    const text = workflowText([{ id: 'top', type: 'selector.limit_tracks', config: { count: '{{n}}' } }]);
    expect(checkWorkflowText(text, options).issues.map((issue) => issue.code)).toEqual([
      'WORKFLOW.UNRESOLVED_PARAMETER',
    ]);
  });

  it('hands the validator the whole workflow so it can check references to other tasks', () => {
    const text = workflowText([
      { id: 'a', type: 'source.spotify_playlist' },
      { id: 'join', type: 'combiner.merge_playlists', config: { sources: ['a', 'zz'] }, upstream: ['a'] },
    ]);
    const { issues } = checkWorkflowText(text, {
      knownTypes: NODE_TYPES,
      validateConfig: (task, workflow) => {
        const sources = (task.config.sources ?? []) as string[];
        const ids = new Set(workflow.tasks.map((t) => t.id));
        return sources.flatMap((id, index) =>
          ids.has(id) ? [] : [{ path: ['sources', index], message: `no task "${id}"` }],
        );
      },
    });
    expect(issues).toEqual([
      {
        code: 'WORKFLOW.INVALID_CONFIG',
        taskId: 'join',
        field: 'config.sources[1]',
        message: 'no task "zz"',
      },
    ]);
  });

  it('reports bad JSON alone, as nothing else can be checked', () => {
    const { issues } = checkWorkflowText('{ "tasks": [ }', options);
    expect(issues).toEqual([expect.objectContaining({ code: 'WORKFLOW.INVALID_JSON', line: 1, column: 14 })]);
  });
});

describe('loadWorkflow', () => {
  it('returns the runnable definition of a valid file', () => {
    expect(loadWorkflow(ORIGINAL_WORKFLOW, 'weekly.json', options).id).toBe('weekly_mix');
  });

  it('throws one input error that names the file and lists every problem', () => {
    const text = workflowText([
      { id: 'a', type: 'filter.dedupicate' },
      { id: 'b', type: 'filter.deduplicate', upstream: ['c'] },
    ]);
    let caught: unknown;
    try {
      loadWorkflow(text, 'workflows/mix.json', options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkflowValidationError);
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as WorkflowValidationError;
    expect(error.code).toBe('WORKFLOW.INVALID');
    expect(error.category).toBe('input');
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      [
        'workflows/mix.json has 2 problems:',
        '  - task "b", upstream: names unknown task "c" (did you mean "a"?)',
        '  - task "a", type: unknown node type "filter.dedupicate" (did you mean "filter.deduplicate"?)',
      ].join('\n'),
    );
  });

  it('uses the issue code and a one-line message for a single problem', () => {
    const error = catchError(() => loadWorkflow('{\n  "tasks": [1,]\n}', 'mix.json', options));
    expect(error.code).toBe('WORKFLOW.INVALID_JSON');
    expect(error.message).toBe(
      'mix.json: line 2, column 14: trailing comma before "]" (remove the comma after the last element)',
    );
  });
});

function catchError(run: () => unknown): WorkflowValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowValidationError) return error;
    throw error;
  }
  throw new Error('expected a WorkflowValidationError');
}
