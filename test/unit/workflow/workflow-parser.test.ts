import { describe, expect, it } from '@jest/globals';
import { parseWorkflowText } from '../../../src/domain/workflow/workflow-parser.js';
import { ORIGINAL_WORKFLOW, workflowText } from './workflow-samples.js';

const codes = (text: string): string[] => parseWorkflowText(text).issues.map((issue) => issue.code);

describe('parseWorkflowText', () => {
  it('reads an original narada file as written, keeping unknown config keys', () => {
    const { definition, issues } = parseWorkflowText(ORIGINAL_WORKFLOW);
    expect(issues).toEqual([]);
    expect(definition).toMatchObject({
      id: 'weekly_mix',
      name: 'Weekly Mix',
      version: '1.1',
      parameters: [],
    });
    expect(definition!.tasks.map((task) => task.id)).toEqual([
      'publish',
      'fresh',
      'older',
      'merged',
      'unique',
      'plays',
      'ranked',
      'top',
    ]);
    expect(definition!.tasks[1]).toEqual({
      id: 'fresh',
      type: 'source.spotify_playlist',
      config: { playlist_id: '2orOfUrshU959tYCUjt0Zs' },
      upstream: [],
    });
    expect(definition!.tasks[2]!.config).toEqual({ playlist_id: '2mSsaSRMN5Yfxo18SjDLjX', batch_size: 50 });
    expect(definition!.tasks[5]!.config).toEqual({});
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseWorkflowText(`\uFEFF${ORIGINAL_WORKFLOW}`).issues).toEqual([]);
  });

  it('takes the fallback id and names the workflow after it when the file has neither', () => {
    const text = JSON.stringify({ tasks: [{ id: 'a', type: 'filter.deduplicate' }] });
    expect(parseWorkflowText(text, { fallbackId: 'my-file' }).definition).toMatchObject({
      id: 'my-file',
      name: 'my-file',
      description: '',
      version: null,
    });
    expect(codes(text)).toEqual(['WORKFLOW.MISSING_ID']);
  });

  it('reports malformed JSON with the line and column of the fault', () => {
    const text = '{\n  "id": "x",\n  "tasks": [\n    { "id": "a" "type": "filter.deduplicate" }\n  ]\n}';
    const { definition, issues } = parseWorkflowText(text);
    expect(definition).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'WORKFLOW.INVALID_JSON',
        line: 4,
        column: 17,
        message: expect.stringContaining('","'),
      }),
    ]);
  });

  it('names a trailing comma and says to remove it', () => {
    const [issue] = parseWorkflowText('{\n  "id": "x",\n  "tasks": [],\n}').issues;
    expect(issue).toMatchObject({ line: 3, column: 14, message: 'trailing comma before "}"' });
    expect(issue!.hint).toContain('remove the comma');
  });

  it('refuses a document that is not an object', () => {
    expect(codes('[1, 2]')).toEqual(['WORKFLOW.NOT_A_WORKFLOW']);
  });

  it.each([
    ['missing', {}, 'the workflow has no "tasks"'],
    ['not a list', { tasks: { a: 1 } }, '"tasks" must be a list'],
    ['empty', { tasks: [] }, '"tasks" is empty'],
  ])('reports "tasks" that is %s', (_name, document, message) => {
    const [issue] = parseWorkflowText(JSON.stringify({ id: 'x', ...document })).issues;
    expect(issue).toMatchObject({ code: 'WORKFLOW.NO_TASKS', field: 'tasks', message });
    expect(issue!.hint).toContain('"upstream"');
  });

  it('reports every broken task, not just the first', () => {
    const text = workflowText([
      { type: 'filter.deduplicate' },
      { id: 'b' },
      'not a task',
      { id: 'c', type: 'filter.deduplicate', config: [], upstream: 'b' },
      { id: 'd', type: 'filter.deduplicate' },
      { id: 'd', type: 'filter.deduplicate' },
    ]);
    const { definition, issues, skippedTaskIds } = parseWorkflowText(text);
    expect(issues.map((issue) => [issue.code, issue.taskId, issue.field])).toEqual([
      ['WORKFLOW.MISSING_TASK_ID', undefined, 'tasks[0].id'],
      ['WORKFLOW.MISSING_TASK_TYPE', 'b', 'type'],
      ['WORKFLOW.INVALID_TASK', undefined, 'tasks[2]'],
      ['WORKFLOW.INVALID_CONFIG', 'c', 'config'],
      ['WORKFLOW.INVALID_UPSTREAM', 'c', 'upstream'],
      ['WORKFLOW.DUPLICATE_TASK_ID', 'd', 'tasks[5].id'],
    ]);
    expect(issues[4]!.hint).toBe('write "upstream": ["b"]');
    expect(definition!.tasks.map((task) => task.id)).toEqual(['d']);
    expect([...skippedTaskIds]).toEqual(['b', 'c']);
  });

  it('reads an upstream id listed twice once', () => {
    const text = workflowText([
      { id: 'a', type: 'source.spotify_playlist' },
      { id: 'b', type: 'filter.deduplicate', upstream: ['a', 'a'] },
    ]);
    expect(parseWorkflowText(text).definition!.tasks[1]!.upstream).toEqual(['a']);
  });

  it('reports top-level fields of the wrong type', () => {
    const text = workflowText([{ id: 'a', type: 'filter.deduplicate' }], { name: 3, version: [1] });
    expect(parseWorkflowText(text).issues.map((issue) => issue.field)).toEqual(['name', 'version']);
  });
});

describe('files no workflow could be', () => {
  it('refuses nesting past 64 levels with its line and column, without parsing (no stack overflow)', () => {
    const deep = `{\n  "id": "d",\n  "tasks": [{ "id": "s", "type": "t", "config": { "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} } }]\n}`;
    const { definition, issues } = parseWorkflowText(deep);
    expect(definition).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'WORKFLOW.TOO_DEEP',
        message: 'nesting deeper than 64 levels',
        line: 3,
      }),
    ]);
  });

  it('refuses text past 5 MB before parsing it', () => {
    const { issues } = parseWorkflowText(`{"id":"big","tasks":[],"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    expect(issues).toEqual([expect.objectContaining({ code: 'WORKFLOW.TOO_LARGE' })]);
  });

  it('refuses more than 1000 tasks', () => {
    const tasks = Array.from({ length: 1001 }, (_, i) => ({ id: `t${i}`, type: 'filter.deduplicate' }));
    const { issues } = parseWorkflowText(JSON.stringify({ id: 'many', tasks }));
    expect(issues).toEqual([expect.objectContaining({ code: 'WORKFLOW.TOO_MANY_TASKS', field: 'tasks' })]);
  });
});
