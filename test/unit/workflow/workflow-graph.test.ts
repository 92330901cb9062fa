import { describe, expect, it } from '@jest/globals';
import {
  WorkflowValidationError,
  type WorkflowDefinition,
  type WorkflowTask,
} from '../../../src/domain/workflow/workflow-definition.js';
import { executionOrder, findCycles, levels } from '../../../src/domain/workflow/workflow-graph.js';
import { parseWorkflowText } from '../../../src/domain/workflow/workflow-parser.js';
import { ORIGINAL_WORKFLOW } from './workflow-samples.js';

function task(id: string, upstream: string[] = []): WorkflowTask {
  return { id, type: 'filter.deduplicate', config: {}, upstream };
}

function workflow(...tasks: WorkflowTask[]): WorkflowDefinition {
  return { id: 'w', name: 'w', description: '', version: null, parameters: [], tasks };
}

const ids = (tasks: readonly WorkflowTask[]): string[] => tasks.map((t) => t.id);

describe('executionOrder', () => {
  it('runs every task after its upstream tasks, whatever the file order', () => {
    const order = ids(executionOrder(parseWorkflowText(ORIGINAL_WORKFLOW).definition!));
    expect(order).toEqual(['fresh', 'older', 'merged', 'unique', 'plays', 'ranked', 'top', 'publish']);
  });

  it('breaks ties in file order', () => {
    const order = executionOrder(
      workflow(task('z'), task('m', ['z']), task('a'), task('b', ['a']), task('c')),
    );
    expect(ids(order)).toEqual(['z', 'm', 'a', 'b', 'c']);
  });

  it('throws naming the cycle', () => {
    const run = (): unknown => executionOrder(workflow(task('a', ['c']), task('b', ['a']), task('c', ['b'])));
    expect(run).toThrow(WorkflowValidationError);
    expect(run).toThrow('tasks form a cycle: a → b → c → a');
  });

  it('throws naming an upstream id that is no task', () => {
    expect(() => executionOrder(workflow(task('a', ['ghost'])))).toThrow('names unknown task "ghost"');
  });
});

describe('levels', () => {
  it('groups tasks that can run at the same time, each group in file order', () => {
    const groups = levels(parseWorkflowText(ORIGINAL_WORKFLOW).definition!);
    expect(groups.map(ids)).toEqual([
      ['fresh', 'older'],
      ['merged'],
      ['unique'],
      ['plays'],
      ['ranked'],
      ['top'],
      ['publish'],
    ]);
  });

  it('puts a task one level past its deepest upstream task', () => {
    const groups = levels(
      workflow(task('join', ['a', 'c']), task('a'), task('b', ['a']), task('c', ['b']), task('x')),
    );
    expect(groups.map(ids)).toEqual([['a', 'x'], ['b'], ['c'], ['join']]);
  });
});

describe('findCycles', () => {
  it('finds a task that reads itself', () => {
    expect(findCycles([task('a', ['a'])])).toEqual([['a', 'a']]);
  });

  it('finds each separate cycle once', () => {
    const cycles = findCycles([
      task('a', ['b']),
      task('b', ['a']),
      task('c'),
      task('d', ['c', 'f']),
      task('e', ['d']),
      task('f', ['e']),
    ]);
    expect(cycles).toEqual([
      ['a', 'b', 'a'],
      ['d', 'e', 'f', 'd'],
    ]);
  });

  it('finds none in a diamond', () => {
    expect(findCycles([task('a'), task('b', ['a']), task('c', ['a']), task('d', ['b', 'c'])])).toEqual([]);
  });
});
