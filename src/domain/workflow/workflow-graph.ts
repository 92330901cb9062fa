// The task graph of a workflow: data flows from each upstream task to the tasks that name it.
// Gives a stable run order (ties in file order), concurrency levels, and the cycles that forbid one.
import {
  WorkflowValidationError,
  type WorkflowDefinition,
  type WorkflowIssue,
  type WorkflowTask,
} from './workflow-definition.js';

/**
 * Tasks in an order where every task comes after all of its upstream tasks; among tasks ready at
 * the same time, the one written first in the file comes first. Throws WorkflowValidationError
 * on a cycle or on an upstream id that names no task.
 */
export function executionOrder(definition: WorkflowDefinition): WorkflowTask[] {
  assertRunnable(definition);
  const tasks = definition.tasks;
  const waitingOn = new Map(tasks.map((task) => [task.id, new Set(task.upstream).size]));
  const done = new Set<string>();
  const order: WorkflowTask[] = [];
  while (order.length < tasks.length) {
    // Workflows hold tens of tasks, so a scan in file order is the simplest stable choice.
    const next = tasks.find((task) => !done.has(task.id) && waitingOn.get(task.id) === 0)!;
    order.push(next);
    done.add(next.id);
    for (const task of tasks) {
      if (task.upstream.includes(next.id)) waitingOn.set(task.id, waitingOn.get(task.id)! - 1);
    }
  }
  return order;
}

/**
 * Tasks grouped so that each group needs only earlier groups: the tasks of one group can run
 * concurrently. A task's group is one past its deepest upstream task's; each group is in file
 * order. Throws like `executionOrder`.
 */
export function levels(definition: WorkflowDefinition): WorkflowTask[][] {
  assertRunnable(definition);
  const byId = new Map(definition.tasks.map((task) => [task.id, task]));
  const levelOf = new Map<string, number>();
  const levelFor = (task: WorkflowTask): number => {
    let level = levelOf.get(task.id);
    if (level === undefined) {
      level = 1 + Math.max(-1, ...task.upstream.map((id) => levelFor(byId.get(id)!)));
      levelOf.set(task.id, level);
    }
    return level;
  };
  const groups: WorkflowTask[][] = [];
  for (const task of definition.tasks) (groups[levelFor(task)] ??= []).push(task);
  return groups;
}

/**
 * Cycles among the tasks, each as the ids along it with the first repeated at the end
 * (`['a', 'b', 'a']`). Upstream ids that name no task are ignored here.
 */
export function findCycles(tasks: readonly WorkflowTask[]): string[][] {
  const downstream = new Map<string, string[]>(tasks.map((task) => [task.id, []]));
  for (const task of tasks) for (const id of task.upstream) downstream.get(id)?.push(task.id);
  const cycles: string[][] = [];
  const covered = new Set<string>();
  const state = new Map<string, 'on-path' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'on-path');
    path.push(id);
    for (const next of downstream.get(id)!) {
      const seen = state.get(next);
      if (seen === undefined) visit(next);
      else if (seen === 'on-path') {
        const cycle = path.slice(path.indexOf(next));
        // One report per set of tasks: a tangle of back links would otherwise repeat itself.
        const key = [...cycle].sort().join('\u0000');
        if (!covered.has(key)) cycles.push([...cycle, next]);
        covered.add(key);
      }
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const task of tasks) if (!state.has(task.id)) visit(task.id);
  return cycles;
}

export function cycleIssue(cycle: readonly string[]): WorkflowIssue {
  return {
    code: 'WORKFLOW.CYCLE',
    taskId: cycle[0]!,
    field: 'upstream',
    message: `tasks form a cycle: ${cycle.join(' → ')}`,
    hint: 'data must flow one way; remove one of these upstream links',
  };
}

function assertRunnable(definition: WorkflowDefinition): void {
  const ids = new Set(definition.tasks.map((task) => task.id));
  const issues: WorkflowIssue[] = definition.tasks.flatMap((task) =>
    task.upstream
      .filter((id) => !ids.has(id))
      .map((id) => ({
        code: 'WORKFLOW.UNKNOWN_UPSTREAM',
        taskId: task.id,
        field: 'upstream',
        message: `names unknown task "${id}"`,
      })),
  );
  if (issues.length === 0) issues.push(...findCycles(definition.tasks).map(cycleIssue));
  if (issues.length > 0) throw new WorkflowValidationError(`workflow "${definition.id}"`, issues);
}
